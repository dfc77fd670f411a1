import { useTranslation } from 'react-i18next';
import { DROP_REASONS } from '../../shared/protocol';
import { useDiagnostics } from '../state/diagnostics';

/** Dropped-message counters per reason and the recent diagnostics, all rendered as plain text. */
export function DiagnosticsPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const drops = useDiagnostics((s) => s.drops);
  const notes = useDiagnostics((s) => s.notes);
  return (
    <aside className="diagnostics" data-testid="diagnostics-panel" aria-label={t('diagnostics.title')}>
      <header>
        <h2>{t('diagnostics.title')}</h2>
        <button type="button" className="ghost" onClick={onClose}>
          {t('diagnostics.close')}
        </button>
      </header>
      <h3>{t('diagnostics.dropped')}</h3>
      <dl className="drop-counts">
        {DROP_REASONS.map((reason) => (
          <div key={reason} className={drops.counts[reason] > 0 ? 'nonzero' : undefined}>
            <dt>{t(`diagnostics.reason.${reason}`)}</dt>
            <dd data-testid={`drop-count-${reason}`}>{drops.counts[reason]}</dd>
          </div>
        ))}
        <div className="total">
          <dt>{t('diagnostics.total')}</dt>
          <dd data-testid="drop-count-total">{drops.total}</dd>
        </div>
      </dl>
      <h3>{t('diagnostics.recentDrops')}</h3>
      <ol className="log" data-testid="recent-drops">
        {drops.recent.length === 0 && <li className="muted">{t('diagnostics.none')}</li>}
        {[...drops.recent].reverse().map((drop, index) => (
          <li key={index}>
            <span className="log-tag">{t(`diagnostics.reason.${drop.reason}`)}</span>
            <span className="log-topic">{drop.topic}</span>
            <span className="log-text">{drop.detail}</span>
          </li>
        ))}
      </ol>
      <h3>{t('diagnostics.notes')}</h3>
      <ol className="log" data-testid="diagnostic-notes">
        {notes.length === 0 && <li className="muted">{t('diagnostics.none')}</li>}
        {[...notes].reverse().map((note, index) => (
          <li key={index} className={`note-${note.level}`}>
            <time className="log-tag">{new Date(note.at).toLocaleTimeString()}</time>
            <span className="log-text">{note.text}</span>
          </li>
        ))}
      </ol>
    </aside>
  );
}
