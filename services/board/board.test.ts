import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encode, type Outbound } from '../../shared/protocol/codec';
import type { BoardSnapshot } from '../../shared/protocol/messages';
import { topic } from '../../shared/protocol/topics';
import type { ElementRecord } from '../../shared/whiteboard/element';
import { launchBackend, type BackendInternals, type RunningBackend } from '../backend';
import { roomMessage, TestParticipant } from '../testing/test-participant';
import { Clients, subscribe, serviceLogin } from '../testing/clients';

let backend: RunningBackend;
let internals: BackendInternals;
const clients = new Clients();
const classId = 'class-0001';

beforeAll(async () => {
  ({ backend, internals } = await launchBackend({ classes: 0, boardSnapshotIntervalMs: 200 }));
});
afterEach(() => clients.closeAll());
afterAll(() => backend.close());

function rect(id: string, by: string, version = 1, deleted = false): ElementRecord {
  return {
    id, kind: 'rect', version, nonce: 7, by, z: 'a0', deleted,
    props: { x: version, y: 2, width: 3, height: 4, angle: 0, stroke: '#000000', fill: '', strokeWidth: 2, opacity: 1, points: [], text: '', fontSize: 24, asset: '' },
  };
}

function ops(userId: string, pageId: string, seq: number, records: ElementRecord[], session = 'tab-1'): Outbound {
  return encode('boardOps', topic('boardOps', { classId, userId }), { v: 1, pageId, session, seq, records });
}

const snapshotOf = (session: TestParticipant, pageId: string) =>
  session.call('board', 'snapshot', { classId, pageId }).then((r) => (r.ok ? (r.result as BoardSnapshot) : Promise.reject(new Error(r.error.message))));

describe('board service', () => {
  it('merges committed ops into the page and answers `snapshot` with it', async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    await teacher.send(ops('teacher1', 'page-a', 1, [rect('el-1', 'teacher1'), rect('el-2', 'teacher1')]));
    await teacher.send(ops('teacher1', 'page-a', 2, [rect('el-1', 'teacher1', 2), rect('el-2', 'teacher1', 2, true)]));
    await expect.poll(() => snapshotOf(teacher, 'page-a').then((s) => s.seqs)).toEqual({ 'teacher1/tab-1': 2 });
    const snapshot = await snapshotOf(teacher, 'page-a');
    expect(snapshot.elements.map((e) => [e.id, e.version, e.deleted])).toEqual([['el-1', 2, false], ['el-2', 2, true]]);
    // A tombstone is compacted: its props are emptied.
    expect(snapshot.elements[1]?.props).toMatchObject({ x: 0, y: 0, points: [], text: '' });
  });

  it('numbers each board session of a user apart in the snapshot, so a reloaded sender starting at 1 is not hidden', async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    await teacher.send(ops('teacher1', 'page-s', 1, [rect('el-s1', 'teacher1')], 'before-reload'));
    await teacher.send(ops('teacher1', 'page-s', 2, [rect('el-s2', 'teacher1')], 'before-reload'));
    await teacher.send(ops('teacher1', 'page-s', 1, [rect('el-s3', 'teacher1')], 'after-reload'));
    await expect
      .poll(() => snapshotOf(teacher, 'page-s').then((s) => s.seqs))
      .toEqual({ 'teacher1/after-reload': 1, 'teacher1/before-reload': 2 });
    expect((await snapshotOf(teacher, 'page-s')).elements.map((e) => e.id)).toEqual(['el-s1', 'el-s2', 'el-s3']);
  });

  it('publishes a retained snapshot that a late joiner receives', async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    await teacher.send(ops('teacher1', 'page-b', 1, [rect('el-b', 'teacher1')]));
    const snapshotTopic = topic('boardSnapshot', { classId, pageId: 'page-b' });
    await expect
      .poll(async () => {
        const fresh = await TestParticipant.open(clients, backend, 'student1');
        await subscribe(fresh.client, [snapshotTopic]);
        const retained = await fresh.inbox.waitForTopic(snapshotTopic).catch(() => null);
        return retained ? (JSON.parse(retained.payload.toString()) as BoardSnapshot).elements.map((e) => e.id) : [];
      })
      .toEqual(['el-b']);
  });

  it('ignores ops from a student without drawing rights, and takes them once granted', async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    // The broker refuses the student directly; a service connection stands in for a broker that cannot check rights.
    const service = await clients.connect(backend.mqttUrl, await serviceLogin(backend));
    const forged = ops('student1', 'page-c', 1, [rect('el-forged', 'student1')]);
    await service.publishAsync(forged.topic, Buffer.from(forged.payload), { qos: 1 });
    await expect.poll(() => internals.board.ignored.noDrawingRights).toBeGreaterThan(0);
    expect((await snapshotOf(teacher, 'page-c')).elements).toEqual([]);

    await teacher.send(roomMessage(classId, Date.now(), { drawing: ['student1'] }));
    const student = await TestParticipant.open(clients, backend, 'student1');
    await expect
      .poll(async () => {
        await student.send(ops('student1', 'page-c', 2, [rect('el-granted', 'student1')])).catch(() => {});
        return (await snapshotOf(teacher, 'page-c')).elements.map((e) => e.id);
      })
      .toEqual(['el-granted']);
  });

  it('refuses a snapshot of a class outside the requester scope', async () => {
    const student = await TestParticipant.open(clients, backend, 'student2');
    expect(await student.call('board', 'snapshot', { classId, pageId: 'page-a' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await student.call('board', 'snapshot', { classId })).toMatchObject({ ok: false, error: { code: 'bad-params' } });
  });

  it('rebuilds its pages from the retained snapshots after a restart', async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    await teacher.send(ops('teacher1', 'page-d', 5, [rect('el-d', 'teacher1', 3)]));
    const snapshotTopic = topic('boardSnapshot', { classId, pageId: 'page-d' });
    await subscribe(teacher.client, [snapshotTopic]);
    await teacher.inbox.waitForTopic(snapshotTopic);

    const { backend: restarted, internals: fresh } = await restartBoard();
    expect(restarted).toBe(backend);
    await expect.poll(() => fresh.board.snapshot(classId, 'page-d')).toMatchObject({ seqs: { 'teacher1/tab-1': 5 }, elements: [{ id: 'el-d', version: 3 }] });
  });
});

/** Stops the board service and starts a new one on the same broker, as after a crash of that service alone. */
async function restartBoard(): Promise<{ backend: RunningBackend; internals: BackendInternals }> {
  const { BoardService } = await import('./board');
  await internals.board.stop();
  internals.board = await BoardService.start({
    link: { url: backend.mqttUrl, token: (name: string) => backend.serviceToken(name), refreshEveryMs: 60_000 },
    root: 'classroom',
    claimsOf: (userId) => internals.access.claimsOfUser(userId),
    snapshotIntervalMs: 200,
  });
  return { backend, internals };
}
