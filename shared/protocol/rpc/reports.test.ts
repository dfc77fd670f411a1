import { describe, expect, it } from 'vitest';
import { mayReadReport, readsReports } from './reports';

describe('who may read a class report', () => {
  it('is a teacher of the class, any supervisor and any admin; never a student, nor a teacher of another class', () => {
    expect(mayReadReport({ role: 'teacher', classes: ['c1'] }, 'c1')).toBe(true);
    expect(mayReadReport({ role: 'teacher', classes: ['c2'] }, 'c1')).toBe(false);
    expect(mayReadReport({ role: 'supervisor', classes: '*' }, 'c1')).toBe(true);
    expect(mayReadReport({ role: 'admin', classes: [] }, 'c1')).toBe(true);
    expect(mayReadReport({ role: 'student', classes: ['c1'] }, 'c1')).toBe(false);
    expect(mayReadReport({ role: 'service', classes: '*' }, 'c1')).toBe(false);
  });

  it('offers the reports list to teachers, supervisors and admins only', () => {
    expect(['teacher', 'supervisor', 'admin', 'student', 'service', null].map((r) => readsReports(r as never))).toEqual([true, true, true, false, false, false]);
  });
});
