import { describe, expect, it } from 'vitest';
import { StillTimer } from './stillTimer';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the still timer', () => {
  it('fires once, after the last touch has been left alone for its time', async () => {
    const fired: number[] = [];
    const timer = new StillTimer(120, () => fired.push(Date.now()));
    const start = Date.now();
    let lastTouch = start;
    for (let i = 0; i < 6; i++) {
      timer.touch();
      lastTouch = Date.now();
      await sleep(40);
    }
    await sleep(250);
    expect(fired).toHaveLength(1);
    expect(fired[0]! - lastTouch).toBeGreaterThanOrEqual(115);
  });

  it('does not fire once cancelled, and can be touched again afterwards', async () => {
    let fired = 0;
    const timer = new StillTimer(60, () => fired++);
    timer.touch();
    timer.cancel();
    await sleep(120);
    expect(fired).toBe(0);
    timer.touch();
    await sleep(120);
    expect(fired).toBe(1);
  });
});
