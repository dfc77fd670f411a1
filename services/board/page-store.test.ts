import { describe, expect, it } from 'vitest';
import type { Room } from '../../shared/protocol/messages';
import type { ElementRecord } from '../../shared/whiteboard/element';
import { MAX_SESSIONS_PER_USER, refuseOps, StoredPage } from './page-store';

function rect(id: string, by: string, version = 1): ElementRecord {
  return {
    id, kind: 'rect', version, nonce: 1, by, z: 'a0', deleted: false,
    props: { x: 1, y: 2, width: 3, height: 4, angle: 0, stroke: '#000000', fill: '', strokeWidth: 2, opacity: 1, points: [], text: '', fontSize: 24, asset: '' },
  };
}

describe('StoredPage sequence numbers', () => {
  it('keeps the last number of each sender session, so a reload that counts from 1 again does not hide behind the old one', () => {
    const page = new StoredPage('p1');
    page.applyOps('teacher1', 'tab-1', 1, [rect('a', 'teacher1')]);
    page.applyOps('teacher1', 'tab-1', 7, [rect('b', 'teacher1')]);
    page.applyOps('teacher1', 'tab-2', 1, [rect('c', 'teacher1')]);
    // A late duplicate never lowers a number.
    page.applyOps('teacher1', 'tab-1', 3, [rect('a', 'teacher1')]);
    page.applyOps('student1', undefined, 2, [rect('d', 'student1')]);
    expect(page.snapshot(1).seqs).toEqual({ student1: 2, 'teacher1/tab-1': 7, 'teacher1/tab-2': 1 });
  });

  it('forgets the sessions of a user heard from least recently beyond the limit, and nobody else\'s', () => {
    const page = new StoredPage('p1');
    page.applyOps('student1', 'only', 4, [rect('s', 'student1')]);
    for (let i = 0; i < MAX_SESSIONS_PER_USER + 3; i++) page.applyOps('teacher1', `tab-${i}`, 1, [rect(`t${i}`, 'teacher1')]);
    // tab-0 speaks again, so it counts as recent.
    page.applyOps('teacher1', 'tab-0', 2, [rect('t0', 'teacher1', 2)]);
    const keys = Object.keys(page.snapshot(1).seqs);
    expect(keys.filter((k) => k.startsWith('teacher1/'))).toHaveLength(MAX_SESSIONS_PER_USER);
    expect(keys).toContain('teacher1/tab-0');
    expect(keys).not.toContain('teacher1/tab-1');
    expect(keys).toContain('student1/only');
  });
});

describe('refuseOps', () => {
  const room = (patch: Partial<Room>): Room => ({
    v: 1, version: 1, drawing: [], chatMutedAll: false, chatMuted: [], stars: {}, removed: [], startedAt: null, countdownEndsAt: null,
    by: 'teacher1', ts: 1, ...patch,
  });
  const ops = (by: string) => ({ v: 1 as const, pageId: 'p1', session: 'tab', seq: 1, records: [rect('a', by)] });

  it('takes a teacher\'s and a granted student\'s own records, and nothing from a removed student even while the room lists their grant', () => {
    expect(refuseOps(undefined, { userId: 'teacher1', teaches: true }, ops('teacher1'))).toBeNull();
    expect(refuseOps(room({ drawing: ['student1'] }), { userId: 'student1', teaches: false }, ops('student1'))).toBeNull();
    expect(refuseOps(room({}), { userId: 'student1', teaches: false }, ops('student1'))).toBe('noDrawingRights');
    expect(refuseOps(room({ drawing: ['student1'], removed: ['student1'] }), { userId: 'student1', teaches: false }, ops('student1'))).toBe('noDrawingRights');
  });

  it('refuses records naming another author than their sender', () => {
    expect(refuseOps(room({ drawing: ['student1'] }), { userId: 'student1', teaches: false }, ops('teacher1'))).toBe('foreignAuthor');
  });
});
