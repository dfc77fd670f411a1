import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';
import { superviseEn } from '../supervise/i18n/en';
import { superviseZhCN } from '../supervise/i18n/zh-CN';
import { releasesEn } from '../releases/i18n/en';
import { releasesZhCN } from '../releases/i18n/zh-CN';
import { reportsEn } from '../reports/i18n/en';
import { reportsZhCN } from '../reports/i18n/zh-CN';

/** Chinese for zh-* browsers and systems, English otherwise. Resources are bundled, so init is synchronous. */
export function initI18n(language = navigator.language): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: {
      en: { translation: { ...en, supervise: superviseEn, releases: releasesEn, reports: reportsEn } },
      'zh-CN': { translation: { ...zhCN, supervise: superviseZhCN, releases: releasesZhCN, reports: reportsZhCN } },
    },
    lng: language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en',
    supportedLngs: ['en', 'zh-CN'],
    fallbackLng: 'en',
    initAsync: false,
    // React escapes text itself; strings are never rendered as HTML.
    interpolation: { escapeValue: false },
  });
  return i18next;
}
