import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { onAlertsRaised } from '../state/apply';
import { personLabel } from '../components/people';
import { usePeople } from '../state/people';
import type { Alert } from './alertBook';
import { NotificationThrottle, askPermissionOnce, showDesktopNotification } from './notify';

/**
 * Raises a desktop notification for critical alerts while the console is open: the first at once, a burst as one
 * notification with a count. In the browser, permission is asked once, on the first critical alert.
 */
export function useCriticalNotifications(): void {
  const { t } = useTranslation();
  useEffect(() => {
    let latest: Alert | null = null;
    const throttle = new NotificationThrottle((count) => {
      const alert = latest;
      if (!alert) return;
      const title =
        count === 1
          ? t('supervise.notify.one', { title: alert.title })
          : t('supervise.notify.many', { count });
      const who = alert.userId ? personLabel(t, alert.userId, usePeople.getState().byId.get(alert.userId)) : t('supervise.alerts.wholeClass');
      const body =
        alert.kind === 'help'
          ? t('supervise.notify.help', { user: who, title: alert.title })
          : t('supervise.notify.tag', { tag: alert.tag ? t(`supervise.tag.${alert.tag}`) : '', user: who, title: alert.title });
      void showDesktopNotification({ title: title.slice(0, 120), body: body.slice(0, 500), severity: 'critical' });
    });
    onAlertsRaised((raised) => {
      const critical = raised.filter((a) => a.severity === 'critical');
      if (critical.length === 0) return;
      latest = critical[critical.length - 1]!;
      void askPermissionOnce().then(() => throttle.add(critical.length));
    });
    return () => {
      onAlertsRaised(null);
      throttle.stop();
    };
  }, [t]);
}
