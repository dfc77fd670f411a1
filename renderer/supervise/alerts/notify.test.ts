import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotificationThrottle } from './notify';

afterEach(() => {
  vi.useRealTimers();
});

describe('desktop notifications', () => {
  it('go out at once, then a burst within the interval becomes one notification with its count', () => {
    // Fake timers stand in for the interval here: nothing is delivered over a network.
    vi.useFakeTimers();
    const sent: number[] = [];
    const throttle = new NotificationThrottle((count) => sent.push(count), 10_000, () => Date.now());
    throttle.add(1);
    throttle.add(2);
    throttle.add(1);
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(10_000);
    expect(sent).toEqual([1, 3]);
    vi.advanceTimersByTime(10_000);
    throttle.add(1);
    expect(sent).toEqual([1, 3, 1]);
    throttle.stop();
  });
});
