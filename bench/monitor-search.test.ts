import { describe, expect, it } from 'vitest';
import { nextClasses, type SearchStep } from './monitor-search';

const bounds = { first: 2_000, max: 100_000, resolution: 1_000 };

/** Runs the search against a backend that keeps up with `capacity` classes at most. */
function search(capacity: number, limits = bounds): SearchStep[] {
  const steps: SearchStep[] = [];
  for (let classes = nextClasses(steps, limits); classes !== null; classes = nextClasses(steps, limits)) {
    steps.push({ classes, keptUp: classes <= capacity });
  }
  return steps;
}

describe("the backend phase's search for the most classes kept up", () => {
  it('doubles until a step is not kept up, then narrows the gap to the resolution', () => {
    const steps = search(13_700);
    expect(steps.slice(0, 5).map((s) => s.classes)).toEqual([2_000, 4_000, 8_000, 16_000, 12_000]);
    const kept = Math.max(...steps.filter((s) => s.keptUp).map((s) => s.classes));
    const failed = Math.min(...steps.filter((s) => !s.keptUp).map((s) => s.classes));
    expect(kept).toBeLessThanOrEqual(13_700);
    expect(failed).toBeGreaterThan(13_700);
    expect(failed - kept).toBeLessThanOrEqual(1_000);
    // Every step is a new one.
    expect(new Set(steps.map((s) => s.classes)).size).toBe(steps.length);
  });

  it('stops at the maximum when every step is kept up', () => {
    expect(search(Infinity, { first: 2_000, max: 20_000, resolution: 1_000 }).map((s) => s.classes)).toEqual([2_000, 4_000, 8_000, 16_000, 20_000]);
  });

  it('looks below the first step when even that is not kept up', () => {
    expect(search(600).map((s) => s.classes)).toEqual([2_000, 1_000]);
  });
});
