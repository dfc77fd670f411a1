import type { MQEmitter } from 'mqemitter';
import { describe, expect, it } from 'vitest';
import { deliveryBus } from './delivery-bus';

/** 100 deliveries that finish later, then a backlog of publishes nobody follows, then one that is followed. */
function drainBacklog(bus: MQEmitter, backlog: number): Promise<string[]> {
  const heard: string[] = [];
  return new Promise((resolve, reject) => {
    bus.on('slow/#', (message, done) => {
      heard.push(message.topic);
      setImmediate(done);
    });
    bus.on('last', (message, done) => {
      heard.push(message.topic);
      done();
      resolve(heard);
    });
    try {
      for (let i = 0; i < 100; i++) bus.emit({ topic: `slow/${i}` });
      for (let i = 0; i < backlog; i++) bus.emit({ topic: `nobody/${i}` });
      bus.emit({ topic: 'last' });
    } catch (error) {
      reject(error as Error);
    }
  }).catch((error: unknown) => [String(error)]) as Promise<string[]>;
}

describe('deliveryBus', () => {
  it('delivers a backlog of 200,000 publishes behind slow deliveries, in order, without overflowing the stack', async () => {
    const heard = await drainBacklog(deliveryBus(), 200_000);
    expect(heard).toHaveLength(101);
    expect(heard.slice(0, 3)).toEqual(['slow/0', 'slow/1', 'slow/2']);
    expect(heard.at(-1)).toBe('last');
  });

});
