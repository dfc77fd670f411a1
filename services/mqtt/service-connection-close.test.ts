import { Aedes } from 'aedes';
import { once } from 'node:events';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceConnection } from './service-connection';

// A real broker that never acknowledges a publish: what a service meets when the broker restarts with its
// acknowledgements in flight, or is too busy to answer before the service stops.
let broker: Aedes;
let server: Server;
let url: string;

beforeAll(async () => {
  broker = await Aedes.createBroker({ authorizePublish: () => undefined });
  server = createServer(broker.handle);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `mqtt://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => broker.close(() => resolve()));
  server.close();
});

describe('closing a service connection', () => {
  it('ends it even when the broker never acknowledges what is in flight', async () => {
    const connection = await ServiceConnection.open({
      url,
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
