import { APP_SCHEME } from './app-origin';

/**
 * The renderer reaches the embedded backend's HTTP API (sign-in, courseware assets) at `app://console/api/...`,
 * the same relative `/api/...` paths it uses in browser mode. Main forwards those requests to the backend on
 * loopback, so the page never needs a connect-src for http:// and the backend's port never leaks into the page.
 * Returns the backend URL to forward to, or null when the request is not an API request.
 */
export function apiProxyTarget(requestUrl: string, backendHttpUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || !url.pathname.startsWith('/api/')) return null;
  // URL parsing has already resolved dot segments (also percent-encoded ones), so the path cannot climb out of
  // /api/; joining to the backend's origin as text means nothing in the path can change the host.
  return `${new URL(backendHttpUrl).origin}${url.pathname}${url.search}`;
}

/** Request headers worth forwarding; cookies and the like have no business reaching the backend. */
export const FORWARDED_HEADERS = ['authorization', 'content-type', 'content-length', 'accept'] as const;
