/**
 * The health gate's decision, pure: per ring, the new version's rate of classroom problem tags and of failed class
 * entries, against the version it replaces. The counts come from the classroom (tags carry each participant's app
 * version); this module only judges them.
 */
export interface HealthCounts {
  /** Class sessions seen running this version (a participant's class, once). */
  sessions: number;
  /** Problem-tag episodes in those sessions. */
  problemTags: number;
  /** Sessions whose entry failed (an L1 `entry.init-failed.*` tag). */
  failedEntries: number;
}

export interface GateThresholds {
  /** Halt when a rate is more than this many times the replaced version's. */
  maxRatio: number;
  /** Judge only once the new version has been seen in this many sessions in the ring. */
  minSessions: number;
  /** The replaced version's rates count as at least this (per session), so a spotless baseline is not divided by 0. */
  rateFloor: number;
}

export const DEFAULT_GATE: GateThresholds = { maxRatio: 2, minSessions: 20, rateFloor: 0.05 };

export interface GateMeasure {
  measure: 'problem tags' | 'failed entries';
  candidateRate: number;
  baselineRate: number;
}

export type GateDecision =
  | { halt: false; why: string }
  | { halt: true; reason: string; measures: GateMeasure[] };

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
const round = (n: number) => Math.round(n * 1000) / 1000;

export function judgeRing(
  ring: string,
  candidate: { version: string; counts: HealthCounts },
  baseline: { version: string; counts: HealthCounts } | null,
  thresholds: GateThresholds = DEFAULT_GATE,
): GateDecision {
  const { counts } = candidate;
  if (counts.sessions < thresholds.minSessions) return { halt: false, why: `${counts.sessions} of ${thresholds.minSessions} sessions seen` };
  const base = baseline?.counts ?? { sessions: 0, problemTags: 0, failedEntries: 0 };
  const measures: GateMeasure[] = [
    { measure: 'problem tags', candidateRate: rate(counts.problemTags, counts.sessions), baselineRate: rate(base.problemTags, base.sessions) },
    { measure: 'failed entries', candidateRate: rate(counts.failedEntries, counts.sessions), baselineRate: rate(base.failedEntries, base.sessions) },
  ];
  const over = measures.filter((m) => m.candidateRate > Math.max(m.baselineRate, thresholds.rateFloor) * thresholds.maxRatio);
  if (over.length === 0) return { halt: false, why: 'within the threshold' };
  const against = baseline ? baseline.version : 'no earlier version';
  const reason =
    `health gate (${ring}): ` +
    over
      .map((m) => `${m.measure} ${round(m.candidateRate)} per session against ${round(m.baselineRate)} for ${against} (more than ${thresholds.maxRatio}×)`)
      .join('; ');
  return { halt: true, reason, measures: over };
}
