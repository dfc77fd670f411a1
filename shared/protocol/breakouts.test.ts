import { describe, expect, it } from 'vitest';
import type { Claims } from '../auth/claims';
import { authorize } from './acl';
import { forOpenClass, groupClassId, groupKey, homeClassOf, isId, parentOf, withGroups, type BreakoutState } from './index';
import { consoleFilters } from './subscriptions';
import { DEFAULT_ROOT, topic } from './topics';

const round = (state: BreakoutState['state']): BreakoutState => ({
  v: 1, classId: 'class-0001', round: 2, state, mode: 'manual', startedAt: 1, endsAt: 2, endedAt: null, broadcast: null, updatedAt: 1,
  groups: [
    { key: 'r2g1', name: 'Group 1', classId: 'class-0001~r2g1', members: [{ id: 'student1', name: 'S' }] },
    { key: 'r2g2', name: 'Group 2', classId: 'class-0001~r2g2', members: [{ id: 'student2', name: 'T' }] },
  ],
});
const student: Claims = { sub: 'student1', name: 'S', role: 'student', classes: ['class-0001'] };
const teacher: Claims = { sub: 'teacher1', name: 'T', role: 'teacher', classes: ['class-0001'] };
const lookup = (state: BreakoutState | undefined) => (classId: string) => (classId === 'class-0001' ? state : undefined);
const boardOf = (classId: string) => `classroom/v1/class/${classId}/board/ops/student1`;

describe('breakout group ids', () => {
  it('are ids of their own form, naming their class', () => {
    const id = groupClassId('class-0001', groupKey(2, 2));
    expect(id).toBe('class-0001~r2g3');
    expect(isId(id)).toBe(true);
    expect(parentOf(id)).toBe('class-0001');
    expect(homeClassOf(id)).toBe('class-0001');
    expect(homeClassOf('class-0001')).toBe('class-0001');
    // `~` appears in no other id, once only, and never with wildcards or levels.
    for (const bad of ['a~b~c', '~g1', 'class~G1', 'class~r1g1/x', 'class~+', `${'c'.repeat(57)}~r1g1`]) expect(isId(bad), bad).toBe(false);
  });

  it("let a console in a group read its class's breakout state, and nothing else of the class", () => {
    expect(forOpenClass('breakouts', 'class-0001', 'class-0001~r2g1')).toBe(true);
    expect(forOpenClass('boardOps', 'class-0001', 'class-0001~r2g1')).toBe(false);
    expect(forOpenClass('breakouts', 'class-0002', 'class-0001~r2g1')).toBe(false);
    expect(forOpenClass('boardOps', 'class-0001~r2g1', 'class-0001~r2g1')).toBe(true);
  });
});

describe('the scope breakout groups give (withGroups)', () => {
  it("gives a student their own group while the round runs, and no other group", () => {
    const scoped = withGroups(student, lookup(round('running')));
    expect(authorize(scoped, 'publish', boardOf('class-0001~r2g1')).allowed).toBe(true);
    expect(authorize(scoped, 'publish', boardOf('class-0001~r2g2')).allowed).toBe(false);
    expect(authorize(scoped, 'subscribe', 'classroom/v1/class/class-0001~r2g2/chat/+').allowed).toBe(false);
  });

  it('takes the group away when the round ends, and gives nothing without a round', () => {
    expect(authorize(withGroups(student, lookup(round('ended'))), 'subscribe', 'classroom/v1/class/class-0001~r2g1/board/#').allowed).toBe(false);
    expect(withGroups(student, lookup(undefined))).toBe(student);
  });

  it("gives a teacher every group of their classes, also after the round (its boards stay viewable)", () => {
    for (const state of ['running', 'ended'] as const) {
      const scoped = withGroups(teacher, lookup(round(state)));
      expect(authorize(scoped, 'subscribe', 'classroom/v1/class/class-0001~r2g2/board/#').allowed).toBe(true);
    }
  });

  it("ignores a state filed under another class's id", () => {
    const misfiled = { ...round('running'), classId: 'class-0002' };
    expect(withGroups(student, () => misfiled)).toBe(student);
  });

  it('plans for a console inside a group only what the widened scope allows', () => {
    const scoped = withGroups(student, lookup(round('running')));
    const filters = consoleFilters({
      userId: 'student1', role: 'student', classes: ['class-0001'], consoleId: 'install1', root: DEFAULT_ROOT,
      joined: { classId: 'class-0001~r2g1', shownPageId: 'p1' }, watchedClass: null,
    });
    expect(filters).toContain(topic('breakouts', { classId: 'class-0001' }));
    expect(filters.filter((f) => !authorize(scoped, 'subscribe', f).allowed)).toEqual([]);
  });
});
