import { protocol, type Session } from 'electron';
import { APP_SCHEME } from '../app-origin';
import { createAppRequestHandler } from '../app-requests';

/** Must run before the app is ready: gives app:// a real, secure origin (fetch, workers, storage, media). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
  ]);
}

/**
 * Serves the built renderer folder on app:// for `session`, every response carrying the CSP, and forwards
 * `app://console/api/...` to the embedded backend's HTTP API while it runs (main/app-requests.ts decides each answer).
 */
export function serveApp(session: Session, rendererDir: string, backendHttpUrl: () => string | undefined): void {
  session.protocol.handle(APP_SCHEME, createAppRequestHandler({ rendererDir, backendHttpUrl }));
}
