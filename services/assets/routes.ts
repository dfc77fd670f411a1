import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { inScope, teaches, type Claims } from '../../shared/auth/claims';
import { isId } from '../../shared/protocol/ids';
import type { Verified } from '../auth/tokens';
import { sendJson } from '../http/json';
import type { HttpRoute } from '../http/route';
import { ASSET_TYPES, isAssetType, MAX_ASSET_BYTES } from '../../shared/protocol';
import { sniff, SNIFF_BYTES } from './sniff';
import { StoreFull, type AssetMeta, type AssetStore } from './store';


export interface AssetRoutesDeps {
  store: AssetStore;
  verify(token: string): Promise<Verified>;
  onError?(error: unknown): void;
}

const PATH = /^\/api\/classes\/([^/]+)\/assets(?:\/([^/]+))?$/;

/** What handleAssets answers (OPTIONS is the CORS preflight); docs/protocol.md ("HTTP API") lists them. */
export const ASSET_ROUTES: readonly HttpRoute[] = [
  { method: 'POST', path: '/api/classes/{classId}/assets' },
  { method: 'OPTIONS', path: '/api/classes/{classId}/assets' },
  { method: 'GET', path: '/api/classes/{classId}/assets/{asset}' },
  { method: 'HEAD', path: '/api/classes/{classId}/assets/{asset}' },
  { method: 'OPTIONS', path: '/api/classes/{classId}/assets/{asset}' },
];

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function bearer(req: IncomingMessage, deps: AssetRoutesDeps): Promise<Claims> {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer ([^\s]+)$/i.exec(header);
  if (!match) throw new Refusal(401, 'unauthenticated', 'send Authorization: Bearer <token>');
  const verified = await deps.verify(match[1]!);
  if (!verified.ok) throw new Refusal(401, verified.failure, verified.message);
  return verified.claims;
}

function mayUpload(claims: Claims, classId: string): boolean {
  if (claims.role === 'supervisor') return true;
  return teaches(claims, classId);
}

/** The file name the uploader gave (`?name=`), kept as plain text for display only. */
function nameOf(req: IncomingMessage): string {
  const name = new URL(req.url ?? '/', 'http://backend').searchParams.get('name') ?? '';
  // Control characters and path separators are never part of a display name.
  const cleaned = [...name].filter((c) => c.charCodeAt(0) >= 0x20 && c !== '\u007f' && c !== '/' && c !== '\\').join('').trim().slice(0, 200);
  return cleaned || 'asset';
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_ASSET_BYTES) throw new Refusal(413, 'too-large', `an asset is at most ${MAX_ASSET_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_ASSET_BYTES) throw new Refusal(413, 'too-large', `an asset is at most ${MAX_ASSET_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

async function upload(req: IncomingMessage, classId: string, deps: AssetRoutesDeps): Promise<AssetMeta> {
  const claims = await bearer(req, deps);
  if (!mayUpload(claims, classId)) throw new Refusal(403, 'forbidden', `only a teacher of ${classId} or a supervisor uploads its courseware`);
  const declared = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!isAssetType(declared)) throw new Refusal(415, 'unsupported-type', `content-type must be one of ${ASSET_TYPES.join(', ')}`);
  const data = await readBody(req);
  if (data.length === 0) throw new Refusal(400, 'empty', 'the file is empty');
  const actual = sniff(data.subarray(0, SNIFF_BYTES));
  if (actual !== declared) {
    throw new Refusal(415, 'type-mismatch', `the file is ${actual ?? 'not an accepted type'}, not ${declared}`);
  }
  const meta: AssetMeta = {
    asset: `a-${randomUUID().replace(/-/g, '')}`,
    classId,
    name: nameOf(req),
    type: actual,
    bytes: data.length,
    createdAt: Date.now(),
  };
  try {
    await deps.store.put(meta, data);
  } catch (error) {
    if (error instanceof StoreFull) throw new Refusal(507, 'store-full', error.message);
    throw error;
  }
  return meta;
}

async function serve(req: IncomingMessage, res: ServerResponse, classId: string, asset: string, deps: AssetRoutesDeps): Promise<void> {
  const claims = await bearer(req, deps);
  if (!inScope(claims, classId)) throw new Refusal(403, 'forbidden', `${classId} is not in your scope`);
  const stored = isId(asset) ? await deps.store.get(classId, asset) : null;
  if (!stored) throw new Refusal(404, 'not-found', `no asset ${asset} in ${classId}`);
  res.writeHead(200, {
    'content-type': stored.meta.type,
    'content-length': stored.meta.bytes,
    'cache-control': 'private, max-age=3600',
    'x-content-type-options': 'nosniff',
    // Opened directly, a file can never run script or reach anything.
    'content-security-policy': "sandbox; default-src 'none'",
  });
  if (req.method === 'HEAD') return void res.end();
  await pipeline(stored.open(), res);
}

/**
 * The courseware asset store: `POST /api/classes/{classId}/assets` (body = the file) and
 * `GET /api/classes/{classId}/assets/{asset}`, both with `Authorization: Bearer <JWT>`. Returns false for other paths.
 */
export async function handleAssets(req: IncomingMessage, res: ServerResponse, deps: AssetRoutesDeps): Promise<boolean> {
  const match = PATH.exec(new URL(req.url ?? '/', 'http://backend').pathname);
  if (!match) return false;
  const [, classId, asset] = match as unknown as [string, string, string | undefined];
  // Access needs a bearer token, never a cookie, so any origin may call (the Electron console runs on app://).
  res.setHeader('access-control-allow-origin', '*');
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      'access-control-allow-methods': asset === undefined ? 'POST' : 'GET, HEAD',
      'access-control-allow-headers': 'authorization, content-type',
      'access-control-max-age': '600',
    });
    res.end();
    return true;
  }
  try {
    if (!isId(classId)) throw new Refusal(404, 'not-found', 'no such class');
    if (asset === undefined) {
      if (req.method !== 'POST') throw new Refusal(405, 'method-not-allowed', 'upload with POST');
      const meta = await upload(req, classId, deps);
      sendJson(res, 201, { asset: meta.asset, name: meta.name, type: meta.type, bytes: meta.bytes });
    } else {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new Refusal(405, 'method-not-allowed', 'download with GET');
      await serve(req, res, classId, asset, deps);
    }
  } catch (error) {
    if (res.headersSent) {
      res.destroy();
    } else if (error instanceof Refusal) {
      if (error.status === 405) res.setHeader('allow', asset === undefined ? 'POST' : 'GET, HEAD');
      // An upload refused before its body was read: close rather than read up to 50 MB for nothing.
      if (req.method === 'POST' && !req.readableEnded) res.setHeader('connection', 'close');
      sendJson(res, error.status, { error: error.code, message: error.message });
    } else {
      deps.onError?.(error);
      sendJson(res, 500, { error: 'internal', message: 'the asset store failed to answer' });
    }
  }
  return true;
}
