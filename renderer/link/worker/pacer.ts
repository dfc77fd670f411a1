/**
 * How long traffic that may wait is held, at most, after the batch before. A supervisor's wall at a 35,000-class peak
 * takes fifty health changes a second; posted each at the next frame, the page re-rendered and repainted every frame.
 * Held, they make four renders a second, still faster than anyone reads a wall (docs/decisions.md, "Urgent and calm
 * batches", says why 250 ms and not 100).
 */
export const CALM_MS = 250;

/** What the pacer needs from where it runs. */
export interface PacerClock {
  /** Calls back once, before the next frame is painted (or soon, where there are no frames). */
  requestFrame(callback: () => void): void;
  /** Calls back once, `ms` from now. */
  after(ms: number, callback: () => void): void;
  /** Monotonic milliseconds. */
  now(): number;
}

/**
 * When the worker posts a batch to the UI thread: at the next frame after something changed, and never while the UI
 * thread has not applied the batch before (one batch in flight). Until it has, traffic gathers in the next batch
 * (coalesced where the batch coalesces): a busy UI thread then takes fewer, larger batches instead of a queue of one
 * per frame, each of which cost it a pass over every class on a supervisor's wall.
 *
 * Calm traffic (a warning on the wall, a count) waits until `CALM_MS` after the batch before; anything urgent (a
 * critical problem, a help request, the class a teacher teaches) is posted at the next frame and takes the calm
 * traffic gathered so far along.
 */
export class BatchPacer {
  private frameRequested = false;
  private inFlight = false;
  /** A timer is armed for the end of the calm interval. */
  private waiting = false;
  private urgent = false;
  private calm = false;
  private lastFlushAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly clock: PacerClock,
    private readonly flush: () => void,
    private readonly calmMs = CALM_MS,
  ) {}

  /** Something for the UI thread was gathered; `calm` when it can wait for the next calm batch. */
  schedule(calm = false): void {
    if (calm) this.calm = true;
    else this.urgent = true;
    if (this.frameRequested || this.inFlight) return;
    // Only calm traffic, and too soon after the batch before: one timer for the rest of the interval, not a frame
    // (and a wake-up of the worker) every 16 ms until it is over.
    const wait = this.urgent ? 0 : this.lastFlushAt + this.calmMs - this.clock.now();
    if (wait > 0) {
      this.waitFor(wait);
      return;
    }
    this.frameRequested = true;
    this.clock.requestFrame(() => this.frame());
  }

  /** The UI thread applied the batch in flight. */
  applied(): void {
    this.inFlight = false;
    this.resume();
  }

  private waitFor(ms: number): void {
    if (this.waiting) return;
    this.waiting = true;
    this.clock.after(ms, () => {
      this.waiting = false;
      this.resume();
    });
  }

  private resume(): void {
    if (this.urgent || this.calm) this.schedule(!this.urgent);
  }

  private frame(): void {
    this.frameRequested = false;
    this.urgent = this.calm = false;
    this.inFlight = true;
    this.lastFlushAt = this.clock.now();
    this.flush();
  }
}
