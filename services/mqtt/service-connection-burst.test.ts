import { connectAsync } from 'mqtt';
import { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBareBroker, type BareBroker } from '../testing/bare-broker';
import { ServiceConnection } from './service-connection';

// A service that answers every message of a burst (the tagger's first tags and health for each class it hears of)
// must get every answer out, in order, without a system call per answer.
let bare: BareBroker;

beforeAll(async () => {
  bare = await startBareBroker();
});
afterAll(() => bare.close());

const BURST = 2_000;
const encoder = new TextEncoder();

/** Counts each socket's writes to the kernel (one per `_write` or `_writev`) while `during` runs. */
async function countWrites(during: () => Promise<void>): Promise<Map<Socket, number>> {
  const counts = new Map<Socket, number>();
  const proto = Socket.prototype as unknown as Record<'_write' | '_writev', (this: Socket, ...args: unknown[]) => unknown>;
  const originals = { _write: proto._write, _writev: proto._writev };
  for (const name of ['_write', '_writev'] as const) {
    proto[name] = function (this: Socket, ...args: unknown[]) {
      counts.set(this, (counts.get(this) ?? 0) + 1);
      return originals[name].apply(this, args);
    };
  }
  try {
    await during();
  } finally {
    Object.assign(proto, originals);
  }
  return counts;
}

describe('a service connection answering a burst', () => {
  it('gets every answer out, in order, in far fewer writes than answers', async () => {
    const servicePort = new Promise<number>((resolve) => {
      bare.broker.on('client', (client) => {
        if (client.id === 'svc-bursttest') resolve((client.conn as Socket).remotePort!);
      });
    });
    const service: ServiceConnection = await ServiceConnection.open({
      url: bare.url,
      service: 'bursttest',
      token: () => Promise.resolve('unused'),
      refreshEveryMs: 60_000,
      subscriptions: ['in/#'],
      onMessage: (topic, payload) => {
        service.publish({ topic: topic.replace('in/', 'out/'), payload: new Uint8Array(payload), qos: 1, retain: false });
      },
      onConnect: () => undefined,
    });
    const listener = await connectAsync(bare.url, { clientId: 'burst-listener' });
    const received: string[] = [];
    const allReceived = new Promise<void>((resolve) => {
      listener.on('message', (topic) => {
        received.push(topic);
        if (received.length === BURST) resolve();
      });
    });
    await listener.subscribeAsync('out/#', { qos: 1 });
    const sender = await connectAsync(bare.url, { clientId: 'burst-sender' });

    const counts = await countWrites(async () => {
      for (let i = 0; i < BURST; i++) sender.publish(`in/${i}`, Buffer.from(encoder.encode(`{"n":${i}}`)), { qos: 0 });
      await allReceived;
    });
    const port = await servicePort;
    const serviceSocket = [...counts.keys()].find((socket) => socket.localPort === port);

    expect(received).toEqual(Array.from({ length: BURST }, (_, i) => `out/${i}`));
    expect(serviceSocket).toBeDefined();
    // Without holding writes, each answer is a write of its own.
    expect(counts.get(serviceSocket!)!).toBeLessThan(BURST / 10);
    await service.close();
    await Promise.all([listener.endAsync(), sender.endAsync()]);
  });
});
