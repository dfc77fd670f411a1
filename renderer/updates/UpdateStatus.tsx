import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateStatus as Status } from '../../shared/ipc/contract';
import { APP_VERSION } from '../class/appVersion';
import { desktopUpdates } from '../platform/updates';
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
        {t('updates.browser', { version: APP_VERSION })}
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
  const line = describe(status, t);
  return (
    <span
      className={`update-status${status.state === 'failed' || status.state === 'held' ? ' problem' : ''}`}
      data-testid="update-status"
      data-state={status.state}
      role={status.state === 'failed' || status.state === 'held' ? 'alert' : 'status'}
      title={t('updates.version', { version: status.currentVersion })}
    >
      {line}
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

type T = (key: string, values?: Record<string, unknown>) => string;

function describe(status: Status, t: T): string {
  const version = status.version ?? '';
  const percent = status.progress?.percent ?? 0;
  // A failed try that will be retried: the download or install waits for its backoff, and says why.
  if (status.failure && (status.state === 'available' || status.state === 'waiting')) return describe({ ...status, state: 'failed' }, t);
  switch (status.state) {
    case 'unavailable':
      return t('updates.unavailable', { version: status.currentVersion, detail: status.detail ?? '' });
    case 'disabled':
      return t('updates.disabled');
    case 'held':
      return status.policy.source === 'invalid' ? t('updates.held', { path: status.policy.path, problem: status.policy.problem }) : t('updates.disabled');
    case 'checking':
      return t('updates.checking');
    case 'available':
      return t('updates.available', { version });
    case 'downloading':
      return `${t('updates.downloading', { version, percent })}${status.hold ? ` · ${t('updates.slowed')}` : ''}`;
    case 'paused':
      return t('updates.paused', { version, percent });
    case 'waiting':
      return t('updates.waiting', { version });
    case 'ready': {
      const what = status.rollback ? t('updates.rollback', { version }) : t('updates.ready', { version });
      if (status.hold) return `${what}. ${t('updates.afterClass')}`;
      return status.prompt || !status.installAtQuit ? what : `${what}. ${t('updates.atQuit')}`;
    }
    case 'failed': {
      const failure = status.failure;
      const head = t('updates.failed', { version, reason: failure?.reason ?? '' });
      if (!failure) return head;
      if (failure.gaveUp) return `${head}. ${t('updates.gaveUp')}`;
      return failure.retryInMs ? `${head}. ${t('updates.retry', { minutes: Math.ceil(failure.retryInMs / 60_000) })}` : head;
    }
    default:
      return status.refused ? t('updates.refused', { reason: status.refused }) : t('updates.version', { version: status.currentVersion });
  }
}
