import { describe, expect, it } from 'vitest';
import { startingLanguage } from './language';
import { effectiveTheme, parseThemeChoice } from './theme';
import { engineOf } from './buildInfo';

describe('theme', () => {
  it('follows the system unless the person chose', () => {
    expect(effectiveTheme('system', true)).toBe('dark');
    expect(effectiveTheme('system', false)).toBe('light');
    expect(effectiveTheme('light', true)).toBe('light');
    expect(effectiveTheme('dark', false)).toBe('dark');
  });

  it('reads a stored choice, and anything else as following the system', () => {
    expect(parseThemeChoice('dark')).toBe('dark');
    expect(parseThemeChoice('light')).toBe('light');
    expect(parseThemeChoice(null)).toBe('system');
    expect(parseThemeChoice('purple')).toBe('system');
  });
});

describe('language', () => {
  it('starts in the language chosen in the app, whatever the system says', () => {
    expect(startingLanguage('en', 'zh-CN')).toBe('en');
    expect(startingLanguage('zh-CN', 'en-US')).toBe('zh-CN');
  });

  it("starts in the system's language when nothing (or nothing known) was chosen", () => {
    expect(startingLanguage(null, 'zh-TW')).toBe('zh-CN');
    expect(startingLanguage(null, 'de-DE')).toBe('en');
    expect(startingLanguage('fr', 'en-GB')).toBe('en');
  });
});

describe('build info', () => {
  it('names Electron and Chromium in the desktop app, and the browser otherwise', () => {
    expect(engineOf('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/146.0.7680.80 Electron/41.7.1 Safari/537.36')).toBe('Electron 41.7.1, Chromium 146.0.7680.80');
    expect(engineOf('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36')).toBe('Chromium 140.0.0.0');
    expect(engineOf('Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0')).toBe('Firefox 140.0');
  });
});
