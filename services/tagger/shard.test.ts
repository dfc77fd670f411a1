import { describe, expect, it } from 'vitest';
import { classHash, owns, parseShard } from './shard';

describe('tagger shards', () => {
  it('gives every class to exactly one of N instances, spread evenly, the same on every run', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `class-${String(i + 1).padStart(4, '0')}`);
    const counts = [0, 0, 0, 0];
    for (const id of ids) {
      const owners = [0, 1, 2, 3].filter((index) => owns({ index, count: 4 }, id));
      expect(owners).toHaveLength(1);
      counts[owners[0]!]!++;
    }
    for (const count of counts) expect(count).toBeGreaterThan(2_300);
    // FNV-1a's published constants: any implementation, in any process, agrees on the owner.
    expect(classHash('class-0001')).toBe(170_829_193);
  });

  it('parses i/N and refuses anything else with a clear reason', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(() => parseShard('4/4')).toThrow(/0 <= i < N/);
    expect(() => parseShard('0/0')).toThrow(/N >= 1/);
    expect(() => parseShard('a/b')).toThrow(/i\/N/);
  });
});
