import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import { topic } from '../../shared/protocol/topics';
import { launchBackend, type RunningBackend } from '../backend';
import { Prng } from '../simulator/prng';
import { Clients, Inbox, barrier, serviceLogin, subscribe, type Credentials } from '../testing/clients';
import type { BrokerProcessReady, BrokerProcessRequest } from './broker-process';
import { onDisk } from './persistence';

const KILLS = 50;
const SEED = 20_240_611;
/** The kill comes when the publisher has this many acknowledgements, drawn anew for each kill. */
const ACKS_BEFORE_KILL = { min: 1, max: 300 };
/** QoS 1 messages the publisher keeps unacknowledged at once. */
const WINDOW = 64;
const ACK_AFTER_STORE = true;

const entry = fileURLToPath(new URL('./broker-process.ts', import.meta.url));
const clients = new Clients();
const children: ChildProcess[] = [];
const dirs: string[] = [];
const backends: RunningBackend[] = [];

afterEach(async () => {
  await clients.closeAll();
  await Promise.all(backends.splice(0).map((b) => b.close()));
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

interface BrokerProcess {
  child: ChildProcess;
  url: string;
  login: Credentials;
}

async function startBroker(dir: string): Promise<BrokerProcess> {
  const child = fork(entry, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.push(child);
  const request: BrokerProcessRequest = { dir, service: 'tester', ackAfterStore: ACK_AFTER_STORE };
  child.send(request);
  const ready = await new Promise<BrokerProcessReady>((resolve, reject) => {
    child.once('message', (message) => resolve(message as BrokerProcessReady));
    child.once('exit', (code) => reject(new Error(`the broker process exited with ${code} before it was ready`)));
  });
  return { child, url: ready.mqttUrl, login: { username: ready.username, password: ready.password } };
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

const topicOf = (round: number) => `classroom/v1/test/durable-ack/r${round}`;
const sessionOf = (round: number) => `svc-tester-away${round}`;

/**
 * Publishes QoS 1 messages with unique ids, `WINDOW` at a time, and kills the broker with SIGKILL once `acksBeforeKill`
 * of them are acknowledged. Returns every id the broker acknowledged, including acknowledgements still on the way.
 */
async function publishUntilKilled(broker: BrokerProcess, round: number, acksBeforeKill: number): Promise<Set<string>> {
  const publisher = await clients.connect(broker.url, broker.login);
  const acked = new Set<string>();
  const closed = new Promise<void>((resolve) => publisher.once('close', () => resolve()));
  let sent = 0;
  let kill: Promise<void> | null = null;
  const publishNext = () => {
    if (!publisher.connected) return;
    const id = `r${round}-m${sent++}`;
    publisher.publish(topicOf(round), id, { qos: 1 }, (error) => {
      if (error) return;
      acked.add(id);
      if (acked.size >= acksBeforeKill) kill ??= killed(broker.child);
      publishNext();
    });
  };
  for (let i = 0; i < WINDOW; i++) publishNext();
  await closed;
  // Should the broker have closed the connection on its own, it is killed all the same: the folder must be free.
  await (kill ?? killed(broker.child));
  publisher.end(true);
  return acked;
}

/** The ids queued for a session in the LevelDB folder, read through the persistence while no broker runs. */
async function storedFor(dir: string, clientId: string): Promise<string[]> {
  const provider = onDisk(dir);
  const persistence = await provider.open();
  const ids: string[] = [];
  const queue: AsyncIterable<{ payload: Buffer | string }> = persistence.outgoingStream({ id: clientId } as Parameters<typeof persistence.outgoingStream>[0]);
  for await (const packet of queue) ids.push(Buffer.from(packet.payload).toString());
  await provider.close();
  return ids;
}

/** Connects the session again and returns what it receives: every message queued for it, in the order they came. */
async function drain(broker: BrokerProcess, round: number, queued: string[]): Promise<string[]> {
  const subscriber: MqttClient = await clients.connect(broker.url, broker.login, { clientId: sessionOf(round), clean: false });
  const inbox = Inbox.of(subscriber);
  const payloads = () => inbox.on(topicOf(round)).map((m) => m.payload.toString());
  for (const id of queued) await inbox.waitFor((m) => m.topic === topicOf(round) && m.payload.toString() === id, `queued message ${id}`);
  await subscriber.endAsync();
  return payloads();
}

describe('a QoS 1 PUBACK from the embedded broker with LevelDB persistence', () => {
  it(
    `is only sent for a stored message: across ${KILLS} kills -9 while publishing, an away persistent session receives every acknowledged message exactly once`,
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'classroom-durable-ack-'));
      dirs.push(dir);
      const random = new Prng(SEED);
      const lost: string[] = [];
      const duplicated: string[] = [];
      let acknowledged = 0;
      let storedUnacknowledged = 0;
      let killsWithLoss = 0;

      let broker = await startBroker(dir);
      for (let round = 0; round < KILLS; round++) {
        // The session subscribes, then is away while the messages come.
        const session = await clients.connect(broker.url, broker.login, { clientId: sessionOf(round), clean: false });
        await subscribe(session, [topicOf(round)], 1);
        await session.endAsync();

        const acked = await publishUntilKilled(broker, round, random.int(ACKS_BEFORE_KILL.min, ACKS_BEFORE_KILL.max));
        const stored = await storedFor(dir, sessionOf(round));
        broker = await startBroker(dir);
        const received = await drain(broker, round, stored);

        acknowledged += acked.size;
        storedUnacknowledged += new Set(stored.filter((id) => !acked.has(id))).size;
        const times = new Map<string, number>();
        for (const id of received) times.set(id, (times.get(id) ?? 0) + 1);
        const lostBefore = lost.length;
        for (const id of acked) {
          const count = times.get(id) ?? 0;
          if (count === 0) lost.push(id);
          if (count > 1) duplicated.push(id);
        }
        if (lost.length > lostBefore) killsWithLoss++;
      }
      await killed(broker.child);

      console.log(
        `${KILLS} kills: ${acknowledged} messages acknowledged, ${lost.length} of them lost (after ${killsWithLoss} kills), ` +
          `${duplicated.length} duplicated; ` +
          `${storedUnacknowledged} stored before their acknowledgement got out`,
      );
      expect(acknowledged).toBeGreaterThan(0);
      expect(lost).toEqual([]);
      expect(duplicated).toEqual([]);
    },
    170_000,
  );
});

describe('acknowledging after the store', () => {
  it('publishes each message once and in order: one delivery to each subscriber, one retained message, all before the PUBACK', async () => {
    const { backend, internals } = await launchBackend({ classes: 0, tagger: false });
    backends.push(backend);
    const plain = 'classroom/v1/test/durable-ack/once';
    const retained = topic('classSummary', { classId: 'class-0042' });
    const seenInBroker = new Map<string, number>();
    const count = (payload: Buffer | string) => seenInBroker.set(payload.toString(), (seenInBroker.get(payload.toString()) ?? 0) + 1);
    internals.broker.spy(plain, (packet) => count(packet.payload));
    internals.broker.spy(retained, (packet) => count(packet.payload));
    const subscriber = await clients.connect(backend.mqttUrl, await serviceLogin(backend), { clean: false });
    await subscribe(subscriber, [plain, retained], 1);

    // One burst, so that many arrive in one network read: retained QoS 1, QoS 0 and plain QoS 1 messages mixed.
    const sent = Array.from({ length: 40 }, (_, i) => ({ id: `m${i}`, retain: i % 4 === 0, qos: i % 4 === 2 ? 0 : 1 }) as const);
    const publisher = await clients.connect(backend.mqttUrl, await serviceLogin(backend));
    const notYetSeenAtPuback: string[] = [];
    await Promise.all(
      sent.map(async ({ id, retain, qos }) => {
        await publisher.publishAsync(retain ? retained : plain, id, { qos, retain });
        if (qos === 1 && seenInBroker.get(id) !== 1) notYetSeenAtPuback.push(id);
      }),
    );
    await barrier(publisher);
    await barrier(subscriber);
    expect(notYetSeenAtPuback).toEqual([]);
    expect(sent.filter(({ id }) => seenInBroker.get(id) !== 1)).toEqual([]);
    const delivered = Inbox.of(subscriber).messages.map((m) => m.payload.toString());
    expect([...delivered].sort()).toEqual(sent.map(({ id }) => id).sort());
    // QoS 1 messages of one client arrive in the order sent (a QoS 0 one may overtake them, as in Aedes' own order).
    const qos1 = new Set<string>(sent.filter(({ qos }) => qos === 1).map(({ id }) => id));
    expect(delivered.filter((id) => qos1.has(id))).toEqual([...qos1]);

    const late = await clients.connect(backend.mqttUrl, await serviceLogin(backend));
    await subscribe(late, [retained], 1);
    await barrier(late);
    expect(Inbox.of(late).messages.map((m) => [m.payload.toString(), m.retain])).toEqual([['m36', true]]);
  });
});
