import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { protocol, type Session } from 'electron';
import { FORWARDED_HEADERS, apiProxyTarget } from './api-proxy';
import { resolveAppFile } from './app-files';
import { APP_SCHEME } from './app-origin';
import { SECURITY_HEADERS } from './csp';

/** Must run before the app is ready: gives app:// a real, secure origin (fetch, workers, storage, media). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
  ]);
}

/**
 * Serves the built renderer folder on app:// for `session`, every response carrying the CSP, and forwards
 * `app://console/api/...` to the embedded backend's HTTP API while it runs.
 */
export function serveApp(session: Session, rendererDir: string, backendHttpUrl: () => string | undefined): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const backend = backendHttpUrl();
    const target = backend === undefined ? null : apiProxyTarget(request.url, backend);
    if (target !== null) return forward(request, target);
    if (new URL(request.url).pathname.startsWith('/api/')) return plain(503, 'the local classroom backend is not running');
    const file = resolveAppFile(request.url, rendererDir);
    if (!file.ok) return plain(file.status, file.reason);
    try {
      return respond(await readFile(file.path), file.contentType);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (file.route && (code === 'ENOENT' || code === 'EISDIR')) {
        return respond(await readFile(join(rendererDir, 'index.html')), 'text/html; charset=utf-8');
      }
      return plain(code === 'ENOENT' || code === 'EISDIR' ? 404 : 500, `${new URL(request.url).pathname}: ${code ?? 'unreadable'}`);
    }
  });
}

async function forward(request: Request, target: string): Promise<Response> {
  const headers = new Headers();
  for (const name of FORWARDED_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  try {
    const response = await fetch(target, {
      method: request.method,
      headers,
      body: hasBody ? request.body : undefined,
      redirect: 'manual',
      ...(hasBody ? { duplex: 'half' } : {}),
    } as RequestInit);
    const out = new Headers(response.headers);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) out.set(name, value);
    return new Response(response.body, { status: response.status, headers: out });
  } catch (error) {
    return plain(502, `the local classroom backend did not answer: ${(error as Error).message}`);
  }
}

function respond(body: Buffer, contentType: string): Response {
  return new Response(new Uint8Array(body), { status: 200, headers: { ...SECURITY_HEADERS, 'content-type': contentType } });
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' } });
}
