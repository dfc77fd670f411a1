/**
 * Per-sender sequence numbers on committed ops. A receiver that sees a number skip knows it missed something and
 * asks for a snapshot; duplicates and replays are harmless because merging is idempotent.
 */
export type SeqVerdict = 'next' | 'duplicate' | 'gap';

export class SequenceTracker {
  private readonly last = new Map<string, number>();

  /**
   * Call with each op's sender and number. Numbers start at 1; a sender never seen has a baseline of 0 unless a
   * snapshot said otherwise (`reset`), so a lost first op is a gap like any other.
   */
  observe(sender: string, seq: number): SeqVerdict {
    const previous = this.last.get(sender) ?? 0;
    if (seq === previous + 1) {
      this.last.set(sender, seq);
      return 'next';
    }
    if (seq <= previous) return 'duplicate';
    this.last.set(sender, seq);
    return 'gap';
  }

  /** True when a sender's announced latest number (from its heartbeat) shows ops this receiver never got. */
  behind(sender: string, latest: number): boolean {
    return (this.last.get(sender) ?? 0) < latest;
  }

  /** After a resync from a snapshot that includes `sender`'s ops up to `seq`. */
  reset(sender: string, seq: number): void {
    this.last.set(sender, seq);
  }
}
