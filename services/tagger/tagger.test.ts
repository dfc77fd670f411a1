import type { MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encode } from '../../shared/protocol/codec';
import type { ClassSummary, Telemetry, TelemetryEvent } from '../../shared/protocol/messages';
import type { ClassHealth, ClassTags } from '../../shared/protocol/supervision';
import { topic } from '../../shared/protocol/topics';
import { launchBackend, type BackendInternals, type RunningBackend } from '../backend';
import { Clients, Inbox, subscribe, type Received, serviceLogin } from '../testing/clients';
import { audioReceive, audioSend, every } from './fixtures';
import { TaggerService } from './tagger';

let backend: RunningBackend;
let internals: BackendInternals;
const clients = new Clients();

beforeAll(async () => {
  ({ backend, internals } = await launchBackend({ classes: 0 }));
});
afterEach(() => clients.closeAll());
afterAll(() => backend.close());

async function serviceClient(): Promise<MqttClient> {
  return clients.connect(backend.mqttUrl, await serviceLogin(backend));
}

async function supervisor(classId: string): Promise<Inbox> {
  const issued = await backend.issueToken('supervisor1', 'demo');
  if (!issued.ok) throw new Error(issued.message);
  const client = await clients.connect(backend.mqttUrl, { username: 'supervisor1', password: issued.token.token });
  await subscribe(client, [topic('classTags', { classId }), topic('classHealth', { classId })]);
  return Inbox.of(client);
}

function summary(classId: string, teacherId: string): ClassSummary {
  return {
    v: 1, id: classId, title: `Class ${classId}`, teacher: { id: teacherId, name: 'Ms Teacher' }, state: 'live', region: 'eu-west',
    startsAt: 0, presence: { teachers: 1, students: 1 }, capacity: 2, updatedAt: Date.now(),
  };
}

/** Sends `events` as a console with a true clock does: the message stamped now. */
async function publish(client: MqttClient, classId: string, userId: string, events: TelemetryEvent[], id?: string, at = Date.now()): Promise<void> {
  const message: Telemetry = { v: 1, at, events, ...(id ? { id } : {}) };
  const out = encode('telemetry', topic('telemetry', { classId, userId }), message);
  await client.publishAsync(out.topic, Buffer.from(out.payload), { qos: out.qos });
}

const parse = <T>(m: Received) => JSON.parse(m.payload.toString()) as T;
const tagNames = (tags: ClassTags) => tags.tags.map((t) => `${t.tag} ${t.userId}`).sort();

describe('tagger service, through the broker', () => {
  it("publishes retained tags and health for a class: the teacher speaks and the student can't hear", async () => {
    const classId = 'class-hear';
    const client = await serviceClient();
    const out = encode('classSummary', topic('classSummary', { classId }), summary(classId, 'teacher7'));
    await client.publishAsync(out.topic, Buffer.from(out.payload), { qos: 1, retain: true });
    const inbox = await supervisor(classId);
    // The last 25 s of both consoles' reports, in one batch each (a console that sends late still stamps it now).
    const from = Date.now() - 25_000;
    await publish(client, classId, 'teacher7', every(from, from + 25_000, 5_000, (at) => audioSend(at, 32, { audioLevel: 0.4 })));
    await publish(client, classId, 'student7', every(from, from + 25_000, 5_000, (at) => audioReceive(at, 'teacher7', 0)));

    const tagsTopic = topic('classTags', { classId });
    const tags = parse<ClassTags>(await inbox.waitFor((m) => m.topic === tagsTopic && tagNames(parse<ClassTags>(m)).includes('stream.cant-hear student7'), "can't hear"));
    expect(tags.setAside).toEqual({ late: 0, future: 0, duplicate: 0 });
    expect(tagNames(tags)).toEqual(['stream.cant-hear student7', 'stream.normal teacher7']);
    // Held from where the silent reports began: the first one covers the 5 s before it.
    const since = tags.tags.find((t) => t.tag === 'stream.cant-hear')!.since;
    expect(since - (from - 5_000)).toBeGreaterThanOrEqual(0);
    expect(since - (from - 5_000)).toBeLessThan(2_000);
    const health = await inbox.waitFor((m) => m.topic === topic('classHealth', { classId }) && parse<ClassHealth>(m).severity !== 'ok', 'critical health');
    expect(parse<ClassHealth>(health)).toMatchObject({
      classId, title: `Class ${classId}`, teacher: { id: 'teacher7' }, region: 'eu-west', state: 'live', severity: 'critical',
      problems: [{ tag: 'stream.cant-hear', userId: 'student7', since }],
    });

    // Retained: a console that looks later gets the same.
    const late = await supervisor(classId);
    expect(parse<ClassTags>(await late.waitForTopic(tagsTopic)).tags).toEqual(tags.tags);
  });

  it('corrects a skewed clock, sets aside what is still implausible, counts each, and drops malformed telemetry without stopping', async () => {
    const classId = 'class-bad-input';
    const client = await serviceClient();
    const inbox = await supervisor(classId);
    const fail = (at: number): TelemetryEvent => ({ type: 'draw', at, ok: false });
    const now = Date.now();
    // A console whose clock runs 40 s ahead: its message and events say so alike, and are used.
    await publish(client, classId, 'student8', [fail(now + 40_000 - 1_000)], 'batch-1', now + 40_000);
    await publish(client, classId, 'student8', [fail(now + 40_000 - 1_000)], 'batch-1', now + 40_000); // replayed
    await client.publishAsync(topic('telemetry', { classId, userId: 'student8' }), '{"v":1,"at":1,"events":[{"type":"draw"}]}');
    // Still a minute ahead of its own message after correction, and a minute behind it: set aside.
    await publish(client, classId, 'student8', [fail(now + 40_000 + 60_000), fail(now + 40_000 - 60_000)], undefined, now + 40_000);
    await publish(client, classId, 'student8', [fail(now + 40_000)], undefined, now + 40_000);

    const counted = await inbox.waitFor((m) => m.topic === topic('classTags', { classId }) && parse<ClassTags>(m).setAside.late > 0 && parse<ClassTags>(m).tags.some((t) => t.tag === 'course.cant-draw'), 'the counts');
    const tags = parse<ClassTags>(counted);
    expect(tags.setAside).toEqual({ late: 1, future: 1, duplicate: 1 });
    // Two failed attempts were used (the skewed ones, corrected), and they are "can't draw", held from about now.
    expect(tagNames(tags)).toEqual(['course.cant-draw student8']);
    expect(Math.abs(tags.tags[0]!.since - (now - 1_000))).toBeLessThan(2_000);
    expect(internals.tagger!.drops.counts.schema).toBeGreaterThanOrEqual(1);
  });

  it('takes over its published tags after a restart, so lasting states and since survive', async () => {
    const classId = 'class-restart';
    const client = await serviceClient();
    const inbox = await supervisor(classId);
    const failedAt = Date.now() - 15_000;
    await publish(client, classId, 'student9', [{ type: 'init', at: failedAt, component: 'media', ok: false, error: 'NotReadableError' }]);
    const before = parse<ClassTags>(await inbox.waitFor((m) => m.topic === topic('classTags', { classId }) && parse<ClassTags>(m).tags.length > 0, 'the failure'));
    expect(tagNames(before)).toEqual(['entry.init-failed.media student9']);

    await internals.tagger!.stop();
    const link = { url: backend.mqttUrl, token: (name: string) => backend.serviceToken(name), refreshEveryMs: 60_000 };
    const restarted = await TaggerService.start({ link, root: 'classroom' });
    try {
      await expect.poll(() => restarted.tags(classId)?.tags).toEqual(before.tags);
      // The failure is not sent again after the restart, yet it still holds; the entry, sent now, joins it.
      await publish(client, classId, 'student9', [{ type: 'entry', at: Date.now(), step: 'ready', ms: 2_000 }]);
      await expect.poll(() => restarted.tags(classId) && tagNames(restarted.tags(classId)!)).toEqual(['entry.entered student9', 'entry.init-failed.media student9']);
      expect(restarted.tags(classId)?.tags.find((t) => t.tag === 'entry.init-failed.media')?.since).toBe(before.tags[0]!.since);
    } finally {
      await restarted.stop();
    }
  });
});
