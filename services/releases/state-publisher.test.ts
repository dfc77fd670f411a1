import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encode } from '../../shared/protocol/codec';
import type { Presence } from '../../shared/protocol/messages';
import type { ReleaseAdoption, ReleaseHealth, ReleaseState } from '../../shared/protocol/releases';
import type { ClassTags } from '../../shared/protocol/supervision';
import { topic } from '../../shared/protocol/topics';
import { launchBackend, type RunningBackend } from '../backend';
import { Clients, Inbox, subscribe, type Received } from '../testing/clients';
import { ReleaseAdmin, checkFeed, expectOk } from './testing/release-admin';

/**
 * The release state reaches consoles over the broker: the release service (svc-releases) publishes it retained after
 * every change and adoption and health on its timer; admins and supervisors read it, nobody else does, and nobody but
 * the service can publish it (shared/protocol/acl.test.ts).
 */
const clients = new Clients();
let backend: RunningBackend;
let admin: ReleaseAdmin;
let supervisor: MqttClient;

const STATE = topic('releaseState', {});
const ADOPTION = topic('releaseAdoption', {});
const HEALTH = topic('releaseHealth', {});

async function person(username: string): Promise<MqttClient> {
  const issued = await backend.issueToken(username, 'demo');
  if (!issued.ok) throw new Error(issued.message);
  return clients.connect(backend.mqttUrl, { username, password: issued.token.token });
}

function parse<T>(message: Received): T {
  return JSON.parse(message.payload.toString('utf8')) as T;
}

/** The newest message on a topic that satisfies `match`, waiting for one. */
async function latest<T>(client: MqttClient, name: string, match: (message: T) => boolean, what: string): Promise<T> {
  return parse<T>(await Inbox.of(client).waitFor((m) => m.topic === name && match(parse<T>(m)), what));
}

beforeAll(async () => {
  ({ backend } = await launchBackend({ classes: 0, tagger: false, releases: { publishEveryMs: 100, adoptionSampleMs: 100, gate: { minSessions: 4 } } }));
  admin = await ReleaseAdmin.signIn(backend.httpUrl);
  supervisor = await person('supervisor1');
  expect(await subscribe(supervisor, [STATE, ADOPTION, HEALTH])).toEqual([1, 1, 1]);
});

afterAll(async () => {
  await clients.closeAll();
  await backend.close();
});

describe('release state over the broker', () => {
  it('publishes each admin action at once, retained, to admins and supervisors', async () => {
    await admin.publishRelease('3.0.0');
    await expectOk(admin.rollout('3.0.0', 'broad', 100));
    await admin.publishRelease('3.1.0');
    await expectOk(admin.rollout('3.1.0', 'canary', 10));
    const state = await latest<ReleaseState>(supervisor, STATE, (s) => s.releases.some((r) => r.version === '3.1.0' && r.rollout.canary === 10), '3.1.0 at 10% in canary');
    expect(state.releases.map((r) => r.version)).toEqual(['3.0.0', '3.1.0']);
    expect(state.releases[1]).toMatchObject({ platforms: ['linux'], halted: null, revoked: null, notes: 'Release 3.1.0' });

    // A console that connects later gets the current state from the retained message.
    const late = await person('admin1');
    expect(await subscribe(late, [STATE])).toEqual([1]);
    const retained = await Inbox.of(late).waitForTopic(STATE);
    expect(retained.retain).toBe(true);
    expect(parse<ReleaseState>(retained).releases.find((r) => r.version === '3.1.0')?.rollout.canary).toBe(10);
  });

  it('refuses the release topics to teachers and students', async () => {
    expect(await subscribe(await person('student1'), [STATE, ADOPTION, HEALTH])).toEqual([128, 128, 128]);
    expect(await subscribe(await person('teacher1'), [STATE])).toEqual([128]);
  });

  it('publishes adoption per version and ring over time as installs check', async () => {
    for (let i = 0; i < 20; i++) await checkFeed(backend.httpUrl, { installId: `install-${i}`, version: '3.0.0' });
    const on300 = (counts: ReleaseAdoption['counts']) => counts.reduce((n, c) => n + (c.version === '3.0.0' ? c.installs : 0), 0);
    // The history is sampled on its own clock: a sample taken before the checks is empty, so wait for one after them.
    const adoption = await latest<ReleaseAdoption>(supervisor, ADOPTION, (a) => on300(a.counts) === 20 && on300(a.history.at(-1)?.counts ?? []) === 20, '20 installs on 3.0.0, now and in the history');
    expect(adoption.history.length).toBeGreaterThan(0);
  });

  it('publishes health per version and the gate halting a bad release, with why', async () => {
    const classroom = await clients.connect(backend.mqttUrl, { username: 'svc-simulator', password: await backend.serviceToken('simulator') });
    const users = ['n1', 'n2', 'n3', 'n4', 'n5'];
    for (const userId of users) {
      const presence: Presence = { v: 1, userId, name: userId, role: 'student', online: true, appVersion: '3.1.0', ts: Date.now() };
      const out = encode('presence', topic('presence', { classId: 'class-r', userId }), presence);
      await classroom.publishAsync(out.topic, Buffer.from(out.payload), { qos: 1, retain: true });
    }
    const tags: ClassTags = {
      v: 1, classId: 'class-r', windowEnd: Date.now(), ts: Date.now(), setAside: { late: 0, future: 0, duplicate: 0 }, heard: [],
      tags: users.map((userId) => ({ tag: 'course.load-failed' as const, userId, since: 5_000, evidence: 'test' })),
    };
    const out = encode('classTags', topic('classTags', { classId: 'class-r' }), tags);
    await classroom.publishAsync(out.topic, Buffer.from(out.payload), { qos: 1, retain: true });

    const state = await latest<ReleaseState>(supervisor, STATE, (s) => s.gateEvents.length > 0, 'a halt by the gate');
    expect(state.gateEvents[0]).toMatchObject({ version: '3.1.0', reason: expect.stringMatching(/^health gate \(canary\): problem tags/) });
    expect(state.releases.find((r) => r.version === '3.1.0')?.halted).toMatchObject({ byGate: true, by: 'health-gate' });
    const health = await latest<ReleaseHealth>(supervisor, HEALTH, (h) => h.versions.some((v) => v.version === '3.1.0' && v.rings.some((r) => r.halt)), 'health saying halt');
    const canary = health.versions.find((v) => v.version === '3.1.0')!.rings.find((r) => r.ring === 'canary')!;
    expect(canary).toMatchObject({ counts: { sessions: 5 }, baseline: { version: '3.0.0' }, halt: true });
  });
});
