import { describe, expect, it } from 'vitest';
import type { BreakoutMember } from '../../shared/protocol/breakouts';
import { BreakoutRuleError, chooseGroup, endRound, moveEnd, placeStudent, planRound, shuffleInto } from './breakout-plan';

const known = (id: string): BreakoutMember | null => (id.startsWith('s') ? { id, name: `Name ${id}` } : null);
let seed = 7;
const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof BreakoutRuleError) return error.code;
    throw error;
  }
  return 'none';
}

describe('breakout rounds', () => {
  it('deals students at random into groups whose sizes differ by at most one, each once', () => {
    const groups = shuffleInto(['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's1'], 3, random);
    expect(groups.map((g) => g.length).sort()).toEqual([2, 2, 3]);
    expect(groups.flat().sort()).toEqual(['s1', 's2', 's3', 's4', 's5', 's6', 's7']);
  });

  it('forms groups by hand and refuses a student named twice or one who is not in class', () => {
    const state = planRound({ classId: 'c1', mode: 'manual', groups: 2, minutes: 5, assignment: [['s1'], ['s2', 's3']] }, undefined, known, random, 1_000);
    expect(state.groups.map((g) => [g.classId, g.members.map((m) => m.id)])).toEqual([['c1~r1g1', ['s1']], ['c1~r1g2', ['s2', 's3']]]);
    expect(state.endsAt).toBe(1_000 + 5 * 60_000);
    expect(refusal(() => planRound({ classId: 'c1', mode: 'manual', groups: 2, minutes: 5, assignment: [['s1'], ['s1']] }, undefined, known, random, 1))).toBe('bad-assignment');
    expect(refusal(() => planRound({ classId: 'c1', mode: 'manual', groups: 1, minutes: 5, assignment: [['t9']] }, undefined, known, random, 1))).toBe('not-in-class');
  });

  it('leaves out students with no session (the demo\'s simulated ones), and refuses a round of nobody but them', () => {
    const simulated = (id: string) => (id.startsWith('sim') ? 'absent' : known(id));
    const state = planRound({ classId: 'c1', mode: 'manual', groups: 2, minutes: 5, assignment: [['s1', 'sim-1'], ['sim-2', 's2']] }, undefined, simulated, random, 1);
    expect(state.groups.map((g) => g.members.map((m) => m.id))).toEqual([['s1'], ['s2']]);
    const dealt = planRound({ classId: 'c1', mode: 'random', groups: 2, minutes: 5, students: ['s1', 'sim-1', 's2', 'sim-2'] }, undefined, simulated, random, 1);
    expect(dealt.groups.flatMap((g) => g.members.map((m) => m.id)).sort()).toEqual(['s1', 's2']);
    expect(refusal(() => planRound({ classId: 'c1', mode: 'manual', groups: 1, minutes: 5, assignment: [['sim-1']] }, undefined, simulated, random, 1))).toBe('not-in-class');
  });

  it("repeats the last round's members in new groups, leaving out who has gone; refuses while a round runs", () => {
    const first = planRound({ classId: 'c1', mode: 'manual', groups: 2, minutes: 5, assignment: [['s1', 'sGone'], ['s2']] }, undefined, known, random, 1);
    expect(refusal(() => planRound({ classId: 'c1', mode: 'last', groups: 1, minutes: 5 }, first, known, random, 2))).toBe('already-running');
    const gone = (id: string) => (id === 'sGone' ? null : known(id));
    const again = planRound({ classId: 'c1', mode: 'last', groups: 1, minutes: 5 }, endRound(first, 2), gone, random, 3);
    expect(again.round).toBe(2);
    expect(again.groups.map((g) => [g.key, g.members.map((m) => m.id)])).toEqual([['r2g1', ['s1']], ['r2g2', ['s2']]]);
    expect(refusal(() => planRound({ classId: 'c1', mode: 'last', groups: 1, minutes: 5 }, undefined, known, random, 1))).toBe('no-last-round');
  });

  it('lets students choose only in a round where they choose, and moves a student out of their old group', () => {
    const choosing = planRound({ classId: 'c1', mode: 'choose', groups: 2, minutes: 5 }, undefined, known, random, 1);
    const s1 = known('s1')!;
    const inFirst = chooseGroup(choosing, 'c1', s1, 'r1g1', 2);
    const moved = chooseGroup(inFirst, 'c1', s1, 'r1g2', 3);
    expect(moved.groups.map((g) => g.members.length)).toEqual([0, 1]);
    expect(refusal(() => chooseGroup(moved, 'c1', s1, 'r9g9', 4))).toBe('no-such-group');
    const byHand = planRound({ classId: 'c2', mode: 'manual', groups: 1, minutes: 5, assignment: [[]] }, undefined, known, random, 1);
    expect(refusal(() => chooseGroup(byHand, 'c2', s1, 'r1g1', 2))).toBe('not-choosing');
    expect(placeStudent(byHand, 'c2', s1, 'r1g1', 2).groups[0]!.members).toEqual([s1]);
  });

  it('moves the end both ways and ends the round when no time is left', () => {
    const state = planRound({ classId: 'c1', mode: 'choose', groups: 1, minutes: 10 }, undefined, known, random, 0);
    expect(moveEnd(state, 'c1', 120, 5).endsAt).toBe(state.endsAt + 120_000);
    expect(moveEnd(state, 'c1', -120, 5).endsAt).toBe(state.endsAt - 120_000);
    const over = moveEnd(state, 'c1', -600, 5);
    expect(over).toMatchObject({ state: 'ended', endedAt: 5 });
    expect(refusal(() => moveEnd(over, 'c1', 60, 6))).toBe('not-running');
  });

  it("refuses groups of a group, or of a class id too long to name its groups", () => {
    expect(refusal(() => planRound({ classId: 'c1~r1g1', mode: 'choose', groups: 1, minutes: 5 }, undefined, known, random, 1))).toBe('bad-assignment');
    expect(refusal(() => planRound({ classId: 'c'.repeat(60), mode: 'choose', groups: 1, minutes: 5 }, undefined, known, random, 1))).toBe('bad-assignment');
  });
});
