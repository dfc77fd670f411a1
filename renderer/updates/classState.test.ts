import { describe, expect, it } from 'vitest';
import type { ClassSummary } from '../../shared/protocol';
import type { SessionUser } from '../session/ports';
import { classStateOf } from './classState';

const teacher: SessionUser = { id: 'teacher1', name: 'Ms. Lee', role: 'teacher', classes: null };
const student: SessionUser = { id: 'student1', name: 'Sam', role: 'student', classes: ['class-b'] };
const supervisor: SessionUser = { id: 'supervisor1', name: 'Ann', role: 'supervisor', classes: '*' };

function summary(id: string, teacherId: string, state: ClassSummary['state'], startsAt: number): ClassSummary {
  return { v: 1, id, title: id, teacher: { id: teacherId, name: teacherId }, state, region: 'eu', startsAt, presence: { teachers: 0, students: 0 }, capacity: 30, updatedAt: 0 };
}

const classes = new Map(
  [
    summary('class-a', 'teacher1', 'scheduled', 5_000),
    summary('class-b', 'teacher2', 'scheduled', 3_000),
    summary('class-c', 'teacher1', 'scheduled', 9_000),
    summary('class-d', 'teacher2', 'live', 1_000),
    summary('class-e', 'teacher1', 'ended', 500),
  ].map((c) => [c.id, c]),
);
const list = { screen: 'classes' } as const;

describe('the class state the console reports', () => {
  it('signed out: nothing live, no schedule, and main keeps the start time it last heard', () => {
    expect(classStateOf(list, null, classes)).toEqual({ live: false, startsAt: null, signedIn: false });
  });

  it("a teacher's next class is the earliest scheduled one they teach; ended classes do not count", () => {
    expect(classStateOf(list, teacher, classes)).toEqual({ live: false, startsAt: 5_000, signedIn: true });
  });

  it("a student's classes are the ones their token lists", () => {
    expect(classStateOf(list, student, classes)).toEqual({ live: false, startsAt: 3_000, signedIn: true });
  });

  it('a class of theirs that went live makes the state live, even before its screen is open', () => {
    const live = new Map(classes).set('class-a', summary('class-a', 'teacher1', 'live', 5_000));
    expect(classStateOf(list, teacher, live)).toMatchObject({ live: true, startsAt: 9_000 });
  });

  it('an open class screen is live for anyone, a supervisor observing included', () => {
    const open = { screen: 'class', classId: 'class-d', observer: true } as const;
    expect(classStateOf(open, supervisor, classes)).toEqual({ live: true, startsAt: null, signedIn: true });
    expect(classStateOf(list, supervisor, classes)).toEqual({ live: false, startsAt: null, signedIn: true });
  });
});
