import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { encode } from '../../shared/protocol/codec';
import type { RpcResponse } from '../../shared/protocol/messages';
import { method } from '../../shared/protocol/rpc/contract';
import { topic } from '../../shared/protocol/topics';
import { launchBackend, type RunningBackend } from '../backend';
import { barrier, Clients, serviceLogin } from '../testing/clients';
import { TestParticipant } from '../testing/test-participant';
import type { ServiceDeclaration } from './declaration';
import { RpcRefusal } from './refusal';
import { ServiceHost } from './service-host';

/** The contract of the service these tests declare: one method per thing the host must get right. */
const PROBE = {
  add: method(z.object({ a: z.number(), b: z.number() }), z.number(), 'a synchronous method'),
  later: method(z.object({ ms: z.number().int().max(1_000) }), z.object({ waited: z.number() }), 'an asynchronous method'),
  count: method(z.object({ n: z.number().int() }), z.number().int(), 'answers n'),
  refuse: method(z.object({}), z.null(), 'refuses'),
  fail: method(z.object({}), z.null(), 'fails'),
  big: method(z.object({ chars: z.number().int() }), z.string(), 'a string of this length'),
  wrong: method(z.object({}), z.object({ n: z.number() }), 'answers outside its contract'),
} as const;

const NAME = 'probe';
const WHISPER = 'class-0001';

let backend: RunningBackend;
const clients = new Clients();
let host: ServiceHost<typeof PROBE>;
const errors: string[] = [];
const whispers: string[] = [];
const cleared: string[] = [];
let connects = 0;
let ticks = 0;

function declaration(): ServiceDeclaration<typeof PROBE> {
  return {
    name: NAME,
    subscriptions: ['whisper', 'hand'],
    // Whispers to `skipped` never reach the service, not even as drops.
    admit: (topicName) => !topicName.endsWith('/skipped'),
    handlers: {
      whisper: ({ params, message }) => {
        if (message.text === 'throw') throw new Error('a handler failed');
        whispers.push(`${params.userId}: ${message.text}`);
      },
    },
    cleared: { hand: ({ classId, userId }) => cleared.push(`${classId}/${userId}`) },
    rpc: {
      contract: PROBE,
      methods: {
        add: ({ a, b }) => a + b,
        later: async ({ ms }) => {
          await new Promise((resolve) => setTimeout(resolve, ms));
          return { waited: ms };
        },
        count: ({ n }) => n,
        refuse: () => {
          throw new RpcRefusal('nope', 'not today');
        },
        fail: () => {
          throw new Error('secret detail');
        },
        big: ({ chars }) => 'x'.repeat(chars),
        wrong: () => ({ n: 'one' }) as unknown as { n: number },
      },
    },
    onConnect: () => void connects++,
    timers: [{ everyMs: 20, run: () => void ticks++ }],
  };
}

beforeAll(async () => {
  ({ backend } = await launchBackend({ classes: 0, tagger: false }));
  const link = { url: backend.mqttUrl, token: (name: string) => backend.serviceToken(name), refreshEveryMs: 60_000 };
  host = new ServiceHost(declaration(), { link, root: 'classroom', onError: (error) => errors.push((error as Error).message) });
  await host.start();
});
afterEach(async () => {
  await clients.closeAll();
});
afterAll(async () => {
  await host.stop();
  await backend.close();
});

function refusal(response: RpcResponse): { code: string; message: string } {
  if (response.ok) throw new Error(`expected a refusal, got ${JSON.stringify(response.result)}`);
  return response.error;
}

describe('a service on the host answers requests against its contract', () => {
  it('answers synchronous and asynchronous methods', async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    expect(await teacher.call(NAME, 'add', { a: 2, b: 3 })).toMatchObject({ ok: true, result: 5 });
    expect(await teacher.call(NAME, 'later', { ms: 30 })).toMatchObject({ ok: true, result: { waited: 30 } });
  });

  it('refuses params that break the contract with bad-params and the first problem, before the method runs', async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    const error = refusal(await teacher.call(NAME, 'add', { a: 2, b: 'three' }));
    expect(error.code).toBe('bad-params');
    expect(error.message).toMatch(/^b: /);
    expect(refusal(await teacher.call(NAME, 'add', 7))).toMatchObject({ code: 'bad-params', message: expect.stringMatching(/^params: /) });
  });

  it('answers unknown-method, a refusal as thrown, and internal (reported, without details) for a failure', async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    expect(refusal(await teacher.call(NAME, 'divide', {})).code).toBe('unknown-method');
    expect(refusal(await teacher.call(NAME, 'refuse', {}))).toEqual({ code: 'nope', message: 'not today' });
    const failed = refusal(await teacher.call(NAME, 'fail', {}));
    expect(failed.code).toBe('internal');
    expect(failed.message).not.toContain('secret');
    expect(errors).toContain('secret detail');
  });

  it('answers internal, and reports it, when a result breaks the contract', async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    expect(refusal(await teacher.call(NAME, 'wrong', {})).code).toBe('internal');
    expect(errors.some((e) => e.startsWith('probe.wrong answered outside its contract: n:'))).toBe(true);
  });

  it('answers too-large when the result does not fit in one reply', async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    expect(refusal(await teacher.call(NAME, 'big', { chars: 1_100_000 })).code).toBe('too-large');
    expect(await teacher.call(NAME, 'big', { chars: 1_000 })).toMatchObject({ ok: true });
  });

  it('skips a request whose deadline has passed, and keeps one requester\'s replies in order', async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    const requestTopic = topic('serviceRequest', { service: NAME, userId: 'teacher1' });
    const send = (id: string, n: number, deadline: number) =>
      teacher.send(encode('serviceRequest', requestTopic, { v: 1, id, method: 'count', replyTo: teacher.replyTo, params: { n }, deadline }));
    await send('late', -1, Date.now() - 1);
    for (let n = 0; n < 20; n++) await send(`n-${n}`, n, Date.now() + 5_000);
    await teacher.inbox.waitFor(() => replies(teacher).length >= 20, 'twenty replies');
    await barrier(teacher.client);
    expect(replies(teacher).map((r) => r.id)).toEqual(Array.from({ length: 20 }, (_, n) => `n-${n}`));
  });
});

describe('a service on the host receives messages by kind', () => {
  it('hands valid messages to their handler, counts malformed ones, and goes on after a handler fails', async () => {
    const service = await clients.connect(backend.mqttUrl, await serviceLogin(backend));
    const whisper = (userId: string, text: string) =>
      encode('whisper', topic('whisper', { classId: WHISPER, userId }), {
        v: 1, id: `w-${text}`, from: { id: 'supervisor1', name: 'Supervisor One' }, text, ts: Date.now(),
      });
    const publish = async (message: { topic: string; payload: Uint8Array }) => void (await service.publishAsync(message.topic, Buffer.from(message.payload), { qos: 1 }));
    const dropsBefore = host.drops.total;
    await publish(whisper('student1', 'throw'));
    await publish({ topic: topic('whisper', { classId: WHISPER, userId: 'student1' }), payload: Buffer.from('{not json') });
    await publish({ topic: topic('whisper', { classId: WHISPER, userId: 'skipped' }), payload: Buffer.from('{not json') });
    await publish(whisper('student1', 'hello'));
    await expect.poll(() => whispers).toContain('student1: hello');
    expect(host.drops.total - dropsBefore).toBe(1);
    expect(host.drops.counts['not-json']).toBeGreaterThanOrEqual(1);
    expect(errors).toContain('a handler failed');
  });

  it('hands a cleared retained message to its kind\'s cleared handler, with the topic\'s params', async () => {
    const student = await clients.connect(backend.mqttUrl, { username: 'student1', password: await token('student1') });
    await student.publishAsync(topic('hand', { classId: WHISPER, userId: 'student1' }), Buffer.alloc(0), { qos: 1, retain: true });
    await expect.poll(() => cleared).toContain(`${WHISPER}/student1`);
  });
});

describe('the host\'s lifecycle', () => {
  it('runs timers while the service runs, calls onConnect on every connection, and starts again after a stop', async () => {
    await expect.poll(() => ticks).toBeGreaterThan(2);
    const before = connects;
    await backend.restartBroker();
    await expect.poll(() => connects, { timeout: 10_000 }).toBeGreaterThan(before);

    await host.stop();
    expect(host.running).toBe(false);
    const stoppedAt = ticks;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ticks).toBe(stoppedAt);

    await host.start();
    expect(host.running).toBe(true);
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    expect(await teacher.call(NAME, 'add', { a: 1, b: 1 })).toMatchObject({ ok: true, result: 2 });
  });
});

function replies(participant: TestParticipant): RpcResponse[] {
  const name = topic('reply', { userId: participant.userId, sessionId: participant.replyTo });
  return participant.inbox.on(name).map((m) => JSON.parse(m.payload.toString()) as RpcResponse);
}

async function token(username: string): Promise<string> {
  const issued = await backend.issueToken(username, 'demo');
  if (!issued.ok) throw new Error(issued.message);
  return issued.token.token;
}
