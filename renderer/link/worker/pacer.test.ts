import { describe, expect, it } from 'vitest';
import { BatchPacer, CALM_MS } from './pacer';

const FRAME_MS = 16;

/** A pacer on frames that come when the test says, each 16 ms after the one before; its timers fire before the frame. */
function pacerWithFrames() {
  const frames: (() => void)[] = [];
  let timers: { at: number; run: () => void }[] = [];
  let flushes = 0;
  let frameRequests = 0;
  let now = 1_000;
  const pacer = new BatchPacer(
    {
      requestFrame: (callback) => {
        frameRequests++;
        frames.push(callback);
      },
      after: (ms, run) => timers.push({ at: now + ms, run }),
      now: () => now,
    },
    () => flushes++,
  );
  const nextFrame = () => {
    now += FRAME_MS;
    const due = timers.filter((timer) => timer.at <= now);
    timers = timers.filter((timer) => timer.at > now);
    due.forEach((timer) => timer.run());
    frames.splice(0).forEach((run) => run());
  };
  /** One urgent batch posted and applied: what calm traffic is measured from. */
  const oneBatchApplied = () => {
    pacer.schedule();
    nextFrame();
    pacer.applied();
  };
  return { pacer, nextFrame, oneBatchApplied, flushes: () => flushes, framesWaiting: () => frames.length, frameRequests: () => frameRequests };
}

describe('BatchPacer', () => {
  it('posts one batch a frame however much arrives in it', () => {
    const { pacer, nextFrame, flushes } = pacerWithFrames();
    for (let i = 0; i < 50; i++) pacer.schedule();
    nextFrame();
    expect(flushes()).toBe(1);
  });

  it('holds the next batch until the UI thread applied the last one, then posts what gathered meanwhile once', () => {
    const { pacer, nextFrame, flushes, framesWaiting } = pacerWithFrames();
    pacer.schedule();
    nextFrame();
    // A UI thread busy for ten frames: the traffic of all ten waits for one batch.
    for (let frame = 0; frame < 10; frame++) {
      pacer.schedule();
      nextFrame();
    }
    expect(flushes()).toBe(1);
    expect(framesWaiting()).toBe(0);
    pacer.applied();
    nextFrame();
    expect(flushes()).toBe(2);
  });

  it('posts nothing after an applied batch when nothing new arrived', () => {
    const { pacer, nextFrame, flushes, framesWaiting } = pacerWithFrames();
    pacer.schedule();
    nextFrame();
    pacer.applied();
    expect(framesWaiting()).toBe(0);
    nextFrame();
    expect(flushes()).toBe(1);
    pacer.schedule();
    nextFrame();
    expect(flushes()).toBe(2);
  });

  it('holds calm traffic until a calm interval after the batch before, then posts it once', () => {
    const { pacer, nextFrame, oneBatchApplied, flushes } = pacerWithFrames();
    oneBatchApplied();
    let frames = 0;
    // A warning every frame: one batch when the interval is over, not one a frame.
    while (flushes() === 1) {
      pacer.schedule(true);
      nextFrame();
      frames++;
    }
    expect(flushes()).toBe(2);
    expect(frames * FRAME_MS).toBeGreaterThanOrEqual(CALM_MS);
    expect(frames * FRAME_MS).toBeLessThan(CALM_MS + 2 * FRAME_MS);
  });

  it('asks for no frame while calm traffic waits, only when the calm interval is over', () => {
    const { pacer, nextFrame, oneBatchApplied, flushes, framesWaiting, frameRequests } = pacerWithFrames();
    oneBatchApplied();
    const requestsBefore = frameRequests();
    pacer.schedule(true);
    let frames = 0;
    while (flushes() === 1) {
      expect(framesWaiting()).toBe(0);
      nextFrame();
      frames++;
    }
    expect(frameRequests() - requestsBefore).toBe(1);
    expect(frames * FRAME_MS).toBeGreaterThanOrEqual(CALM_MS);
  });

  it('posts urgent traffic at the next frame, with the calm traffic gathered before it', () => {
    const { pacer, nextFrame, oneBatchApplied, flushes } = pacerWithFrames();
    oneBatchApplied();
    pacer.schedule(true);
    nextFrame();
    expect(flushes()).toBe(1);
    pacer.schedule();
    nextFrame();
    expect(flushes()).toBe(2);
    pacer.applied();
    nextFrame();
    expect(flushes()).toBe(2);
  });

  it('posts calm traffic at the next frame when the batch before was long ago', () => {
    const { pacer, nextFrame, flushes } = pacerWithFrames();
    pacer.schedule(true);
    nextFrame();
    expect(flushes()).toBe(1);
  });
});
