import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RELEASE_RINGS, type ReleaseRing } from '../../shared/releases/documents';
import type { ReleaseAction } from './view';

export interface ActionInput {
  reason: string;
  ring: ReleaseRing;
  percent: number;
}

interface Props {
  action: ReleaseAction;
  version: string;
  /** For a roll back: where installs go. */
  target: string | null;
  /** Where the percentage starts (the ring's current one, for `percent`). */
  initial: { ring: ReleaseRing; percent: number };
  busy: boolean;
  error: string | null;
  onConfirm(input: ActionInput): void;
  onCancel(): void;
}

/**
 * Asks before a release action and takes the reason the audit log records (and, to set a percentage or promote, the
 * ring and share). A modal `<dialog>`: Escape cancels, focus starts in the reason field.
 */
export function ActionDialog({ action, version, target, initial, busy, error, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const reasonField = useRef<HTMLTextAreaElement>(null);
  const titleId = useId();
  const [reason, setReason] = useState('');
  const [ring, setRing] = useState<ReleaseRing>(initial.ring);
  const [percent, setPercent] = useState(String(initial.percent));
  const [missing, setMissing] = useState(false);
  const withPercent = action === 'percent' || action === 'promote';

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    reasonField.current?.focus();
    return () => {
      if (element?.open) element.close();
    };
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length === 0) {
      setMissing(true);
      return;
    }
    onConfirm({ reason: reason.trim(), ring, percent: Number(percent) });
  };

  const key = `releases.dialog.${action}`;
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog release-dialog"
      data-testid="release-action-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form onSubmit={submit}>
        <h2 id={titleId}>{t(`${key}.title`, { version })}</h2>
        <p>{t(`${key}.body`, { version, target: target ?? t('releases.dialog.previous') })}</p>
        {withPercent && (
          <div className="release-dialog-fields">
            {action === 'percent' && (
              <label>
                {t('releases.dialog.ring')}
                <select data-testid="release-action-ring" value={ring} onChange={(e) => setRing(e.target.value as ReleaseRing)}>
                  {RELEASE_RINGS.map((name) => (
                    <option key={name} value={name}>
                      {t(`releases.ring.${name}`)}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <label>
              {t('releases.dialog.percentLabel')}
              <input data-testid="release-action-percent" type="number" min={0} max={100} step={0.01} required value={percent} onChange={(e) => setPercent(e.target.value)} />
            </label>
          </div>
        )}
        <label className="release-dialog-reason">
          {t('releases.dialog.reason')}
          <textarea ref={reasonField} data-testid="release-action-reason" maxLength={500} rows={2} value={reason} onChange={(e) => (setReason(e.target.value), setMissing(false))} />
        </label>
        {missing && <p className="release-error" role="alert">{t('releases.dialog.reasonNeeded')}</p>}
        {error && <p className="release-error" role="alert" data-testid="release-action-error">{error}</p>}
        <div className="confirm-actions">
          <button type="button" data-testid="release-action-cancel" onClick={onCancel}>
            {t('releases.dialog.cancel')}
          </button>
          <button type="submit" className={action === 'rollback' || action === 'halt' ? 'danger-action' : 'primary'} data-testid="release-action-confirm" disabled={busy}>
            {t(`${key}.confirm`)}
          </button>
        </div>
      </form>
    </dialog>
  );
}
