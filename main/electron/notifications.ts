import { Notification } from 'electron';
import type { Notification as NotificationRequest } from '../../shared/ipc/contract';

/** Shows a desktop notification; false when the platform has none. */
export function showNotification({ title, body, severity }: NotificationRequest): boolean {
  if (!Notification.isSupported()) return false;
  new Notification({ title, body, silent: severity === 'info', urgency: severity === 'critical' ? 'critical' : 'normal' }).show();
  return true;
}
