import { isAppUrl, parseUrl } from './app-origin';

/**
 * Decisions the Electron wiring (electron/harden.ts) asks for. Kept free of Electron so they can be tested in Node.
 */

/** Only the app itself may be navigated to or redirected to; everything else is refused. */
export function navigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/** The only permission a screen needs is camera/microphone for the class screen, and only for the app's own origin. */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['media']);

export function permissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return GRANTED_PERMISSIONS.has(permission) && requestingUrl !== undefined && isAppUrl(requestingUrl);
}

/**
 * What the renderer's session may load. The app comes from app://; class traffic goes over ws:/wss: (loopback for
 * the embedded backend, any host for a remote broker the user configured); data:/blob: serve generated content.
 * Everything else (http, https, file, ftp, ...) is remote or local content the console never needs.
 */
const ALLOWED_REQUEST_SCHEMES: ReadonlySet<string> = new Set(['app:', 'ws:', 'wss:', 'data:', 'blob:', 'devtools:']);

export function requestAllowed(url: string): boolean {
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  if (parsed.protocol === 'app:') return isAppUrl(url);
  return ALLOWED_REQUEST_SCHEMES.has(parsed.protocol);
}
