import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { platform } from '../platform';
import { buildInfo } from './buildInfo';
import '../components/dialog.css';

/** The app's name, version and build, and where it runs: a modal dialog that Escape or Close ends. */
export function AboutDialog({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const info = buildInfo(platform().kind);

  useEffect(() => {
    const element = dialog.current;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) element.showModal();
    close.current?.focus();
    return () => {
      if (element?.open) element.close();
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, []);

  const builtAt = info.builtAt ? new Date(info.builtAt) : null;
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog about-dialog"
      data-testid="about-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{t('app.name')}</h2>
      <p>{t('about.what')}</p>
      <dl className="about-facts">
        <dt>{t('about.version')}</dt>
        <dd data-testid="about-version">{info.version}</dd>
        <dt>{t('about.build')}</dt>
        <dd data-testid="about-build">
          {info.commit || t('about.unknown')}
          {builtAt && !Number.isNaN(builtAt.getTime()) ? ` · ${builtAt.toLocaleString(i18n.language)}` : ''}
        </dd>
        <dt>{t('about.runsAs')}</dt>
        <dd data-testid="about-mode" data-mode={info.mode}>
          {t(`about.mode.${info.mode}`)} · {info.engine}
        </dd>
      </dl>
      <div className="confirm-actions">
        <button type="button" ref={close} className="primary" data-testid="about-close" onClick={onClose}>
          {t('about.close')}
        </button>
      </div>
    </dialog>
  );
}
