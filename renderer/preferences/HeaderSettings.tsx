import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePointerAway } from '../components/usePointerAway';
import { AboutDialog } from './AboutDialog';
import { PreferenceFields } from './Preferences';

/**
 * The settings in the header, folded behind one button so the header fits a 1024-pixel window: theme, language and
 * About in a panel under it. Escape closes the panel and gives focus back to the button; a click elsewhere closes it.
 */
export function HeaderSettings() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [about, setAbout] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>('select')?.focus();
  }, [open]);
  usePointerAway(open, [panel, button], () => setOpen(false));

  return (
    <div className="header-settings">
      <button
        type="button"
        ref={button}
        className="ghost"
        data-testid="settings-toggle"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen(!open)}
      >
        {t('preferences.settings')} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          ref={panel}
          id={panelId}
          role="group"
          aria-label={t('preferences.settings')}
          className="header-settings-panel"
          data-testid="preferences"
          onKeyDown={(event) => {
            if (event.key !== 'Escape') return;
            event.preventDefault();
            setOpen(false);
            button.current?.focus();
          }}
        >
          <PreferenceFields />
          <button
            type="button"
            className="ghost"
            data-testid="about-open"
            onClick={() => {
              setOpen(false);
              setAbout(true);
            }}
          >
            {t('about.open')}
          </button>
        </div>
      )}
      {about && (
        <AboutDialog
          onClose={() => {
            setAbout(false);
            // The About button it was opened from is gone with the folded panel.
            requestAnimationFrame(() => button.current?.focus());
          }}
        />
      )}
    </div>
  );
}
