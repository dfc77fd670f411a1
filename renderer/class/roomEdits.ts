import type { Room } from '../../shared/protocol';

export type RoomChange = (room: Room) => Partial<Room>;

/** How long edits wait for the class's retained room before building on an empty one (a class never set up). */
export const ROOM_WAIT_MS = 5_000;

/**
 * A teacher's edits of the room (drawing rights, mutes, stars, removals, timers). The room is retained and replaced
 * whole, so an edit built before the class's current room has arrived would overwrite it with an empty one and drop
 * every grant and star. Edits made that early are held, then applied in order to the room once it is known: it
 * arrived, or the class's retained state has been delivered without one, or ROOM_WAIT_MS passed.
 */
export class RoomEdits {
  private known = false;
  private pending: RoomChange[] = [];
  private readonly timer: ReturnType<typeof setTimeout>;

  constructor(
    private readonly current: () => Room | null,
    private readonly publish: (room: Room) => void,
    private readonly by: string,
    waitMs = ROOM_WAIT_MS,
  ) {
    this.timer = setTimeout(() => this.settle(), waitMs);
  }

  /** Edits waiting for the room. */
  get waiting(): number {
    return this.pending.length;
  }

  edit(change: RoomChange): void {
    if (!this.known) {
      this.pending.push(change);
      return;
    }
    this.publish(this.next([change]));
  }

  /** The room is known (or known to be absent): held edits are applied to it and published as one new version. */
  settle(): void {
    if (this.known) return;
    this.known = true;
    clearTimeout(this.timer);
    const pending = this.pending.splice(0);
    if (pending.length > 0) this.publish(this.next(pending));
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.pending = [];
  }

  private next(changes: RoomChange[]): Room {
    const previous = this.current() ?? emptyRoom(this.by);
    const changed = changes.reduce<Room>((room, change) => ({ ...room, ...change(room) }), previous);
    return { ...changed, v: 1, version: previous.version + 1, by: this.by, ts: Date.now() };
  }
}

export function emptyRoom(by: string): Room {
  return { v: 1, version: 0, drawing: [], chatMutedAll: false, chatMuted: [], stars: {}, removed: [], startedAt: null, countdownEndsAt: null, by, ts: 0 };
}
