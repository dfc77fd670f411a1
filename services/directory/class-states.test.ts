import { describe, expect, it } from 'vitest';
import { nextClassState, reopenUntil } from './class-states';

const GRACE = 15 * 60_000;

describe('the class state machine', () => {
  it('starts a scheduled class, ends a scheduled or live one, and ignores what changes nothing', () => {
    expect(nextClassState({ state: 'scheduled', endedAt: null }, 'start', 1_000, GRACE)).toEqual({ state: 'live', endedAt: null });
    expect(nextClassState({ state: 'scheduled', endedAt: null }, 'end', 1_000, GRACE)).toEqual({ state: 'ended', endedAt: 1_000 });
    expect(nextClassState({ state: 'live', endedAt: null }, 'end', 2_000, GRACE)).toEqual({ state: 'ended', endedAt: 2_000 });
    expect(nextClassState({ state: 'live', endedAt: null }, 'start', 2_000, GRACE)).toBeNull();
    // Ending again does not move the moment it ended, so it cannot stretch the grace.
    expect(nextClassState({ state: 'ended', endedAt: 2_000 }, 'end', 3_000, GRACE)).toBeNull();
  });

  it('reopens an ended class within the grace, up to its last millisecond, and refuses after it', () => {
    const ended = { state: 'ended' as const, endedAt: 10_000 };
    expect(reopenUntil(ended, GRACE)).toBe(10_000 + GRACE);
    expect(nextClassState(ended, 'start', 10_000 + GRACE, GRACE)).toEqual({ state: 'live', endedAt: null });
    expect(nextClassState(ended, 'start', 10_001 + GRACE, GRACE)).toBeNull();
  });

  it('never reopens a class whose end time it does not know', () => {
    expect(nextClassState({ state: 'ended', endedAt: null }, 'start', 0, GRACE)).toBeNull();
    expect(reopenUntil({ state: 'ended', endedAt: null }, GRACE)).toBeNull();
    expect(reopenUntil({ state: 'live', endedAt: null }, GRACE)).toBeNull();
  });
});
