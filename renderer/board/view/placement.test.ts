import { describe, expect, it } from 'vitest';
import { insertionRuns, type InsertionRun } from './placement';

const before = (a: number, b: number) => a < b;

function insert(list: number[], incoming: number[]): { list: number[]; runs: InsertionRun<number>[] } {
  const runs = insertionRuns(list.length, (i) => list[i]!, incoming, before);
  const out = [...list];
  for (const run of [...runs].reverse()) out.splice(run.index, 0, ...run.items);
  return { list: out, runs };
}

describe('insertionRuns', () => {
  it('puts a whole page of new items into an empty list as one run', () => {
    const { list, runs } = insert([], [1, 2, 3, 4]);
    expect(list).toEqual([1, 2, 3, 4]);
    expect(runs).toEqual([{ index: 0, items: [1, 2, 3, 4] }]);
  });

  it('appends items that paint after everything as one run at the end', () => {
    expect(insert([1, 2], [5, 6]).runs).toEqual([{ index: 2, items: [5, 6] }]);
  });

  it('interleaves items between existing ones and keeps the list in order', () => {
    const { list, runs } = insert([10, 20, 30], [5, 15, 16, 35]);
    expect(list).toEqual([5, 10, 15, 16, 20, 30, 35]);
    expect(runs.map((r) => r.index)).toEqual([0, 1, 3]);
  });

  it('keeps order for any lists', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 50; round++) {
      const existing = Array.from({ length: Math.floor(random() * 30) }, () => Math.floor(random() * 100)).sort((a, b) => a - b);
      const incoming = Array.from({ length: Math.floor(random() * 30) }, () => Math.floor(random() * 100) + 0.5).sort((a, b) => a - b);
      expect(insert(existing, incoming).list).toEqual([...existing, ...incoming].sort((a, b) => a - b));
    }
  });
});
