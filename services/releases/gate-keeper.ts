import { RELEASE_RINGS, type ReleaseRing } from '../../shared/releases/documents';
import * as actions from './admin-actions';
import { isLive, lastGoodBefore } from './decide';
import { judgeRing, type GateDecision, type GateThresholds, type HealthCounts } from './health-gate';
import type { ReleaseBook } from './release-book';

const ANY_RING = '*';
const GATE_ACTOR = { id: 'health-gate', kind: 'release-gate' } as const;

export interface RingHealth {
  ring: ReleaseRing;
  counts: HealthCounts;
  baseline: { version: string; counts: HealthCounts } | null;
  decision: GateDecision;
}

/**
 * Keeps the classroom counts per app version and ring, and halts a rolling release whose ring judges it unhealthy
 * (health-gate.ts), recording why. Counts for an unknown ring count for every ring the version is rolling in.
 */
export class GateKeeper {
  private readonly counts = new Map<string, HealthCounts>();

  constructor(
    readonly thresholds: GateThresholds,
    private readonly book: ReleaseBook,
    private readonly onError: (error: unknown) => void,
  ) {}

  record(version: string, ring: ReleaseRing | null, delta: HealthCounts): void {
    const key = `${version}\u0000${ring ?? ANY_RING}`;
    const total = this.counts.get(key) ?? { sessions: 0, problemTags: 0, failedEntries: 0 };
    total.sessions += delta.sessions;
    total.problemTags += delta.problemTags;
    total.failedEntries += delta.failedEntries;
    this.counts.set(key, total);
    this.evaluate(version);
  }

  countsFor(version: string, ring: ReleaseRing): HealthCounts {
    return this.counts.get(`${version}\u0000${ring}`) ?? this.counts.get(`${version}\u0000${ANY_RING}`) ?? { sessions: 0, problemTags: 0, failedEntries: 0 };
  }

  /** Each ring the release is rolling in, with its counts, its baseline's and the gate's judgement. */
  health(version: string): RingHealth[] {
    const release = this.book.state.releases.find((r) => r.version === version);
    if (!release) return [];
    const baseline = lastGoodBefore(this.book.state, release);
    return RELEASE_RINGS.filter((ring) => release.rollout[ring] > 0).map((ring) => {
      const counts = this.countsFor(version, ring);
      const base = baseline ? { version: baseline.version, counts: this.countsFor(baseline.version, ring) } : null;
      return { ring, counts, baseline: base, decision: judgeRing(ring, { version, counts }, base, this.thresholds) };
    });
  }

  private evaluate(version: string): void {
    const release = this.book.state.releases.find((r) => r.version === version);
    if (!release || !isLive(release)) return;
    const unhealthy = this.health(version).find((ring) => ring.decision.halt);
    if (!unhealthy || !unhealthy.decision.halt) return;
    this.book.change(GATE_ACTOR, actions.halt(version, unhealthy.decision.reason, GATE_ACTOR.id, Date.now(), true)).catch(this.onError);
  }
}
