import { describe, expect, it } from 'vitest';
import { health, summary } from '../testing/samples';
import { HeldOrder } from './heldOrder';
import { DEFAULT_QUERY, WallRowCache, wallRows, type WallQuery } from './wallRows';

const NOW = 1_000_000;
const warn = (since: number) => [{ tag: 'stream.video-stuck' as const, userId: 's1', since }];
const critical = (since: number) => [{ tag: 'stream.audio-stuck' as const, userId: 's1', since }];

function wall(items: ReturnType<typeof health>[], cache: WallRowCache, query: WallQuery = DEFAULT_QUERY, summaries = new Map()) {
  return wallRows(new Map(items.map((h) => [h.classId, h])), summaries, query, NOW, cache);
}

function shown(held: HeldOrder, cache: WallRowCache): [string, string, string][] {
  return Array.from({ length: held.length }, (_, i) => held.itemAt(i, (id) => cache.cachedRow(id))!).map((r) => [r.classId, r.severity, r.state]);
}

describe('the held wall order', () => {
  it('keeps every class in its place while their health changes, showing each class as it is now', () => {
    const cache = new WallRowCache();
    const before = wall([health('a', warn(NOW - 300_000)), health('b', warn(NOW - 200_000)), health('c')], cache);
    const held = new HeldOrder(before, DEFAULT_QUERY);
    // The oldest warning clears and a healthy class turns critical: unheld, both would move.
    const after = wall([health('a'), health('b', warn(NOW - 200_000)), health('c', critical(NOW))], cache);
    expect(after.map((r) => r.classId)).toEqual(['c', 'b', 'a']);
    expect(shown(held, cache)).toEqual([
      ['a', 'ok', 'live'],
      ['b', 'warning', 'live'],
      ['c', 'critical', 'live'],
    ]);
    expect(held.becameCritical(after)).toBe(1);
  });

  it('keeps a class that ended in its place, shown as ended, and leaves a class that started for later', () => {
    const cache = new WallRowCache();
    const before = wall([health('a'), health('b'), health('c')], cache);
    const held = new HeldOrder(before, DEFAULT_QUERY);
    const after = wall([health('a'), health('c'), health('d', critical(NOW))], cache, DEFAULT_QUERY);
    expect(after.map((r) => r.classId)).toEqual(['d', 'a', 'c']);
    expect(shown(held, cache)).toEqual([
      ['a', 'ok', 'live'],
      ['b', 'ok', 'ended'],
      ['c', 'ok', 'live'],
    ]);
    expect(held.itemAt(1, () => undefined)).toBe(held.itemAt(1, () => undefined));
    expect(held.becameCritical(after)).toBe(1);
  });

  it('adds the classes that came since below the held ones, so a wall still filling goes on filling', () => {
    const cache = new WallRowCache();
    const held = new HeldOrder(wall([health('b')], cache), DEFAULT_QUERY);
    const after = wall([health('a', critical(NOW)), health('b'), health('c')], cache);
    expect(after.map((r) => r.classId)).toEqual(['a', 'b', 'c']);
    expect(held.arrivals(after).map((r) => r.classId)).toEqual(['a', 'c']);
    const empty = new HeldOrder([], DEFAULT_QUERY);
    expect(empty.arrivals(after).map((r) => r.classId)).toEqual(['a', 'b', 'c']);
  });

  it('shows a class the directory ended as ended, not as live', () => {
    const cache = new WallRowCache();
    const before = wall([health('a'), health('b')], cache);
    const held = new HeldOrder(before, DEFAULT_QUERY);
    wall([health('a'), health('b')], cache, DEFAULT_QUERY, new Map([['b', summary('b', { state: 'ended' })]]));
    expect(shown(held, cache)).toEqual([
      ['a', 'ok', 'live'],
      ['b', 'ok', 'ended'],
    ]);
  });

  it('counts classes that became critical under any order, and not those that already were', () => {
    const cache = new WallRowCache();
    const byTitle = { ...DEFAULT_QUERY, sort: 'title' as const };
    const before = wall([health('a', critical(NOW - 1_000)), health('b'), health('c')], cache, byTitle);
    const held = new HeldOrder(before, byTitle);
    const after = wall([health('a', critical(NOW - 1_000)), health('b'), health('c', critical(NOW))], cache, byTitle);
    expect(held.becameCritical(after)).toBe(1);
    const calm = wall([health('a'), health('b'), health('c')], cache, byTitle);
    expect(held.becameCritical(calm)).toBe(0);
  });
});
