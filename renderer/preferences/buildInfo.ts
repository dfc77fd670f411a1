import { APP_VERSION } from '../class/appVersion';

export interface BuildInfo {
  version: string;
  /** Short commit hash; empty when the build did not know it. */
  commit: string;
  /** ISO time of the build; empty when unknown. */
  builtAt: string;
  /** `desktop` (Electron) or `browser` mode, and the engine it runs on. */
  mode: 'desktop' | 'browser';
  engine: string;
}

/** The engine from a user agent: Electron and Chromium versions in the desktop app, the browser's otherwise. */
export function engineOf(userAgent: string): string {
  const electron = /Electron\/([\d.]+)/.exec(userAgent)?.[1];
  const chrome = /Chrome\/([\d.]+)/.exec(userAgent)?.[1];
  const firefox = /Firefox\/([\d.]+)/.exec(userAgent)?.[1];
  if (electron) return `Electron ${electron}${chrome ? `, Chromium ${chrome}` : ''}`;
  if (chrome) return `Chromium ${chrome}`;
  if (firefox) return `Firefox ${firefox}`;
  return userAgent.slice(0, 80);
}

export function buildInfo(mode: BuildInfo['mode']): BuildInfo {
  return {
    version: APP_VERSION,
    commit: import.meta.env.VITE_BUILD_COMMIT ?? '',
    builtAt: import.meta.env.VITE_BUILD_DATE ?? '',
    mode,
    engine: engineOf(navigator.userAgent),
  };
}
