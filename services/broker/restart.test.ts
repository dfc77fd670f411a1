import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { decode, encode } from '../../shared/protocol/codec';
import { filter, topic } from '../../shared/protocol/topics';
import { startBackend, type BackendOptions, type RunningBackend } from '../backend';
import { Clients, Inbox, subscribe, serviceLogin } from '../testing/clients';

const clients = new Clients();
const backends: RunningBackend[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await clients.closeAll();
  await Promise.all(backends.splice(0).map((b) => b.close()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function backend(options: BackendOptions = {}): Promise<RunningBackend> {
  const started = await startBackend({ classes: 0, ...options });
  backends.push(started);
  return started;
}

async function as(b: RunningBackend, username: string, options: Parameters<Clients['connect']>[2] = {}): Promise<MqttClient> {
  if (username === 'service') return clients.connect(b.mqttUrl, await serviceLogin(b), options);
  const password = await b.issueToken(username, 'demo').then((r) => (r.ok ? r.token.token : ''));
  return clients.connect(b.mqttUrl, { username, password }, options);
}

const summaryTopic = topic('classSummary', { classId: 'class-0042' });
const summary = encode('classSummary', summaryTopic, {
  v: 1,
  id: 'class-0042',
  title: 'Kept across restarts',
  teacher: { id: 't-0042', name: 'T' },
  state: 'live',
  region: 'eu-central',
  startsAt: 1,
  presence: { teachers: 1, students: 1 },
  capacity: 1,
  updatedAt: 1,
});
const controlTopic = topic('classControl', { classId: 'class-0001', userId: 'teacher1' });
const control = encode('classControl', controlTopic, { v: 1, action: 'end', requestId: 'sent-while-offline', ts: 1 });

/** Leaves a retained summary and a persistent session with a QoS 1 message queued while its owner was away. */
async function leaveStateBehind(b: RunningBackend, clientId: string): Promise<void> {
  const service = await as(b, 'service');
  await service.publishAsync(summary.topic, Buffer.from(summary.payload), { qos: 1, retain: true });
  const subscriber = await as(b, 'service', { clientId, clean: false });
  await subscribe(subscriber, [filter('classControl', { classId: 'class-0001' })]);
  await subscriber.endAsync();
  const teacher = await as(b, 'teacher1');
  await teacher.publishAsync(control.topic, Buffer.from(control.payload), { qos: 1 });
}

/** Checks that the state left behind is there: the retained summary and the queued message of the session. */
async function expectStateKept(b: RunningBackend, clientId: string): Promise<void> {
  const supervisor = await as(b, 'supervisor1');
  await subscribe(supervisor, [filter('classSummary')]);
  const retained = await Inbox.of(supervisor).waitForTopic(summaryTopic);
  expect(retained.retain).toBe(true);
  expect(decode(retained.topic, retained.payload)).toMatchObject({ ok: true, message: { title: 'Kept across restarts' } });

  const returning = await as(b, 'service', { clientId, clean: false });
  const queued = await Inbox.of(returning).waitForTopic(controlTopic);
  expect(decode(queued.topic, queued.payload)).toMatchObject({ ok: true, message: { requestId: 'sent-while-offline' } });
}

describe.each([
  ['in memory', false],
  ['on disk (persistDir)', true],
])('a broker restart with persistence %s', (_name, onDisk) => {
  async function options(): Promise<BackendOptions> {
    if (!onDisk) return {};
    const dir = await mkdtemp(join(tmpdir(), 'classroom-broker-'));
    dirs.push(dir);
    return { persistDir: dir };
  }

  it('keeps retained messages and queued messages of persistent sessions', async () => {
    const b = await backend(await options());
    await leaveStateBehind(b, 'svc-tester-restart1');
    await clients.closeAll();
    await b.restartBroker();
    await expectStateKept(b, 'svc-tester-restart1');
  });

  it('reopens on the same ports, so clients find it again', async () => {
    const b = await backend(await options());
    const before = { mqtt: b.mqttUrl, ws: b.wsUrl };
    await b.stopBroker();
    const code = await clients.refusal(b.mqttUrl, await serviceLogin(b)).catch((e: Error) => e.message);
    expect(String(code)).toMatch(/ECONNREFUSED|closed/);
    await b.startBroker();
    expect({ mqtt: b.mqttUrl, ws: b.wsUrl }).toEqual(before);
    expect((await as(b, 'student1')).connected).toBe(true);
    expect((await clients.connect(b.wsUrl, await serviceLogin(b))).connected).toBe(true);
  });
});

describe('persistDir', () => {
  it('keeps retained messages and persistent sessions across a restart of the whole backend', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'classroom-backend-'));
    dirs.push(dir);
    const first = await startBackend({ classes: 0, persistDir: dir });
    await leaveStateBehind(first, 'svc-tester-process');
    await clients.closeAll();
    await first.close();

    const second = await backend({ persistDir: dir });
    await expectStateKept(second, 'svc-tester-process');
  });
});
