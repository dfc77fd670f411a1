import type { BoardSync, TelemetryEvent } from '../../shared/protocol';

type BoardLagEvent = Extract<TelemetryEvent, { type: 'board-lag' }>;

/** Shorter episodes are the normal delay between a peer's sync and this board's own (both are throttled). */
export const MIN_REPORTED_LAG_MS = 1_000;

/**
 * How long this console's board trails its peers: it is behind while a peer on the same page holds a higher
 * revision (revisions are equal on peers holding the same state, and never decrease). A peer with unsent ops is not
 * compared, since its revision counts ops nobody else has yet (the board reports its own unsent ops itself). An
 * episode is reported when it ends, and while it lasts on every tick, so a board that never catches up is seen.
 */
export class BoardLagWatch {
  private own: BoardSync | null = null;
  private readonly peers = new Map<string, BoardSync>();
  private behindSince: number | null = null;

  constructor(
    private readonly report: (event: BoardLagEvent) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** This board's own sync state, as it publishes it. */
  ownSync(sync: BoardSync): void {
    this.own = sync;
    this.evaluate();
  }

  /** A peer's sync state; null when it was cleared. */
  peerSync(userId: string, sync: BoardSync | null): void {
    if (sync) this.peers.set(userId, sync);
    else this.peers.delete(userId);
    this.evaluate();
  }

  tick(): void {
    if (this.behindSince === null) return;
    const lag = this.now() - this.behindSince;
    if (lag >= MIN_REPORTED_LAG_MS) this.send(lag);
  }

  private evaluate(): void {
    const own = this.own;
    const behind = own !== null && [...this.peers.values()].some((peer) => peer.pageId === own.pageId && peer.unsent === 0 && peer.revision > own.revision);
    if (behind && this.behindSince === null) this.behindSince = this.now();
    if (!behind && this.behindSince !== null) {
      const lag = this.now() - this.behindSince;
      this.behindSince = null;
      if (lag >= MIN_REPORTED_LAG_MS) this.send(lag);
    }
  }

  private send(lagMs: number): void {
    this.report({ type: 'board-lag', lagMs: Math.round(lagMs), pendingOps: this.own?.unsent ?? 0 });
  }
}
