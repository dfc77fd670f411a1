import { describe, expect, it } from 'vitest';
import type { BoardSync, Course } from '../../shared/protocol';
import { connectionWord, syncWords } from './rosterWords';

const course: Course = {
  v: 1,
  version: 2,
  pages: ['p1', 'p2', 'p3', 'p4'].map((id, i) => ({ id, kind: 'blank' as const, asset: '', page: i + 1, title: '' })),
  current: 'p3',
  by: 'teacher1',
  ts: 1,
};
const sync = (pageId: string, revision: number): BoardSync => ({ v: 1, pageId, revision, unsent: 0, at: 1 });

describe('the roster in words', () => {
  it('says which page of the course a board shows, and how it compares with the teacher’s', () => {
    const teacher = sync('p3', 7);
    expect(syncWords(teacher, teacher, course, true)).toEqual({ key: 'onPage', page: 3 });
    expect(syncWords(sync('p3', 7), teacher, course, false)).toEqual({ key: 'inSync', page: 3 });
    expect(syncWords(sync('p3', 5), teacher, course, false)).toEqual({ key: 'catchingUp', page: 3 });
    expect(syncWords(sync('p1', 9), teacher, course, false)).toEqual({ key: 'behind', count: 2 });
    expect(syncWords(sync('p4', 0), teacher, course, false)).toEqual({ key: 'ahead', count: 1 });
    expect(syncWords(sync('gone', 1), teacher, course, false)).toEqual({ key: 'offCourse' });
    expect(syncWords(null, teacher, course, false)).toEqual({ key: 'waiting' });
    // Without the teacher's board, only the page is said.
    expect(syncWords(sync('p2', 1), null, course, false)).toEqual({ key: 'onPage', page: 2 });
  });

  it('says how well someone is connected, in one word', () => {
    expect(connectionWord(false, 'good', 20)).toBe('offline');
    expect(connectionWord(true, 'fair', 20)).toBe('fair');
    expect(connectionWord(true, 'none', null)).toBe('online');
    expect(connectionWord(true, null, 40)).toBe('good');
    expect(connectionWord(true, null, 450)).toBe('fair');
    expect(connectionWord(true, null, 900)).toBe('poor');
  });
});
