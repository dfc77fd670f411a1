import { describe, expect, it } from 'vitest';
import { BatchPacer } from './pacer';

function pacerWithFrames() {
  const frames: (() => void)[] = [];
  let flushes = 0;
  const pacer = new BatchPacer((callback) => frames.push(callback), () => flushes++);
  const nextFrame = () => frames.splice(0).forEach((run) => run());
  return { pacer, nextFrame, flushes: () => flushes, framesWaiting: () => frames.length };
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
});
