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
import { WINDOW_MS } from './time';

let backend: RunningBackend;
let internals: BackendInternals;
const clients = new Clients();

beforeAll(async () => {
  ({ backend, internals } = await launchBackend({ classes: 0 }));
});
afterEach(() => clients.closeAll());
afterAll(() => backend.close());

/** A window start five minutes back: events from there on are in the past, so windows close by watermark alone. */
const pastWindow = () => Math.floor((Date.now() - 5 * 60_000) / WINDOW_MS) * WINDOW_MS;

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

async function publish(client: MqttClient, classId: string, userId: string, events: TelemetryEvent[], id?: string): Promise<void> {
  const message: Telemetry = { v: 1, at: Math.max(...events.map((e) => e.at ?? 0)), events, ...(id ? { id } : {}) };
  const out = encode('telemetry', topic('telemetry', { classId, userId }), message);
  await client.publishAsync(out.topic, Buffer.from(out.payload), { qos: out.qos });
}

/** Events in 2 s batches per participant, everyone's batches in time order, as clients send them. */
async function play(client: MqttClient, classId: string, streams: Record<string, TelemetryEvent[]>): Promise<void> {
  const batches: { userId: string; at: number; events: TelemetryEvent[] }[] = [];
  for (const [userId, events] of Object.entries(streams)) {
    for (let i = 0; i < events.length; i += 2) batches.push({ userId, at: events[i]!.at!, events: events.slice(i, i + 2) });
  }
  batches.sort((a, b) => a.at - b.at);
  for (const batch of batches) await publish(client, classId, batch.userId, batch.events);
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
    const t0 = pastWindow();
    await play(client, classId, {
      teacher7: every(t0, t0 + 30_000, 1_000, (at) => audioSend(at, 32, { audioLevel: 0.4 })),
      student7: every(t0, t0 + 30_000, 1_000, (at) => audioReceive(at, 'teacher7', 0)),
    });
    await publish(client, classId, 'student7', [{ type: 'entry', at: t0 + 40_000, step: 'token', ms: 0 }]);

    const tagsTopic = topic('classTags', { classId });
    // The sliding join sees it first, in the window ending 15 s after the streams began; the tumbling window adds "normal".
    const first = parse<ClassTags>(await inbox.waitForTopic(tagsTopic));
    expect(first).toMatchObject({ classId, windowEnd: t0 + 15_000, tags: [{ tag: 'stream.cant-hear', userId: 'student7', since: t0 }] });
    const tags = parse<ClassTags>(await inbox.waitFor((m) => m.topic === tagsTopic && parse<ClassTags>(m).windowEnd === t0 + 30_000, 'the tumbling window'));
    expect(tags.setAside).toEqual({ late: 0, future: 0, duplicate: 0 });
    expect(tagNames(tags)).toEqual(['stream.cant-hear student7', 'stream.normal teacher7']);
    const health = await inbox.waitFor((m) => m.topic === topic('classHealth', { classId }) && parse<ClassHealth>(m).severity !== 'ok', 'critical health');
    expect(parse<ClassHealth>(health)).toMatchObject({
      classId, title: `Class ${classId}`, teacher: { id: 'teacher7' }, region: 'eu-west', state: 'live', severity: 'critical',
      problems: [{ tag: 'stream.cant-hear', userId: 'student7', since: t0 }],
    });

    // Retained: a console that looks later gets the same.
    const late = await supervisor(classId);
    expect(parse<ClassTags>(await late.waitForTopic(tagsTopic)).tags).toEqual(tags.tags);
  });

  it('sets aside late, future and replayed telemetry, counts each, and drops malformed telemetry without stopping', async () => {
    const classId = 'class-bad-input';
    const client = await serviceClient();
    const inbox = await supervisor(classId);
    const t0 = pastWindow();
    const fail = (at: number): TelemetryEvent => ({ type: 'draw', at, ok: false });
    await publish(client, classId, 'student8', [fail(t0 + 1_000)], 'batch-1');
    await publish(client, classId, 'student8', [fail(t0 + 1_000)], 'batch-1'); // replayed
    await publish(client, classId, 'student8', [fail(Date.now() + 60_000)]); // stamped a minute ahead
    await client.publishAsync(topic('telemetry', { classId, userId: 'student8' }), '{"v":1,"at":1,"events":[{"type":"draw"}]}');
    await publish(client, classId, 'student8', [{ type: 'entry', at: t0 + 40_000, step: 'token', ms: 0 }]);
    await publish(client, classId, 'student8', [fail(t0 + 2_000), fail(t0 + 3_000)]); // its window has closed
    await publish(client, classId, 'student8', [{ type: 'entry', at: t0 + 70_000, step: 'token', ms: 0 }]);

    const counted = await inbox.waitFor((m) => m.topic === topic('classTags', { classId }) && parse<ClassTags>(m).setAside.late > 0, 'the late count');
    const tags = parse<ClassTags>(counted);
    expect(tags.setAside).toEqual({ late: 2, future: 1, duplicate: 1 });
    // One failed drawing attempt was used; the replay and the late ones never made it "can't draw".
    expect(tagNames(tags)).toEqual(['course.normal student8']);
    expect(internals.tagger!.drops.counts.schema).toBeGreaterThanOrEqual(1);
  });

  it('takes over its published tags after a restart, so lasting states and since survive', async () => {
    const classId = 'class-restart';
    const client = await serviceClient();
    const inbox = await supervisor(classId);
    const t0 = pastWindow();
    await publish(client, classId, 'student9', [
      { type: 'init', at: t0 + 1_000, component: 'media', ok: false, error: 'NotReadableError' },
      { type: 'entry', at: t0 + 40_000, step: 'token', ms: 0 },
    ]);
    const before = parse<ClassTags>(await inbox.waitForTopic(topic('classTags', { classId })));
    expect(tagNames(before)).toEqual(['entry.init-failed.media student9']);

    await internals.tagger!.stop();
    const link = { url: backend.mqttUrl, token: (name: string) => backend.serviceToken(name), refreshEveryMs: 60_000 };
    const restarted = await TaggerService.start({ link, root: 'classroom' });
    try {
      await expect.poll(() => restarted.tags(classId)?.tags).toEqual(before.tags);
      // The failure is not sent again after the restart, yet it still holds; the entry, sent now, joins it.
      await publish(client, classId, 'student9', [{ type: 'entry', at: t0 + 41_000, step: 'ready', ms: 2_000 }]);
      await publish(client, classId, 'student9', [{ type: 'entry', at: t0 + 80_000, step: 'token', ms: 0 }]);
      await expect.poll(() => restarted.tags(classId) && tagNames(restarted.tags(classId)!)).toEqual(['entry.entered student9', 'entry.init-failed.media student9']);
      expect(restarted.tags(classId)?.tags.find((t) => t.tag === 'entry.init-failed.media')?.since).toBe(t0 + 1_000);
    } finally {
      await restarted.stop();
    }
  });
});
