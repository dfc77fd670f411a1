import type { TelemetryEvent } from '../../shared/protocol/messages';
import type { TagId } from '../../shared/tags/catalogue';
import { ClockOffset } from './clock';
import { DRAW_FAILED_SHARE, DRAW_FAILURES, DRAW_SPAN_MS, NO_DTX_PPS, SPEAKING_LEVEL, speechEnergyOf, type Baseline } from './rules';
import { Streak } from './streak';
import { BATCH_WAIT_MS, RESTART_REPORT_MS } from './time';

/** Telemetry that changes a lasting state (entry, initialisation, courseware loads): applied in event-time order. */
export type StateEvent = Extract<TelemetryEvent, { type: 'entry' | 'init' | 'courseware' }>;

/** An entry slower than this is "entry too slow". */
export const SLOW_ENTRY_MS = 15_000;

export const INIT_TAGS = {
  media: 'entry.init-failed.media',
  messaging: 'entry.init-failed.messaging',
  courseware: 'entry.init-failed.courseware',
} as const satisfies Record<string, TagId>;
export type TaggedComponent = keyof typeof INIT_TAGS;

/** A state that holds from `since` (event time), with what showed it. */
export interface Held {
  since: number;
  evidence: string;
  /** Failures of it so far: the console retries a failed load, and a retry that fails as well confirms it. */
  failures?: number;
  /** When it last failed (the same failure sent again is not a retry that failed). */
  lastFailedAt?: number;
  /** When the participant entered again without having reported it since (time.ts, `RESTART_REPORT_MS`). */
  restartedAt?: number;
}

/** What a participant's reports are judged by: their own streams, what they receive from a teacher, their board. */
export type Signal = 'audio' | 'video' | 'board' | `hear|${string}` | `see|${string}`;

/** A dropout overlapping a report by this much explains its loss. */
const OVERLAP_MS = 1_000;

/** Healthy reports in a row that clear an audio tag (a single one can be a blip); one clears a video or board tag. */
export const AUDIO_CLEAR_REPORTS = 2;

/** A microphone seen without DTX is taken to stay so this long. */
const BASELINE_KEPT_MS = 10 * 60_000;

/** Stands for failed loads restored from a published tag, whose asset is not known any more. */
export const UNKNOWN_ASSET = '';

/**
 * One participant's lasting states, which hold until a later event says otherwise: entered the class, entry too slow,
 * a component that failed to initialise, courseware assets that failed to load.
 */
export class ParticipantState {
  entered: Held | null = null;
  slow: Held | null = null;
  readonly initFailed = new Map<TaggedComponent, Held>();
  readonly loadFailed = new Map<string, Held>();
  /** When the participant first sent courseware or board telemetry; null if never. */
  courseSince: number | null = null;
  /** Newest event time seen from this participant. */
  lastEventAt: number;
  /**
   * Up to when (corrected) this participant has told everything: the newest of their events and of their messages'
   * `at` (a console sends every event up to when it sends). A success not heard of by then did not happen by then.
   */
  heardUntil = Number.NEGATIVE_INFINITY;
  /** When the participant's latest entry was ready. */
  private readyAt = Number.NEGATIVE_INFINITY;
  /** Newest event time of a success per lasting state (`init:<component>`, `load:<asset>`, `entry`): older failures are past. */
  private recovered: Map<string, number> | null = null;
  readonly clock = new ClockOffset();
  /** Per signal (`audio`, `video`, `board`, `hear|<teacher>`, `see|<teacher>`): the run of report verdicts. */
  readonly streaks = new Map<Signal, Streak>();
  /** Corrected times of recent failed drawing attempts, oldest first, and of the last one that went through. */
  drawFailures: number[] = [];
  /** Corrected times of recent drawing attempts that went through. */
  private drawOks: number[] = [];
  /** When the current "can't draw" began, while it holds. */
  drawSince: number | null = null;
  /** When the participant's media last showed everything lost or the link down: [from, to] of recent reports. */
  readonly outages: [number, number][] = [];
  /** First and newest media report, and when their streams were last seen normal from. */
  firstMediaAt: number | null = null;
  lastMediaAt = Number.NEGATIVE_INFINITY;
  /** A quiet report of this microphone went at 40+ packets a second (no DTX), at this time. */
  private noDtxAt = Number.NEGATIVE_INFINITY;
  /** Frame rates of the camera's recent healthy reports. */
  private readonly fpsSeen: number[] = [];
  /** The microphone's speaking level squared, from recent healthy reports with speech in them. */
  private readonly speechSeen: number[] = [];

  constructor(at: number) {
    this.lastEventAt = at;
  }

  streak(signal: Signal): Streak {
    let streak = this.streaks.get(signal);
    if (!streak) this.streaks.set(signal, (streak = new Streak(signal === 'audio' || signal.startsWith('hear|') ? AUDIO_CLEAR_REPORTS : 1)));
    return streak;
  }

  baseline(at: number): Baseline {
    return {
      noDtx: at - this.noDtxAt < BASELINE_KEPT_MS,
      speechEnergy: this.speechSeen.length >= 2 ? median(this.speechSeen) : null,
      fps: this.fpsSeen.length >= 3 ? median(this.fpsSeen) : null,
    };
  }

  /** Learns from a healthy send report what this participant's microphone and camera normally do. */
  learn(kind: 'audio' | 'video', at: number, perSecond: number, audioLevel: number | undefined): void {
    if (kind === 'audio') {
      if ((audioLevel ?? 1) < SPEAKING_LEVEL && perSecond >= NO_DTX_PPS) this.noDtxAt = at;
      const energy = speechEnergyOf(perSecond, audioLevel, at - this.noDtxAt < BASELINE_KEPT_MS);
      if (energy !== null) keep(this.speechSeen, energy);
      return;
    }
    keep(this.fpsSeen, perSecond);
  }

  noteOutage(from: number, to: number): void {
    const last = this.outages.at(-1);
    if (last && last[0] === from && last[1] === to) return;
    this.outages.push([from, to]);
    if (this.outages.length > 8) this.outages.shift();
  }

  /**
   * Whether the participant's network dropped out during [from, to]: a report showing a dropout overlaps it by a
   * second or more (reports' intervals are not aligned, and touching at the edges is no overlap).
   */
  outageDuring(from: number, to: number): boolean {
    return this.outages.some(([a, b]) => Math.min(b, to) - Math.max(a, from) >= OVERLAP_MS);
  }

  /** Whether board lag that began at `from` is explained by the participant's network dropping out then. */
  outageAround(from: number): boolean {
    return this.outages.some(([a, b]) => from >= a - 5_000 && from <= b + 1_000);
  }

  /** A drawing attempt at `at`; returns true when it raised "can't draw". */
  drew(at: number, ok: boolean): boolean {
    const times = ok ? this.drawOks : this.drawFailures;
    // The same attempt sent again (a batch re-sent under a new id) is not another attempt.
    if (times.includes(at)) return false;
    times.push(at);
    times.sort((a, b) => a - b);
    const newest = Math.max(this.drawFailures.at(-1) ?? at, this.drawOks.at(-1) ?? at);
    for (const list of [this.drawFailures, this.drawOks]) while (list.length > 0 && list[0]! < newest - DRAW_SPAN_MS) list.shift();
    if (ok || this.drawSince !== null || this.drawFailures.length < DRAW_FAILURES) return false;
    if (this.drawFailures.length < DRAW_FAILED_SHARE * (this.drawFailures.length + this.drawOks.length)) return false;
    this.drawSince = this.drawFailures[0]!;
    return true;
  }

  get lastDrawFailureAt(): number {
    return this.drawFailures.at(-1) ?? Number.NEGATIVE_INFINITY;
  }

  /**
   * A success applied on arrival rather than when its pane closes: a component that initialises, an asset that loads,
   * an entry that was quick clears the failure it follows at once. Failures older than it are ignored when their pane
   * closes. Returns true when a held state cleared.
   */
  recover(event: StateEvent, at: number): boolean {
    const key = successKey(event);
    if (key === null) return false;
    this.recovered ??= new Map();
    if (at > (this.recovered.get(key) ?? Number.NEGATIVE_INFINITY)) this.recovered.set(key, at);
    switch (event.type) {
      case 'entry':
        if (this.slow && this.slow.since < at) return (this.slow = null), true;
        return false;
      case 'init': {
        const held = this.initFailed.get(event.component as TaggedComponent);
        return held !== undefined && held.since < at && this.initFailed.delete(event.component as TaggedComponent);
      }
      case 'courseware': {
        let cleared = false;
        for (const asset of [event.asset, UNKNOWN_ASSET]) {
          const held = this.loadFailed.get(asset);
          if (held && held.since < at) cleared = this.loadFailed.delete(asset) || cleared;
        }
        return cleared;
      }
    }
  }

  private pastFailure(key: string, at: number): boolean {
    return at <= (this.recovered?.get(key) ?? Number.NEGATIVE_INFINITY);
  }

  noteCourse(at: number): void {
    if (this.courseSince === null || at < this.courseSince) this.courseSince = at;
  }

  apply(event: StateEvent, at: number): void {
    switch (event.type) {
      case 'entry':
        if (event.step === 'token') {
          for (const held of [...this.initFailed.values(), ...this.loadFailed.values()]) if (held.since < at) held.restartedAt = at;
        }
        if (event.step !== 'ready') return;
        this.readyAt = Math.max(this.readyAt, at);
        this.entered ??= { since: at, evidence: `ready after ${Math.round(event.ms)} ms` };
        if (event.ms <= SLOW_ENTRY_MS) this.slow = null;
        else if (!this.pastFailure('entry', at)) this.slow ??= { since: at, evidence: `ready after ${Math.round(event.ms)} ms` };
        return;
      case 'init': {
        if (event.component === 'courseware' || event.component === 'board') this.noteCourse(at);
        if (event.component === 'board') return;
        if (event.ok) this.initFailed.delete(event.component);
        else if (this.initFailed.has(event.component)) delete this.initFailed.get(event.component)!.restartedAt;
        else if (!this.pastFailure(`init:${event.component}`, at)) {
          this.initFailed.set(event.component, { since: at, evidence: `${event.component} failed: ${event.error ?? 'no reason given'}` });
        }
        return;
      }
      case 'courseware':
        this.noteCourse(at);
        if (event.ok) {
          this.loadFailed.delete(event.asset);
          this.loadFailed.delete(UNKNOWN_ASSET);
        } else if (this.loadFailed.has(event.asset)) {
          const held = this.loadFailed.get(event.asset)!;
          delete held.restartedAt;
          if ((held.lastFailedAt ?? held.since) === at) return;
          held.failures = (held.failures ?? 1) + 1;
          held.lastFailedAt = at;
        } else if (!this.pastFailure(`load:${event.asset}`, at)) {
          this.loadFailed.set(event.asset, { since: at, lastFailedAt: at, evidence: `asset ${event.asset} failed: ${event.error ?? 'no reason given'}` });
        }
        return;
    }
  }

  /**
   * Drops the failures a new entry did not report again within `RESTART_REPORT_MS` of being ready, judged as a failure
   * is confirmed: by the participant's own reports, or after `BATCH_WAIT_MS` more from one who sends nothing. Returns
   * when to look again (infinity when nothing waits).
   */
  dropUnrestarted(now: number): number {
    let next = Number.POSITIVE_INFINITY;
    for (const failures of [this.initFailed, this.loadFailed] as Map<string, Held>[]) {
      for (const [key, held] of failures) {
        if (held.restartedAt === undefined || this.readyAt < held.restartedAt) continue;
        const due = this.readyAt + RESTART_REPORT_MS;
        if (this.toldPast(due, now)) failures.delete(key);
        else next = Math.min(next, nextLookAt(due, now));
      }
    }
    return next;
  }

  /**
   * True once the participant has told everything up to `due` (a message of theirs from later has arrived) or, from
   * one who sends nothing, once `BATCH_WAIT_MS` more have passed: what they did by `due` has arrived by then.
   */
  toldPast(due: number, now: number): boolean {
    return now >= due && (this.heardUntil >= due || now >= due + BATCH_WAIT_MS);
  }

  /** The earliest failed load, which dates the tag; its evidence names how many failed. */
  loadFailure(): Held | null {
    let first: Held | null = null;
    for (const held of this.loadFailed.values()) if (!first || held.since < first.since) first = held;
    if (!first || this.loadFailed.size === 1) return first;
    let failures = 0;
    for (const held of this.loadFailed.values()) failures += held.failures ?? 1;
    return { since: first.since, evidence: `${first.evidence} (and ${this.loadFailed.size - 1} more)`, failures };
  }
}

/** When to look again for `toldPast(due)` that does not hold yet. */
export function nextLookAt(due: number, now: number): number {
  return now < due ? due : due + BATCH_WAIT_MS;
}

/** The last six figures of a kind, newest last. */
function keep(figures: number[], value: number): void {
  figures.push(value);
  if (figures.length > 6) figures.shift();
}

function median(figures: readonly number[]): number {
  return [...figures].sort((a, b) => a - b)[Math.floor(figures.length / 2)]!;
}

/** Which lasting state a successful event ends, or null when the event is not a success. */
function successKey(event: StateEvent): string | null {
  switch (event.type) {
    case 'entry':
      return event.step === 'ready' && event.ms <= SLOW_ENTRY_MS ? 'entry' : null;
    case 'init':
      return event.ok && event.component !== 'board' ? `init:${event.component}` : null;
    case 'courseware':
      return event.ok ? `load:${event.asset}` : null;
  }
}
