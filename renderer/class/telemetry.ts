import type { TelemetryEvent } from '../../shared/protocol';

/** Most events in one telemetry message (the protocol's limit). */
const MAX_EVENTS = 50;
/** Events wait at most this long to be sent together. */
const FLUSH_MS = 2_000;
/** Events kept while nothing can be sent; the oldest go first. */
const MAX_PENDING = 500;

/** Collects telemetry events and sends them in batches of at most 50, at most every two seconds. */
export class TelemetryBatcher {
  private pending: TelemetryEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  dropped = 0;

  constructor(private readonly send: (events: TelemetryEvent[]) => void) {}

  add(event: TelemetryEvent): void {
    this.pending.push(event);
    if (this.pending.length > MAX_PENDING) {
      this.pending.shift();
      this.dropped++;
    }
    if (this.pending.length >= MAX_EVENTS) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.pending.length > 0) this.send(this.pending.splice(0, MAX_EVENTS));
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.pending = [];
  }
}
