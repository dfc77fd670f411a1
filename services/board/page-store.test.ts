import { describe, expect, it } from 'vitest';
import type { ElementRecord } from '../../shared/whiteboard/element';
import { MAX_SESSIONS_PER_USER, StoredPage } from './page-store';

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
