import { describe, expect, it } from 'vitest';
import type { ClassSummary } from '../../shared/protocol/messages';
import type { ClassTags } from '../../shared/protocol/supervision';
import { HealthBook } from './health';

const summary: ClassSummary = {
  v: 1, id: 'class-1', title: 'Maths', teacher: { id: 'teacher1', name: 'Teacher One' }, state: 'live', region: 'eu',
  startsAt: 0, presence: { teachers: 1, students: 1 }, capacity: 2, updatedAt: 0,
};
const tags = (entries: ClassTags['tags']): ClassTags => ({ v: 1, classId: 'class-1', windowEnd: 30_000, tags: entries, setAside: { late: 0, future: 0, duplicate: 0 }, heard: [], ts: 1 });

describe('class health', () => {
  it('is the summary, the teacher’s app version and the worst problem tag, problems worst and oldest first', () => {
    const book = new HealthBook();
    book.noteSummary(summary);
    book.notePresence('class-1', { v: 1, userId: 'student1', name: 'S', role: 'student', online: true, appVersion: '1.0.0', ts: 0 });
    book.notePresence('class-1', { v: 1, userId: 'teacher1', name: 'T', role: 'teacher', online: true, appVersion: '1.2.0', ts: 0 });
    const health = book.compose('class-1', tags([
      { tag: 'entry.entered', userId: 'student1', since: 1, evidence: '' },
      { tag: 'course.not-synced', userId: 'student1', since: 5, evidence: '' },
      { tag: 'stream.cant-hear', userId: 'student1', since: 9, evidence: '' },
      { tag: 'entry.slow', userId: 'student1', since: 2, evidence: '' },
    ]), 100);
    expect(health).toEqual({
      v: 1, classId: 'class-1', title: 'Maths', teacher: { id: 'teacher1', name: 'Teacher One' }, region: 'eu', appVersion: '1.2.0',
      state: 'live', severity: 'critical', updatedAt: 100,
      problems: [
        { tag: 'stream.cant-hear', userId: 'student1', name: 'S', role: 'student', since: 9 },
        { tag: 'entry.slow', userId: 'student1', name: 'S', role: 'student', since: 2 },
        { tag: 'course.not-synced', userId: 'student1', name: 'S', role: 'student', since: 5 },
      ],
    });
  });

  it('names the participant a problem is about once their presence was seen, and only then', () => {
    const book = new HealthBook();
    book.noteSummary(summary);
    const problem = tags([{ tag: 'course.load-failed', userId: 'student2', since: 1, evidence: '' }]);
    expect(book.changed('class-1', problem, 1)?.problems).toEqual([{ tag: 'course.load-failed', userId: 'student2', since: 1 }]);
    book.notePresence('class-1', { v: 1, userId: 'student2', name: 'Student Two', role: 'student', online: true, ts: 0 });
    expect(book.changed('class-1', problem, 2)?.problems).toEqual([{ tag: 'course.load-failed', userId: 'student2', name: 'Student Two', role: 'student', since: 1 }]);
    expect(book.changed('class-1', problem, 3)).toBeNull();
  });

  it('is "ok" for a class with no problem and changes only when something a reader sees changes', () => {
    const book = new HealthBook();
    book.noteSummary(summary);
    expect(book.changed('class-1', null, 1)).toMatchObject({ severity: 'ok', problems: [] });
    expect(book.changed('class-1', tags([{ tag: 'stream.normal', userId: 'student1', since: 1, evidence: '' }]), 2)).toBeNull();
    book.noteSummary({ ...summary, state: 'ended' });
    expect(book.changed('class-1', null, 3)).toMatchObject({ state: 'ended', updatedAt: 3 });
  });
});
