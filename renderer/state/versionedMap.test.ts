import { describe, expect, it } from 'vitest';
import { VersionedMap } from './versionedMap';

describe('VersionedMap', () => {
  it('makes a new version per commit without copying, and tells a reader which keys changed since its version', () => {
    const empty = VersionedMap.empty<string, number>();
    const first = empty.edit();
    first.set('a', 1);
    first.set('b', 2);
    const v1 = first.commit();
    expect(v1).not.toBe(empty);
    expect([...v1]).toEqual([['a', 1], ['b', 2]]);

    const second = v1.edit();
    second.set('a', 3);
    second.delete('b');
    second.delete('never-there');
    const v2 = second.commit();
    expect(v2.get('a')).toBe(3);
    expect(v2.has('b')).toBe(false);
    expect(v2.size).toBe(1);
    expect(v2.changedSince(v1)).toEqual(new Set(['a', 'b']));
    expect(v2.changedSince(empty)).toEqual(new Set(['a', 'b']));
    expect(v2.changedSince(v2)).toEqual(new Set());
  });

  it('cannot tell changes since another map, a newer version, or a version older than its log', () => {
    let map = VersionedMap.empty<string, number>();
    const start = map;
    expect(map.changedSince(new Map())).toBeNull();
    for (let i = 0; i < 300; i++) {
      const edit = map.edit();
      edit.set(`k${i}`, i);
      map = edit.commit();
    }
    expect(map.changedSince(start)).toBeNull();
    const recent = map;
    const edit = map.edit();
    edit.set('k0', -1);
    map = edit.commit();
    expect(map.changedSince(recent)).toEqual(new Set(['k0']));
    expect(recent.changedSince(map)).toBeNull();
    expect(() => recent.edit()).toThrow('only the newest version');
  });
});
