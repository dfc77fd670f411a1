/** The Content-Security-Policy of the console when the backend serves it to a browser. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // Remote mode connects to whatever ws:// or wss:// broker the user names; nothing else leaves the page.
  "connect-src 'self' ws: wss:",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};
