import type { i18n as I18n } from 'i18next';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'console.language';

/** The language to start in: the one chosen in the app, else Chinese for zh-* systems, else English. */
export function startingLanguage(stored: string | null, systemLanguage: string): Language {
  if ((LANGUAGES as readonly string[]).includes(stored ?? '')) return stored as Language;
  return systemLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function storedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Keeps `<html lang>` equal to the language shown, so screen readers and fonts follow a switch too. */
export function followLanguage(i18n: I18n): void {
  document.documentElement.lang = i18n.language;
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
}

/** Switches the console's language now and remembers it on this machine. */
export function chooseLanguage(i18n: I18n, language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage refused: the switch holds for this session only.
  }
  void i18n.changeLanguage(language);
}
