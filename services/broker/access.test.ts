import type { MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, type Claims } from '../../shared/auth/claims';
import { encode } from '../../shared/protocol/codec';
import { filter, topic } from '../../shared/protocol/topics';
import { launchBackend, type BackendInternals, type RunningBackend } from '../backend';
import { TokenService } from '../auth/tokens';
import { DEMO_ACCOUNTS, UserStore } from '../auth/users';
import { Clients, Inbox, publishOutcome, subscribe } from '../conformance/clients';
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

    const service = await clients.connect(backend.mqttUrl, { username: 'service', password: await backend.serviceToken() });
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
