import { describe, expect, it } from 'vitest';
import { HelpRequest, KINDS, type TelemetryEvent } from '../../../shared/protocol';
import { buildHelpRequest, failedAssets } from './helpRequest';
import { HELP_STATS_MAX, RecentTelemetry } from './recentTelemetry';

const now = 1_760_000_000_000;
const lag = (lagMs: number, at?: number): TelemetryEvent => ({ type: 'board-lag', lagMs, pendingOps: 0, ...(at === undefined ? {} : { at }) });

describe('recent telemetry', () => {
  it('keeps the last minute, oldest first, with each event in event time', () => {
    const recent = new RecentTelemetry();
    recent.add([lag(1)], now - 90_000);
    recent.add([lag(2), lag(3, now - 50_000)], now - 40_000);
    recent.add([lag(4)], now - 1_000);
    expect(recent.last(now)).toEqual([lag(3, now - 50_000), lag(2, now - 40_000), lag(4, now - 1_000)]);
  });

  it('holds at most what one help request carries', () => {
    const recent = new RecentTelemetry();
    for (let i = 0; i < HELP_STATS_MAX + 50; i++) recent.add([lag(i)], now - 1_000);
    const kept = recent.last(now);
    expect(kept).toHaveLength(HELP_STATS_MAX);
    expect(kept[0]).toMatchObject({ lagMs: 50 });
  });
});

describe('the help request', () => {
  const base = {
    id: 'h-1', from: { id: 'student1', name: 'Student One', role: 'student' as const }, topic: 'courseware' as const, text: '  the slides are blank ',
    appVersion: '0.1.0', device: 'Linux x86_64', coursePageId: 'p2', board: { v: 1 as const, pageId: 'p2', revision: 7, unsent: 1, at: now }, now,
  };

  it('carries the words, the version, the device, the last minute of telemetry and the page and board held', () => {
    const stats: TelemetryEvent[] = [
      { type: 'courseware', asset: 'a-1', ok: false, ms: 10, at: now - 9_000 },
      { type: 'courseware', asset: 'a-2', ok: false, ms: 10, at: now - 8_000 },
      { type: 'courseware', asset: 'a-1', ok: true, ms: 10, at: now - 7_000 },
    ];
    const request = buildHelpRequest({ ...base, stats });
    expect(HelpRequest.parse(request)).toEqual(request);
    expect(request).toMatchObject({
      text: 'the slides are blank',
      diagnostics: { appVersion: '0.1.0', device: 'Linux x86_64', stats, course: { pageId: 'p2', failedAssets: ['a-2'] }, board: { pageId: 'p2', revision: 7, unsent: 1 } },
      ts: now,
    });
  });

  it('fits one help message however busy the last minute was, dropping the oldest events', () => {
    const media = (i: number): TelemetryEvent => ({
      type: 'media', direction: 'receive', kind: 'video', peer: 'teacher-with-a-rather-long-user-id-for-this-test', enabled: true, link: 'connected',
      bitrateKbps: 1234.5678, lossPct: 1.25, jitterMs: 12.5, rttMs: 80.25, frames: i, audioLevel: 0.123456, at: now - 60_000 + i,
    });
    const stats = Array.from({ length: 300 }, (_, i) => media(i));
    const request = buildHelpRequest({ ...base, stats });
    expect(new TextEncoder().encode(JSON.stringify(request)).byteLength).toBeLessThanOrEqual(KINDS.help.maxBytes);
    expect(request.diagnostics.stats.at(-1)).toEqual(stats.at(-1));
  });

  it('lists failed assets once each, at most 20', () => {
    const stats = Array.from({ length: 30 }, (_, i): TelemetryEvent => ({ type: 'courseware', asset: `a-${i % 25}`, ok: false, ms: 1, at: now }));
    expect(failedAssets(stats)).toHaveLength(20);
    expect(new Set(failedAssets(stats)).size).toBe(20);
  });
});
