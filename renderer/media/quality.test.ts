import { describe, expect, it } from 'vitest';
import { peerFigures, qualityOf } from './quality';

describe('quality', () => {
  const figures = (patch: Partial<ReturnType<typeof peerFigures>>) => ({ ...peerFigures([], 1000, null), ...patch });
  it('is none when not connected, and grades loss, round trip and jitter', () => {
    expect(qualityOf(figures({}), false)).toBe('none');
    expect(qualityOf(figures({ rttMs: 40 }), true)).toBe('good');
    expect(qualityOf(figures({ lossPct: 5 }), true)).toBe('fair');
    expect(qualityOf(figures({ rttMs: 700 }), true)).toBe('poor');
    expect(qualityOf(figures({ jitterMs: 120 }), true)).toBe('poor');
  });

  it('sums what arrives and keeps the worst loss', () => {
    const f = peerFigures(
      [
        { direction: 'receive', kind: 'video', bitrateKbps: 800, lossPct: 1, jitterMs: 10, frames: 60, framesTotal: 600, rttMs: 30 },
        { direction: 'receive', kind: 'audio', bitrateKbps: 32, lossPct: 4, jitterMs: 5, audioLevel: 0.3 },
        { direction: 'send', kind: 'video', bitrateKbps: 999, lossPct: 0, jitterMs: 0 },
      ],
      2_000,
      'host',
    );
    expect(f).toEqual({ bitrateKbps: 832, lossPct: 4, jitterMs: 10, rttMs: 30, framesDecoded: 600, framesPerSecond: 30, audioLevel: 0.3, path: 'host' });
  });
});
