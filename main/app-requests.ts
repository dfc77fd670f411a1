import { readFile as readFromDisk } from 'node:fs/promises';
import { join } from 'node:path';
import { FORWARDED_HEADERS, apiProxyTarget } from './api-proxy';
import { resolveAppFile } from './app-files';
import { SECURITY_HEADERS } from './csp';

export interface AppRequestOptions {
  /** The built renderer folder (out/renderer). */
  rendererDir: string;
  /** The embedded backend's HTTP URL while it is ready, else undefined. */
  backendHttpUrl(): string | undefined;
  readFile?(path: string): Promise<Uint8Array>;
  fetch?: typeof fetch;
}

/**
 * Answers one app:// request with web-standard Request/Response, as Electron's `protocol.handle` wants them (the
 * wiring is main/electron/app-protocol.ts): files of the built renderer with their content type, index.html for
 * extension-less routes, and `app://console/api/...` forwarded to the embedded backend while it runs. Every
 * response carries the security headers (CSP and the rest).
 */
export function createAppRequestHandler({
  rendererDir,
  backendHttpUrl,
  readFile = readFromDisk,
  fetch: send = fetch,
}: AppRequestOptions): (request: Request) => Promise<Response> {
  const forward = async (request: Request, target: string): Promise<Response> => {
    const headers = new Headers();
    for (const name of FORWARDED_HEADERS) {
      const value = request.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    try {
      const response = await send(target, {
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
  };

  return async (request) => {
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
  };
}

function respond(body: Uint8Array, contentType: string): Response {
  return new Response(new Uint8Array(body), { status: 200, headers: { ...SECURITY_HEADERS, 'content-type': contentType } });
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' } });
}
