import type { Outbound } from '../../../shared/protocol';
import type { OutboxItem, UserAction } from '../messages';

export const OUTBOX_CAPACITY = 500;

/**
 * User actions waiting for the broker's acknowledgement. An item leaves only when its PUBACK arrives, so an action
 * taken while offline, or in flight when the connection dropped, is sent again after the next connect.
 */
export class Outbox {
  private readonly items = new Map<string, OutboxItem>();
  /** Each item's message as it was encoded when queued: sent as these bytes every time, never encoded again. */
  private readonly encoded = new Map<string, Outbound>();
  /** Pending item per replaceable key (a retained topic, where only the newest message matters). */
  private readonly byKey = new Map<string, string>();

  constructor(private readonly capacity = OUTBOX_CAPACITY) {}

  /**
   * Queues an action; throws when the outbox is full, so the caller can tell the user instead of losing it. An action
   * with a `replaces` key supersedes a pending action with the same key (the newest retained state is all that counts).
   */
  add(id: string, action: UserAction, queuedAt: number, replaces?: string, encoded?: Outbound): OutboxItem {
    if (this.items.has(id)) throw new Error(`action ${id} is already queued`);
    if (replaces !== undefined) {
      const previous = this.byKey.get(replaces);
      if (previous !== undefined) {
        this.items.delete(previous);
        this.encoded.delete(previous);
      }
    }
    if (this.items.size >= this.capacity) {
      throw new RangeError(`${this.capacity} actions are already waiting to be sent`);
    }
    const item = { id, action, queuedAt };
    this.items.set(id, item);
    if (encoded) this.encoded.set(id, encoded);
    if (replaces !== undefined) this.byKey.set(replaces, id);
    return item;
  }

  /** The message an item was queued as, if it was queued encoded. */
  encodedOf(id: string): Outbound | undefined {
    return this.encoded.get(id);
  }

  /** Returns true when the item was still pending. */
  acknowledge(id: string): boolean {
    for (const [key, pending] of this.byKey) if (pending === id) this.byKey.delete(key);
    this.encoded.delete(id);
    return this.items.delete(id);
  }

  pending(): OutboxItem[] {
    return [...this.items.values()];
  }

  get size(): number {
    return this.items.size;
  }
}
