import { compare, valid } from 'semver';
import { FeedExtension, type ReleaseManifest, type ReleasePublicKey, type RevokeMark } from './documents';
import { verifyManifest, verifyRevokeMark, verifyStatus, type Ed25519Crypto } from './verify';

/** What electron-updater parsed from `latest*.yml`: its own fields, and the release service's under `classroom`. */
export interface FeedInfo {
  version: string;
  files?: readonly { url: string; sha512: string; size?: number }[];
  classroom?: unknown;
}

export type UpdateDecision =
  | { action: 'none'; reason: string }
  | { action: 'update'; version: string; manifest: ReleaseManifest }
  | { action: 'rollback'; version: string; manifest: ReleaseManifest; revoke: RevokeMark }
  | { action: 'refuse'; reason: string };

function baseName(url: string): string {
  const path = url.split(/[?#]/)[0] ?? '';
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

/**
 * Decides what to do with a feed before anything is downloaded: a newer version is taken only with a valid signed
 * manifest that lists every file the feed names with the same sha512; an older one only with a valid revoke mark
 * that withdraws exactly the running version and names exactly that older one. A manifest naming an older version is
 * never enough on its own. Give electron-updater `allowDowngrade = true` and `autoDownload = false`, and call
 * `downloadUpdate()` only when this says `update` or `rollback`.
 */
export async function decideUpdate(
  key: ReleasePublicKey,
  feed: FeedInfo,
  currentVersion: string,
  subtle?: Ed25519Crypto,
): Promise<UpdateDecision> {
  if (!valid(feed.version) || !valid(currentVersion)) return { action: 'refuse', reason: 'the feed or the running version is not a semantic version' };
  const order = compare(feed.version, currentVersion);
  if (order === 0) return { action: 'none', reason: `${currentVersion} is the version offered` };
  const extension = FeedExtension.safeParse(feed.classroom);
  if (!extension.success) return { action: 'refuse', reason: 'the feed carries no signed manifest' };
  const manifest = await verifyManifest(key, extension.data.manifest, subtle);
  if (!manifest.ok) return { action: 'refuse', reason: `manifest: ${manifest.reason}` };
  if (manifest.value.version !== feed.version) return { action: 'refuse', reason: `the manifest is for ${manifest.value.version}, the feed offers ${feed.version}` };
  for (const file of feed.files ?? []) {
    const listed = manifest.value.artifacts.find((a) => a.name === baseName(file.url));
    if (!listed || listed.sha512 !== file.sha512 || (file.size !== undefined && listed.size !== file.size)) {
      return { action: 'refuse', reason: `the feed's file ${baseName(file.url)} is not the one the manifest signed` };
    }
  }
  if (order > 0) return { action: 'update', version: feed.version, manifest: manifest.value };
  if (!extension.data.revoke) return { action: 'refuse', reason: `${feed.version} is older than ${currentVersion} and no revoke mark allows going back` };
  const revoke = await verifyRevokeMark(key, extension.data.revoke, subtle);
  if (!revoke.ok) return { action: 'refuse', reason: `revoke mark: ${revoke.reason}` };
  if (revoke.value.revoked !== currentVersion || revoke.value.target !== feed.version) {
    return { action: 'refuse', reason: `the revoke mark withdraws ${revoke.value.revoked} for ${revoke.value.target}, not ${currentVersion} for ${feed.version}` };
  }
  return { action: 'rollback', version: feed.version, manifest: manifest.value, revoke: revoke.value };
}

export type InstallDecision = { install: true } | { install: false; reason: string };

/**
 * Just before installing a downloaded version: install only when the service's signed status for this version,
 * answered to this install's fresh nonce, says `active`. A halted or revoked version is discarded; no answer (or a
 * forged or replayed one) means not now. No clock is compared, so a client clock hours off changes nothing.
 */
export async function decideInstall(
  key: ReleasePublicKey,
  signedStatus: unknown,
  expected: { version: string; nonce: string },
  subtle?: Ed25519Crypto,
): Promise<InstallDecision> {
  const status = await verifyStatus(key, signedStatus, subtle);
  if (!status.ok) return { install: false, reason: `status: ${status.reason}` };
  const { version, nonce, state, reason } = status.value;
  if (version !== expected.version || nonce !== expected.nonce) return { install: false, reason: 'the status answers another version or request' };
  if (state !== 'active') return { install: false, reason: `${version} is ${state}${reason ? `: ${reason}` : ''}; discard the download` };
  return { install: true };
}
