import type { TelemetryEvent } from '../../shared/protocol/messages';
import type { TagId } from '../../shared/tags/catalogue';

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

  constructor(at: number) {
    this.lastEventAt = at;
  }

  noteCourse(at: number): void {
    if (this.courseSince === null || at < this.courseSince) this.courseSince = at;
  }

  apply(event: StateEvent, at: number): void {
    switch (event.type) {
      case 'entry':
        if (event.step !== 'ready') return;
        this.entered ??= { since: at, evidence: `ready after ${Math.round(event.ms)} ms` };
        if (event.ms > SLOW_ENTRY_MS) this.slow ??= { since: at, evidence: `ready after ${Math.round(event.ms)} ms` };
        else this.slow = null;
        return;
      case 'init': {
        if (event.component === 'courseware' || event.component === 'board') this.noteCourse(at);
        if (event.component === 'board') return;
        if (event.ok) this.initFailed.delete(event.component);
        else if (!this.initFailed.has(event.component)) {
          this.initFailed.set(event.component, { since: at, evidence: `${event.component} failed: ${event.error ?? 'no reason given'}` });
        }
        return;
      }
      case 'courseware':
        this.noteCourse(at);
        if (event.ok) {
          this.loadFailed.delete(event.asset);
          this.loadFailed.delete(UNKNOWN_ASSET);
        } else if (!this.loadFailed.has(event.asset)) {
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
