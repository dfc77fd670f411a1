/**
 * Per-sender sequence numbers on committed ops. A sender is one board session of one user: a reload or a second
 * window is a new sender that counts from 1 again. A receiver that sees a number skip knows it missed something and
 * asks for a snapshot; duplicates and replays are harmless because merging is idempotent.
 */
export type SeqVerdict = 'next' | 'duplicate' | 'gap';

/** Senders remembered at most; the one heard from least recently is forgotten first. */
export const MAX_TRACKED_SENDERS = 1_000;

/**
 * The key a sender's numbers are tracked under: `<userId>/<session>`, or the bare user id for ops that carry no
 * session. The user id comes from the topic, so nobody can advance another user's numbers by naming their session.
 */
export function senderKey(userId: string, session?: string): string {
  return session ? `${userId}/${session}` : userId;
}

export class SequenceTracker {
  private readonly last = new Map<string, number>();

  constructor(private readonly capacity = MAX_TRACKED_SENDERS) {}

  /**
   * Call with each op's sender key and number. Numbers start at 1; a sender never seen has a baseline of 0 unless a
   * snapshot said otherwise (`reset`), so a lost first op is a gap like any other.
   */
  observe(sender: string, seq: number): SeqVerdict {
    const previous = this.last.get(sender) ?? 0;
    if (seq <= previous) return 'duplicate';
    this.remember(sender, seq);
    return seq === previous + 1 ? 'next' : 'gap';
  }

  /** True when a sender's announced latest number (from a snapshot) shows ops this receiver never got. */
  behind(sender: string, latest: number): boolean {
    return (this.last.get(sender) ?? 0) < latest;
  }

  /** After a resync from a snapshot that includes `sender`'s ops up to `seq`. */
  reset(sender: string, seq: number): void {
    this.remember(sender, seq);
  }

  get size(): number {
    return this.last.size;
  }

  private remember(sender: string, seq: number): void {
    this.last.delete(sender);
    this.last.set(sender, seq);
    if (this.last.size > this.capacity) this.last.delete(this.last.keys().next().value as string);
  }
}
