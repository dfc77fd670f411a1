import type { MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encode } from '../../shared/protocol/codec';
import type { Presence } from '../../shared/protocol/messages';
import type { ClassTags } from '../../shared/protocol/supervision';
import { topic } from '../../shared/protocol/topics';
import { launchBackend, type BackendInternals, type RunningBackend } from '../backend';
import { Clients } from '../testing/clients';
import { ReleaseAdmin, expectOk } from './testing/release-admin';

/**
 * The health gate fed by the classroom, over the real broker: participants' presence says which app version they run,
 * the tagger's retained tags say which of them have problems, and the release service's intake (service `releases`
 * on the service host) turns that into counts per version, which halt a bad rollout.
 */
const clients = new Clients();
let backend: RunningBackend;
let internals: BackendInternals;
let classroom: MqttClient;

beforeAll(async () => {
  ({ backend, internals } = await launchBackend({ classes: 0, tagger: false }));
  const admin = await ReleaseAdmin.signIn(backend.httpUrl);
  await admin.publishRelease('8.0.0');
  await expectOk(admin.rollout('8.0.0', 'broad', 100));
  await admin.publishRelease('8.1.0');
  await expectOk(admin.rollout('8.1.0', 'canary', 100));
  // Stands in for the simulator and the tagger: services publish presence of participants and the tags.
  classroom = await clients.connect(backend.mqttUrl, { username: 'svc-simulator', password: await backend.serviceToken('simulator') }, { clientId: 'svc-simulator-1' });
});

afterAll(async () => {
  await clients.closeAll();
  await backend.close();
});

function appear(classId: string, userId: string, appVersion: string): Promise<unknown> {
  const message: Presence = { v: 1, userId, name: userId, role: 'student', online: true, appVersion, ts: Date.now() };
  const out = encode('presence', topic('presence', { classId, userId }), message);
  return classroom.publishAsync(out.topic, Buffer.from(out.payload), { qos: 1, retain: true });
}

function tag(classId: string, userIds: readonly string[], tagId: ClassTags['tags'][number]['tag']): Promise<unknown> {
  const message: ClassTags = {
    v: 1,
    classId,
    windowEnd: Date.now(),
    tags: userIds.map((userId) => ({ tag: tagId, userId, since: 1_000, evidence: 'test' })),
    setAside: { late: 0, future: 0, duplicate: 0 }, heard: [],
    ts: Date.now(),
  };
  const out = encode('classTags', topic('classTags', { classId }), message);
  return classroom.publishAsync(out.topic, Buffer.from(out.payload), { qos: 1, retain: true });
}

describe('the health gate fed by classroom tags per app version', () => {
  it('counts sessions, problem-tag episodes and failed entries per version, each once', async () => {
    await appear('class-a', 'old1', '8.0.0');
    await appear('class-a', 'old2', '8.0.0');
    await tag('class-a', ['old1'], 'stream.cant-hear');
    await tag('class-a', ['old1'], 'stream.cant-hear'); // the same episode again
    await expect.poll(() => internals.releases.gate.countsFor('8.0.0', 'broad')).toEqual({ sessions: 2, problemTags: 1, failedEntries: 0 });
  });

  it('halts the rollout whose participants raise problem tags, and says why', async () => {
    const users = Array.from({ length: 24 }, (_, i) => `new${i}`);
    for (const user of users) await appear('class-b', user, '8.1.0');
    await tag('class-b', users.slice(0, 12), 'entry.init-failed.media');
    await expect.poll(() => internals.releases.release('8.1.0').halted).toMatchObject({
      by: 'health-gate',
      byGate: true,
      // Judged as the tags arrive: it halts at the first count past the threshold.
      reason: expect.stringMatching(/^health gate \(canary\): .*failed entries [\d.]+ per session against 0 for 8\.0\.0 \(more than 2×\)$/),
    });
    await expect.poll(() => internals.releases.gate.countsFor('8.1.0', 'canary')).toEqual({ sessions: 24, problemTags: 12, failedEntries: 12 });
    const halts = (await (await ReleaseAdmin.signIn(backend.httpUrl)).auditLines()).filter((e) => e.action === 'release-halted');
    expect(halts).toHaveLength(1);
  });
});
