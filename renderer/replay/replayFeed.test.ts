import { describe, expect, it } from 'vitest';
import type { BoardOps, BoardSnapshot } from '../../shared/protocol';
import type { RecordedEntry } from '../../shared/protocol/recording';
import type { ElementRecord } from '../../shared/whiteboard';
import { course } from '../board/model/testing/kit';
import { rebuildFeed } from './replayFeed';
import { buildTimeline } from './timeline';

const CLASS = { classId: 'class-1' };

function rect(id: string): ElementRecord {
  return {
    id, kind: 'rect', version: 1, nonce: 1, by: 'teacher', z: 'a0', deleted: false,
    props: { x: 1, y: 2, width: 3, height: 4, angle: 0, stroke: '#000000', fill: '', strokeWidth: 2, opacity: 1, points: [], text: '', fontSize: 24, asset: '' },
  };
}
const ops = (seq: number, id: string): BoardOps => ({ v: 1, pageId: 'p1', session: 's1', seq, records: [rect(id)] });

describe('rebuildFeed', () => {
  it("feeds the ops a page's last snapshot does not hold, however long before it they were recorded (a board service that lagged)", () => {
    const snapshot: BoardSnapshot = { v: 1, pageId: 'p1', elements: [rect('a')], seqs: { 'teacher/s1': 1 }, takenAt: 60_000 };
    const entries: RecordedEntry[] = [
      { t: 0, k: '$start', by: 'teacher' },
      { t: 0, k: 'course', p: CLASS, m: course(['p1'], 'p1') },
      { t: 1_000, k: 'boardOps', p: { ...CLASS, userId: 'teacher' }, m: ops(1, 'a') },
      { t: 2_000, k: 'boardOps', p: { ...CLASS, userId: 'teacher' }, m: ops(2, 'b') },
      { t: 60_000, k: 'boardSnapshot', p: { ...CLASS, pageId: 'p1' }, m: snapshot },
      { t: 61_000, k: '$stop', reason: 'teacher' },
    ];
    const timeline = buildTimeline(entries, null);
    const fed = rebuildFeed(timeline, timeline.messages.length);
    expect(fed.map((m) => (m.kind === 'boardOps' ? `ops ${(m.message as BoardOps).seq}` : m.kind))).toEqual(['course', 'ops 2', 'boardSnapshot']);
  });
});
