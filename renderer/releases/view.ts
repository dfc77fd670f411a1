import { compare } from 'semver';
import type { ReleaseAdoption, ReleaseState, ReleaseSummary } from '../../shared/protocol';
import type { ReleaseRing } from '../../shared/releases/documents';

export type ReleaseStatus = 'draft' | 'idle' | 'rolling' | 'halted' | 'haltedByGate' | 'revoked';
export type ReleaseAction = 'percent' | 'promote' | 'halt' | 'resume' | 'rollback';

export function statusOf(release: ReleaseSummary): ReleaseStatus {
  if (release.publishedAt === null) return 'draft';
  if (release.revoked) return 'revoked';
  if (release.halted) return release.halted.byGate ? 'haltedByGate' : 'halted';
  return release.rollout.canary + release.rollout.pilot + release.rollout.broad > 0 ? 'rolling' : 'idle';
}

/** What an admin can do to a release in its state (the service refuses the rest too). */
export function actionsFor(release: ReleaseSummary): ReleaseAction[] {
  const status = statusOf(release);
  if (status === 'draft' || status === 'revoked') return [];
  const halted = status === 'halted' || status === 'haltedByGate';
  return halted ? ['resume', 'percent', 'rollback'] : ['percent', 'promote', 'halt', 'rollback'];
}

/**
 * Where a roll back would send installs, as the service picks it: the newest older published release of the same
 * channel that is neither halted nor revoked, preferring one at 100% in broad, then one rolling anywhere.
 */
export function rollbackTarget(state: ReleaseState, version: string): string | null {
  const revoked = state.releases.find((r) => r.version === version);
  if (!revoked) return null;
  const older = state.releases
    .filter((r) => r.channel === revoked.channel && r.publishedAt !== null && !r.halted && !r.revoked && compare(r.version, version) < 0)
    .sort((a, b) => compare(b.version, a.version));
  const rolling = (r: ReleaseSummary) => r.rollout.canary + r.rollout.pilot + r.rollout.broad > 0;
  return (older.find((r) => r.rollout.broad >= 100) ?? older.find(rolling) ?? older[0])?.version ?? null;
}

/** Newest first, by semantic version. */
export function newestFirst(releases: readonly ReleaseSummary[]): ReleaseSummary[] {
  return [...releases].sort((a, b) => compare(b.version, a.version));
}

export interface AdoptionSeries {
  /** Versions with any installs, newest first. */
  versions: string[];
  /** Per sample, installs per version (in the ring, or all rings). */
  points: { at: number; installs: Record<string, number> }[];
}

/** The chart's lines: installs per version over the history and now, in one ring or all of them. */
export function adoptionSeries(adoption: ReleaseAdoption, ring: ReleaseRing | 'all'): AdoptionSeries {
  const samples = [...adoption.history];
  if (samples.at(-1)?.at !== adoption.at) samples.push({ at: adoption.at, counts: adoption.counts });
  const versions = new Set<string>();
  const points = samples.map((sample) => {
    const installs: Record<string, number> = {};
    for (const count of sample.counts) {
      if (ring !== 'all' && count.ring !== ring) continue;
      installs[count.version] = (installs[count.version] ?? 0) + count.installs;
      versions.add(count.version);
    }
    return { at: sample.at, installs };
  });
  return { versions: [...versions].sort((a, b) => compare(b, a)), points };
}

/** A rate per session, for the health table: two decimals, or a dash before any session. */
export function rateText(part: number, sessions: number): string {
  return sessions > 0 ? (part / sessions).toFixed(2) : '–';
}
