import { describe, expect, it } from 'vitest';
import { formatDuration, slaBand } from './duration';

describe('durations', () => {
  it('read as m:ss, or h:mm:ss past an hour, never negative', () => {
    expect(formatDuration(7_900)).toBe('0:07');
    expect(formatDuration(245_000)).toBe('4:05');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
    expect(formatDuration(-5_000)).toBe('0:00');
  });

  it('fall in SLA bands', () => {
    expect([slaBand(60_000), slaBand(150_000), slaBand(400_000)]).toEqual(['ok', 'warn', 'breach']);
  });
});
