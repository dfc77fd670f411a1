import type { AdoptionCount, GateEvent, ReleaseAdoption, ReleaseHealth, ReleaseState, ReleaseSummary } from '../../shared/protocol/releases';
import { RELEASE_PLATFORMS } from '../../shared/releases/documents';
import type { AdoptionSample } from './adoption';
import type { GateThresholds } from './health-gate';
import type { RingHealth } from './gate-keeper';
import type { ReleaseRecord, ReleasesState } from './model';

/** How many of each list a message carries (the schemas' limits in shared/protocol/releases.ts). */
export const LIMITS = { releases: 200, gateEvents: 50, counts: 300, history: 240, healthVersions: 200 } as const;

export function summaryOf(release: ReleaseRecord): ReleaseSummary {
  const platforms = RELEASE_PLATFORMS.filter((p) => release.artifacts.some((a) => a.platform === p));
  return {
    version: release.version,
    channel: release.channel,
    notes: release.notes,
    createdAt: release.createdAt,
    createdBy: release.createdBy,
    platforms,
    publishedAt: release.published?.at ?? null,
    rollout: { ...release.rollout },
    halted: release.halted ? { ...release.halted } : null,
    revoked: release.revoked ? { ...release.revoked } : null,
  };
}

/** The newest releases last, as created; at most LIMITS.releases of them. */
export function stateMessage(state: ReleasesState, gate: GateThresholds, gateEvents: readonly GateEvent[], at: number): ReleaseState {
  return {
    v: 1,
    releases: state.releases.slice(-LIMITS.releases).map(summaryOf),
    rings: { shares: { ...state.rings.shares }, groups: { ...state.rings.groups } },
    gate: { ...gate },
    gateEvents: gateEvents.slice(-LIMITS.gateEvents),
    at,
  };
}

/** The largest counts first when there are more than a message carries (clients can name any version). */
function bounded(counts: readonly AdoptionCount[]): AdoptionCount[] {
  if (counts.length <= LIMITS.counts) return [...counts];
  return [...counts].sort((a, b) => b.installs - a.installs).slice(0, LIMITS.counts);
}

export function adoptionMessage(counts: readonly AdoptionCount[], history: readonly AdoptionSample[], at: number): ReleaseAdoption {
  return {
    v: 1,
    counts: bounded(counts),
    history: history.slice(-LIMITS.history).map((sample) => ({ at: sample.at, counts: bounded(sample.counts) })),
    at,
  };
}

export function healthMessage(state: ReleasesState, healthOf: (version: string) => RingHealth[], at: number): ReleaseHealth {
  const published = state.releases.filter((r) => r.published).slice(-LIMITS.healthVersions);
  return {
    v: 1,
    versions: published.map((release) => ({
      version: release.version,
      rings: healthOf(release.version).map(({ ring, counts, baseline, decision }) => ({
        ring,
        counts: { ...counts },
        baseline: baseline ? { version: baseline.version, counts: { ...baseline.counts } } : null,
        halt: decision.halt,
        why: (decision.halt ? decision.reason : decision.why).slice(0, 500),
      })),
    })),
    at,
  };
}

/**
 * The gate's halts as they happened, kept across resumes (which clear `halted`): each release halted by the gate
 * adds one event per halt it did not add before.
 */
export class GateEvents {
  private readonly events: GateEvent[] = [];
  private readonly seen = new Set<string>();

  note(state: ReleasesState): void {
    for (const release of state.releases) {
      const halted = release.halted;
      if (!halted?.byGate) continue;
      const key = `${release.version}@${halted.at}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.events.push({ at: halted.at, version: release.version, reason: halted.reason.slice(0, 500) });
      if (this.events.length > LIMITS.gateEvents) this.events.shift();
    }
  }

  list(): readonly GateEvent[] {
    return this.events;
  }
}
