import { describe, expect, it } from 'vitest';
import type { Presence } from '../../shared/protocol/messages';
import { PresenceBook } from './presence-book';

const teachers: Record<string, string> = { 'class-0001': 'teacher1', 'class-0002': 'teacher2' };

function presence(userId: string, role: Presence['role'], online: boolean): Presence {
  return { v: 1, userId, name: userId, role, online, ts: 1 };
}

function book() {
  return new PresenceBook((classId) => teachers[classId]);
}

describe('presence counts', () => {
  it('counts the online teacher and students of each class separately', () => {
    const b = book();
    b.apply('class-0001', 'teacher1', presence('teacher1', 'teacher', true));
    b.apply('class-0001', 'student1', presence('student1', 'student', true));
    b.apply('class-0001', 's-1', presence('s-1', 'student', true));
    b.apply('class-0002', 's-2', presence('s-2', 'student', true));
    expect(b.counts('class-0001')).toEqual({ teachers: 1, students: 2 });
    expect(b.counts('class-0002')).toEqual({ teachers: 0, students: 1 });
    expect(b.counts('class-0003')).toEqual({ teachers: 0, students: 0 });
  });

  it('takes a participant out when they go offline or their presence is cleared', () => {
    const b = book();
    b.apply('class-0001', 'student1', presence('student1', 'student', true));
    b.apply('class-0001', 's-1', presence('s-1', 'student', true));
    b.apply('class-0001', 'student1', presence('student1', 'student', false));
    expect(b.counts('class-0001')).toEqual({ teachers: 0, students: 1 });
    b.apply('class-0001', 's-1', null);
    expect(b.counts('class-0001')).toEqual({ teachers: 0, students: 0 });
  });

  it('reports a change only when the counts change', () => {
    const b = book();
    expect(b.apply('class-0001', 'student1', presence('student1', 'student', true))).toBe(true);
    // The same presence again (a retained message redelivered after a reconnect) changes nothing.
    expect(b.apply('class-0001', 'student1', presence('student1', 'student', true))).toBe(false);
    expect(b.apply('class-0001', 'student1', presence('student1', 'student', false))).toBe(true);
    expect(b.apply('class-0001', 'student1', presence('student1', 'student', false))).toBe(false);
  });

  it('counts only the class\'s own teacher as its teacher, whatever a payload claims', () => {
    const b = book();
    b.apply('class-0001', 'student1', presence('student1', 'teacher', true));
    b.apply('class-0001', 'teacher2', presence('teacher2', 'teacher', true));
    expect(b.counts('class-0001')).toEqual({ teachers: 0, students: 0 });
    b.apply('class-0001', 'teacher1', presence('teacher1', 'student', true));
    expect(b.counts('class-0001')).toEqual({ teachers: 1, students: 0 });
  });

  it('does not count supervisors', () => {
    const b = book();
    b.apply('class-0001', 'supervisor1', presence('supervisor1', 'supervisor', true));
    expect(b.counts('class-0001')).toEqual({ teachers: 0, students: 0 });
  });

  it('counts a student once however many times they announce themselves', () => {
    const b = book();
    for (let i = 0; i < 5; i++) b.apply('class-0001', 'student1', presence('student1', 'student', true));
    expect(b.counts('class-0001')).toEqual({ teachers: 0, students: 1 });
  });
});
