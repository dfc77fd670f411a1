import { compare, satisfies } from 'semver';
import type { ReleasePlatform, ReleaseRing } from '../../shared/releases/documents';
import { RELEASE_RINGS } from '../../shared/releases/documents';
import { inRollout, installMark } from './hashing';
import type { ReleaseRecord, ReleasesState, RingConfig } from './model';

/** Who asks, as a feed request says it (query parameters or headers). */
export interface InstallCheck {
  /** The install's id; null when it sent none (it is then only offered releases at 100% of its ring). */
  installId: string | null;
  /** A ring the install's admin policy chose; null to let the service place it. */
  ring: ReleaseRing | null;
  /** Groups it belongs to (`school:north-7`, `region:eu`), which may place it in a ring. */
  groups: readonly string[];
  /** The version it runs; null when unknown. */
  currentVersion: string | null;
  channel: string;
  platform: ReleasePlatform;
  /** A semver range its admin policy pins it to (`1.4.x`); null for none. */
  pin: string | null;
}

export type Offer =
  | { kind: 'update'; ring: ReleaseRing; release: ReleaseRecord }
  /** The running version was revoked: go back to `release`, with the revoke mark of `revoked`. */
  | { kind: 'rollback'; ring: ReleaseRing; release: ReleaseRecord; revoked: ReleaseRecord }
  /** Nothing to do: the feed names the running version (or nothing, when that is unknown). */
  | { kind: 'stay'; ring: ReleaseRing };

/** The install's ring: its policy's choice, else the first of its groups with a ring, else its fixed mark's share. */
export function ringOf(check: Pick<InstallCheck, 'installId' | 'ring' | 'groups'>, rings: RingConfig): ReleaseRing {
  if (check.ring) return check.ring;
  for (const group of check.groups) {
    const ring = rings.groups[group];
    if (ring) return ring;
  }
  if (check.installId === null) return 'broad';
  const mark = installMark(check.installId) * 100;
  if (mark < rings.shares.canary) return 'canary';
  if (mark < rings.shares.canary + rings.shares.pilot) return 'pilot';
  return 'broad';
}

export const hasPlatform = (release: ReleaseRecord, platform: ReleasePlatform) => release.artifacts.some((a) => a.platform === platform);

/** Offered to installs at all: published, neither halted nor revoked. */
export const isLive = (release: ReleaseRecord) => release.published !== null && release.halted === null && release.revoked === null;

function eligible(release: ReleaseRecord, check: InstallCheck, ring: ReleaseRing): boolean {
  const percent = release.rollout[ring];
  return check.installId === null ? percent >= 100 : inRollout(check.installId, release.version, percent);
}

/**
 * Where a revoked version's installs go: the version its revocation named, or, when that was revoked since, the one
 * that one's revocation named, and so on; null when the chain ends nowhere usable for this platform.
 */
function rollbackTarget(byVersion: ReadonlyMap<string, ReleaseRecord>, revoked: ReleaseRecord, platform: ReleasePlatform): ReleaseRecord | null {
  let target = revoked.revoked?.target ? byVersion.get(revoked.revoked.target) : undefined;
  for (let hops = 0; target && target.revoked && hops < 100; hops++) target = target.revoked.target ? byVersion.get(target.revoked.target) : undefined;
  return target && !target.revoked && target.published && hasPlatform(target, platform) ? target : null;
}

/**
 * The one answer to a check, computed from the state and the check alone (no clock, no randomness), so the same
 * install gets the same answer from any process at any time until an admin changes the state: the newest live
 * release of its channel and platform, newer than what it runs, within its policy's pin, whose percentage in the
 * install's ring includes it; else, when the version it runs was revoked, the revocation's target; else stay.
 */
export function decideOffer(state: ReleasesState, check: InstallCheck, byVersion?: ReadonlyMap<string, ReleaseRecord>): Offer {
  const ring = ringOf(check, state.rings);
  let best: ReleaseRecord | null = null;
  for (const release of state.releases) {
    if (release.channel !== check.channel || !isLive(release) || !hasPlatform(release, check.platform)) continue;
    if (check.currentVersion !== null && compare(release.version, check.currentVersion) <= 0) continue;
    if (best && compare(release.version, best.version) <= 0) continue;
    if (check.pin !== null && !satisfies(release.version, check.pin, { includePrerelease: true })) continue;
    if (eligible(release, check, ring)) best = release;
  }
  if (best) return { kind: 'update', ring, release: best };
  if (check.currentVersion !== null) {
    const versions = byVersion ?? new Map(state.releases.map((r) => [r.version, r]));
    const running = versions.get(check.currentVersion);
    if (running?.revoked) {
      const target = rollbackTarget(versions, running, check.platform);
      if (target) return { kind: 'rollback', ring, release: target, revoked: running };
    }
  }
  return { kind: 'stay', ring };
}

/**
 * The version a revocation sends installs back to: the newest published release of the same channel older than
 * `revoked`, neither halted nor revoked, preferring one fully rolled out to broad, then one rolled out anywhere.
 */
export function lastGoodBefore(state: ReleasesState, revoked: ReleaseRecord): ReleaseRecord | null {
  const older = state.releases
    .filter((r) => r.channel === revoked.channel && isLive(r) && compare(r.version, revoked.version) < 0)
    .sort((a, b) => compare(b.version, a.version));
  return (
    older.find((r) => r.rollout.broad >= 100) ??
    older.find((r) => RELEASE_RINGS.some((ring) => r.rollout[ring] > 0)) ??
    older[0] ??
    null
  );
}
