import { BoardPage } from '../../shared/whiteboard/page';
import { senderKey } from '../../shared/whiteboard/sequence';
import type { BoardOps, BoardSnapshot, Room } from '../../shared/protocol/messages';
import { mayDraw, type Drawer } from '../../shared/protocol/room-rules';
import type { ElementRecord } from '../../shared/whiteboard/element';

/**
 * Boards (the `session` of their ops) of one user kept in a page's sequence numbers; older ones (long-closed
 * windows, earlier reloads) are forgotten first, so the snapshot stays small however often someone reloads.
 */
export const MAX_SESSIONS_PER_USER = 8;

/** Why the board service ignores committed ops. */
export type OpsRefusal = 'noDrawingRights' | 'foreignAuthor';

/**
 * Whether the board service takes a sender's committed ops into its pages: the shared drawing rule against the
 * class's current room (a removed participant never draws), and no record naming anyone but the sender (the topic's
 * user) as the author of the edit. Returns why not, or null.
 */
export function refuseOps(room: Room | undefined, sender: Drawer, ops: BoardOps): OpsRefusal | null {
  if (!mayDraw(room, sender)) return 'noDrawingRights';
  if (ops.records.some((record) => record.by !== sender.userId)) return 'foreignAuthor';
  return null;
}

/** One page as the board service holds it: the merged records and the last sequence number of each sending board. */
export class StoredPage {
  readonly page: BoardPage;
  /** By sender key (`senderKey`), least recently heard first. */
  readonly seqs = new Map<string, number>();

  constructor(pageId: string) {
    this.page = new BoardPage(pageId);
  }

  /** Merges a sender's committed records; returns true when the page changed (records or sequence numbers). */
  applyOps(userId: string, session: string | undefined, seq: number, records: readonly ElementRecord[]): boolean {
    const changed = this.page.apply(records).length > 0;
    const key = senderKey(userId, session);
    const previous = this.seqs.get(key) ?? 0;
    this.seqs.delete(key);
    this.seqs.set(key, Math.max(seq, previous));
    this.forgetOldSessions(userId);
    return changed || seq > previous;
  }

  /** Merges a snapshot (one this service published before a restart); returns true when anything changed. */
  applySnapshot(snapshot: BoardSnapshot): boolean {
    let changed = this.page.apply(snapshot.elements).length > 0;
    for (const [key, seq] of Object.entries(snapshot.seqs)) {
      if (seq > (this.seqs.get(key) ?? 0)) {
        this.seqs.set(key, seq);
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

  private forgetOldSessions(userId: string): void {
    const prefix = `${userId}/`;
    const sessions = [...this.seqs.keys()].filter((key) => key.startsWith(prefix));
    for (const key of sessions.slice(0, Math.max(0, sessions.length - MAX_SESSIONS_PER_USER))) this.seqs.delete(key);
  }
}
