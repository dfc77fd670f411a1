/** Which share of the classes one tagger instance owns: `index` of `count` (0 ≤ index < count). */
export interface Shard {
  index: number;
  count: number;
}

export const WHOLE: Shard = { index: 0, count: 1 };

/**
 * FNV-1a over the id's UTF-16 code units: stable across processes, machines and restarts (unlike any runtime's
 * string hashing), cheap, and spreads ids like `class-0001`…`class-9999` evenly.
 */
export function classHash(classId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < classId.length; i++) {
    hash ^= classId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function owns(shard: Shard, classId: string): boolean {
  return shard.count === 1 || classHash(classId) % shard.count === shard.index;
}

/** Parses `i/N` (for example `0/4`): instance i of N, counted from 0. */
export function parseShard(text: string): Shard {
  const match = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim());
  if (!match) throw new Error(`a shard is "i/N" (instance i of N, from 0), got ${JSON.stringify(text)}`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index >= count) throw new Error(`shard ${text}: needs 0 <= i < N and N >= 1`);
  return { index, count };
}
