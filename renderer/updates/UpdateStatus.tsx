import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APP_VERSION } from '../class/appVersion';
import { desktopUpdates } from '../platform/updates';
import { updateLine } from './updateLine';
import { useUpdateStatus } from './updateStore';

/**
 * The header's update line. Desktop: what the updater is doing (download progress, ready, "restart now / at the end
 * of the day" outside class, a failed install and why, a policy that holds or disables updates). Browser mode: the
 * version, and that the desktop app updates itself.
 */
export function UpdateStatus() {
  const { t } = useTranslation();
  const { status, desktop } = useUpdateStatus();
  const [refusal, setRefusal] = useState<string | null>(null);
  if (!desktop) {
    return (
      <span className="update-status muted" data-testid="update-status" data-state="browser">
        <span className="update-line" title={t('updates.browser', { version: APP_VERSION })}>
          {t('updates.browser', { version: APP_VERSION })}
        </span>
      </span>
    );
  }
  if (status === null) return null;

  const updates = desktopUpdates();
  const restart = async () => {
    const result = await updates?.restartNow();
    setRefusal(result && !result.ok ? result.reason : null);
  };
  const later = async () => {
    setRefusal(null);
    await updates?.later();
  };
  const line = updateLine(status, t);
  return (
    <span
      className={`update-status${status.state === 'failed' || status.state === 'held' ? ' problem' : ''}`}
      data-testid="update-status"
      data-state={status.state}
      role={status.state === 'failed' || status.state === 'held' ? 'alert' : 'status'}
      title={t('updates.version', { version: status.currentVersion })}
    >
      <span className="update-line" title={line}>
        {line}
      </span>
      {status.prompt && (
        <>
          <button type="button" className="primary small" data-testid="update-restart" onClick={() => void restart()}>
            {t('updates.restartNow')}
          </button>
          <button type="button" className="ghost small" data-testid="update-later" onClick={() => void later()}>
            {t('updates.later')}
          </button>
        </>
      )}
      {refusal && <span className="update-refusal">{refusal}</span>}
    </span>
  );
}
