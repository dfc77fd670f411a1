import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import './dialog.css';

export interface ConfirmDialogProps {
  title: string;
  /** What will happen, in a sentence or two (text, never HTML). */
  body: string;
  confirmLabel: string;
  /** The action cannot be taken back as it is (a red confirm button). */
  danger?: boolean;
  /** `data-testid` of the dialog; its buttons are `<testId>-confirm` and `<testId>-cancel`. */
  testId: string;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * Asks before an action that is hard to take back. A modal `<dialog>`: the page behind it is inert, focus starts on
 * Cancel (the safe choice), Escape cancels, and focus returns to where it was when the dialog closes. Render it while
 * the question is open; unmounting closes it.
 */
export function ConfirmDialog({ title, body, confirmLabel, danger = false, testId, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const element = dialog.current;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) element.showModal();
    cancel.current?.focus();
    return () => {
      if (element?.open) element.close();
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      data-testid={testId}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        // Escape: the parent closes it by unmounting, so focus goes back the same way as with the Cancel button.
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <p id={bodyId}>{body}</p>
      <div className="confirm-actions">
        <button type="button" ref={cancel} data-testid={`${testId}-cancel`} onClick={onCancel}>
          {t('dialog.cancel')}
        </button>
        <button type="button" className={danger ? 'danger-action' : 'primary'} data-testid={`${testId}-confirm`} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
