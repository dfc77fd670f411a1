import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encode } from '../../shared/protocol/codec';
import type { BoardSnapshot } from '../../shared/protocol/messages';
import { allowBack, removeFromClass } from '../../shared/protocol/room-rules';
import type { ElementRecord } from '../../shared/whiteboard/element';
import { topic } from '../../shared/protocol/topics';
import { launchBackend, type BackendInternals, type RunningBackend } from '../backend';
import { roomMessage, TestParticipant } from '../testing/test-participant';
import { Clients, publishOutcome, serviceLogin } from '../testing/clients';

let backend: RunningBackend;
let internals: BackendInternals;
const clients = new Clients();

beforeAll(async () => {
  ({ backend, internals } = await launchBackend({ classes: 0 }));
});
afterEach(() => clients.closeAll());
afterAll(() => backend.close());

const laser = (on: boolean) => encode('laser', topic('laser', { classId: 'class-0001', userId: 'student1' }), { v: 1, pageId: 'page-1', x: 1, y: 2, on });

describe('drawing rights at the broker', () => {
  it('keeps a grant across a broker restart, from the retained room', async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    await teacher.send(roomMessage('class-0001', 1, { drawing: ['student1'] }));
    await expect.poll(() => internals.access.rooms.mayDraw('class-0001', { userId: 'student1', teaches: false })).toBe(true);

    internals.access.rooms.clear('class-0001'); // forget what was learnt live: only the retained room may restore it
    await backend.restartBroker();
    const student = await TestParticipant.open(clients, backend, 'student1');
    const granted = laser(true);
    expect(await publishOutcome(student.client, granted.topic, Buffer.from(granted.payload), { qos: 1 })).toBe('acked');
    expect(internals.access.rooms.mayDraw('class-0001', { userId: 'student1', teaches: false })).toBe(true);
  });

  it('refuses a room that is not valid, so a malformed grant grants nothing', async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher2');
    const malformed = Buffer.from('{"v":1,"drawing":["student2"]}');
    expect(await publishOutcome(teacher.client, topic('room', { classId: 'class-0002' }), malformed, { qos: 1, retain: true })).toBe('closed');
    expect(internals.access.rooms.get('class-0002')).toBeUndefined();
    const student = await TestParticipant.open(clients, backend, 'student2');
    const ops = encode('laser', topic('laser', { classId: 'class-0002', userId: 'student2' }), { v: 1, pageId: 'page-1', x: 1, y: 2, on: true });
    expect(await publishOutcome(student.client, ops.topic, Buffer.from(ops.payload))).toBe('closed');
  });

  it('refuses a removed student at the broker and the board service, keeps their ops out of snapshots, and lets them draw again only with a new grant', async () => {
    const classId = 'class-0001';
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    const student = await TestParticipant.open(clients, backend, 'student1');
    const service = await clients.connect(backend.mqttUrl, await serviceLogin(backend));
    let seq = 0;
    const rect = (id: string): ElementRecord => ({
      id, kind: 'rect', version: 1, nonce: 1, by: 'student1', z: 'a0', deleted: false,
      props: { x: 1, y: 2, width: 3, height: 4, angle: 0, stroke: '#000000', fill: '', strokeWidth: 2, opacity: 1, points: [], text: '', fontSize: 24, asset: '' },
    });
    const op = (id: string) => encode('boardOps', topic('boardOps', { classId, userId: 'student1' }), { v: 1, pageId: 'page-r', session: 's', seq: ++seq, records: [rect(id)] });
    const drawAsStudent = async (id: string) => {
      const message = op(id);
      return publishOutcome(await TestParticipant.open(clients, backend, 'student1').then((s) => s.client), message.topic, Buffer.from(message.payload));
    };
    const onBoard = async () => {
      const reply = await teacher.call('board', 'snapshot', { classId, pageId: 'page-r' });
      return reply.ok ? (reply.result as BoardSnapshot).elements.map((e) => e.id).sort() : [];
    };
    const room = (version: number, patch: Parameters<typeof roomMessage>[2]) => roomMessage(classId, version, patch);
    const granted = { v: 1 as const, version: 10, drawing: ['student1'], chatMutedAll: false, chatMuted: [], stars: {}, removed: [], startedAt: null, countdownEndsAt: null, by: 'teacher1', ts: 1 };

    await teacher.send(room(10, { drawing: ['student1'] }));
    await expect.poll(() => internals.access.rooms.mayDraw(classId, { userId: 'student1', teaches: false })).toBe(true);
    expect(await drawAsStudent('el-before')).toBe('acked');
    await expect.poll(onBoard).toEqual(['el-before']);

    // Removed while still listed in `drawing` (a room written by an older console): removal wins everywhere.
    await teacher.send(room(11, { drawing: ['student1'], removed: ['student1'] }));
    await expect.poll(() => internals.access.rooms.mayDraw(classId, { userId: 'student1', teaches: false })).toBe(false);
    expect(await drawAsStudent('el-removed')).toBe('closed');
    // A broker that cannot check rights (the service stands in for one) passes the op on; the board service ignores it.
    const ignoredBefore = internals.board.ignored.noDrawingRights;
    const smuggled = op('el-smuggled');
    await service.publishAsync(smuggled.topic, Buffer.from(smuggled.payload), { qos: 1 });
    await expect.poll(() => internals.board.ignored.noDrawingRights).toBe(ignoredBefore + 1);

    // Removed the way the console removes (the grant goes too), then allowed back: no drawing without a new grant.
    const removed = { ...granted, version: 12, ...removeFromClass(granted, 'student1') };
    await teacher.send(room(12, removed));
    const back = { ...removed, version: 13, ...allowBack(removed, 'student1') };
    await teacher.send(room(13, back));
    await expect.poll(() => internals.access.rooms.get(classId)?.version).toBe(13);
    expect(await drawAsStudent('el-back-without-grant')).toBe('closed');
    await teacher.send(room(14, { drawing: ['student1'] }));
    await expect.poll(() => internals.access.rooms.mayDraw(classId, { userId: 'student1', teaches: false })).toBe(true);
    expect(await drawAsStudent('el-granted-again')).toBe('acked');

    await expect.poll(onBoard).toEqual(['el-before', 'el-granted-again']);
    expect(student.client.connected).toBe(true);
  });
});
