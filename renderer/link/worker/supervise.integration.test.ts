// Supervision traffic and whispers through the link, against the real embedded backend (never a mock broker).
import { connectAsync, type MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBackend, type RunningBackend } from '../../../services/backend';
import { serviceLogin } from '../../../services/testing/clients';
import { encode, topic, type ClassHealth } from '../../../shared/protocol';
import type { LinkBatch } from '../messages';
import type { LinkHarness} from './link-harness';
import { signedIn as signedInAs, until } from './link-harness';

let backend: RunningBackend;
let service: MqttClient;
const harnesses: LinkHarness[] = [];

beforeAll(async () => {
  ({ backend } = await launchBackend({ classes: 3, simulate: false, seed: 5 }));
  service = await connectAsync(backend.mqttUrl, { ...(await serviceLogin(backend)), protocolVersion: 4 });
});
afterAll(async () => {
  await service?.endAsync();
  await backend?.close();
});
afterEach(() => {
  for (const harness of harnesses.splice(0)) harness.send({ type: 'disconnect' });
});

const signedIn = (username: string) => signedInAs(backend, username, harnesses);

function health(classId: string, severity: ClassHealth['severity'], updatedAt: number): ClassHealth {
  return {
    v: 1,
    classId,
    title: `Class ${classId}`,
    teacher: { id: 'teacher1', name: 'Teacher One' },
    region: 'sg',
    appVersion: '0.1.0',
    state: 'live',
    severity,
    problems: severity === 'ok' ? [] : [{ tag: 'stream.cant-hear', userId: 'student1', since: Math.max(0, updatedAt - 1_000) }],
    updatedAt,
  };
}

async function publishHealth(message: ClassHealth): Promise<void> {
  const outbound = encode('classHealth', topic('classHealth', { classId: message.classId }), message);
  await service.publishAsync(outbound.topic, Buffer.from(outbound.payload), { qos: 1, retain: true });
}

const supervision = (batches: LinkBatch[]) => batches.flatMap((batch) => batch.supervision ?? []);

describe('supervision through the link', () => {
  it('hands a supervisor class health per frame, coalesced to the newest per class, and clearings', async () => {
    await publishHealth(health('class-0001', 'ok', 1));
    const supervisor = await signedIn('supervisor1');
    await until('the retained health', () => supervision(supervisor.batches).find((m) => m.kind === 'classHealth'));

    // A burst of updates to one class: no batch carries two for the same topic, and the last one wins.
    const before = supervisor.batches.length;
    for (let i = 2; i <= 60; i++) await publishHealth(health('class-0001', i % 2 === 0 ? 'critical' : 'ok', i));
    const last = await until('the last update', () =>
      supervision(supervisor.batches.slice(before)).find((m) => m.kind === 'classHealth' && m.message.updatedAt === 60),
    );
    expect(last.kind === 'classHealth' && last.message.severity).toBe('critical');
    for (const batch of supervisor.batches.slice(before)) {
      const topics = (batch.supervision ?? []).map((m) => m.topic);
      expect(new Set(topics).size).toBe(topics.length);
    }

    await service.publishAsync(topic('classHealth', { classId: 'class-0001' }), Buffer.alloc(0), { qos: 1, retain: true });
    await until('the health cleared', () =>
      supervision(supervisor.batches).find((m) => m.kind === 'cleared' && m.parsed.kind === 'classHealth'),
    );
  });

  it('gives a supervisor the class list before any class health, whose retained flood would hold the list back', async () => {
    const { backend: large } = await launchBackend({ classes: 1_000, simulate: false, seed: 6, tagger: false });
    const publisher = await connectAsync(large.mqttUrl, { ...(await serviceLogin(large)), protocolVersion: 4 });
    try {
      const classIds = Array.from({ length: 1_000 }, (_, i) => `class-${String(i + 1).padStart(4, '0')}`);
      await Promise.all(classIds.map(async (classId) => {
        const outbound = encode('classHealth', topic('classHealth', { classId }), health(classId, 'warning', 300));
        await publisher.publishAsync(outbound.topic, Buffer.from(outbound.payload), { qos: 1, retain: true });
      }));
      const supervisor = await signedInAs(large, 'supervisor1', harnesses);
      await until('every class health', () => supervision(supervisor.batches).filter((m) => m.kind === 'classHealth').length >= 1_000);
      const listAt = supervisor.batches.findIndex((batch) => batch.summaries.length > 0);
      expect(listAt).toBeGreaterThanOrEqual(0);
      // Every class's health is asked for once the list's page is in, so none arrives in an earlier batch.
      expect(supervision(supervisor.batches.slice(0, listAt)).filter((m) => m.kind === 'classHealth')).toEqual([]);
    } finally {
      await publisher.endAsync();
      for (const harness of harnesses.splice(0)) harness.send({ type: 'disconnect' });
      await large.close();
    }
  });

  it('gives teachers and students no supervision traffic', async () => {
    await publishHealth(health('class-0001', 'warning', 100));
    const teacher = await signedIn('teacher1');
    const supervisor = await signedIn('supervisor1');
    await until('the supervisor has the health', () =>
      supervision(supervisor.batches).find((m) => m.kind === 'classHealth' && m.message.updatedAt === 100),
    );
    expect(supervision(teacher.batches)).toEqual([]);
  });

  it('delivers a whisper to the teacher it is addressed to and to nobody else in the class', async () => {
    const teacher = await signedIn('teacher1');
    const student = await signedIn('student1');
    const supervisor = await signedIn('supervisor1');
    teacher.send({ type: 'join', classId: 'class-0001', options: { observer: false } });
    student.send({ type: 'join', classId: 'class-0001', options: { observer: false } });
    await until('teacher in class', () => teacher.received('presence').find((p) => p.message.userId === 'teacher1'));
    await until('student in class', () => student.received('presence').find((p) => p.message.userId === 'student1'));

    const whisper = { v: 1 as const, id: 'w1', from: { id: 'supervisor1', name: 'Supervisor One' }, text: '<b>check the mic</b>', ts: Date.now() };
    supervisor.send({ type: 'act', id: 'whisper-1', action: { kind: 'publish', classId: 'class-0001', publication: { kind: 'whisper', to: 'teacher1', message: whisper } } });
    await until('the whisper acknowledged', () => supervisor.batches.some((b) => b.acknowledged?.includes('whisper-1')));
    const received = await until('the whisper at the teacher', () => teacher.received('whisper').at(0));
    expect(received.message.text).toBe('<b>check the mic</b>');
    expect(received.params.userId).toBe('teacher1');
    // A later whisper to the student arrives; the teacher's never did.
    supervisor.send({ type: 'act', id: 'whisper-2', action: { kind: 'publish', classId: 'class-0001', publication: { kind: 'whisper', to: 'student1', message: { ...whisper, id: 'w2', text: 'hello' } } } });
    await until('the second whisper at the student', () => student.received('whisper').at(0));
    expect(student.received('whisper').map((w) => w.message.id)).toEqual(['w2']);
    expect(teacher.received('whisper').map((w) => w.message.id)).toEqual(['w1']);
  });

  it("hands a supervisor the telemetry and tags of the one class it watches, and none after it stops", async () => {
    for (const classId of ['class-0001', 'class-0002']) {
      const tags = encode('classTags', topic('classTags', { classId }), { v: 1, classId, windowEnd: 0, tags: [], setAside: { late: 0, future: 0, duplicate: 0 }, heard: [], ts: 1 });
      await service.publishAsync(tags.topic, Buffer.from(tags.payload), { qos: 1, retain: true });
    }
    const supervisor = await signedIn('supervisor1');
    await publishHealth(health('class-0003', 'ok', 400));
    await until('a health after signing in', () => supervision(supervisor.batches).find((m) => m.kind === 'classHealth' && m.message.updatedAt === 400));
    // Tags are read per class, on demand: none of the retained ones arrived with the health.
    expect(supervision(supervisor.batches).filter((m) => m.kind === 'classTags')).toEqual([]);
    supervisor.send({ type: 'watchClass', classId: 'class-0001' });
    const tags = await until('the watched class tags', () => supervision(supervisor.batches).find((m) => m.kind === 'classTags'));
    expect(tags.topic).toBe(topic('classTags', { classId: 'class-0001' }));
    const telemetry = (classId: string, userId: string, id: string) => {
      const outbound = encode('telemetry', topic('telemetry', { classId, userId }), { v: 1, id, at: Date.now(), events: [{ type: 'board-lag', lagMs: 5, pendingOps: 0 }] });
      return service.publishAsync(outbound.topic, Buffer.from(outbound.payload), { qos: 0 });
    };
    const received = () => supervisor.batches.flatMap((b) => b.telemetry ?? []).map((m) => `${m.params.classId}/${m.message.id}`);
    // Published until it arrives: the subscription is made asynchronously after the command.
    for (let i = 0; !received().includes('class-0001/watched'); i++) {
      if (i > 100) throw new Error('the watched class telemetry never arrived');
      await telemetry('class-0002', 'student2', 'other');
      await telemetry('class-0001', 'student1', 'watched');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(received().every((r) => r.startsWith('class-0001/'))).toBe(true);

    supervisor.send({ type: 'watchClass', classId: null });
    // A message published after it, on the same connection, has arrived: the telemetry had its chance to.
    await telemetry('class-0001', 'student1', 'after');
    await publishHealth(health('class-0003', 'ok', 500));
    await until('the health after', () => supervision(supervisor.batches).find((m) => m.kind === 'classHealth' && m.message.updatedAt === 500));
    expect(received()).not.toContain('class-0001/after');
    // The watched class's tags only (the tagger may update them as its telemetry arrives), none of the other class.
    expect([...new Set(supervision(supervisor.batches).filter((m) => m.kind === 'classTags').map((m) => m.topic))]).toEqual([topic('classTags', { classId: 'class-0001' })]);
  });
});
