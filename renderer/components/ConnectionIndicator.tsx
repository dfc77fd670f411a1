import { useTranslation } from 'react-i18next';
import { useConnection } from '../state/connection';

/** Connected (with round-trip time), reconnecting (with attempt), offline or refused. */
export function ConnectionIndicator() {
  const { t } = useTranslation();
  const state = useConnection((s) => s.status.state);
  const attempt = useConnection((s) => s.status.attempt);
  const rtt = useConnection((s) => s.status.rttMs);
  const detail = useConnection((s) => s.status.detail);
  let text: string;
  if (state === 'connected') text = rtt === null ? t('connection.connected') : t('connection.connectedRtt', { rtt });
  else if (state === 'reconnecting') text = t('connection.reconnecting', { attempt });
  else text = t(`connection.${state}`);
  return (
    <span
      className={`indicator indicator-${state}`}
      data-testid="connection-indicator"
      data-state={state}
      data-attempt={attempt}
      role="status"
      title={detail || undefined}
    >
      <span className="indicator-dot" aria-hidden="true" />
      {text}
    </span>
  );
}
