import { describe, expect, it } from 'vitest';
import type { ReleaseAdoption, ReleaseState, ReleaseSummary } from '../../shared/protocol';
import { actionsFor, adoptionSeries, newestFirst, rateText, rollbackTarget, statusOf } from './view';

function release(version: string, patch: Partial<ReleaseSummary> = {}): ReleaseSummary {
  return {
    version, channel: 'latest', notes: '', createdAt: 1, createdBy: 'admin1', platforms: ['linux'], publishedAt: 2,
    rollout: { canary: 0, pilot: 0, broad: 0 }, halted: null, revoked: null, ...patch,
  };
}

function state(releases: ReleaseSummary[]): ReleaseState {
  return { v: 1, releases, rings: { shares: { canary: 2, pilot: 10 }, groups: {} }, gate: { maxRatio: 2, minSessions: 20, rateFloor: 0.05 }, gateEvents: [], at: 3 };
}

describe('the Releases screen view', () => {
  it('names each release state and offers only the actions that state allows', () => {
    expect(statusOf(release('1.0.0', { publishedAt: null }))).toBe('draft');
    expect(statusOf(release('1.0.0'))).toBe('idle');
    expect(statusOf(release('1.0.0', { rollout: { canary: 10, pilot: 0, broad: 0 } }))).toBe('rolling');
    const halted = release('1.0.0', { halted: { at: 1, by: 'health-gate', reason: 'x', byGate: true } });
    expect(statusOf(halted)).toBe('haltedByGate');
    expect(actionsFor(halted)).toEqual(['resume', 'percent', 'rollback']);
    expect(actionsFor(release('1.0.0', { rollout: { canary: 10, pilot: 0, broad: 0 } }))).toEqual(['percent', 'promote', 'halt', 'rollback']);
    expect(actionsFor(release('1.0.0', { revoked: { at: 1, by: 'a', reason: 'x', target: null } }))).toEqual([]);
    expect(actionsFor(release('1.0.0', { publishedAt: null }))).toEqual([]);
  });

  it('names the version a roll back goes to as the service picks it', () => {
    const releases = [
      release('1.8.0', { rollout: { canary: 100, pilot: 100, broad: 100 } }),
      release('1.9.0', { rollout: { canary: 100, pilot: 100, broad: 100 } }),
      release('1.9.5', { rollout: { canary: 50, pilot: 0, broad: 0 } }),
      release('1.9.6', { halted: { at: 1, by: 'a', reason: 'x', byGate: false } }),
      release('2.0.0', { rollout: { canary: 10, pilot: 0, broad: 0 } }),
    ];
    expect(rollbackTarget(state(releases), '2.0.0')).toBe('1.9.0');
    expect(rollbackTarget(state(releases), '1.8.0')).toBeNull();
    expect(newestFirst(releases).map((r) => r.version)).toEqual(['2.0.0', '1.9.6', '1.9.5', '1.9.0', '1.8.0']);
  });

  it('turns adoption samples into installs per version over time, in a ring or all of them', () => {
    const adoption: ReleaseAdoption = {
      v: 1,
      history: [
        { at: 10, counts: [{ version: '1.9.2', ring: 'canary', installs: 5 }, { version: '1.9.2', ring: 'broad', installs: 95 }] },
        { at: 20, counts: [{ version: '1.9.2', ring: 'canary', installs: 3 }, { version: '2.0.0', ring: 'canary', installs: 2 }, { version: '1.9.2', ring: 'broad', installs: 95 }] },
      ],
      counts: [{ version: '1.9.2', ring: 'canary', installs: 1 }, { version: '2.0.0', ring: 'canary', installs: 4 }, { version: '1.9.2', ring: 'broad', installs: 95 }],
      at: 30,
    };
    const all = adoptionSeries(adoption, 'all');
    expect(all.versions).toEqual(['2.0.0', '1.9.2']);
    expect(all.points).toEqual([
      { at: 10, installs: { '1.9.2': 100 } },
      { at: 20, installs: { '1.9.2': 98, '2.0.0': 2 } },
      { at: 30, installs: { '1.9.2': 96, '2.0.0': 4 } },
    ]);
    expect(adoptionSeries(adoption, 'canary').points.at(-1)).toEqual({ at: 30, installs: { '1.9.2': 1, '2.0.0': 4 } });
    expect(rateText(1, 4)).toBe('0.25');
    expect(rateText(0, 0)).toBe('–');
  });
});
