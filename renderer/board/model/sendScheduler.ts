import type { Clock } from './clock';

/** Under load, queued edits leave at most once a frame: fewer, larger messages for the broker and every receiver. */
export const MIN_SEND_INTERVAL_MS = 16;

/**
 * When the board sends what it queued (edits, live stroke points, the laser). Everything queued in the same task (one
 * input event, one frame of a drag) leaves together: at once when the last send was a frame ago or more, otherwise
 * once a frame has passed since it.
 */
export class SendScheduler {
  private timer: unknown = null;
  private lastSentAt = -Infinity;
  private disposed = false;

  constructor(
    private readonly clock: Clock,
    private readonly send: () => void,
  ) {}

  /** Something was queued: send it soon. */
  request(): void {
    if (this.timer !== null || this.disposed) return;
    const wait = Math.max(0, this.lastSentAt + MIN_SEND_INTERVAL_MS - this.clock.now());
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.sendNow();
    }, wait);
  }

  /** Sends everything queued now instead of when it falls due. */
  sendNow(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.lastSentAt = this.clock.now();
    this.send();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }
}
