import { browserPlatform } from './browser';
import { desktopPlatform } from './desktop';
import type { Platform } from './platform';

export type { DemoAccount, LocalBackend, LocalBackendLookup, Platform, VerifyResult } from './platform';

let current: Platform | null = null;

/** Electron when preload exposed window.desktop, a plain browser otherwise. */
export function platform(): Platform {
  current ??= window.desktop ? desktopPlatform(window.desktop) : browserPlatform();
  return current;
}
