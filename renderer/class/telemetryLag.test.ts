import { describe, expect, it } from 'vitest';
import type { BoardSync, TelemetryEvent } from '../../shared/protocol';
import { BoardLagWatch } from './telemetryLag';

const sync = (pageId: string, revision: number, unsent = 0): BoardSync => ({ v: 1, pageId, revision, unsent, at: 1 });

function watching() {
  const events: TelemetryEvent[] = [];
  const clock = { now: 0 };
  const watch = new BoardLagWatch((event) => events.push(event), () => clock.now);
  return { watch, events, clock };
}

describe('board lag behind peers', () => {
  it('measures how long the board trailed a peer on its page, reported when it catches up', () => {
    const { watch, events, clock } = watching();
    watch.ownSync(sync('p1', 10));
    clock.now = 1_000;
    watch.peerSync('teacher1', sync('p1', 14));
    clock.now = 4_500;
    watch.ownSync(sync('p1', 14, 2));
    expect(events).toEqual([{ type: 'board-lag', lagMs: 3_500, pendingOps: 2 }]);
  });

  it('reports a board that stays behind on every tick, and nothing for the usual short delay', () => {
    const { watch, events, clock } = watching();
    watch.ownSync(sync('p1', 10));
    watch.peerSync('teacher1', sync('p1', 11));
    clock.now = 300;
    watch.tick();
    watch.ownSync(sync('p1', 11));
    expect(events).toEqual([]);

    watch.peerSync('teacher1', sync('p1', 20));
    clock.now = 5_300;
    watch.tick();
    clock.now = 10_300;
    watch.tick();
    expect(events.map((e) => e.type === 'board-lag' && e.lagMs)).toEqual([5_000, 10_000]);
  });

  it('compares only the same page, and not peers whose revision counts ops they have not sent', () => {
    const { watch, events, clock } = watching();
    watch.ownSync(sync('p1', 10));
    watch.peerSync('teacher1', sync('p2', 50));
    watch.peerSync('student2', sync('p1', 30, 4));
    clock.now = 9_000;
    watch.tick();
    // A peer that left (its sync cleared) is no longer compared either.
    watch.peerSync('student3', sync('p1', 40));
    watch.peerSync('student3', null);
    clock.now = 20_000;
    watch.tick();
    expect(events).toEqual([]);
  });
});
