import { describe, expect, it } from 'vitest';
import type { ClassSummary } from '../../shared/protocol';
import { visibleClasses } from './classFilter';

const base: Omit<ClassSummary, 'id' | 'title' | 'state' | 'teacher' | 'region'> = {
  v: 1,
  startsAt: 0,
  presence: { teachers: 1, students: 2 },
  capacity: 30,
  updatedAt: 0,
};

const classes = new Map<string, ClassSummary>(
  [
    { id: 'class-0003', title: 'Algebra II', state: 'live', teacher: { id: 'a', name: 'Ada Li' }, region: 'ap-east' },
    { id: 'class-0001', title: 'Phonics', state: 'scheduled', teacher: { id: 'b', name: 'Bo Chen' }, region: 'eu-west' },
    { id: 'class-0002', title: 'Chess club', state: 'ended', teacher: { id: 'c', name: 'Cy Park' }, region: 'us-east' },
  ].map((c) => [c.id, { ...base, ...c } as ClassSummary]),
);

const ids = (rows: ClassSummary[]) => rows.map((row) => row.id);

describe('class list filter', () => {
  it('lists every class in id order when nothing is filtered', () => {
    expect(ids(visibleClasses(classes, '', 'all'))).toEqual(['class-0001', 'class-0002', 'class-0003']);
  });

  it('matches title, teacher, id and region, ignoring case and surrounding spaces', () => {
    expect(ids(visibleClasses(classes, ' ALGEBRA ', 'all'))).toEqual(['class-0003']);
    expect(ids(visibleClasses(classes, 'bo chen', 'all'))).toEqual(['class-0001']);
    expect(ids(visibleClasses(classes, '0002', 'all'))).toEqual(['class-0002']);
    expect(ids(visibleClasses(classes, 'east', 'all'))).toEqual(['class-0002', 'class-0003']);
  });

  it('filters by state, combined with the text', () => {
    expect(ids(visibleClasses(classes, '', 'live'))).toEqual(['class-0003']);
    expect(ids(visibleClasses(classes, 'east', 'ended'))).toEqual(['class-0002']);
    expect(ids(visibleClasses(classes, 'phonics', 'live'))).toEqual([]);
  });
});
