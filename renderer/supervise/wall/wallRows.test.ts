import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClassHealth, ClassSummary } from '../../../shared/protocol';
import { VersionedMap } from '../../state/versionedMap';
import { health, summary } from '../testing/samples';
import { DEFAULT_QUERY, WallRowCache, facets, wallProblems, wallRows, type WallQuery } from './wallRows';

const NOW = 1_000_000;
const map = <T extends { classId?: string; id?: string }>(items: T[]) => new Map(items.map((item) => [(item.classId ?? item.id)!, item]));

function ids(h: ClassHealth[], s: ClassSummary[], patch: Partial<WallQuery> = {}): string[] {
  return wallRows(map(h), map(s), { ...DEFAULT_QUERY, ...patch }, NOW).map((row) => row.classId);
}

const classes = [
  health('class-a', []),
  health('class-b', [{ tag: 'stream.video-stuck', userId: 's1', since: NOW - 60_000 }], { region: 'eu-central', appVersion: '1.1.0' }),
  health('class-c', [{ tag: 'stream.cant-hear', userId: 's2', since: NOW - 10_000 }], { teacher: { id: 'lena', name: 'Lena K.' } }),
  health('class-d', [{ tag: 'stream.audio-stuck', userId: 's3', since: NOW - 600_000 }, { tag: 'course.not-synced', userId: 's3', since: NOW - 5_000 }]),
];

describe('the wall', () => {
  it('puts the worst classes first, the longest-lasting problem first among equals', () => {
    expect(ids(classes, [])).toEqual(['class-d', 'class-c', 'class-b', 'class-a']);
  });

  it('sorts by how long the problem has lasted, either way, with healthy classes last', () => {
    expect(ids(classes, [], { sort: 'duration' })).toEqual(['class-d', 'class-b', 'class-c', 'class-a']);
    expect(ids(classes, [], { sort: 'duration', reverse: true })).toEqual(['class-c', 'class-b', 'class-d', 'class-a']);
  });

  it('filters by severity, tag, duration, teacher, region, app version and text', () => {
    expect(ids(classes, [], { severity: 'problems' })).toEqual(['class-d', 'class-c', 'class-b']);
    expect(ids(classes, [], { severity: 'warning' })).toEqual(['class-b']);
    expect(ids(classes, [], { severity: 'ok' })).toEqual(['class-a']);
    expect(ids(classes, [], { tag: 'course.not-synced' })).toEqual(['class-d']);
    expect(ids(classes, [], { minDurationMs: 60_000 })).toEqual(['class-d', 'class-b']);
    expect(ids(classes, [], { teacher: 'LENA' })).toEqual(['class-c']);
    expect(ids(classes, [], { region: 'eu-central' })).toEqual(['class-b']);
    expect(ids(classes, [], { appVersion: '1.1.0' })).toEqual(['class-b']);
    expect(ids(classes, [], { text: 'title class-a' })).toEqual(['class-a']);
  });

  it('shows live classes only, takes the state from the directory, and lists a live class before its first health', () => {
    const rows = wallRows(map([health('class-a'), health('class-b')]), map([summary('class-a', { state: 'ended' }), summary('class-z')]), DEFAULT_QUERY, NOW);
    expect(rows.map((r) => [r.classId, r.severity])).toEqual([
      ['class-b', 'ok'],
      ['class-z', 'unknown'],
    ]);
    expect(rows[1]!.title).toBe('Summary class-z');
  });

  it('keeps the row of an unchanged class, and builds a new one when its health changes', () => {
    const cache = new WallRowCache();
    const first = map(classes);
    const before = wallRows(first, new Map(), DEFAULT_QUERY, NOW, cache);
    const changed = new Map(first).set('class-a', health('class-a', [{ tag: 'entry.slow', userId: 's9', since: NOW }]));
    const after = wallRows(changed, new Map(), DEFAULT_QUERY, NOW, cache);
    const byId = (rows: typeof before, id: string) => rows.find((r) => r.classId === id);
    expect(byId(after, 'class-b')).toBe(byId(before, 'class-b'));
    expect(byId(after, 'class-a')).not.toBe(byId(before, 'class-a'));
    expect(byId(after, 'class-a')!.severity).toBe('warning');
  });

  it('offers every region and app version in the filter menus, whatever is shown', () => {
    expect(facets(map(classes), map([summary('class-z', { region: 'us-west' })]))).toEqual({
      regions: ['eu-central', 'sg', 'us-west'],
      appVersions: ['1.0.0', '1.1.0'],
    });
  });

  it('gives the same wall from a cache kept across passes as from scratch, whatever changed in between', () => {
    const tags = ['stream.cant-hear', 'course.not-synced', 'entry.slow'] as const;
    const update = fc.record({
      classId: fc.integer({ min: 0, max: 40 }).map((n) => `class-${n}`),
      change: fc.oneof(
        fc.constantFrom('gone' as const, 'healthy' as const, 'no-health' as const, 'listed' as const, 'ended' as const, 'unlisted' as const),
        fc.constantFrom(...tags),
      ),
      since: fc.integer({ min: 0, max: NOW }),
      region: fc.constantFrom('eu-central', 'sg', 'us-west'),
    });
    const query = fc.record({
      sort: fc.constantFrom('severity', 'duration', 'title', 'teacher', 'region', 'appVersion' as const),
      reverse: fc.boolean(),
      severity: fc.constantFrom('all', 'problems', 'ok' as const),
      region: fc.constantFrom('', 'sg'),
    });
    fc.assert(
      fc.property(fc.array(fc.array(update, { maxLength: 8 }), { maxLength: 14 }), query, (steps, patch) => {
        const cache = new WallRowCache();
        const byId = new Map<string, ClassHealth>();
        const listed = new Map<string, ClassSummary>();
        // The console's store: one version per batch, from which the wall learns which classes changed.
        const versionedCache = new WallRowCache();
        let versioned = VersionedMap.empty<string, ClassHealth>();
        // One query object for the whole run, as the console keeps it: the cache patches the wall while it holds.
        const q: WallQuery = { ...DEFAULT_QUERY, ...patch };
        for (const step of steps) {
          for (const { classId, change, since, region } of step) {
            if (change === 'gone') {
              byId.delete(classId);
              listed.delete(classId);
            } else if (change === 'no-health') byId.delete(classId);
            else if (change === 'unlisted') listed.delete(classId);
            else if (change === 'listed' || change === 'ended') listed.set(classId, summary(classId, { region, state: change === 'ended' ? 'ended' : 'live' }));
            else byId.set(classId, health(classId, change === 'healthy' ? [] : [{ tag: change, userId: 's', since }], { region }));
            // A batch per update, so a pass can come several versions after the last one.
            const edit = versioned.edit();
            const now = byId.get(classId);
            if (now) edit.set(classId, now);
            else edit.delete(classId);
            versioned = edit.commit();
          }
          const kept = wallRows(new Map(byId), new Map(listed), q, NOW, cache);
          const fresh = wallRows(new Map(byId), new Map(listed), q, NOW);
          expect(kept.map((r) => r.classId)).toEqual(fresh.map((r) => r.classId));
          expect(kept).toEqual(fresh);
          expect(wallRows(versioned, new Map(listed), q, NOW, versionedCache)).toEqual(fresh);
          const problems = fresh.filter((r) => r.severity === 'warning' || r.severity === 'critical').length;
          expect([wallProblems(cache), wallProblems(versionedCache)]).toEqual([problems, problems]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('patches a wall of 10,000 classes where one changed: the other rows keep their identity and order', () => {
    const byId = new Map<string, ClassHealth>();
    for (let i = 0; i < 10_000; i++) byId.set(`class-${i}`, health(`class-${i}`, i % 40 === 0 ? [{ tag: 'course.not-synced', userId: 's', since: i }] : []));
    const cache = new WallRowCache();
    const before = wallRows(byId, new Map(), DEFAULT_QUERY, NOW, cache);
    const after = wallRows(
      new Map(byId).set('class-5001', health('class-5001', [{ tag: 'entry.init-failed.messaging', userId: 's', since: NOW }])),
      new Map(),
      DEFAULT_QUERY,
      NOW,
      cache,
    );
    expect(after[0]!.classId).toBe('class-5001');
    expect(after[0]!.severity).toBe('critical');
    expect(after.slice(1)).toEqual(before.filter((row) => row.classId !== 'class-5001'));
    expect(after[1]).toBe(before[0]);
  });
});
