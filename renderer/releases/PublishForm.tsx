import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RELEASE_RINGS, type ReleaseRing } from '../../shared/releases/documents';
import type { ReleaseApi } from './releaseApi';

/**
 * Publishes a release from the console: version, notes and the installer, which is hashed here, uploaded, published
 * (signed by the service) and started in a ring at a percentage. Each step is the HTTP API's own, audited there.
 */
export function PublishForm({ api, onDone }: { api: ReleaseApi; onDone(text: string): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [version, setVersion] = useState('');
  const [notes, setNotes] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [ring, setRing] = useState<ReleaseRing>('canary');
  const [percent, setPercent] = useState('10');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!open) {
    return (
      <button type="button" className="primary" data-testid="release-publish-open" onClick={() => setOpen(true)}>
        {t('releases.publish.open')}
      </button>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setError(t('releases.publish.needFile'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.publish({ version: version.trim(), notes, file, ring, percent: Number(percent), reason: reason.trim() });
      onDone(t('releases.publish.done', { version: version.trim(), ring: t(`releases.ring.${ring}`), percent }));
      setOpen(false);
      setVersion('');
      setNotes('');
      setFile(null);
      setReason('');
    } catch (failure) {
      setError(t('releases.failed', { message: failure instanceof Error ? failure.message : String(failure) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="release-panel release-publish" data-testid="release-publish" onSubmit={(e) => void submit(e)}>
      <h3>{t('releases.publish.title')}</h3>
      <label>
        {t('releases.publish.version')}
        <input data-testid="publish-version" required maxLength={64} placeholder="2.0.0" value={version} onChange={(e) => setVersion(e.target.value)} />
      </label>
      <label>
        {t('releases.publish.notes')}
        <textarea data-testid="publish-notes" maxLength={8000} rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <label>
        {t('releases.publish.file')}
        <input data-testid="publish-file" type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      <div className="release-dialog-fields">
        <label>
          {t('releases.publish.ring')}
          <select data-testid="publish-ring" value={ring} onChange={(e) => setRing(e.target.value as ReleaseRing)}>
            {RELEASE_RINGS.map((name) => (
              <option key={name} value={name}>
                {t(`releases.ring.${name}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('releases.publish.percent')}
          <input data-testid="publish-percent" type="number" min={0} max={100} step={0.01} required value={percent} onChange={(e) => setPercent(e.target.value)} />
        </label>
      </div>
      <label>
        {t('releases.publish.reason')}
        <input data-testid="publish-reason" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      {error && <p className="release-error" role="alert" data-testid="publish-error">{error}</p>}
      <p className="release-muted">{t('releases.publish.cli')}</p>
      <div className="confirm-actions">
        <button type="button" onClick={() => setOpen(false)}>
          {t('releases.publish.cancel')}
        </button>
        <button type="submit" className="primary" data-testid="publish-submit" disabled={busy}>
          {busy ? t('releases.publish.working') : t('releases.publish.submit')}
        </button>
      </div>
    </form>
  );
}
