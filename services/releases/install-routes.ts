import { z } from 'zod';
import { ArtifactName, ReleaseVersion } from '../../shared/releases/documents';
import { sendJson } from '../http/json';
import { ReleaseError } from './errors';
import { parseFeedFile } from './feed';
import { sendFile } from './file-ranges';
import { readInstallCheck } from './install-check';
import { parseWith, type RouteContext, type RouteSpec } from './route-spec';

const Nonce = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, '16-128 letters, digits, "_" or "-"');

const CONTENT_TYPES: [RegExp, string][] = [
  [/\.AppImage$/i, 'application/vnd.appimage'],
  [/\.deb$/i, 'application/vnd.debian.binary-package'],
  [/\.exe$/i, 'application/vnd.microsoft.portable-executable'],
  [/\.zip$/i, 'application/zip'],
  [/\.dmg$/i, 'application/x-apple-diskimage'],
];
const contentType = (name: string) => CONTENT_TYPES.find(([pattern]) => pattern.test(name))?.[1] ?? 'application/octet-stream';

async function sendFeed({ url, req, res, params, service }: RouteContext): Promise<void> {
  const feed = parseFeedFile(params.file!);
  if (!feed) throw new ReleaseError(404, 'not-found', `${params.file} is not a feed: ask for <channel>.yml, <channel>-mac.yml or <channel>-linux.yml`);
  const check = readInstallCheck(url, req.headers, feed);
  const { feed: text } = service.check(check);
  if (text === null) throw new ReleaseError(404, 'no-release', 'no release is offered to this install; send the version it runs (version or x-app-version) to get a feed naming it');
  res.writeHead(200, { 'content-type': 'text/yaml; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

async function sendArtifact({ req, res, params, service }: RouteContext): Promise<void> {
  const version = parseWith(ReleaseVersion, params.version, 'bad-version', 'version');
  const name = parseWith(ArtifactName, params.name, 'bad-name', 'name');
  const path = service.fileFor(version, name);
  if (!(await sendFile(req, res, path, contentType(name)))) throw new ReleaseError(404, 'not-found', `${version}/${name} is missing from the artifact store`);
}

/** The routes installs use: no token, since an install is not a signed-in person. */
export const INSTALL_ROUTES: readonly RouteSpec[] = [
  {
    method: 'GET',
    path: '/api/releases/public-key',
    auth: 'none',
    handle: async ({ res, service }) => sendJson(res, 200, service.signing.publicKey),
  },
  { method: 'GET', path: '/api/releases/feed/{file}', auth: 'none', handle: sendFeed },
  { method: 'GET', path: '/api/releases/files/{version}/{name}', auth: 'none', handle: sendArtifact },
  { method: 'HEAD', path: '/api/releases/files/{version}/{name}', auth: 'none', handle: sendArtifact },
  {
    method: 'GET',
    path: '/api/releases/status/{version}',
    auth: 'none',
    handle: async ({ res, url, params, service }) => {
      const version = parseWith(ReleaseVersion, params.version, 'bad-version', 'version');
      const nonce = parseWith(Nonce, url.searchParams.get('nonce') ?? '', 'bad-params', 'nonce');
      sendJson(res, 200, service.status(version, nonce));
    },
  },
];
