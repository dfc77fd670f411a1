/** The help dispatcher's windows and retention; backend options and tests shorten them. */
export interface DispatcherTuning {
  /**
   * A valid request no current tag covers waits this long after it arrived (`received`, "waiting for tags") for a tag
   * that covers it, then goes to the manual queue (60 s): people press help within seconds of a problem, and the tagger
   * needs a closed window, up to 70 s, to tag it. 0 sends it to the manual queue at once.
   */
  coverageGraceMs?: number;
  /** A remedy without an acknowledgement after this long is `no-ack` (10 s). */
  ackTimeoutMs?: number;
  /** How long after the acknowledgement the tag has to clear (45 s). */
  pendingWindowMs?: number;
  /** An ended request's retained state is cleared this long after it ended (10 min). */
  clearEndedAfterMs?: number;
  /** An ended request is forgotten (and a copy of it arriving again is no longer recognised) after this (24 h). */
  forgetEndedAfterMs?: number;
  /** Metrics are republished at most this often, when they changed (2 s). */
  metricsIntervalMs?: number;
  /** How often deadlines are checked (250 ms). */
  sweepMs?: number;
}

export type Timings = Required<DispatcherTuning>;

const DEFAULTS: Timings = {
  coverageGraceMs: 60_000,
  ackTimeoutMs: 10_000,
  pendingWindowMs: 45_000,
  clearEndedAfterMs: 10 * 60_000,
  forgetEndedAfterMs: 24 * 3_600_000,
  metricsIntervalMs: 2_000,
  sweepMs: 250,
};

/** After a restart, a remedy sent by the previous instance gets at least this long for its acknowledgement to arrive. */
export const RESUME_GRACE_MS = 2_000;

/** The defaults, with whatever of them `tuning` sets (other keys and undefined values are ignored). */
export function timingsOf(tuning: DispatcherTuning): Timings {
  const set = Object.entries(tuning).filter(([key, value]) => key in DEFAULTS && value !== undefined);
  return { ...DEFAULTS, ...Object.fromEntries(set) };
}
