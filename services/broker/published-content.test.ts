// What people publish where receivers cannot undo the damage (retained state, messages naming their author), checked
// by the real embedded broker and the board service.
import type { MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Claims } from '../../shared/auth/claims';
import { authorize } from '../../shared/protocol/acl';
import { encode, type Outbound } from '../../shared/protocol/codec';
import { KINDS, type MessageOf } from '../../shared/protocol/kinds';
import type { ElementRecord } from '../../shared/whiteboard/element';
import { topic, type TopicKind, type TopicParams } from '../../shared/protocol/topics';
import { launchBackend, type BackendInternals, type RunningBackend } from '../backend';
import { TestParticipant, roomMessage } from '../testing/test-participant';
import { Clients, Inbox, barrier, publishOutcome, serviceLogin, subscribe } from '../testing/clients';
import type { Denial } from './access';

const classId = 'class-0001';
let backend: RunningBackend;
let internals: BackendInternals;
const clients = new Clients();
const denials: Denial[] = [];

beforeAll(async () => {
  ({ backend, internals } = await launchBackend({ classes: 0, boardSnapshotIntervalMs: 100, onDenied: (d) => denials.push(d) }));
});
afterEach(() => clients.closeAll());
afterAll(() => backend.close());

async function as(username: string): Promise<MqttClient> {
  const issued = await backend.issueToken(username, 'demo');
  if (!issued.ok) throw new Error(issued.message);
  return clients.connect(backend.mqttUrl, { username, password: issued.token.token });
}

const PEOPLE: Record<'teacher' | 'student' | 'supervisor', Claims> = {
  teacher: { sub: 'teacher1', name: 'Teacher One', role: 'teacher', classes: [classId] },
  student: { sub: 'student1', name: 'Student One', role: 'student', classes: [classId] },
  supervisor: { sub: 'supervisor1', name: 'Supervisor One', role: 'supervisor', classes: '*' },
};

/** The topic of `kind` that `person` would publish to: their own where the topic names a user. */
function topicFor(kind: TopicKind, person: Claims): string {
  const values: Record<string, string> = { classId, userId: person.sub, toUserId: 'teacher1', fromUserId: person.sub, pageId: 'page-1', requestId: 'r-1', service: 'board', sessionId: 's-1', pollId: 'poll-1' };
  return topic(kind, values as TopicParams<typeof kind>);
}

/** A valid message of each retained kind a person may publish, as `person`. */
function validMessage(kind: TopicKind, person: Claims, n: number): Outbound | null {
  const now = Date.now();
  const samples: Partial<{ [K in TopicKind]: MessageOf<K> }> = {
    presence: { v: 1, userId: person.sub, name: person.name, role: person.role as 'teacher', online: true, ts: now + n },
    course: { v: 1, version: n, pages: [{ id: 'page-1', kind: 'blank', asset: '', page: 1, title: `kept ${n}` }], current: 'page-1', by: person.sub, ts: now },
    room: { v: 1, version: n, drawing: ['student1'], chatMutedAll: false, chatMuted: [], stars: { student1: n }, removed: [], startedAt: null, countdownEndsAt: null, by: person.sub, ts: now },
    hand: { v: 1, raised: true, at: now + n },
    boardSync: { v: 1, pageId: 'page-1', revision: n, unsent: 0, at: now },
    mediaState: { v: 1, mic: true, camera: false, screen: false, link: 'connected', ts: now + n },
  };
  const message = samples[kind];
  return message === undefined ? null : encode(kind, topicFor(kind, person), message as never);
}

/** The retained message a new subscriber receives on `name`, or null when there is none. */
async function retainedOn(name: string): Promise<string | null> {
  const reader = await clients.connect(backend.mqttUrl, await serviceLogin(backend));
  await subscribe(reader, [name]);
  await barrier(reader);
  const retained = Inbox.of(reader).messages.find((m) => m.topic === name && m.retain);
  return retained ? retained.payload.toString() : null;
}

const BAD_PAYLOADS: [string, string][] = [
  ['null', 'null'],
  ['wrong types', JSON.stringify({ v: 1, version: 'seven', by: 42, pages: 'none', raised: 'yes', userId: [] })],
  ['a wrong version', JSON.stringify({ v: 2 })],
  ['not JSON', '{"v":1,'],
];

const RETAINED = (Object.keys(KINDS) as TopicKind[]).filter((kind) => KINDS[kind].retain);

describe('retained state at the broker', () => {
  it.each(RETAINED)('refuses a person planting an invalid %s, and keeps what was retained before', async (kind) => {
    for (const person of Object.values(PEOPLE)) {
      const name = topicFor(kind, person);
      const allowedByAcl = authorize(person, 'publish', name).allowed;
      const valid = validMessage(kind, person, 3);
      if (allowedByAcl) expect(valid, `a sample ${kind} for ${person.role}`).not.toBeNull();
      if (valid && allowedByAcl) {
        const writer = await as(person.sub);
        expect(await publishOutcome(writer, valid.topic, Buffer.from(valid.payload), { qos: 1, retain: true })).toBe('acked');
      }
      const before = await retainedOn(name);
      for (const [, bad] of BAD_PAYLOADS) {
        const writer = await as(person.sub);
        expect(await publishOutcome(writer, name, bad, { qos: 1, retain: true }), `${person.role} ${kind} ${bad}`).toBe('closed');
      }
      expect(await retainedOn(name)).toBe(before);
    }
  });

  it("lets a person clear only their own per-participant state, never the class's room or course", async () => {
    const teacher = await as('teacher1');
    const room = roomMessage(classId, 11, { drawing: ['student1'] });
    await teacher.publishAsync(room.topic, Buffer.from(room.payload), { qos: 1, retain: true });
    const roomBefore = await retainedOn(room.topic);
    expect(roomBefore).not.toBeNull();
    expect(await publishOutcome(await as('teacher1'), room.topic, '', { qos: 1, retain: true })).toBe('closed');
    expect(await retainedOn(room.topic)).toBe(roomBefore);

    const hand = validMessage('hand', PEOPLE.student, 1)!;
    const student = await as('student1');
    await student.publishAsync(hand.topic, Buffer.from(hand.payload), { qos: 1, retain: true });
    expect(await retainedOn(hand.topic)).not.toBeNull();
    expect(await publishOutcome(student, hand.topic, '', { qos: 1, retain: true })).toBe('acked');
    expect(await retainedOn(hand.topic)).toBeNull();
  });
});

describe('messages naming their author', () => {
  function rect(id: string, by: string): ElementRecord {
    return {
      id, kind: 'rect', version: 1, nonce: 1, by, z: 'a0', deleted: false,
      props: { x: 1, y: 2, width: 3, height: 4, angle: 0, stroke: '#000000', fill: '', strokeWidth: 2, opacity: 1, points: [], text: '', fontSize: 24, asset: '' },
    };
  }

  it.each([
    ['room', 'teacher1', roomMessage(classId, 5, { by: 'teacher2' })],
    ['course', 'teacher1', encode('course', topic('course', { classId }), { v: 1, version: 5, pages: [{ id: 'p', kind: 'blank', asset: '', page: 1, title: '' }], current: 'p', by: 'supervisor1', ts: 1 })],
    ['presence', 'student1', encode('presence', topic('presence', { classId, userId: 'student1' }), { v: 1, userId: 'teacher1', name: 'Teacher One', role: 'teacher', online: true, ts: 1 })],
    ['help', 'student1', encode('help', topic('help', { classId, userId: 'student1' }), {
      v: 1, id: 'h-1', from: { id: 'teacher1', name: 'Teacher One', role: 'teacher' }, topic: 'audio', text: '',
      diagnostics: { appVersion: '0.1.0', device: 'test', stats: [], course: { pageId: null, failedAssets: [] }, board: { pageId: null, revision: 0, unsent: 0 } }, ts: 1,
    })],
    ['whisper', 'supervisor1', encode('whisper', topic('whisper', { classId, userId: 'teacher1' }), { v: 1, id: 'w-1', from: { id: 'teacher1', name: 'Teacher One' }, text: 'hi', ts: 1 })],
    ['boardOps', 'teacher1', encode('boardOps', topic('boardOps', { classId, userId: 'teacher1' }), { v: 1, pageId: 'page-f', session: 't', seq: 1, records: [rect('el-forged', 'student1')] })],
  ] as const)('refuses a %s whose author is not its sender', async (_kind, sender, message) => {
    const client = await as(sender);
    expect(await publishOutcome(client, message.topic, Buffer.from(message.payload), { qos: message.qos, retain: message.retain })).toBe('closed');
    expect(denials.some((d) => d.user === sender && d.action === 'publish' && d.topic === message.topic && /naming .* as its author/.test(d.why))).toBe(true);
  });

  it('keeps board records naming someone else out of the board service and its snapshot', async () => {
    // Services are trusted by the broker, so this reaches the board service, which must still refuse it.
    const service = await clients.connect(backend.mqttUrl, await serviceLogin(backend));
    const forged = encode('boardOps', topic('boardOps', { classId, userId: 'teacher1' }), { v: 1, pageId: 'page-g', session: 't', seq: 1, records: [rect('el-as-student', 'student1')] });
    await service.publishAsync(forged.topic, Buffer.from(forged.payload), { qos: 1 });
    await expect.poll(() => internals.board.ignored.foreignAuthor).toBeGreaterThan(0);

    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    const own = encode('boardOps', topic('boardOps', { classId, userId: 'teacher1' }), { v: 1, pageId: 'page-g', session: 't', seq: 2, records: [rect('el-own', 'teacher1')] });
    await teacher.send(own);
    await expect
      .poll(async () => {
        const reply = await teacher.call('board', 'snapshot', { classId, pageId: 'page-g' });
        return reply.ok ? (reply.result as { elements: ElementRecord[] }).elements.map((e) => e.id) : [];
      })
      .toEqual(['el-own']);
  });
});
