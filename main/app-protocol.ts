import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { protocol, type Session } from 'electron';
import { resolveAppFile } from './app-files';
import { APP_SCHEME } from './app-origin';
import { SECURITY_HEADERS } from './csp';

/** Must run before the app is ready: gives app:// a real, secure origin (fetch, workers, storage, media). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
  ]);
}

/** Serves the built renderer folder on app:// for `session`, every response carrying the CSP. */
export function serveApp(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
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

function respond(body: Buffer, contentType: string): Response {
  return new Response(new Uint8Array(body), { status: 200, headers: { ...SECURITY_HEADERS, 'content-type': contentType } });
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' } });
}
