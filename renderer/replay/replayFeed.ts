import type { BoardOps, BoardSnapshot } from '../../shared/protocol';
import { senderKey } from '../../shared/whiteboard/sequence';
import type { TimedMessage, Timeline } from './timeline';

/** The kinds the replayed board reads. */
const BOARD_KINDS: ReadonlySet<string> = new Set(['course', 'room', 'boardOps', 'boardSnapshot']);
/** Ops recorded this long before a page's snapshot are fed again with it: the board service may not have had them yet. */
const SNAPSHOT_MARGIN_MS = 5_000;

export function boardMessages(messages: readonly TimedMessage[]): TimedMessage[] {
  return messages.filter((m) => BOARD_KINDS.has(m.kind));
}

/**
 * What a fresh board needs to show the class as it was after the first `count` messages: every course and room
 * change in order (the drawing rights each op is checked against), each page's last recorded snapshot, and every op
 * the snapshot may not hold: recorded after it (with a margin), or numbered past what the snapshot says it took from
 * its sender (the board service can lag the recorder by more than the margin when it is busy). Merging is by element
 * version, so what the snapshot already holds changes nothing; the board ends byte-identical to one fed every message.
 */
export function rebuildFeed(timeline: Timeline, count: number): TimedMessage[] {
  const { messages } = timeline;
  const lastSnapshot = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const m = messages[i]!;
    if (m.kind === 'boardSnapshot') lastSnapshot.set((m.message as BoardSnapshot).pageId, i);
  }
  const feed: TimedMessage[] = [];
  for (let i = 0; i < count; i++) {
    const m = messages[i]!;
    if (m.kind === 'course' || m.kind === 'room') feed.push(m);
    else if (m.kind === 'boardSnapshot') {
      if (lastSnapshot.get((m.message as BoardSnapshot).pageId) === i) feed.push(m);
    } else if (m.kind === 'boardOps') {
      const ops = m.message as BoardOps;
      const at = lastSnapshot.get(ops.pageId);
      if (at === undefined || m.at >= messages[at]!.at - SNAPSHOT_MARGIN_MS) feed.push(m);
      else if (ops.seq > ((messages[at]!.message as BoardSnapshot).seqs[senderKey(m.params.userId ?? '', ops.session)] ?? 0)) feed.push(m);
    }
  }
  return feed;
}

/** The page's last snapshot among the first `count` messages (what the board service held then), or null. */
export function snapshotBefore(timeline: Timeline, count: number, pageId: string): BoardSnapshot | null {
  for (let i = Math.min(count, timeline.messages.length) - 1; i >= 0; i--) {
    const m = timeline.messages[i]!;
    if (m.kind === 'boardSnapshot' && (m.message as BoardSnapshot).pageId === pageId) return m.message as BoardSnapshot;
  }
  return null;
}
