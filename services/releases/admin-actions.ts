import { compare } from 'semver';
import { MANIFEST_FORMAT, RELEASE_RINGS, type ReleaseManifest, type ReleasePlatform, type ReleaseRing } from '../../shared/releases/documents';
import { lastGoodBefore } from './decide';
import { ReleaseError } from './errors';
import type { FeedSigner } from './feed';
import type { ArtifactRecord, ReleasesState, RingConfig } from './model';
import { findRelease, type AuditNote, type Mutation } from './release-book';

/** The admin actions as mutations of the release state (ReleaseBook.change runs them one at a time). */

const conflict = (code: string, message: string) => new ReleaseError(409, code, message);

export function createRelease(input: { version: string; channel: string; notes: string }, by: string, at: number): Mutation {
  return (draft) => {
    if (draft.releases.some((r) => r.version === input.version)) throw conflict('exists', `release ${input.version} exists already`);
    draft.releases.push({
      ...input,
      createdAt: at,
      createdBy: by,
      artifacts: [],
      published: null,
      rollout: { canary: 0, pilot: 0, broad: 0 },
      halted: null,
      revoked: null,
    });
    draft.releases.sort((a, b) => compare(a.version, b.version));
    return { action: 'release-created', detail: `created ${input.version} on channel ${input.channel}`, data: { version: input.version, channel: input.channel } };
  };
}

function draftRelease(draft: ReleasesState, version: string) {
  const release = findRelease(draft, version);
  if (release.published) throw conflict('published', `${version} is published: its files are signed and cannot change`);
  return release;
}

/** Refuses before the upload is read when the release cannot take files. */
export function checkUploadable(state: ReleasesState, version: string, name: string): void {
  const release = draftRelease(state, version);
  if (name.endsWith('.blockmap') && !release.artifacts.some((a) => `${a.name}.blockmap` === name)) {
    throw new ReleaseError(400, 'no-artifact', `upload ${name.slice(0, -'.blockmap'.length)} before its blockmap`);
  }
}

export function addArtifact(version: string, artifact: ArtifactRecord): Mutation {
  return (draft) => {
    const release = draftRelease(draft, version);
    release.artifacts = [...release.artifacts.filter((a) => a.name !== artifact.name), artifact];
    return { action: 'artifact-uploaded', detail: `${version}: ${artifact.name} (${artifact.platform}, ${artifact.size} bytes)`, data: { version, ...artifact } };
  };
}

export function addBlockmap(version: string, name: string, blockmap: { size: number; sha512: string }): Mutation {
  return (draft) => {
    const release = draftRelease(draft, version);
    const artifact = release.artifacts.find((a) => `${a.name}.blockmap` === name);
    if (!artifact) throw new ReleaseError(400, 'no-artifact', `upload ${name.slice(0, -'.blockmap'.length)} before its blockmap`);
    artifact.blockmap = blockmap;
    return { action: 'artifact-uploaded', detail: `${version}: ${name} (blockmap, ${blockmap.size} bytes)`, data: { version, name, ...blockmap } };
  };
}

export function publish(version: string, by: string, at: number, signer: FeedSigner): Mutation {
  return (draft) => {
    const release = draftRelease(draft, version);
    if (release.artifacts.length === 0) throw conflict('no-artifacts', `${version} has no files to publish`);
    const manifest: ReleaseManifest = {
      format: MANIFEST_FORMAT,
      version,
      channel: release.channel,
      notes: release.notes,
      publishedAt: at,
      artifacts: release.artifacts.map(({ platform, name, size, sha512, blockMapSize }) => ({ platform, name, size, sha512, ...(blockMapSize ? { blockMapSize } : {}) })),
    };
    release.published = { at, by, manifest: signer.sign(manifest) };
    return { action: 'release-published', detail: `published ${version}: manifest signed over ${manifest.artifacts.length} files`, data: { version } };
  };
}

function liveRelease(draft: ReleasesState, version: string) {
  const release = findRelease(draft, version);
  if (!release.published) throw conflict('not-published', `${version} is not published yet`);
  if (release.revoked) throw conflict('revoked', `${version} was revoked`);
  return release;
}

export function setRollout(version: string, ring: ReleaseRing, percent: number, reason: string): Mutation {
  return (draft) => {
    const release = liveRelease(draft, version);
    const before = release.rollout[ring];
    if (before === percent) return null;
    release.rollout[ring] = percent;
    return rolloutNote('rollout-set', version, ring, before, percent, reason);
  };
}

function rolloutNote(action: AuditNote['action'], version: string, ring: ReleaseRing, before: number, percent: number, reason: string): AuditNote {
  const why = reason ? `: ${reason}` : '';
  return { action, detail: `${version} in ${ring}: ${before}% → ${percent}%${why}`, data: { version, ring, before, percent, reason } };
}

/** The ring after the furthest one the release has reached, which must be at 100%. */
export function promote(version: string, to: ReleaseRing | undefined, percent: number, reason: string): Mutation {
  return (draft) => {
    const release = liveRelease(draft, version);
    if (release.halted) throw conflict('halted', `${version} is halted; resume it before promoting it`);
    const reached = RELEASE_RINGS.filter((ring) => release.rollout[ring] > 0);
    const furthest = reached.at(-1);
    const next = furthest ? RELEASE_RINGS[RELEASE_RINGS.indexOf(furthest) + 1] : RELEASE_RINGS[0];
    if (!next) throw conflict('not-ready', `${version} has reached the last ring`);
    if (to !== undefined && to !== next) throw conflict('not-ready', `${version} is promoted one ring at a time: next is ${next}`);
    if (furthest && release.rollout[furthest] < 100) throw conflict('not-ready', `${version} is at ${release.rollout[furthest]}% of ${furthest}; promote it once that is 100%`);
    const before = release.rollout[next];
    release.rollout[next] = Math.max(before, percent);
    return rolloutNote('release-promoted', version, next, before, release.rollout[next], reason);
  };
}

export function halt(version: string, reason: string, by: string, at: number, byGate = false): Mutation {
  return (draft) => {
    const release = liveRelease(draft, version);
    if (release.halted) return null;
    release.halted = { at, by, reason, byGate };
    return { action: 'release-halted', detail: `halted ${version}: ${reason}`, data: { version, reason, byGate } };
  };
}

export function resume(version: string, reason: string): Mutation {
  return (draft) => {
    const release = liveRelease(draft, version);
    if (!release.halted) return null;
    const was = release.halted.reason;
    release.halted = null;
    return { action: 'release-resumed', detail: `resumed ${version} (halted for: ${was})${reason ? `: ${reason}` : ''}`, data: { version, reason, haltedFor: was } };
  };
}

/** Revokes for good; installs on it go back to the last good version at their next check (decide.ts). */
export function revoke(version: string, reason: string, by: string, at: number): Mutation {
  return (draft) => {
    const release = findRelease(draft, version);
    if (!release.published) throw conflict('not-published', `${version} is not published yet`);
    if (release.revoked) return null;
    const target = lastGoodBefore(draft, release);
    release.revoked = { at, by, reason, target: target?.version ?? null };
    const where = target ? `installs on it go back to ${target.version}` : 'no earlier good release: installs on it stay until a newer one';
    return { action: 'release-revoked', detail: `revoked ${version} (${where}): ${reason}`, data: { version, reason, target: target?.version ?? null } };
  };
}

export function setRings(config: RingConfig): Mutation {
  return (draft) => {
    if (JSON.stringify(draft.rings) === JSON.stringify(config)) return null;
    const before = draft.rings;
    draft.rings = config;
    return { action: 'rings-set', detail: `rings: canary ${config.shares.canary}%, pilot ${config.shares.pilot}%, ${Object.keys(config.groups).length} groups`, data: { before, after: config } };
  };
}

const PLATFORM_BY_EXTENSION: [RegExp, ReleasePlatform][] = [
  [/\.(AppImage|deb|rpm)$/i, 'linux'],
  [/\.(exe|msi)$/i, 'win'],
  [/\.(zip|dmg)$/i, 'mac'],
];

/** The platform an installer's extension says; null for an extension electron-updater does not install. */
export function platformOf(name: string): ReleasePlatform | null {
  return PLATFORM_BY_EXTENSION.find(([pattern]) => pattern.test(name))?.[1] ?? null;
}
