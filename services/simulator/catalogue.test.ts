import { describe, expect, it } from 'vitest';
import { isId } from '../../shared/protocol/ids';
import { buildCatalogue } from './catalogue';

const now = Date.UTC(2026, 0, 5, 9, 30);

describe('the simulated class catalogue', () => {
  it('is the same for the same seed and different for another', () => {
    expect(buildCatalogue({ classes: 50, seed: 3, now })).toEqual(buildCatalogue({ classes: 50, seed: 3, now }));
    expect(buildCatalogue({ classes: 50, seed: 4, now })).not.toEqual(buildCatalogue({ classes: 50, seed: 3, now }));
  });

  it('numbers classes class-0001 … class-NNNN, with protocol ids for every person', () => {
    const catalogue = buildCatalogue({ classes: 1200, seed: 1, now });
    expect(catalogue.map((c) => c.id).slice(0, 2)).toEqual(['class-0001', 'class-0002']);
    expect(catalogue.at(-1)?.id).toBe('class-1200');
    const ids = catalogue.flatMap((c) => [c.id, c.teacher.id, ...c.students.map((s) => s.id)]);
    expect(ids.every(isId)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives every other class a virtual teacher and one to four virtual students', () => {
    for (const definition of buildCatalogue({ classes: 300, seed: 9, now }).slice(2)) {
      expect(definition.teacher.simulated).toBe(true);
      expect(definition.students.length).toBeGreaterThanOrEqual(1);
      expect(definition.students.length).toBeLessThanOrEqual(4);
      expect(definition.students.every((s) => s.simulated)).toBe(true);
      expect(definition.capacity).toBeGreaterThanOrEqual(definition.students.length);
    }
  });

  it('seats the demo accounts in their classes, beside virtual students', () => {
    const [first, second] = buildCatalogue({ classes: 2, seed: 1, now });
    expect(first).toMatchObject({ id: 'class-0001', state: 'live', teacher: { id: 'teacher1', simulated: false } });
    expect(first!.students.map((s) => s.id)).toContain('student1');
    expect(first!.students.some((s) => s.simulated)).toBe(true);
    expect(second).toMatchObject({ id: 'class-0002', state: 'scheduled', teacher: { id: 'teacher2', simulated: false } });
    expect(second!.students.map((s) => s.id)).toContain('student2');
  });

  it('makes most classes live, some scheduled for later and a few ended earlier', () => {
    const catalogue = buildCatalogue({ classes: 1000, seed: 1, now });
    const count = (state: string) => catalogue.filter((c) => c.state === state).length;
    expect(count('live')).toBeGreaterThan(700);
    expect(count('scheduled')).toBeGreaterThan(50);
    expect(count('ended')).toBeGreaterThan(20);
    expect(count('ended')).toBeLessThan(count('scheduled'));
    for (const c of catalogue) {
      if (c.state === 'scheduled') expect(c.startsAt).toBeGreaterThan(now);
      else expect(c.startsAt).toBeLessThan(now);
    }
  });
});
