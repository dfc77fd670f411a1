import type { TelemetryEvent } from '../../shared/protocol/messages';
import type { TagId } from '../../shared/tags/catalogue';
import { Recovery, samplesNeeded, type Signal } from './recovery';

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
}

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
  /** Newest event time of a success per lasting state (`init:<component>`, `load:<asset>`, `entry`): older failures are past. */
  private recovered: Map<string, number> | null = null;
  /** Recovery evidence per windowed signal, kept only while it can matter (see ClassStream). */
  recovery: Map<Signal, Recovery> | null = null;

  constructor(at: number) {
    this.lastEventAt = at;
  }

  tracker(signal: Signal): Recovery {
    this.recovery ??= new Map();
    let recovery = this.recovery.get(signal);
    if (!recovery) this.recovery.set(signal, (recovery = new Recovery(samplesNeeded(signal))));
    return recovery;
  }

  /** When `signal` last recovered; -Infinity when it has not (or nothing is tracked for it). */
  recoveredAt(signal: Signal): number {
    return this.recovery?.get(signal)?.recoveredAt ?? Number.NEGATIVE_INFINITY;
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
        if (event.step !== 'ready') return;
        this.entered ??= { since: at, evidence: `ready after ${Math.round(event.ms)} ms` };
        if (event.ms <= SLOW_ENTRY_MS) this.slow = null;
        else if (!this.pastFailure('entry', at)) this.slow ??= { since: at, evidence: `ready after ${Math.round(event.ms)} ms` };
        return;
      case 'init': {
        if (event.component === 'courseware' || event.component === 'board') this.noteCourse(at);
        if (event.component === 'board') return;
        if (event.ok) this.initFailed.delete(event.component);
        else if (!this.initFailed.has(event.component) && !this.pastFailure(`init:${event.component}`, at)) {
          this.initFailed.set(event.component, { since: at, evidence: `${event.component} failed: ${event.error ?? 'no reason given'}` });
        }
        return;
      }
      case 'courseware':
        this.noteCourse(at);
        if (event.ok) {
          this.loadFailed.delete(event.asset);
          this.loadFailed.delete(UNKNOWN_ASSET);
        } else if (!this.loadFailed.has(event.asset) && !this.pastFailure(`load:${event.asset}`, at)) {
          this.loadFailed.set(event.asset, { since: at, evidence: `asset ${event.asset} failed: ${event.error ?? 'no reason given'}` });
        }
        return;
    }
  }

  /** The earliest failed load, which dates the tag; its evidence names how many failed. */
  loadFailure(): Held | null {
    let first: Held | null = null;
    for (const held of this.loadFailed.values()) if (!first || held.since < first.since) first = held;
    if (!first || this.loadFailed.size === 1) return first;
    return { since: first.since, evidence: `${first.evidence} (and ${this.loadFailed.size - 1} more)` };
  }
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
