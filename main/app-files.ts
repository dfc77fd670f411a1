import { extname, isAbsolute, relative, resolve } from 'node:path';
import { isAppUrl, parseUrl } from './app-origin';

/** What an app:// request maps to inside the renderer folder. */
export type AppFile =
  | { ok: true; path: string; contentType: string; /** extension-less route: serve index.html when missing */ route: boolean }
  | { ok: false; status: 400 | 403 | 404; reason: string };

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an app:// URL to a file under `rootDir`. Pure: it never touches the disk. Every path segment is decoded and
 * checked on its own, so `..`, encoded separators and NUL bytes are refused before a path is built, and the built
 * path is checked again to lie inside `rootDir`.
 */
export function resolveAppFile(url: string, rootDir: string): AppFile {
  const parsed = parseUrl(url);
  if (parsed === null || !isAppUrl(url)) return { ok: false, status: 403, reason: `not an app:// URL: ${url}` };

  const segments: string[] = [];
  for (const raw of parsed.pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400, reason: `badly encoded path segment: ${raw}` };
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment) || /^[A-Za-z]:/.test(segment)) {
      return { ok: false, status: 403, reason: `path segment not allowed: ${raw}` };
    }
    segments.push(segment);
  }

  const root = resolve(rootDir);
  const last = segments.at(-1);
  const route = last === undefined || extname(last) === '';
  const path = last === undefined ? resolve(root, 'index.html') : resolve(root, ...segments);
  const inside = relative(root, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    return { ok: false, status: 403, reason: `outside the app folder: ${url}` };
  }
  return { ok: true, path, contentType: contentTypeFor(path), route };
}
