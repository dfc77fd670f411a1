import type { TelemetryEvent } from '../../shared/protocol';

/** Most events in one telemetry message (the protocol's limit). */
const MAX_EVENTS = 50;
/** Events wait at most this long to be sent together. */
const FLUSH_MS = 2_000;
/** Events kept while nothing can be sent; the oldest go first. */
const MAX_PENDING = 500;

/**
 * Collects telemetry events and sends them in batches of at most 50, at most every two seconds. While held (not yet
 * in the class, or offline: telemetry goes at QoS 0 and would be dropped) events are kept, and sent on release.
 * Each event is stamped with the time it happened, so the tagger places a late-sent event where it belongs.
 */
export class TelemetryBatcher {
  private pending: TelemetryEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private held: boolean;
  dropped = 0;

  constructor(
    private readonly send: (events: TelemetryEvent[]) => void,
    options: { held?: boolean } = {},
  ) {
    this.held = options.held ?? false;
  }

  add(event: TelemetryEvent): void {
    this.pending.push(event.at === undefined ? { ...event, at: Date.now() } : event);
    if (this.pending.length > MAX_PENDING) {
      this.pending.shift();
      this.dropped++;
    }
    if (this.held) return;
    if (this.pending.length >= MAX_EVENTS) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  /** Sends everything pending now, unless held. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.held) return;
    while (this.pending.length > 0) this.send(this.pending.splice(0, MAX_EVENTS));
  }

  hold(): void {
    this.held = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Sends what was kept while held, and sends as usual from now on. */
  release(): void {
    if (!this.held) return;
    this.held = false;
    this.flush();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
  }
}
