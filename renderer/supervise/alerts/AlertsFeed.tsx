import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SlaTimer } from '../components/SlaTimer';
import { personLabel } from '../components/people';
import { HeldNote } from '../hold/HeldNote';
import { lookupBy } from '../hold/heldList';
import { useHeldList } from '../hold/useHeldList';
import { usePerson } from '../state/people';
import { acknowledgeAlert, acknowledgeAllAlerts } from '../state/apply';
import { useAlerts } from '../state/stores';
import { openClassDetail, openRequest } from '../state/view';
import type { Alert } from './alertBook';
import { askPermissionOnce, notificationPermission, type NotificationPermissionState } from './notify';

/** Alerts shown at once; the feed says how many more there are. */
const SHOWN = 100;

const alertId = (alert: Alert) => alert.id;
const isCritical = (alert: Alert) => alert.severity === 'critical';

/**
 * Alerts, newest problems of the worst kind on top, with how long each has waited and who has seen it. While the
 * supervisor points at the feed its order holds still, so acknowledging one alert does not slide another under the
 * pointer.
 */
export function AlertsFeed() {
  const { t } = useTranslation();
  const alerts = useAlerts((s) => s.alerts);
  const dropped = useAlerts((s) => s.dropped);
  const [permission, setPermission] = useState<NotificationPermissionState>(notificationPermission);
  const open = alerts.filter((a) => a.clearedAt === null && a.acknowledgedAt === null).length;
  const latest = useMemo(() => lookupBy(alerts, alertId), [alerts]);
  const view = useHeldList(alerts, { keyOf: alertId, latest, isUrgent: isCritical, cap: SHOWN });
  return (
    <section className="panel alerts" aria-label={t('supervise.alerts.title')} data-testid="alerts-feed" {...view.handlers}>
      <header className="panel-head">
        <h3>
          {t('supervise.alerts.title')} <span className="count-badge" data-testid="alerts-open" data-count={open}>{open}</span>
        </h3>
        {permission === 'default' && (
          <button type="button" className="ghost small" data-testid="alerts-enable-notifications" onClick={() => void askPermissionOnce(true).then(setPermission)}>
            {t('supervise.alerts.enableNotifications')}
          </button>
        )}
        <button type="button" className="ghost small" data-testid="alerts-ack-all" disabled={open === 0} onClick={() => acknowledgeAllAlerts()}>
          {t('supervise.alerts.acknowledgeAll')}
        </button>
      </header>
      {view.shown.length === 0 && <p className="empty muted">{t('supervise.alerts.none')}</p>}
      <ol className="alert-list">
        {view.shown.map((alert) => (
          <AlertItem key={alert.id} alert={alert} />
        ))}
      </ol>
      {(alerts.length > SHOWN || dropped > 0) && (
        <p className="muted small" data-testid="alerts-more">
          {t('supervise.alerts.more', { count: Math.max(0, alerts.length - SHOWN) + dropped })}
        </p>
      )}
      <HeldNote view={view} />
    </section>
  );
}

/** Memoised: an alert keeps its identity until it changes, so a new alert does not re-render the others. */
const AlertItem = memo(function AlertItem({ alert }: { alert: Alert }) {
  const { t } = useTranslation();
  const state = alert.clearedAt !== null ? 'cleared' : alert.acknowledgedAt !== null ? 'acknowledged' : 'open';
  const person = usePerson(alert.userId);
  const who = alert.userId ? personLabel(t, alert.userId, person) : t('supervise.alerts.wholeClass');
  const what =
    alert.kind === 'help'
      ? t(`supervise.alerts.help.${alert.helpStatus === 'escalated' ? 'escalated' : 'manual'}`, { user: who })
      : t('supervise.alerts.tag', { tag: alert.tag ? t(`supervise.tag.${alert.tag}`) : '', user: who });
  const show = () => (alert.requestId ? openRequest(alert.requestId) : openClassDetail(alert.classId));
  return (
    <li className={`alert-item sev-${alert.severity} alert-${state}`} data-testid="alert-item" data-alert-id={alert.id} data-severity={alert.severity} data-state={state} data-class-id={alert.classId}>
      <span className={`sev-dot sev-${alert.severity}`} title={t(`supervise.severity.${alert.severity}`)} />
      <button type="button" className="link alert-text" data-testid="alert-open" onClick={show}>
        <strong>{alert.title}</strong> <span>{what}</span>
      </button>
      {state === 'cleared' ? <span className="muted small">{t('supervise.alerts.cleared')}</span> : <SlaTimer since={alert.since} testId="alert-sla" />}
      {state === 'open' && (
        <button type="button" className="small" data-testid="alert-ack" onClick={() => acknowledgeAlert(alert.id)}>
          {t('supervise.alerts.acknowledge')}
        </button>
      )}
    </li>
  );
});
