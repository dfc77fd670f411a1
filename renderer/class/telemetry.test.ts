import { describe, expect, it } from 'vitest';
import type { TelemetryEvent } from '../../shared/protocol';
import { TelemetryBatcher } from './telemetry';

const lag = (lagMs: number): TelemetryEvent => ({ type: 'board-lag', lagMs, pendingOps: 1 });

describe('telemetry batching', () => {
  it('keeps events while held and sends them on release, in order, at most 50 to a message', () => {
    const sent: TelemetryEvent[][] = [];
    const batcher = new TelemetryBatcher((events) => sent.push(events), { held: true });
    for (let i = 0; i < 120; i++) batcher.add(lag(i));
    batcher.flush();
    expect(sent).toEqual([]);

    batcher.release();
    expect(sent.map((batch) => batch.length)).toEqual([50, 50, 20]);
    expect(sent.flat().map((e) => e.type === 'board-lag' && e.lagMs)).toEqual(Array.from({ length: 120 }, (_, i) => i));
    batcher.dispose();
  });

  it('keeps the newest 500 while held, counting what it dropped', () => {
    const sent: TelemetryEvent[][] = [];
    const batcher = new TelemetryBatcher((events) => sent.push(events), { held: true });
    for (let i = 0; i < 520; i++) batcher.add(lag(i));
    batcher.release();
    expect(batcher.dropped).toBe(20);
    expect(sent.flat()[0]).toMatchObject(lag(20));
    batcher.dispose();
  });

  it('stamps each event with when it happened, so events held while offline keep their time', () => {
    const sent: TelemetryEvent[][] = [];
    const batcher = new TelemetryBatcher((events) => sent.push(events), { held: true });
    const before = Date.now();
    batcher.add(lag(1));
    batcher.add({ ...lag(2), at: 5 });
    const after = Date.now();
    batcher.release();
    const [first, second] = sent.flat();
    expect(first?.at).toBeGreaterThanOrEqual(before);
    expect(first?.at).toBeLessThanOrEqual(after);
    expect(second?.at).toBe(5);
    batcher.dispose();
  });

  it('holds again while offline', () => {
    const sent: TelemetryEvent[][] = [];
    const batcher = new TelemetryBatcher((events) => sent.push(events));
    batcher.hold();
    for (let i = 0; i < 60; i++) batcher.add(lag(i));
    expect(sent).toEqual([]);
    batcher.release();
    expect(sent.flat()).toHaveLength(60);
    batcher.dispose();
  });
});
