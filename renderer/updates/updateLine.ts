import type { UpdateStatus } from '../../shared/ipc/contract';

/** i18next's t, as far as this needs it. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The header's update line for a status, in the console's language. */
export function updateLine(status: UpdateStatus, t: Translate): string {
  const version = status.version ?? '';
  const percent = status.progress?.percent ?? 0;
  // A failed try that will be retried: the download or install waits for its backoff, and says why.
  if (status.failure && (status.state === 'available' || status.state === 'waiting')) return updateLine({ ...status, state: 'failed' }, t);
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
