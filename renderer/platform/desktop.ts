import type { DesktopApi } from '../../shared/ipc/contract';
import { LOCAL_DEMO_ACCOUNTS } from './demoAccounts';
import type { LocalBackendLookup, Platform } from './platform';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in browser mode. */
    desktop?: DesktopApi;
  }
}

/**
 * Electron: tokens come from main over IPC, the backend's address from its status. A pasted token is not checked
 * over HTTP here (the app's CSP keeps the renderer off the backend's HTTP port); the broker decides instead.
 */
export function desktopPlatform(desktop: DesktopApi): Platform {
  return {
    kind: 'desktop',
    async localBackend(): Promise<LocalBackendLookup> {
      const status = await desktop.backend.status();
      if (status.state === 'starting') return { status: 'starting' };
      if (status.state !== 'ready' || !status.wsUrl) return { status: 'absent', reason: status.error ?? status.state };
      return { status: 'ready', backend: { wsUrl: status.wsUrl, classes: status.classes ?? null, demoAccounts: LOCAL_DEMO_ACCOUNTS } };
    },
    watchLocalBackend: (onChange) => desktop.backend.onStatus(() => onChange()),
    issueToken: (credentials) => desktop.token.issue(credentials),
    refreshToken: (token) => desktop.token.refresh(token),
    verifyToken: async () => null,
    async installId() {
      return (await desktop.settings.get()).installId;
    },
    async loadConnection() {
      return (await desktop.settings.get()).connection;
    },
    async saveConnection(settings) {
      await desktop.settings.update({ connection: settings });
    },
  };
}
