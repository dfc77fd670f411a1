import { describe, expect, it } from 'vitest';
import { helpState } from '../testing/samples';
import { buildTimeline } from './timeline';

describe('a class timeline', () => {
  it('merges tag changes, actions, live telemetry and what help requests carried, newest first, each event once', () => {
    const media = { type: 'media' as const, at: 150, direction: 'receive' as const, kind: 'audio' as const, peer: 'teacher1', enabled: true, link: 'connected' as const, bitrateKbps: 0, lossPct: 0, jitterMs: 0, audioLevel: 0 };
    const diagnostics = { appVersion: '1', device: 'd', stats: [media], course: { pageId: null, failedAssets: [] }, board: { pageId: null, revision: 0, unsent: 0 } };
    const entries = buildTimeline(
      [{ at: 100, tag: 'stream.cant-hear', userId: 'student1', change: 'appeared', evidence: 'silence' }],
      [{ seq: 1, at: 200, action: 'remedy-sent', actor: { id: 'dispatcher', kind: 'dispatcher' }, detail: 'switch-line', requestId: 'r1' }],
      [helpState('r1', { diagnostics }), helpState('r2', { diagnostics })],
      [{ userId: 'student1', at: 150, event: media }, { userId: 'student1', at: 160, event: { type: 'board-lag', lagMs: 10, pendingOps: 0 } }],
    );
    expect(entries.map((e) => [e.kind, e.at])).toEqual([
      ['action', 200],
      ['telemetry', 160],
      ['telemetry', 150],
      ['tag', 100],
    ]);
  });
});
