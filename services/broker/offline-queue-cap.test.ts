import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IClientOptions, MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackend, type BackendOptions, type RunningBackend } from '../backend';
import { Clients, Inbox, serviceLogin, subscribe } from '../testing/clients';
import type { BrokerStats } from './host';

const CAP = 5;
const TOPIC = 'classroom/v1/test/offline-queue';
const AWAY = 'svc-tester-away';

const clients = new Clients();
const backends: RunningBackend[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await clients.closeAll();
  await Promise.all(backends.splice(0).map((b) => b.close()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function backend(options: BackendOptions): Promise<RunningBackend> {
  const started = await startBackend({ classes: 0, tagger: false, offlineQueueCap: CAP, ...options });
  backends.push(started);
  return started;
}

async function service(b: RunningBackend, options: IClientOptions = {}): Promise<MqttClient> {
  return clients.connect(b.mqttUrl, await serviceLogin(b), options);
}

async function stats(b: RunningBackend): Promise<BrokerStats> {
  const issued = await b.issueToken('supervisor1', 'demo');
  if (!issued.ok) throw new Error('supervisor1 could not sign in');
  const response = await fetch(`${b.httpUrl}/api/broker/stats`, { headers: { authorization: `Bearer ${issued.token.token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as BrokerStats;
}

/** A persistent session subscribed to TOPIC whose client has gone away. */
async function leaveAway(b: RunningBackend): Promise<void> {
  const session = await service(b, { clientId: AWAY, clean: false });
  await subscribe(session, [TOPIC], 1);
  await session.endAsync();
}

async function publish(b: RunningBackend, ids: string[]): Promise<void> {
  const publisher = await service(b);
  for (const id of ids) await publisher.publishAsync(TOPIC, id, { qos: 1 });
  await publisher.endAsync();
}

/** Brings the away session back and returns what it receives before a message published after its return. */
async function comeBack(b: RunningBackend): Promise<string[]> {
  const session = await service(b, { clientId: AWAY, clean: false });
  await publish(b, ['after-return']);
  const inbox = Inbox.of(session);
  await inbox.waitFor((m) => m.payload.toString() === 'after-return', 'the message published after the return');
  return inbox
    .on(TOPIC)
    .map((m) => m.payload.toString())
    .filter((id) => id !== 'after-return');
}

const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `m${from + i}`);

describe.each([
  ['in memory', false],
  ['on disk (persistDir)', true],
])('the offline queue cap with persistence %s', (_name, persist) => {
  async function options(): Promise<BackendOptions> {
    if (!persist) return {};
    const dir = await mkdtemp(join(tmpdir(), 'classroom-queue-cap-'));
    dirs.push(dir);
    return { persistDir: dir };
  }

  it('stops an away session at the cap, delivers exactly the cap on its return and counts the rest as dropped', async () => {
    const b = await backend(await options());
    await leaveAway(b);
    await publish(b, ids(0, CAP + 3));
    expect((await stats(b)).offlineQueue).toEqual({ cap: CAP, dropped: 3, droppedBySession: { [AWAY]: 3 } });

    await b.restartBroker();
    // The counter outlives the restart, and the queue is counted again from the persistence: it is still full.
    await publish(b, ['m-after-restart']);
    expect((await stats(b)).offlineQueue).toEqual({ cap: CAP, dropped: 4, droppedBySession: { [AWAY]: 4 } });

    expect(await comeBack(b)).toEqual(ids(0, CAP));
  });

  it('does not cap a connected client, however many messages it has not acknowledged yet', async () => {
    const b = await backend(await options());
    const session = await service(b, { clientId: AWAY, clean: false });
    // mqtt.js sends a PUBACK once handleMessage calls back: held, the broker keeps every message in the session's queue.
    let holding = true;
    const held: (() => void)[] = [];
    session.handleMessage = (_packet, callback) => (holding ? held.push(() => callback()) : callback());
    await subscribe(session, [TOPIC], 1);
    await publish(b, ids(0, CAP * 4));
    expect(held.length).toBeGreaterThan(0);
    holding = false;
    for (const release of held.splice(0)) release();
    const inbox = Inbox.of(session);
    await inbox.waitFor((m) => m.payload.toString() === `m${CAP * 4 - 1}`, 'the last message');
    expect(inbox.on(TOPIC).map((m) => m.payload.toString())).toEqual(ids(0, CAP * 4));
    expect((await stats(b)).offlineQueue.dropped).toBe(0);
  });
});

describe('the offline queue cap on disk', () => {
  it('counts a session queue left by an earlier process, so a restart does not make room beyond the cap', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'classroom-queue-cap-'));
    dirs.push(dir);
    const first = await startBackend({ classes: 0, tagger: false, offlineQueueCap: CAP, persistDir: dir });
    await leaveAway(first);
    await publish(first, ids(0, CAP));
    await clients.closeAll();
    await first.close();

    const second = await backend({ persistDir: dir });
    await publish(second, ids(CAP, CAP + 2));
    // Drops are counted from zero in a new process; the queue itself was counted from disk.
    expect((await stats(second)).offlineQueue).toEqual({ cap: CAP, dropped: 2, droppedBySession: { [AWAY]: 2 } });
    expect(await comeBack(second)).toEqual(ids(0, CAP));
  });
});
