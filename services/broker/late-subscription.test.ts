import memoryPersistence from 'aedes-persistence';
import mqtt from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { filter } from '../../shared/protocol/topics';
import { startBackend, type RunningBackend } from '../backend';
import { queueLateDeliveries } from './persistence';

const backends: RunningBackend[] = [];
afterEach(async () => {
  await Promise.all(backends.splice(0).map((b) => b.close()));
});

interface Queue {
  outgoingUpdate(client: { id: string }, packet: object): Promise<void>;
  outgoingStream(client: { id: string }): AsyncIterable<{ messageId?: number; topic: string }>;
}

describe('a persistent session that subscribes while messages are flowing', () => {
  it('gets a delivery the subscription index had not caught up with queued, instead of an error', async () => {
    const queue = queueLateDeliveries(memoryPersistence()) as unknown as Queue;
    const packet = { cmd: 'publish', topic: 'classroom/v1/directory/classes/c1', payload: Buffer.from('{}'), qos: 1, retain: false, brokerId: 'b', brokerCounter: 7, messageId: 42 };
    await expect(queue.outgoingUpdate({ id: 'console-sup-1' }, packet)).resolves.toBeUndefined();
    const queued = [];
    for await (const p of queue.outgoingStream({ id: 'console-sup-1' })) queued.push(p);
    expect(queued).toMatchObject([{ topic: packet.topic, messageId: 42 }]);
  });

  it('stays connected and receives every class while the directory publishes 1,000 summaries', async () => {
    // Only the directory's summaries matter here: no moving presence, telemetry or tagger competing for the broker.
    const backend = await startBackend({ classes: 1000, simulate: false, simulation: { telemetry: { enabled: false } }, tagger: false });
    backends.push(backend);
    const signIn = await backend.issueToken('supervisor1', 'demo');
    if (!signIn.ok) throw new Error(signIn.message);
    const client = mqtt.connect(backend.wsUrl, {
      clientId: 'console-supervisor1-late',
      username: 'supervisor1',
      password: signIn.token.token,
      clean: false,
      reconnectPeriod: 200,
      protocolVersion: 4,
    });
    let drops = 0;
    const classes = new Set<string>();
    client.on('close', () => drops++);
    client.on('connect', () => client.subscribe(filter('classSummary'), { qos: 1 }));
    client.on('message', (name) => classes.add(name));
    try {
      await expect.poll(() => classes.size, { timeout: 15_000 }).toBe(1000);
      expect(drops).toBe(0);
    } finally {
      client.end(true);
    }
  });
});
