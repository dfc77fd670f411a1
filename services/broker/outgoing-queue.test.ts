import memoryPersistence from 'aedes-persistence';
import { describe, expect, it } from 'vitest';
import { Prng } from '../simulator/prng';
import { indexOutgoingQueues } from './outgoing-queue';

interface Queues {
  outgoingEnqueue(sub: { clientId: string }, packet: object): Promise<void>;
  outgoingEnqueueCombi(subs: { clientId: string }[], packet: object): Promise<void>;
  outgoingUpdate(client: { id: string }, packet: object): Promise<void>;
  outgoingClearMessageId(client: { id: string }, packet: object): Promise<unknown>;
  outgoingStream(client: { id: string }): AsyncIterable<unknown>;
}

type Queued = { cmd?: string; brokerId?: string; brokerCounter?: number; messageId?: number; topic?: string };

const view = (packet: unknown) => {
  if (!packet) return null;
  const { cmd, brokerId, brokerCounter, messageId, topic } = packet as Queued;
  return { cmd, brokerId, brokerCounter, messageId, topic };
};

async function streamed(queues: Queues, clientId: string): Promise<unknown[]> {
  const packets = [];
  for await (const packet of queues.outgoingStream({ id: clientId })) packets.push(view(packet));
  return packets;
}

/** Both stores keep some packets as given and change them later: each gets its own copy. */
async function both(run: (queues: Queues, copy: <T extends object>(packet: T) => T) => Promise<unknown>, plain: Queues, indexed: Queues): Promise<[unknown, unknown]> {
  const copy = <T extends object>(packet: T): T => ({ ...packet });
  return [await outcome(() => run(plain, copy)), await outcome(() => run(indexed, copy))];
}

async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return { ok: view(await run()) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const CLIENTS = ['console-a', 'console-b', 'svc-c'];

describe('indexed outgoing queues', () => {
  it('do what the store they index does, step by step, over seeded random enqueues, packet ids, PUBRELs and acknowledgements', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = new Prng(seed);
      const plain = memoryPersistence() as unknown as Queues;
      const indexed = indexOutgoingQueues(memoryPersistence()) as unknown as Queues;
      const sent: Queued[] = [];
      let counter = 0;
      for (let step = 0; step < 1_500; step++) {
        const client = random.pick(CLIENTS);
        const roll = random.next();
        // Few packet ids and two broker ids, so ids are reused and collide as they do when they wrap at 65,535.
        const messageId = random.int(1, 40);
        let results: [unknown, unknown];
        if (roll < 0.35) {
          const packet = { cmd: 'publish', brokerId: random.pick(['b1', 'b2']), brokerCounter: ++counter, topic: `t/${counter}`, qos: 1, payload: Buffer.from('x') };
          sent.push(packet);
          const subs = random.chance(0.5) ? [{ clientId: client }] : CLIENTS.filter(() => random.chance(0.6)).map((clientId) => ({ clientId }));
          results = await both((queues, copy) => queues.outgoingEnqueueCombi(subs, copy(packet)), plain, indexed);
        } else if (roll < 0.65 && sent.length > 0) {
          // A queued message going out under a packet id; now and then one this session never had.
          const of = random.chance(0.9) ? random.pick(sent) : { brokerId: 'b1', brokerCounter: 1_000_000 + step };
          const packet = { ...of, cmd: 'publish', messageId };
          results = await both((queues, copy) => queues.outgoingUpdate({ id: client }, copy(packet)), plain, indexed);
        } else if (roll < 0.72) {
          const pubrel = { cmd: 'pubrel', messageId };
          results = await both((queues, copy) => queues.outgoingUpdate({ id: client }, copy(pubrel)), plain, indexed);
        } else {
          results = await both((queues) => queues.outgoingClearMessageId({ id: client }, { messageId }), plain, indexed);
        }
        expect(results[1], `seed ${seed}, step ${step}`).toEqual(results[0]);
        if (step % 50 === 0 || step === 1_499) {
          for (const id of CLIENTS) expect(await streamed(indexed, id), `seed ${seed}, step ${step}, ${id}`).toEqual(await streamed(plain, id));
        }
      }
    }
  });

  it('keep each session to its own messages, in the order they were queued', async () => {
    const queues = indexOutgoingQueues(memoryPersistence()) as unknown as Queues;
    for (let n = 1; n <= 5; n++) await queues.outgoingEnqueue({ clientId: n % 2 ? 'odd' : 'even' }, { brokerId: 'b', brokerCounter: n, topic: `t/${n}`, qos: 1 });
    await queues.outgoingUpdate({ id: 'odd' }, { brokerId: 'b', brokerCounter: 3, messageId: 7 });
    await expect(queues.outgoingUpdate({ id: 'even' }, { brokerId: 'b', brokerCounter: 3, messageId: 7 })).rejects.toThrow('no such packet');
    expect((await streamed(queues, 'odd')).map((p) => (p as Queued).topic)).toEqual(['t/1', 't/3', 't/5']);
    expect(view(await queues.outgoingClearMessageId({ id: 'odd' }, { messageId: 7 }))).toMatchObject({ topic: 't/3', messageId: 7 });
    expect((await streamed(queues, 'odd')).map((p) => (p as Queued).topic)).toEqual(['t/1', 't/5']);
    expect((await streamed(queues, 'even')).map((p) => (p as Queued).topic)).toEqual(['t/2', 't/4']);
  });
});
