// The link is tested against the real embedded backend (broker, directory, token service), never a mock broker.
import { launchBackend, type BackendInternals, type RunningBackend } from '../../../services/backend';
import { serviceLogin } from '../../../services/testing/clients';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encode, topic } from '../../../shared/protocol';
import type { LinkConfig } from '../messages';
import { NetworkLink } from '../../../e2e/pages/NetworkLink';
import { LinkHarness, configFor as demoConfig, until } from './link-harness';

let backend: RunningBackend;
let internals: BackendInternals;
const harnesses: LinkHarness[] = [];
const clients: MqttClient[] = [];

/** Each describe block gets its own backend, so a broker restart in one cannot leave another mid-recovery. */
function withBackend(): void {
  beforeAll(async () => {
    ({ backend, internals } = await launchBackend({ classes: 6, simulate: false, seed: 7 }));
  });
  afterAll(async () => {
    await backend?.close();
  });
}

afterEach(async () => {
  for (const harness of harnesses.splice(0)) harness.send({ type: 'disconnect' });
  await Promise.all(clients.splice(0).map((client) => client.endAsync(true)));
});

function configFor(username: string, patch: Partial<LinkConfig> = {}): Promise<LinkConfig> {
  return demoConfig(backend, username, { pingIntervalMs: 200, ...patch });
}

function connect(config: LinkConfig): LinkHarness {
  const harness = new LinkHarness();
  harnesses.push(harness);
  harness.send({ type: 'connect', config });
  return harness;
}

async function serviceClient(): Promise<MqttClient> {
  const client = await mqtt.connectAsync(backend.mqttUrl, {
    ...(await serviceLogin(backend)),
    reconnectPeriod: 0,
  });
  clients.push(client);
  return client;
}

describe('LinkCore against the embedded backend', () => {
  withBackend();

  it('connects, receives every class summary as a supervisor, and measures the round trip', async () => {
    const link = connect(await configFor('supervisor1'));
    await until('connected', () => link.status?.state === 'connected');
    const classes = await until('six classes', () => (link.classes.size === 6 ? link.classes : undefined));
    expect([...classes.keys()].sort()).toEqual(['class-0001', 'class-0002', 'class-0003', 'class-0004', 'class-0005', 'class-0006']);
    const rtt = await until('a round-trip time', () => link.status?.rttMs ?? undefined);
    expect(rtt).toBeGreaterThanOrEqual(0);
  });

  it('gives a teacher only the classes in their scope', async () => {
    const link = connect(await configFor('teacher1'));
    await until('class-0001', () => link.classes.has('class-0001'));
    // Everything retained has arrived by now: the supervisor sees six classes on the same broker.
    const supervisor = connect(await configFor('supervisor1'));
    await until('six classes for the supervisor', () => supervisor.classes.size === 6);
    expect([...link.classes.keys()]).toEqual(['class-0001']);
  });

  it('maps CONNACK refusals to sign-in failures and stops retrying', async () => {
    const garbage = connect(await configFor('teacher1', { token: 'not-a-token', tokenExpiresAt: null }));
    const refused = await until('refusal', () => (garbage.status?.state === 'refused' ? garbage.status : undefined));
    expect(refused.failure).toBe('broker-refused');

    const teacherToken = (await configFor('teacher1')).token;
    const foreign = connect(await configFor('student1', { token: teacherToken }));
    const mismatch = await until('refusal', () => (foreign.status?.state === 'refused' ? foreign.status : undefined));
    expect(mismatch.failure).toBe('not-authorized');

    // A service's token pasted into the console: the broker refuses the console's client id for that identity.
    const serviceToken = await backend.serviceToken('board');
    const misplaced = connect(await configFor('teacher1', { userId: 'svc-board', token: serviceToken }));
    const wrongId = await until('refusal', () => (misplaced.status?.state === 'refused' ? misplaced.status : undefined));
    expect(wrongId.failure).toBe('client-id-refused');

    const expired = await internals.tokens.sign({ sub: 'teacher1', name: 'Teacher One', role: 'teacher', classes: ['class-0001'] }, -60);
    const stale = new LinkHarness();
    harnesses.push(stale);
    stale.onNeedToken = () => stale.send({ type: 'tokenUnavailable', message: 'the test has no fresh token' });
    stale.send({ type: 'connect', config: await configFor('teacher1', { token: expired.token, tokenExpiresAt: expired.expiresAt }) });
    const outdated = await until('refusal', () => (stale.status?.state === 'refused' ? stale.status : undefined));
    expect(outdated.failure).toBe('token-expired');

    const attemptsAfterRefusal = garbage.batches.filter((b) => b.status?.state === 'reconnecting').length;
    expect(attemptsAfterRefusal).toBe(0);
  });

  it('reports an unreachable backend on the first connect', async () => {
    const link = connect(await configFor('teacher1', { url: 'ws://127.0.0.1:1/mqtt' }));
    const status = await until('failure', () => (link.status?.state === 'unreachable' ? link.status : undefined));
    expect(status.failure).toBe('backend-unreachable');
  });

  it("follows a supervisor's list with the directory's changes once it has every page", async () => {
    const link = connect(await configFor('supervisor1'));
    const before = await until('six classes', () => (link.classes.size === 6 ? link.classes.get('class-0004') : undefined));
    const service = await serviceClient();
    const arrived = encode('presence', topic('presence', { classId: 'class-0004', userId: 'student9' }), {
      v: 1, userId: 'student9', name: 'Student Nine', role: 'student', online: true, ts: Date.now(),
    });
    await service.publishAsync(arrived.topic, Buffer.from(arrived.payload), { qos: 1, retain: true });
    await until('the new student counted', () => link.classes.get('class-0004')?.presence.students === before.presence.students + 1);
    await service.publishAsync(arrived.topic, Buffer.alloc(0), { qos: 1, retain: true });
    await until('the student gone again', () => link.classes.get('class-0004')?.presence.students === before.presence.students);
  });

  it('drops and counts malformed messages by reason, and keeps applying valid ones', async () => {
    // A teacher reads their classes' retained summaries (a supervisor reads pages and changes instead).
    const link = connect(await configFor('teacher1'));
    await until('class-0001', () => link.classes.has('class-0001'));
    const service = await serviceClient();
    const target = topic('classSummary', { classId: 'class-0001' });
    const bad: [string, Uint8Array | string][] = [
      ['garbage', 'hello, world'],
      ['truncated', '{"v":1,"id":"class-0001","title":'],
      ['wrong types', JSON.stringify({ v: 1, id: 42, title: ['x'] })],
      ['unknown version', JSON.stringify({ v: 2, id: 'class-0001' })],
      ['not utf-8', new Uint8Array([0xff, 0xfe, 0xfd])],
    ];
    for (const [, payload] of bad) await service.publishAsync(target, payload as string, { qos: 1 });

    // An oversized payload never gets this far: the embedded broker refuses it per kind (the codec tests cover the
    // link's own check, which protects it on brokers that cannot limit sizes per topic).
    const drops = await until('five drops', () => {
      const latest = link.batches.flatMap((b) => (b.drops ? [b.drops] : [])).at(-1);
      return latest && latest.total >= 5 ? latest : undefined;
    });
    expect(drops.counts).toMatchObject({ 'not-json': 2, schema: 1, 'unknown-version': 1, 'not-utf8': 1 });
    expect(drops.recent.every((drop) => !drop.detail.includes('hello, world'))).toBe(true);

    const current = link.classes.get('class-0001')!;
    const renamed = { ...current, title: 'Renamed after the garbage', updatedAt: current.updatedAt + 1 };
    const valid = encode('classSummary', target, renamed);
    await service.publishAsync(valid.topic, Buffer.from(valid.payload), { qos: 1 });
    await until('the valid update', () => link.classes.get('class-0001')?.title === 'Renamed after the garbage');
  });

  it('settles each request exactly once: a response, a remote error, or a timeout', async () => {
    const config = await configFor('student1');
    const link = connect(config);
    await until('connected', () => link.status?.state === 'connected');
    link.send({ type: 'request', id: 'echo-1', service: 'directory', method: 'echo', params: { hello: '你好' }, timeoutMs: 5_000 });
    link.send({ type: 'request', id: 'nope-1', service: 'directory', method: 'noSuchMethod', params: null, timeoutMs: 5_000 });
    await until('both settled', () => link.settled('echo-1').length > 0 && link.settled('nope-1').length > 0);
    expect(link.settled('echo-1')).toEqual([{ ok: true, result: { hello: '你好' } }]);
    expect(link.settled('nope-1')).toMatchObject([{ ok: false, code: 'remote' }]);

    // Nothing answers for the service 'nobody': the request times out, and a reply arriving later changes nothing.
    link.send({ type: 'request', id: 'late-1', service: 'nobody', method: 'echo', params: null, timeoutMs: 300 });
    await until('timeout', () => link.settled('late-1').length > 0);
    const service = await serviceClient();
    const reply = topic('reply', { userId: 'student1', sessionId: config.installId });
    const late = encode('reply', reply, { v: 1, id: 'late-1', ok: true, result: 'too late' });
    await service.publishAsync(late.topic, Buffer.from(late.payload), { qos: 1 });
    await until('the late reply noticed', () => link.batches.some((b) => b.notes?.some((n) => n.text.includes('late-1'))));
    expect(link.settled('late-1')).toEqual([{ ok: false, code: 'timeout', message: 'no response within 300 ms' }]);
  });

});

describe('LinkCore across broker restarts', () => {
  withBackend();

  it('keeps an action taken while the broker is down and delivers it after reconnecting', async () => {
    // A persistent-session subscriber stands in for the class's services: the broker queues the action for it.
    const controlTopic = topic('classControl', { classId: 'class-0001', userId: 'teacher1' });
    const watcherOptions = { ...(await serviceLogin(backend, { clientId: 'svc-tester-control-watcher' })), clean: false, reconnectPeriod: 0 };
    const watcher = await mqtt.connectAsync(backend.mqttUrl, watcherOptions);
    await watcher.subscribeAsync(controlTopic, { qos: 1 });
    await watcher.endAsync();

    const link = connect(await configFor('teacher1'));
    await until('connected', () => link.status?.state === 'connected');
    await backend.stopBroker();
    await until('reconnecting', () => link.status?.state === 'reconnecting');
    link.send({ type: 'act', id: 'end-class-0001', action: { kind: 'classControl', classId: 'class-0001', action: 'end' } });
    await until('one unsent action', () => link.unsent === 1);
    await backend.startBroker();
    await until('connected again', () => link.status?.state === 'connected');
    await until('the action acknowledged', () => link.unsent === 0);

    const received: unknown[] = [];
    const again = mqtt.connect(backend.mqttUrl, { ...watcherOptions, password: await backend.serviceToken('tester'), manualConnect: true });
    clients.push(again);
    again.on('message', (_topic, payload) => received.push(JSON.parse(payload.toString())));
    again.connect();
    await until('the action at its subscriber', () => received.length > 0);
    expect(received).toMatchObject([{ v: 1, action: 'end', requestId: 'end-class-0001' }]);
  });

  it('asks for a fresh token before expiry and uses it for the next connection', async () => {
    const config = await configFor('teacher1', { tokenExpiresAt: Date.now() + 1_500 });
    const link = new LinkHarness();
    harnesses.push(link);
    let refreshes = 0;
    link.onNeedToken = () => {
      refreshes++;
      void backend.issueToken('teacher1', 'demo').then((fresh) => {
        if (fresh.ok) link.send({ type: 'token', token: fresh.token.token, expiresAt: fresh.token.expiresAt });
      });
    };
    link.send({ type: 'connect', config });
    await until('connected', () => link.status?.state === 'connected');
    await until('a token request', () => refreshes > 0);
    // Stopped until the link says so: a restart can be over within one status batch, and 'reconnecting' never shows.
    await backend.stopBroker();
    await until('reconnecting', () => link.status?.state === 'reconnecting');
    await backend.startBroker();
    await until('connected again', () => link.status?.state === 'connected');
    expect(refreshes).toBe(1);
  });
});

describe('LinkCore on a network that drops silently', () => {
  withBackend();

  it('notices the silence through its own pings, says reconnecting, and is connected again once the network is back', async () => {
    const network = await NetworkLink.open(backend.httpUrl);
    try {
      const url = new URL(backend.wsUrl);
      url.host = new URL(network.url).host;
      // Keepalive alone would take about 22 s to notice; the link's pings (every 200 ms here) notice after 5 s.
      const link = connect(await configFor('teacher1', { url: url.toString() }));
      await until('connected', () => link.connected);
      await until('a round-trip time', () => typeof link.status?.rttMs === 'number');

      network.cut();
      await until('reconnecting', () => link.status?.state === 'reconnecting', 10_000);
      expect(link.events.some((e) => e.type === 'batch' && e.batch.notes?.some((n) => n.text.includes('treated as lost')))).toBe(true);

      network.restore();
      await until('connected again', () => link.connected, 20_000);
    } finally {
      await network.close();
    }
  });
});
