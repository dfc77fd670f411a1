import { describe, expect, it } from 'vitest';
import type { Claims } from '../auth/claims';
import { authorize } from './acl';
import { consoleFilters, perClassWildcards, subscriptionRequest, type SubscriptionState } from './subscriptions';
import { DEFAULT_ROOT } from './topics';

const PEOPLE: Claims[] = [
  { sub: 'teacher1', name: 'T', role: 'teacher', classes: ['class-0001', 'class-0002'] },
  { sub: 'student1', name: 'S', role: 'student', classes: ['class-0001'] },
  { sub: 'supervisor1', name: 'V', role: 'supervisor', classes: '*' },
];

/** Every state a console of this person can be in: nothing open, a class open with or without a page, a detail open. */
function states(person: Claims): SubscriptionState[] {
  const role = person.role === 'service' ? null : person.role;
  const base = { userId: person.sub, role, classes: person.classes, consoleId: 'install1', root: DEFAULT_ROOT, joined: null, watchedClass: null };
  const classId = person.classes === '*' ? 'class-0042' : person.classes[0]!;
  return [
    base,
    { ...base, joined: { classId, shownPageId: null } },
    { ...base, joined: { classId, shownPageId: 'page-1' } },
    { ...base, joined: { classId, shownPageId: 'page-1' }, watchedClass: person.role === 'supervisor' ? 'class-0007' : null },
  ];
}

describe('the subscription plan', () => {
  it('asks for QoS 0 on the per-class wildcards alone: class health, help states and the fallback summaries', () => {
    const atZero = new Set<string>();
    for (const person of PEOPLE) {
      for (const state of states(person)) {
        for (const [f, { qos }] of Object.entries(subscriptionRequest(consoleFilters(state), DEFAULT_ROOT))) if (qos === 0) atZero.add(f);
      }
    }
    expect([...atZero].sort()).toEqual(['classroom/v1/supervise/health/+', 'classroom/v1/supervise/help/+'].sort());
    expect(perClassWildcards(DEFAULT_ROOT)).toContain('classroom/v1/directory/classes/+');
    // A class's own topics, commands and replies keep QoS 1, whoever subscribes them.
    const others = ['classroom/v1/class/class-0001/command/student1', 'classroom/v1/directory/classes/class-0001', 'other/v1/supervise/health/+'];
    expect(Object.values(subscriptionRequest(others, DEFAULT_ROOT))).toEqual([{ qos: 1 }, { qos: 1 }, { qos: 1 }]);
  });

  it.each(PEOPLE.map((p) => [p.role, p] as const))('asks the ACL only for what it allows a %s', (_role, person) => {
    for (const state of states(person)) {
      const filters = consoleFilters(state);
      expect(filters.length).toBeGreaterThan(0);
      const refused = filters.filter((f) => !authorize(person, 'subscribe', f).allowed);
      expect(refused).toEqual([]);
    }
  });

  it("asks only for an admin's own topics, all of which the ACL allows", () => {
    const admin: Claims = { sub: 'admin1', name: 'A', role: 'admin', classes: [] };
    const filters = consoleFilters({ userId: 'admin1', role: 'admin', classes: [], consoleId: 'install1', root: DEFAULT_ROOT, joined: null, watchedClass: null });
    expect(filters.length).toBeGreaterThan(0);
    expect(filters.every((f) => f.includes('/user/admin1/') || f.includes('/releases/'))).toBe(true);
    expect(filters.filter((f) => f.includes('/releases/'))).toHaveLength(3);
    expect(filters.filter((f) => !authorize(admin, 'subscribe', f).allowed)).toEqual([]);
  });

  it('reads supervision topics only as a supervisor, and commands only as a participant', () => {
    const [teacher, student, supervisor] = PEOPLE.map((p) => consoleFilters(states(p)[2]!));
    expect(supervisor!.some((f) => f.includes('/supervise/'))).toBe(true);
    expect([...teacher!, ...student!].some((f) => f.includes('/supervise/'))).toBe(false);
    expect(supervisor!.some((f) => f.includes('/command/'))).toBe(false);
    expect(supervisor!.filter((f) => f.includes('/releases/'))).toHaveLength(3);
    expect([...teacher!, ...student!].some((f) => f.includes('/releases/'))).toBe(false);
    expect(student!.some((f) => f.endsWith('/command/student1'))).toBe(true);
  });
});
