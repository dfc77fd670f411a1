import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AboutDialog } from './AboutDialog';
import { chooseLanguage, LANGUAGES, type Language } from './language';
import { setThemeChoice, THEME_CHOICES, useTheme, type ThemeChoice } from './theme';

/** The console's own settings on the connect screen: theme, language, and the About box, side by side. */
export function Preferences() {
  const { t } = useTranslation();
  const [about, setAbout] = useState(false);
  return (
    <div className="preferences" data-testid="preferences">
      <PreferenceFields />
      <button type="button" className="ghost" data-testid="about-open" onClick={() => setAbout(true)}>
        {t('about.open')}
      </button>
      {about && <AboutDialog onClose={() => setAbout(false)} />}
    </div>
  );
}

/** The theme and language choices, wherever the settings are offered. */
export function PreferenceFields() {
  const { t, i18n } = useTranslation();
  const choice = useTheme((s) => s.choice);
  return (
    <>
      <label>
        <span className="visually-hidden">{t('preferences.theme')}</span>
        <select data-testid="theme-choice" value={choice} aria-label={t('preferences.theme')} onChange={(e) => setThemeChoice(e.target.value as ThemeChoice)}>
          {THEME_CHOICES.map((value) => (
            <option key={value} value={value}>
              {t(`preferences.themes.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="visually-hidden">{t('preferences.language')}</span>
        <select
          data-testid="language-choice"
          value={i18n.language}
          aria-label={t('preferences.language')}
          onChange={(e) => chooseLanguage(i18n, e.target.value as Language)}
        >
          {LANGUAGES.map((value) => (
            <option key={value} value={value} lang={value}>
              {LANGUAGE_NAMES[value]}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

/** Each language by its own name, so whoever cannot read the current one still finds theirs. */
const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };
