import { BoardPage } from '../../shared/whiteboard/page';
import type { BoardSnapshot } from '../../shared/protocol/messages';
import type { ElementRecord } from '../../shared/whiteboard/element';

/** One page as the board service holds it: the merged records and the last sequence number of each sender. */
export class StoredPage {
  readonly page: BoardPage;
  readonly seqs = new Map<string, number>();

  constructor(pageId: string) {
    this.page = new BoardPage(pageId);
  }

  /** Merges a sender's committed records; returns true when the page changed (records or sequence numbers). */
  applyOps(sender: string, seq: number, records: readonly ElementRecord[]): boolean {
    const changed = this.page.apply(records).length > 0;
    const previous = this.seqs.get(sender) ?? 0;
    if (seq > previous) this.seqs.set(sender, seq);
    return changed || seq > previous;
  }

  /** Merges a snapshot (one this service published before a restart); returns true when anything changed. */
  applySnapshot(snapshot: BoardSnapshot): boolean {
    let changed = this.page.apply(snapshot.elements).length > 0;
    for (const [sender, seq] of Object.entries(snapshot.seqs)) {
      if (seq > (this.seqs.get(sender) ?? 0)) {
        this.seqs.set(sender, seq);
        changed = true;
      }
    }
    return changed;
  }

  /** The compacted page: every record in canonical form (tombstones carry no props), senders sorted. */
  snapshot(takenAt: number): BoardSnapshot {
    const seqs = Object.fromEntries([...this.seqs.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return { v: 1, pageId: this.page.pageId, elements: this.page.all(), seqs, takenAt };
  }
}
