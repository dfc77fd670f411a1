import { describe, expect, it } from 'vitest';
import { Telemetry } from '../../shared/protocol';
import { mediaEvents } from './telemetryEvents';

const streams = [
  { direction: 'send' as const, kind: 'audio' as const, bitrateKbps: 32, lossPct: 0, jitterMs: 2, rttMs: 40, audioLevel: 0.3 },
  { direction: 'send' as const, kind: 'video' as const, bitrateKbps: 800, lossPct: 1, jitterMs: 3, frames: 120 },
  { direction: 'receive' as const, kind: 'audio' as const, bitrateKbps: 30, lossPct: 0, jitterMs: 4, audioLevel: 0.2 },
  { direction: 'receive' as const, kind: 'video' as const, bitrateKbps: 2_000_000, lossPct: 250, jitterMs: 5, frames: 119.6 },
];

describe('mediaEvents', () => {
  it('makes one valid telemetry event per stream, within the protocol’s bounds', () => {
    const events = mediaEvents({ peer: 'student1', link: 'connected', streams, sending: { audio: true, video: true }, remote: undefined, at: 1_000 });
    expect(events).toHaveLength(4);
    expect(Telemetry.safeParse({ v: 1, at: 1_000, events }).success).toBe(true);
    expect(events[3]).toMatchObject({ direction: 'receive', kind: 'video', bitrateKbps: 1_000_000, lossPct: 100, frames: 120, peer: 'student1' });
  });

  it('passes packets, the interval and frozen time on when the stats have them, and leaves them out otherwise', () => {
    const withCounters = [
      { direction: 'send' as const, kind: 'audio' as const, bitrateKbps: 0.1, lossPct: 0, jitterMs: 2, audioLevel: 0.001, packets: 12, intervalMs: 5_003.4 },
      { direction: 'receive' as const, kind: 'video' as const, bitrateKbps: 20, lossPct: 0, jitterMs: 2, frames: 2, packets: 6, intervalMs: 5_000, frozenMs: 4_100 },
    ];
    const events = mediaEvents({ peer: 'teacher1', link: 'connected', streams: withCounters, sending: { audio: true, video: true }, remote: undefined, at: 9 });
    expect(Telemetry.safeParse({ v: 1, at: 9, events }).success).toBe(true);
    expect(events[0]).toMatchObject({ packets: 12, intervalMs: 5_003 });
    expect(events[1]).toMatchObject({ frames: 2, packets: 6, intervalMs: 5_000, frozenMs: 4_100 });
    const old = mediaEvents({ peer: 'teacher1', link: 'connected', streams, sending: { audio: true, video: true }, remote: undefined, at: 9 });
    expect(old.every((e) => !('packets' in e) && !('intervalMs' in e) && !('frozenMs' in e))).toBe(true);
  });

  it('says whether each stream is switched on: own switches for what is sent, the sender’s for what arrives', () => {
    const remote = { v: 1 as const, mic: false, camera: false, screen: true, link: 'connected' as const, ts: 1 };
    const events = mediaEvents({ peer: 'teacher1', link: 'disconnected', streams, sending: { audio: false, video: true }, remote, at: 1 });
    expect(events.map((e) => [e.direction, e.kind, e.enabled, e.link])).toEqual([
      ['send', 'audio', false, 'disconnected'],
      ['send', 'video', true, 'disconnected'],
      ['receive', 'audio', false, 'disconnected'],
      ['receive', 'video', true, 'disconnected'],
    ]);
  });
});
