/**
 * Committed ops the link has not yet had acknowledged by the broker, by outbox id. The board shows their count as
 * "unsent" and reports the age of the oldest as board lag; nothing is forgotten until the link says so.
 */
export class UnsentOps {
  private readonly pending = new Map<string, { pageId: string; records: number; sentAt: number }>();

  add(outboxId: string, pageId: string, records: number, now: number): void {
    this.pending.set(outboxId, { pageId, records, sentAt: now });
  }

  acknowledge(outboxIds: Iterable<string>): boolean {
    let changed = false;
    for (const id of outboxIds) changed = this.pending.delete(id) || changed;
    return changed;
  }

  /** Messages waiting for acknowledgement. */
  get count(): number {
    return this.pending.size;
  }

  /** Element records waiting for acknowledgement. */
  get records(): number {
    let n = 0;
    for (const p of this.pending.values()) n += p.records;
    return n;
  }

  oldestAgeMs(now: number): number {
    let oldest = now;
    for (const p of this.pending.values()) oldest = Math.min(oldest, p.sentAt);
    return now - oldest;
  }
}
