import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { FeedExtension, ReleasePublicKey } from '../../shared/releases/documents';
import { decideInstall, decideUpdate, type FeedInfo } from '../../shared/releases/update-decision';
import { verifyArtifactDigest, verifyStatus } from '../../shared/releases/verify';
import type { CheckRequest } from './controller';
import type { ReleaseAnswer } from './policy';

/**
 * The app's side of the release service's HTTP API (services/releases/install-routes.ts), in plain Node: where the
 * feed is, what each check sends, what the feed means once the shared verifier has read it, the signed status asked
 * for just before installing, and the downloaded file checked against the signed manifest. main/electron/updater.ts
 * hands these to electron-updater.
 */

/** Sent as request headers on every feed and file request (the service also reads them as query parameters). */
export function checkHeaders(request: CheckRequest): Record<string, string> {
  return {
    'x-install-id': request.installId,
    'x-app-version': request.currentVersion,
    ...(request.ring !== null && { 'x-install-ring': request.ring }),
    ...(request.groups.length > 0 && { 'x-install-groups': request.groups.join(',') }),
    ...(request.pin !== null && { 'x-update-pin': request.pin }),
    'x-update-policy': request.policy,
  };
}

export interface FeedSource {
  /** The admin policy's feedUrl, if it sets one. */
  policyFeedUrl: string | undefined;
  connection: { mode: 'local' | 'remote'; brokerUrl: string };
  /** The embedded backend's HTTP address while it runs (local mode). */
  localHttpUrl: string | undefined;
}

/**
 * Where the feed is (a URL ending in `/`, electron-updater's generic provider adds `latest-linux.yml` and so on): the
 * admin policy's, else the release service beside the backend the console uses: the embedded one in local mode, the
 * broker's host over https (http for ws://) in remote mode. Null when none is known yet.
 */
export function feedUrlFor({ policyFeedUrl, connection, localHttpUrl }: FeedSource): string | null {
  const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);
  if (policyFeedUrl) return withSlash(policyFeedUrl);
  if (connection.mode === 'local') return localHttpUrl ? `${localHttpUrl.replace(/\/+$/, '')}/api/releases/feed/` : null;
  if (!connection.brokerUrl) return null;
  try {
    const broker = new URL(connection.brokerUrl);
    return `${broker.protocol === 'wss:' ? 'https:' : 'http:'}//${broker.host}/api/releases/feed/`;
  } catch {
    return null;
  }
}

/** The trusted key that signed a document, by its key id; the first trusted key otherwise (which then refuses it). */
function keyFor(keys: readonly ReleasePublicKey[], keyId: string | undefined): ReleasePublicKey | undefined {
  return keys.find((key) => key.keyId === keyId) ?? keys[0];
}

function manifestKeyId(info: FeedInfo): string | undefined {
  const extension = FeedExtension.safeParse(info.classroom);
  return extension.success ? extension.data.manifest.keyId : undefined;
}

/** What a feed means for this install, judged by the shared verifier against the trusted keys. */
export async function judgeFeed(keys: readonly ReleasePublicKey[], info: FeedInfo, currentVersion: string): Promise<ReleaseAnswer['feed']> {
  const key = keyFor(keys, manifestKeyId(info));
  if (!key) {
    return info.version === currentVersion ? { action: 'none' } : { action: 'refuse', version: String(info.version), reason: 'the app trusts no release signing key' };
  }
  const decision = await decideUpdate(key, info, currentVersion);
  if (decision.action === 'update' || decision.action === 'rollback') return { action: decision.action, version: decision.version };
  if (decision.action === 'none') return { action: 'none' };
  return { action: 'refuse', version: String(info.version), reason: decision.reason };
}

export function newNonce(): string {
  return randomBytes(24).toString('base64url');
}

/** The address of the signed status of a version, next to the feed. */
export function statusUrl(feedUrl: string, version: string, nonce: string): string {
  const url = new URL(`../status/${encodeURIComponent(version)}`, feedUrl);
  url.searchParams.set('nonce', nonce);
  return url.toString();
}

export type Confirmation = { install: true } | { install: false; reason: string; discard: boolean };

/**
 * Just before installing: the service's signed status of the version, answered to a fresh nonce, must say active
 * (shared decideInstall). A verified halted or revoked status also says to throw the download away; anything else
 * (no answer, a forged or replayed one) only means "not now".
 */
export async function confirmInstall(
  keys: readonly ReleasePublicKey[],
  fetchJson: (url: string) => Promise<unknown>,
  feedUrl: string,
  version: string,
  nonce: string = newNonce(),
): Promise<Confirmation> {
  let signed: unknown;
  try {
    signed = await fetchJson(statusUrl(feedUrl, version, nonce));
  } catch (error) {
    return { install: false, reason: `the release service did not answer: ${(error as Error).message}`, discard: false };
  }
  const keyId = (signed as { keyId?: unknown } | null)?.keyId;
  const key = keyFor(keys, typeof keyId === 'string' ? keyId : undefined);
  if (!key) return { install: false, reason: 'the app trusts no release signing key', discard: false };
  const verdict = await decideInstall(key, signed, { version, nonce });
  if (verdict.install) return verdict;
  const status = await verifyStatus(key, signed);
  const discard = status.ok && status.value.version === version && status.value.nonce === nonce && (status.value.state === 'halted' || status.value.state === 'revoked');
  return { install: false, reason: verdict.reason, discard };
}

/** Size and sha512 (base64, as electron-updater and the manifest write it) of a file, streamed. */
export async function digestFile(path: string): Promise<{ size: number; sha512: string }> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { size: (await stat(path)).size, sha512: hash.digest('base64') };
}

/**
 * Whether a downloaded file is the one the release service signed: the signed manifest of the feed it came from
 * must verify and list a file of its name, size and sha512. Null when it is; otherwise why not.
 */
export async function verifyDownload(keys: readonly ReleasePublicKey[], info: FeedInfo, file: string): Promise<string | null> {
  const extension = FeedExtension.safeParse(info.classroom);
  if (!extension.success) return 'the feed carried no signed manifest';
  const key = keyFor(keys, extension.data.manifest.keyId);
  if (!key) return 'the app trusts no release signing key';
  let digest;
  try {
    digest = await digestFile(file);
  } catch (error) {
    return `the downloaded file cannot be read: ${(error as Error).message}`;
  }
  const verdict = await verifyArtifactDigest(key, extension.data.manifest, { version: info.version, name: basename(file), ...digest });
  return verdict.ok ? null : verdict.reason;
}

/** A public key as the service publishes it (GET /api/releases/public-key), or null when the answer is not one. */
export function parsePublicKey(json: unknown): ReleasePublicKey | null {
  const parsed = ReleasePublicKey.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** A public key file (the one built into the app, `release-key.json` in its resources); null when absent or not a key. */
export async function readKeyFile(path: string, report: (problem: string) => void = () => {}): Promise<ReleasePublicKey | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') report(`release key ${path} cannot be read: ${(error as Error).message}`);
    return null;
  }
  let key: ReleasePublicKey | null;
  try {
    key = parsePublicKey(JSON.parse(text));
  } catch {
    key = null;
  }
  if (key === null) report(`release key ${path} is not an Ed25519 public key as the release service exports it`);
  return key;
}

export interface KeySources {
  /** The key built into the app (read once). */
  builtIn(): Promise<ReleasePublicKey | null>;
  /** The admin policy's releaseKey. */
  policy(): ReleasePublicKey | undefined;
  /** In local mode, the embedded backend's HTTP address: its release service signs with a key of its own data dir. */
  localHttpUrl(): string | undefined;
  fetchJson(url: string): Promise<unknown>;
}

/**
 * The release signing keys the app trusts: the one built in, the admin policy's, and in local mode the embedded
 * backend's (the app's own child process on loopback, whose key lives in the app's data folder). Nothing the page
 * or the network says adds a key.
 */
export class TrustedKeys {
  private builtIn: Promise<ReleasePublicKey | null> | null = null;
  private local: { url: string; key: Promise<ReleasePublicKey | null> } | null = null;

  constructor(private readonly sources: KeySources) {}

  async get(): Promise<ReleasePublicKey[]> {
    this.builtIn ??= this.sources.builtIn();
    const url = this.sources.localHttpUrl();
    if (url !== undefined && this.local?.url !== url) {
      const key = this.sources.fetchJson(`${url.replace(/\/+$/, '')}/api/releases/public-key`).then(parsePublicKey, () => null);
      this.local = { url, key };
      // A failed fetch is tried again next time.
      void key.then((found) => {
        if (found === null && this.local?.key === key) this.local = null;
      });
    }
    const keys = [await this.builtIn, this.sources.policy() ?? null, url === undefined ? null : ((await this.local?.key) ?? null)];
    const unique = new Map<string, ReleasePublicKey>();
    for (const key of keys) if (key && !unique.has(key.keyId)) unique.set(key.keyId, key);
    return [...unique.values()];
  }
}
