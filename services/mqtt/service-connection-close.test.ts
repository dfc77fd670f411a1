import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBareBroker, type BareBroker } from '../testing/bare-broker';
import { ServiceConnection } from './service-connection';

// A real broker that never acknowledges a publish: what a service meets when the broker restarts with its
// acknowledgements in flight, or is too busy to answer before the service stops.
let bare: BareBroker;

beforeAll(async () => {
  bare = await startBareBroker({ authorizePublish: () => undefined });
});
afterAll(() => bare.close());

describe('closing a service connection', () => {
  it('ends it even when the broker never acknowledges what is in flight', async () => {
    const connection = await ServiceConnection.open({
      url: bare.url,
      service: 'closetest',
      token: () => Promise.resolve('unused'),
      refreshEveryMs: 60_000,
      subscriptions: [],
      onMessage: () => undefined,
      onConnect: () => undefined,
    });
    const payload = new TextEncoder().encode('{}');
    expect(connection.publish({ topic: 'classroom/v1/test', payload, qos: 1, retain: false })).toBe(true);
    await connection.close(50);
    expect(connection.connected).toBe(false);
  });
});
