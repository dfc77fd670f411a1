import { useTranslation } from 'react-i18next';
import type { ReleaseState } from '../../shared/protocol';
import { saveFile } from '../components/saveFile';
import type { ReleaseApi } from './releaseApi';
import { useReleaseAudit } from './state/audit';


/** The health gate's halts and the release audit log, newest first, with its export. */
export function AuditPanel({ api, state }: { api: ReleaseApi; state: ReleaseState }) {
  const { t } = useTranslation();
  const entries = useReleaseAudit((s) => s.entries);
  const error = useReleaseAudit((s) => s.error);
  const when = (at: number) => new Date(at).toLocaleString();
  const exportAs = async (format: 'jsonl' | 'csv') => saveFile(await api.exportAudit(format), `release-audit.${format}`);
  return (
    <section className="release-panel" data-testid="release-audit">
      <header>
        <h3>{t('releases.gate.title')}</h3>
      </header>
      <p className="release-muted">{t('releases.gate.settings', state.gate)}</p>
      {state.gateEvents.length === 0 ? (
        <p className="release-muted">{t('releases.gate.none')}</p>
      ) : (
        <ul className="release-gate-events" data-testid="release-gate-events">
          {[...state.gateEvents].reverse().map((event) => (
            <li key={`${event.version}@${event.at}`}>
              <time>{when(event.at)}</time> <strong>{event.version}</strong> {event.reason}
            </li>
          ))}
        </ul>
      )}
      <header>
        <h3>{t('releases.audit.title')}</h3>
        <span className="release-export">
          <button type="button" data-testid="audit-export-jsonl" onClick={() => void exportAs('jsonl')}>
            {t('releases.audit.exportJsonl')}
          </button>
          <button type="button" data-testid="audit-export-csv" onClick={() => void exportAs('csv')}>
            {t('releases.audit.exportCsv')}
          </button>
        </span>
      </header>
      {error && <p className="release-error" role="alert">{t('releases.audit.failed', { message: error })}</p>}
      {entries.length === 0 ? (
        <p className="release-empty">{t('releases.audit.empty')}</p>
      ) : (
        <ol className="release-audit-list" data-testid="release-audit-list">
          {[...entries].reverse().map((entry) => (
            <li key={entry.seq} data-action={entry.action}>
              <time>{when(entry.at)}</time> <span className="audit-actor">{entry.actor.kind === 'release-gate' ? t('releases.audit.gate') : entry.actor.id}</span>{' '}
              <code>{entry.action}</code> {entry.detail}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
