import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelay } from './backoff';

const options = { baseMs: 500, capMs: 8_000 };

describe('reconnect backoff', () => {
  it('doubles the ceiling per attempt up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map((attempt) => backoffCeiling(attempt, options))).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 8_000, 8_000,
    ]);
  });

  it('spreads delays over the whole range from zero to the ceiling (full jitter)', () => {
    expect(backoffDelay(3, () => 0, options)).toBe(0);
    expect(backoffDelay(3, () => 0.5, options)).toBe(1_000);
    expect(backoffDelay(3, () => 0.999_999, options)).toBe(1_999);
  });

  it('never waits longer than the cap, whatever the attempt count', () => {
    for (let attempt = 1; attempt < 2_000; attempt += 97) {
      const delay = backoffDelay(attempt, Math.random, options);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(options.capMs);
    }
  });
});
