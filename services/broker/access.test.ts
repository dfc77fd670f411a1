import type { MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, type Claims } from '../../shared/auth/claims';
import { encode } from '../../shared/protocol/codec';
import { filter, topic } from '../../shared/protocol/topics';
import { launchBackend, type BackendInternals, type RunningBackend } from '../backend';
import { TokenService } from '../auth/tokens';
import { DEMO_ACCOUNTS, UserStore } from '../auth/users';
import { barrier, Clients, Inbox, publishOutcome, subscribe, serviceLogin } from '../testing/clients';
import type { Denial } from './access';

let backend: RunningBackend;
let internals: BackendInternals;
const denials: Denial[] = [];
const clients = new Clients();

beforeAll(async () => {
  ({ backend, internals } = await launchBackend({ classes: 0, onDenied: (d) => denials.push(d) }));
});
afterEach(() => clients.closeAll());
afterAll(() => backend.close());

async function tokenOf(username: string): Promise<string> {
  const result = await backend.issueToken(username, 'demo');
  if (!result.ok) throw new Error(result.message);
  return result.token.token;
}

const student1: Claims = { sub: 'student1', name: 'Student One', role: 'student', classes: ['class-0001'] };

function closed(client: MqttClient): Promise<void> {
  return new Promise((resolve) => (client.connected ? client.once('close', () => resolve()) : resolve()));
}

describe('CONNACK codes of the embedded broker', () => {
  it('answers 4 (bad username or password) to an expired token', async () => {
    const expired = await internals.tokens.sign(student1, -5);
    expect(await clients.refusal(backend.mqttUrl, { username: 'student1', password: expired.token })).toBe(4);
  });

  it('answers 4 to a token signed with another key', async () => {
    const foreign = await TokenService.create(await UserStore.create(DEMO_ACCOUNTS), { ttlSeconds: 900 });
    const token = (await foreign.sign(student1)).token;
    expect(await clients.refusal(backend.mqttUrl, { username: 'student1', password: token })).toBe(4);
  });

  it.each([
    ['garbage', 'not a token'],
    ['an empty password', ''],
  ])('answers 4 to %s', async (_name, password) => {
    expect(await clients.refusal(backend.mqttUrl, { username: 'student1', password })).toBe(4);
  });

  it('answers 4 to an unsigned token (alg "none")', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ ...student1, role: 'service', classes: '*', iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, exp: 9e9 })).toString('base64url');
    expect(await clients.refusal(backend.mqttUrl, { username: 'student1', password: `${header}.${body}.` })).toBe(4);
  });

  it("answers 5 (not authorised) to a valid token under another user's name", async () => {
    expect(await clients.refusal(backend.mqttUrl, { username: 'teacher1', password: await tokenOf('student1') })).toBe(5);
    expect(denials.at(-1)).toMatchObject({ action: 'connect', why: expect.stringContaining("not the token's subject") });
  });

  it('answers 5 to a last will the user could not publish', async () => {
    const will = encode('presence', topic('presence', { classId: 'class-0002', userId: 'student1' }), {
      v: 1, userId: 'student1', name: 'x', role: 'student', online: false, ts: 1,
    });
    const code = await clients.refusal(
      backend.mqttUrl,
      { username: 'student1', password: await tokenOf('student1') },
      { will: { topic: will.topic, payload: Buffer.from(will.payload), qos: 1, retain: true } },
    );
    expect(code).toBe(5);
  });
});

describe('publishing on the embedded broker', () => {
  it('refuses to retain a message of a kind that is never retained, and disconnects the sender', async () => {
    const teacher = await clients.connect(backend.mqttUrl, { username: 'teacher1', password: await tokenOf('teacher1') });
    const message = encode('classControl', topic('classControl', { classId: 'class-0001', userId: 'teacher1' }), { v: 1, action: 'end', requestId: 'r', ts: 1 });
    expect(await publishOutcome(teacher, message.topic, Buffer.from(message.payload), { qos: 1, retain: true })).toBe('closed');
    expect(denials.at(-1)).toMatchObject({ action: 'publish', user: 'teacher1', why: expect.stringContaining('retained') });

    const service = await clients.connect(backend.mqttUrl, await serviceLogin(backend));
    await subscribe(service, [filter('classControl'), filter('presence', { classId: 'class-0001' })]);
    const marker = encode('presence', topic('presence', { classId: 'class-0001', userId: 'marker' }), { v: 1, userId: 'marker', name: 'm', role: 'student', online: true, ts: 1 });
    await service.publishAsync(marker.topic, Buffer.from(marker.payload), { qos: 1, retain: true });
    await Inbox.of(service).waitForTopic(marker.topic);
    expect(Inbox.of(service).on(message.topic)).toEqual([]);
  });
});

describe('oversized packets', () => {
  it('closes a connection that announces a huge packet, before buffering it, and keeps serving others', async () => {
    const student = await clients.connect(backend.mqttUrl, { username: 'student1', password: await tokenOf('student1') });
    // A PUBLISH fixed header announcing 256 MB; the body never needs to arrive.
    student.stream.write(Buffer.from([0x30, 0xff, 0xff, 0xff, 0x7f]));
    await closed(student);
    const other = await clients.connect(backend.mqttUrl, { username: 'student2', password: await tokenOf('student2') });
    expect(other.connected).toBe(true);
  });
});

describe('token expiry', () => {
  it('by default checks a token only when the connection opens', async () => {
    const shortLived = await internals.tokens.sign(student1, 1);
    const student = await clients.connect(backend.mqttUrl, { username: 'student1', password: shortLived.token });
    while (Date.now() <= shortLived.expiresAt) await new Promise((resolve) => setTimeout(resolve, 100));
    const probe = topic('ping', { userId: 'student1', sessionId: 'after-expiry' });
    await subscribe(student, [probe]);
    await student.publishAsync(probe, Buffer.from('{"v":1,"seq":1,"sentAt":1}'));
    await Inbox.of(student).waitForTopic(probe);
    expect(await clients.refusal(backend.mqttUrl, { username: 'student1', password: shortLived.token })).toBe(4);
  });

  it('with disconnectOnTokenExpiry, closes a connection when its token expires', async () => {
    const strict = await launchBackend({ classes: 0, disconnectOnTokenExpiry: true, onDenied: (d) => denials.push(d) });
    try {
      const shortLived = await strict.internals.tokens.sign(student1, 1);
      const student = await clients.connect(strict.backend.mqttUrl, { username: 'student1', password: shortLived.token });
      await closed(student);
      expect(denials.some((d) => d.user === 'student1' && d.why.includes('token expired'))).toBe(true);
      expect(await clients.refusal(strict.backend.mqttUrl, { username: 'student1', password: shortLived.token })).toBe(4);
    } finally {
      await clients.closeAll();
      await strict.backend.close();
    }
  });
});

describe('commands and supervisor topics', () => {
  function command(classId: string, userId: string, action: string, by: string) {
    return encode('command', topic('command', { classId, userId }), { v: 1, id: `c-${Math.random().toString(36).slice(2, 10)}`, action: action as 'mute', by, params: {}, ts: Date.now() });
  }

  async function as(user: string) {
    return clients.connect(backend.mqttUrl, { username: user, password: await tokenOf(user) });
  }

  async function student1Commands() {
    const student = await as('student1');
    await subscribe(student, [topic('command', { classId: 'class-0001', userId: 'student1' })]);
    return student;
  }

  it.each(['restart-media', 'switch-line', 'reload-courseware'])('refuses a teacher sending the remedy %s', async (action) => {
    const student = await student1Commands();
    const teacher = await as('teacher1');
    const message = command('class-0001', 'student1', action, 'teacher1');
    expect(await publishOutcome(teacher, message.topic, Buffer.from(message.payload))).toBe('closed');
    expect(denials.at(-1)).toMatchObject({ action: 'publish', user: 'teacher1', why: `${action} is a remedy: supervisors and the dispatcher send those` });
    await barrier(student);
    expect(Inbox.of(student).on(message.topic)).toEqual([]);
  });

  it.each(['mute', 'unmute', 'remove', 'resync-board'])("lets a teacher send %s in their own class", async (action) => {
    const student = await student1Commands();
    const teacher = await as('teacher1');
    const message = command('class-0001', 'student1', action, 'teacher1');
    expect(await publishOutcome(teacher, message.topic, Buffer.from(message.payload))).toBe('acked');
    await Inbox.of(student).waitForTopic(message.topic);
  });

  it('lets a supervisor send a remedy as themselves, and nobody send a command signed by someone else', async () => {
    const student = await student1Commands();
    const supervisor = await as('supervisor1');
    const remedy = command('class-0001', 'student1', 'switch-line', 'supervisor1');
    expect(await publishOutcome(supervisor, remedy.topic, Buffer.from(remedy.payload))).toBe('acked');
    await Inbox.of(student).waitForTopic(remedy.topic);

    const forged = command('class-0001', 'student1', 'switch-line', 'dispatcher');
    expect(await publishOutcome(await as('supervisor1'), forged.topic, Buffer.from(forged.payload))).toBe('closed');
    expect(denials.at(-1)).toMatchObject({ user: 'supervisor1', why: 'a command naming dispatcher as its author, from supervisor1' });
    const teacherAsSupervisor = command('class-0001', 'student1', 'mute', 'supervisor1');
    expect(await publishOutcome(await as('teacher1'), teacherAsSupervisor.topic, Buffer.from(teacherAsSupervisor.payload))).toBe('closed');
    const garbage = topic('command', { classId: 'class-0001', userId: 'student1' });
    expect(await publishOutcome(await as('teacher1'), garbage, Buffer.from('{"v":1,"action":"mute"}'))).toBe('closed');
    expect(denials.at(-1)?.why).toMatch(/^not a valid command: command: /);
    await barrier(student);
    expect(Inbox.of(student).messages.map((m) => JSON.parse(m.payload.toString()).id)).toEqual([JSON.parse(Buffer.from(remedy.payload).toString()).id]);
  });

  it("refuses commands from students, and a teacher's to another class", async () => {
    const student2 = await as('student2');
    await subscribe(student2, [topic('command', { classId: 'class-0002', userId: 'student2' })]);
    const fromStudent = command('class-0001', 'student1', 'mute', 'student1');
    expect(await publishOutcome(await as('student1'), fromStudent.topic, Buffer.from(fromStudent.payload))).toBe('closed');
    const elsewhere = command('class-0002', 'student2', 'mute', 'teacher1');
    expect(await publishOutcome(await as('teacher1'), elsewhere.topic, Buffer.from(elsewhere.payload))).toBe('closed');
    await barrier(student2);
    expect(Inbox.of(student2).messages).toEqual([]);
  });

  it.each(['student1', 'teacher1'])("refuses %s the supervisors' topics", async (user) => {
    const client = await as(user);
    const filters = [
      filter('classTags'), filter('classHealth'), filter('helpState'), topic('supervisorMetrics', {}),
      topic('classTags', { classId: 'class-0001' }), 'classroom/v1/supervise/#',
      filter('help', { classId: 'class-0001' }), filter('commandAck', { classId: 'class-0001' }), filter('telemetry', { classId: 'class-0001' }),
    ];
    const granted = await subscribe(client, filters);
    // Teachers read their class's command answers; nothing else here is theirs.
    expect(granted).toEqual(filters.map((f) => (user === 'teacher1' && f === filter('commandAck', { classId: 'class-0001' }) ? 1 : 128)));
  });
});
