import type { Notification as DesktopNotification } from '../../../shared/ipc/contract';

const ASKED_KEY = 'classroom-console.notificationsAsked';
/** At most one desktop notification this often: a burst of critical alerts becomes one notification with a count. */
export const NOTIFY_INTERVAL_MS = 10_000;

export type NotificationPermissionState = 'granted' | 'denied' | 'default' | 'unsupported' | 'desktop';

/** Where notifications go: Electron's through window.desktop, else the browser's Notification API. */
export function notificationPermission(): NotificationPermissionState {
  if (window.desktop) return 'desktop';
  if (typeof Notification === 'undefined') return 'unsupported';
  return Notification.permission;
}

/**
 * Asks the browser for permission, once per browser profile: a supervisor who said no is not asked again (they can
 * change it in the browser's site settings). Electron needs no permission.
 */
export async function askPermissionOnce(force = false): Promise<NotificationPermissionState> {
  const state = notificationPermission();
  if (state !== 'default') return state;
  if (!force && localStorage.getItem(ASKED_KEY)) return state;
  localStorage.setItem(ASKED_KEY, String(Date.now()));
  try {
    return await Notification.requestPermission();
  } catch {
    return notificationPermission();
  }
}

/** Shows one desktop notification; false when it could not be shown. */
export async function showDesktopNotification(notification: DesktopNotification): Promise<boolean> {
  if (window.desktop) return window.desktop.notify.show(notification).catch(() => false);
  if (notificationPermission() !== 'granted') return false;
  try {
    // The tag makes a newer critical alert replace the older notification instead of piling up.
    new Notification(notification.title, { body: notification.body, tag: 'classroom-console-critical', requireInteraction: notification.severity === 'critical' });
    return true;
  } catch {
    return false;
  }
}

/** Coalesces notifications: the first goes out at once, later ones within the interval are counted into the next. */
export class NotificationThrottle {
  private lastAt = -Infinity;
  private held = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly send: (count: number) => void,
    private readonly intervalMs = NOTIFY_INTERVAL_MS,
    private readonly clock: () => number = Date.now,
  ) {}

  add(count: number): void {
    if (count <= 0) return;
    const now = this.clock();
    if (now - this.lastAt >= this.intervalMs && this.held === 0) {
      this.lastAt = now;
      this.send(count);
      return;
    }
    this.held += count;
    if (this.timer === undefined) this.timer = setTimeout(() => this.release(), Math.max(0, this.lastAt + this.intervalMs - now));
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.held = 0;
  }

  private release(): void {
    this.timer = undefined;
    const count = this.held;
    this.held = 0;
    this.lastAt = this.clock();
    if (count > 0) this.send(count);
  }
}
