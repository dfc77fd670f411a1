import { describe, expect, it } from 'vitest';
import { decode, encode, topic, type BoardSnapshot, type Course, type Room } from '../../../shared/protocol';
import { utf8Encode } from '../../../shared/protocol/text';
import { BoardPage, revisionOf } from '../../../shared/whiteboard';
import type { ClassMessage } from '../../link/messages';
import type { BoardParticipant } from '../contract';
import { Board } from './Board';
import type { BoardEvent, ElementChange } from './boardEvents';
import { FakeChannel, ManualClock, RecordingHost, classState, course, inbound, room, settle } from './testing/kit';

const TEACHER: BoardParticipant = { userId: 'teacher', role: 'teacher', observer: false };
const STUDENT: BoardParticipant = { userId: 'student', role: 'student', observer: false };

function seeded(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** One mounted board on its class channel; `instanceId` tells apart several boards of one user (a reload, a second window). */
function peer(participant: BoardParticipant, drawing: string[] = [], instanceId = `${participant.userId}-board`) {
  const clock = new ManualClock();
  const channel = new FakeChannel(participant.userId);
  const host = new RecordingHost();
  let n = 0;
  const board = new Board({
    channel, host, participant, teacherId: 'teacher', clock, random: seeded(participant.userId.length),
    newId: () => `${instanceId}-${++n}`, instanceId,
  });
  // The board service answers with an empty page unless a test says otherwise.
  channel.snapshot = async (pageId) => snapshotOf(new BoardPage(pageId).serialize(), {});
  const events: BoardEvent[] = [];
  board.on((e) => events.push(e));
  board.start();
  const receive = (...messages: ClassMessage[]) => channel.deliver(...messages);
  const setCourse = (message: Course) => receive(classState({ kind: 'course', message }));
  const setRoom = (message: Room) => receive(classState({ kind: 'room', message }));
  setCourse(course(['p1', 'p2'], 'p1'));
  setRoom(room(drawing));
  const changes = () => events.flatMap((e) => (e.type === 'elements' ? e.changes : [] as ElementChange[]));
  return { userId: participant.userId, board, channel, host, clock, events, changes, receive, setCourse, setRoom };
}

/** Delivers every op `from` has sent since `since` to `to`, as the broker would. */
function deliver(from: ReturnType<typeof peer>, to: ReturnType<typeof peer>, since = 0): number {
  from.board.flush();
  const sent = from.channel.ops.slice(since);
  for (const { message } of sent) to.receive(inbound('boardOps', from.userId, message));
  return from.channel.ops.length;
}

describe('Board: local edits', () => {
  it('streams a pen stroke live and commits it as one element with the next sequence number', () => {
    const t = peer(TEACHER);
    t.board.beginStroke({ kind: 'pen', stroke: '#ff0000', strokeWidth: 4 }, 10, 20);
    t.board.extendStroke([15, 25, 30, 40]);
    t.board.flush();
    expect(t.channel.live.map((l) => l.points)).toEqual([[10, 20, 15, 25, 30, 40]]);
    const record = t.board.endStroke();
    t.board.flush();

    expect(record).toMatchObject({ kind: 'pen', props: { x: 10, y: 20, width: 20, height: 20, points: [0, 0, 5, 5, 20, 20] } });
    expect(t.channel.ops).toHaveLength(1);
    expect(t.channel.ops[0]!.message).toMatchObject({ pageId: 'p1', seq: 1, records: [{ id: record!.id }] });
    expect(t.board.liveStrokes()).toEqual([]);
  });

  it('sends the edits of one task as one message, with only the newest version of each element', () => {
    const t = peer(TEACHER);
    const rect = t.board.create('rect', { x: 0, y: 0, width: 10, height: 10 })!;
    for (let x = 1; x <= 20; x++) t.board.update(rect.id, { x });
    t.board.create('ellipse', { x: 5, y: 5, width: 3, height: 3 });
    t.clock.advance(0);

    expect(t.channel.ops).toHaveLength(1);
    const records = t.channel.ops[0]!.message.records;
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ id: rect.id, version: 21, props: { x: 20 } });
  });

  it('sends edits made in quick succession at most once a frame, together', () => {
    const t = peer(TEACHER);
    t.board.create('rect', { x: 0, y: 0, width: 10, height: 10 });
    t.clock.advance(0);
    expect(t.channel.ops).toHaveLength(1);

    for (let i = 1; i <= 5; i++) {
      t.board.create('rect', { x: i, y: i, width: 10, height: 10 });
      t.clock.advance(2);
    }
    expect(t.channel.ops).toHaveLength(1);
    t.clock.advance(16);
    expect(t.channel.ops).toHaveLength(2);
    expect(t.channel.ops[1]!.message).toMatchObject({ seq: 2 });
    expect(t.channel.ops[1]!.message.records).toHaveLength(5);

    t.clock.advance(100);
    t.board.create('rect', { x: 9, y: 9, width: 10, height: 10 });
    t.clock.advance(0);
    expect(t.channel.ops).toHaveLength(3);
  });

  it('splits a large batch into messages of at most 100 records, numbered in order', () => {
    const t = peer(TEACHER);
    for (let i = 0; i < 250; i++) t.board.create('rect', { x: i, y: i, width: 1, height: 1 });
    t.board.flush();
    expect(t.channel.ops.map((o) => o.message.records.length)).toEqual([100, 100, 50]);
    expect(t.channel.ops.map((o) => o.message.seq)).toEqual([1, 2, 3]);
  });

  it('shows ops as unsent until the link acknowledges them, and reports them in the board sync', () => {
    const t = peer(TEACHER);
    t.board.create('rect', { x: 0, y: 0, width: 10, height: 10 });
    t.board.create('rect', { x: 1, y: 1, width: 10, height: 10 });
    t.board.flush();
    t.board.create('rect', { x: 2, y: 2, width: 10, height: 10 });
    t.board.flush();
    expect(t.board.status().unsent).toBe(2);
    t.clock.advance(300);
    expect(t.channel.syncs.at(-1)).toMatchObject({ pageId: 'p1', revision: 3, unsent: 2 });

    t.channel.acknowledge(t.channel.ops[0]!.outboxId);
    expect(t.board.status().unsent).toBe(1);
    t.clock.advance(5_000);
    expect(t.host.telemetry.at(-1)).toMatchObject({ type: 'board-lag', pendingOps: 1 });
    t.channel.acknowledge(t.channel.ops[1]!.outboxId);
    expect(t.board.status().unsent).toBe(0);
    t.clock.advance(300);
    expect(t.channel.syncs.at(-1)).toMatchObject({ revision: 3, unsent: 0 });
  });

  it('refuses local edits from a student without drawing rights and from a silent observer, and says why', () => {
    const s = peer(STUDENT);
    expect(s.board.status()).toMatchObject({ canDraw: false, block: 'no-grant' });
    expect(s.board.create('rect', { x: 0, y: 0 })).toBeNull();
    expect(s.board.beginStroke({ kind: 'pen', stroke: '#000000', strokeWidth: 2 }, 0, 0)).toBeNull();
    s.board.flush();
    expect(s.channel.ops).toHaveLength(0);

    s.setRoom(room(['student'], 2));
    expect(s.board.create('rect', { x: 0, y: 0 })).not.toBeNull();

    const o = peer({ userId: 'sup', role: 'supervisor', observer: true });
    expect(o.board.status().block).toBe('observer');
    o.setRoom(room(['sup'], 2));
    expect(o.board.status().canDraw).toBe(true);
  });
});

describe('Board: undo and redo of own actions', () => {
  it('undoes a move as a new version, and redoes it', () => {
    const t = peer(TEACHER);
    const rect = t.board.create('rect', { x: 0, y: 0, width: 10, height: 10 })!;
    t.board.update(rect.id, { x: 50, angle: 30 });
    t.board.undo();
    expect(t.board.record(rect.id)).toMatchObject({ version: 3, props: { x: 0, angle: 0 } });
    t.board.redo();
    expect(t.board.record(rect.id)).toMatchObject({ version: 4, props: { x: 50, angle: 30 } });
  });

  it('undoes a creation with a tombstone and brings an erased element back under a new id', () => {
    const t = peer(TEACHER);
    const a = t.board.create('rect', { x: 0, y: 0, width: 10, height: 10 })!;
    t.board.undo();
    expect(t.board.elements()).toEqual([]);
    t.board.redo();
    expect(t.board.elements().map((r) => r.props.x)).toEqual([0]);

    const b = t.board.create('ellipse', { x: 7, y: 7, width: 2, height: 2 })!;
    t.board.remove([b.id]);
    t.board.undo();
    const kinds = t.board.elements().map((r) => r.kind).sort();
    expect(kinds).toEqual(['ellipse', 'rect']);
    expect(t.board.record(b.id)?.deleted).toBe(true);
    expect(t.board.record(a.id)?.deleted).toBe(true);
  });

  it('undoes a page clear in one step, and only touches the user\'s own actions', () => {
    const t = peer(TEACHER, ['student']);
    const s = peer(STUDENT, ['student']);
    s.board.create('text', { x: 1, y: 1, text: 'student note' });
    deliver(s, t);
    t.board.create('rect', { x: 0, y: 0, width: 1, height: 1 });
    t.board.clearPage();
    expect(t.board.elements()).toEqual([]);
    t.board.undo();
    expect(t.board.elements().map((r) => r.kind).sort()).toEqual(['rect', 'text']);
    t.board.undo();
    t.board.undo();
    expect(t.board.elements().map((r) => r.kind)).toEqual(['text']);
  });
});

describe('Board: receiving', () => {
  it('converges with the sender byte for byte and changes exactly the elements named', () => {
    const t = peer(TEACHER);
    const s = peer(STUDENT);
    const rect = t.board.create('rect', { x: 0, y: 0, width: 10, height: 10 })!;
    t.board.create('line', { x: 0, y: 0, points: [0, 0, 10, 10] });
    const sent = deliver(t, s);
    t.board.update(rect.id, { x: 40 });
    s.events.length = 0;
    deliver(t, s, sent);

    expect(s.changes().map((c) => c.id)).toEqual([rect.id]);
    expect(s.events.some((e) => e.type === 'page')).toBe(false);
    expect(s.board.serialize()).toBe(t.board.serialize());
  });

  it('treats duplicated and replayed ops as harmless', () => {
    const t = peer(TEACHER);
    const s = peer(STUDENT);
    t.board.create('rect', { x: 0, y: 0, width: 10, height: 10 });
    deliver(t, s);
    const requests = s.channel.snapshotRequests.length;
    const before = s.board.serialize();
    const eventsBefore = s.events.length;
    deliver(t, s);
    deliver(t, s);
    expect(s.board.serialize()).toBe(before);
    expect(s.events.length).toBe(eventsBefore);
    expect(s.channel.snapshotRequests).toHaveLength(requests);
  });

  it('asks for a snapshot when a sequence number is skipped, and ends identical to the sender', async () => {
    const t = peer(TEACHER);
    const s = peer(STUDENT);
    t.board.create('rect', { x: 0, y: 0, width: 10, height: 10 });
    t.board.flush();
    t.board.create('ellipse', { x: 3, y: 3, width: 10, height: 10 });
    t.board.flush();
    t.board.create('text', { x: 9, y: 9, text: 'hello' });
    t.board.flush();
    // The board service holds everything the teacher sent.
    await settle();
    const joined = s.channel.snapshotRequests.length;
    s.channel.snapshot = async (pageId) => snapshotOf(t.board.serialize(pageId), { teacher: 3 });
    s.receive(inbound('boardOps', 'teacher', t.channel.ops[0]!.message));
    s.receive(inbound('boardOps', 'teacher', t.channel.ops[2]!.message));
    expect(s.channel.snapshotRequests).toHaveLength(joined + 1);
    await settle();
    expect(s.board.serialize()).toBe(t.board.serialize());
    expect(s.board.status().resyncing).toBe(false);

    // The late copy of the lost op changes nothing and is not another gap.
    s.receive(inbound('boardOps', 'teacher', t.channel.ops[1]!.message));
    expect(s.channel.snapshotRequests).toHaveLength(joined + 1);
  });

  it('keeps retrying a failed resync and says so meanwhile', async () => {
    const t = peer(TEACHER);
    const s = peer(STUDENT);
    s.channel.snapshot = () => Promise.reject(new Error('board service unavailable'));
    s.channel.setConnected(false);
    s.channel.setConnected(true);
    await settle();
    expect(s.board.status().resyncFailed).toBe(true);
    t.board.create('rect', { x: 0, y: 0, width: 10, height: 10 });
    t.board.flush();
    s.channel.snapshot = async (pageId) => snapshotOf(t.board.serialize(pageId), { teacher: 1 });
    s.clock.advance(2_000);
    await settle();
    expect(s.board.status().resyncFailed).toBe(false);
    expect(s.board.serialize()).toBe(t.board.serialize());
  });

  it('ignores and counts ops, live strokes and laser from a student without drawing rights', () => {
    const s1 = peer(STUDENT);
    const other = peer({ userId: 'student2', role: 'student', observer: false }, ['student2']);
    other.board.create('rect', { x: 0, y: 0, width: 10, height: 10 });
    other.board.flush();
    s1.events.length = 0;
    s1.receive(inbound('boardOps', 'student2', other.channel.ops[0]!.message));
    s1.receive(inbound('laser', 'student2', { v: 1, pageId: 'p1', x: 1, y: 1, on: true }));
    s1.receive(inbound('boardLive', 'student2', { v: 1, pageId: 'p1', strokeId: 'x1', kind: 'pen', stroke: '#000000', strokeWidth: 2, from: 0, points: [1, 1] }));

    expect(s1.board.elements()).toEqual([]);
    expect(s1.changes()).toEqual([]);
    expect(s1.board.laserPointers()).toEqual([]);
    expect(s1.board.liveStrokes()).toEqual([]);
    expect(s1.board.status().rejected['not-allowed']).toBe(3);

    s1.setRoom(room(['student2'], 2));
    s1.receive(inbound('boardOps', 'student2', other.channel.ops[0]!.message));
    expect(s1.board.elements()).toHaveLength(1);
  });

  it('ignores a removed student even while the room still lists their grant, until they are back and granted', () => {
    const s1 = peer(STUDENT);
    const other = peer({ userId: 'student2', role: 'student', observer: false }, ['student2']);
    other.board.create('rect', { x: 0, y: 0, width: 10, height: 10 });
    other.board.flush();
    s1.setRoom({ ...room(['student2'], 3), removed: ['student2'] });
    s1.receive(inbound('boardOps', 'student2', other.channel.ops[0]!.message));
    expect(s1.board.elements()).toEqual([]);
    expect(s1.board.status().rejected['not-allowed']).toBe(1);

    s1.setRoom(room(['student2'], 4));
    s1.receive(inbound('boardOps', 'student2', other.channel.ops[0]!.message));
    expect(s1.board.elements()).toHaveLength(1);
  });

  it('rejects malformed and oversized ops before they reach the view, and records claiming another author', () => {
    const s = peer(STUDENT);
    const requests = s.channel.snapshotRequests.length;
    const good = { id: 'e1', kind: 'rect', props: { x: 1, y: 1 }, version: 1, nonce: 1, by: 'teacher', z: 'a0', deleted: false };
    const bad = [
      { v: 1, pageId: 'p1', seq: 1, records: [{ ...good, props: { x: 'left', y: 1 } }] },
      { v: 1, pageId: 'p1', seq: 1, records: [{ ...good, kind: 'script' }] },
      { v: 1, pageId: 'p1', seq: 1, records: [{ ...good, props: { x: 1, y: 1, points: [1] } }] },
      { v: 1, pageId: 'p1', seq: 1, records: Array.from({ length: 101 }, (_, i) => ({ ...good, id: `e${i}` })) },
      { v: 1, pageId: 'p1', seq: 1, records: [{ ...good, props: { x: 1, y: 1, text: 'x'.repeat(2_001) } }] },
      { v: 1, pageId: 'p/1', seq: 1, records: [good] },
      { v: 1, pageId: 'p1', seq: 0, records: [good] },
    ];
    // The link worker validates each message once, at the edge: these never reach a board (schema checks moved there).
    const opsTopic = topic('boardOps', { classId: 'class-1', userId: 'teacher' });
    const payload = (message: unknown) => utf8Encode(JSON.stringify(message));
    const dropped = bad.map((message) => decode(opsTopic, payload(message)));
    expect(dropped.map((d) => (d.ok ? 'decoded' : d.reason))).toEqual(bad.map(() => 'schema'));
    const forged = decode(opsTopic, encode('boardOps', opsTopic, { v: 1, pageId: 'p1', seq: 1, records: [{ ...good, by: 'student' }] } as never).payload);
    expect(forged.ok && forged.kind === 'boardOps').toBe(true);
    s.receive(forged as ClassMessage);

    expect(s.changes()).toEqual([]);
    expect(s.board.elements()).toEqual([]);
    expect(s.board.status().rejected).toMatchObject({ forged: 1 });
    expect(s.channel.snapshotRequests).toHaveLength(requests);
  });

  it('keeps script-bearing text as the exact text it is', () => {
    const t = peer(TEACHER);
    const s = peer(STUDENT);
    const text = '<img src=x onerror="window.__pwned=1"><script>alert(1)</script>';
    t.board.create('text', { x: 0, y: 0, text });
    deliver(t, s);
    const change = s.changes()[0]!;
    expect(change.record?.props.text).toBe(text);
  });

  it('shows a remote live stroke until the committed element replaces it, and a laser until it times out', () => {
    const t = peer(TEACHER);
    const s = peer(STUDENT);
    t.board.beginStroke({ kind: 'highlighter', stroke: '#ffcc00', strokeWidth: 12 }, 0, 0);
    t.board.extendStroke([5, 5]);
    t.board.flush();
    t.board.extendStroke([9, 9]);
    t.board.flush();
    for (const live of t.channel.live) s.receive(inbound('boardLive', 'teacher', live));
    expect(s.board.liveStrokes().map((l) => l.points)).toEqual([[0, 0, 5, 5, 9, 9]]);
    t.board.endStroke();
    deliver(t, s);
    expect(s.board.liveStrokes()).toEqual([]);
    expect(s.board.elements().map((r) => r.kind)).toEqual(['highlighter']);

    s.receive(inbound('laser', 'teacher', { v: 1, pageId: 'p1', x: 3, y: 4, on: true }));
    expect(s.board.laserPointers()).toMatchObject([{ userId: 'teacher', x: 3, y: 4 }]);
    s.clock.advance(3_000);
    expect(s.board.laserPointers()).toEqual([]);
  });

  it('follows page turns, keeps each page separate and fetches a page it has not seen', async () => {
    const t = peer(TEACHER);
    const s = peer(STUDENT);
    t.board.create('rect', { x: 0, y: 0, width: 10, height: 10 });
    deliver(t, s);
    s.setCourse(course(['p1', 'p2'], 'p2', 2));
    expect(s.events.filter((e) => e.type === 'page').at(-1)).toMatchObject({ pageId: 'p2', elements: [] });
    expect(s.channel.snapshotRequests).toContain('p2');
    s.setCourse(course(['p1', 'p2'], 'p1', 1));
    expect(s.board.pageId).toBe('p2');
    expect(revisionOf(pageFrom(s.board.serialize('p1')))).toBe(1);
  });
});

describe('Board: snapshots of pages not shown', () => {
  it('keeps the newest snapshot of a page not shown and merges it once that page is shown', () => {
    const t = peer(TEACHER);
    t.setCourse(course(['p1', 'p2'], 'p2', 2));
    t.board.create('rect', { x: 1, y: 1, width: 10, height: 10 });
    const older = snapshotOf(t.board.serialize(), {});
    const rect = t.board.create('rect', { x: 2, y: 2, width: 10, height: 10 })!;
    const s = peer(STUDENT);
    s.receive(inbound('boardSnapshot', 'p2', older));
    s.receive(inbound('boardSnapshot', 'p2', snapshotOf(t.board.serialize(), {})));
    expect(s.changes()).toEqual([]);

    s.setCourse(course(['p1', 'p2'], 'p2', 2));
    expect(s.board.elements().map((r) => r.id)).toContain(rect.id);
    expect(s.board.serialize()).toBe(t.board.serialize());
  });

  it('merges a retained snapshot of the shown page that names ops it never received, even after fetching the page', async () => {
    const t = peer(TEACHER);
    const s = peer(STUDENT);
    await settle();
    const rect = t.board.create('rect', { x: 1, y: 1, width: 10, height: 10 })!;
    t.board.flush();
    s.receive(inbound('boardSnapshot', 'p1', snapshotOf(t.board.serialize(), { 'teacher/teacher-board': 1 })));
    expect(s.board.elements().map((r) => r.id)).toEqual([rect.id]);
  });

  it('converges when retained snapshots of a followed page arrive alongside the ops they hold', async () => {
    const t = peer(TEACHER);
    const s = peer(STUDENT);
    await settle();
    let sent = 0;
    for (let i = 0; i < 5; i++) {
      t.board.create('rect', { x: i, y: i, width: 10, height: 10 });
      sent = deliver(t, s, sent);
      s.receive(inbound('boardSnapshot', 'p1', snapshotOf(t.board.serialize(), { 'teacher/teacher-board': sent })));
    }
    expect(s.board.serialize()).toBe(t.board.serialize());
    expect(s.board.status().rejected.schema).toBe(0);
  });

  it('takes the sequence numbers of a snapshot of a page not shown at once, so ops that follow on from them are no gap', async () => {
    const t = peer(TEACHER);
    const s = peer(STUDENT);
    await settle();
    let sent = 0;
    for (let i = 0; i < 4; i++) {
      t.board.create('rect', { x: i, y: i, width: 10, height: 10 });
      sent = deliver(t, s, sent);
    }
    // The teacher's fifth op went to p2; its snapshot, on its way from before a page turn, reaches the student first.
    t.setCourse(course(['p1', 'p2'], 'p2', 2));
    t.board.create('ellipse', { x: 5, y: 5, width: 10, height: 10 });
    t.board.flush();
    t.setCourse(course(['p1', 'p2'], 'p1', 3));
    const requests = s.channel.snapshotRequests.length;
    s.receive(inbound('boardSnapshot', 'p2', snapshotOf(t.board.serialize('p2'), { 'teacher/teacher-board': 5 })));
    t.board.create('rect', { x: 9, y: 9, width: 10, height: 10 });
    deliver(t, s, 5);
    expect(s.channel.snapshotRequests).toHaveLength(requests);
  });

  it('fetches the shown page when a snapshot of another page counts ops this board never got (they may have been on it)', async () => {
    const t = peer(TEACHER);
    const s = peer(STUDENT);
    for (let i = 0; i < 5; i++) {
      t.board.create('rect', { x: i, y: i, width: 10, height: 10 });
      t.board.flush();
    }
    await settle();
    const requests = s.channel.snapshotRequests.length;
    s.channel.snapshot = async (pageId) => snapshotOf(t.board.serialize(pageId), pageId === 'p1' ? { 'teacher/teacher-board': 5 } : {});
    s.receive(inbound('boardSnapshot', 'p2', snapshotOf(new BoardPage('p2').serialize(), { 'teacher/teacher-board': 5 })));
    expect(s.channel.snapshotRequests.slice(requests)).toEqual(['p1']);
    await settle();
    // Counting those numbers without fetching used to hide the five rectangles for good.
    expect(s.board.serialize()).toBe(t.board.serialize());
  });

  it('merges a snapshot kept for a page not shown once it is shown, though its numbers were counted on arrival', async () => {
    const t = peer(TEACHER);
    const s = peer(STUDENT);
    await settle();
    const rect = t.board.create('rect', { x: 1, y: 1, width: 10, height: 10 })!;
    t.board.flush();
    // The student's link lost the op, and the course moved on before the page's snapshot arrived.
    s.setCourse(course(['p1', 'p2'], 'p2', 2));
    s.receive(inbound('boardSnapshot', 'p1', snapshotOf(t.board.serialize('p1'), { 'teacher/teacher-board': 1 })));
    s.setCourse(course(['p1', 'p2'], 'p1', 3));
    expect(s.board.elements().map((r) => r.id)).toEqual([rect.id]);
  });

  it('fetches a page again when ops went missing while its fetch was on its way, as the answer may not hold them', async () => {
    const t = peer(TEACHER);
    const s = peer(STUDENT);
    await settle();
    t.setCourse(course(['p1', 'p2'], 'p2', 2));
    const rect = t.board.create('rect', { x: 1, y: 1, width: 10, height: 10 })!;
    t.board.flush();
    // The board service answers the student's fetch of p2 with what it held then: the rectangle, not yet its deletion.
    let answer: (snapshot: BoardSnapshot) => void = () => {};
    const early = snapshotOf(t.board.serialize('p2'), { 'teacher/teacher-board': 1 });
    s.channel.snapshot = (pageId) => (pageId === 'p2' ? new Promise((resolve) => (answer = resolve)) : new Promise(() => {}));
    s.setCourse(course(['p1', 'p2'], 'p2', 2));
    t.board.remove([rect.id]);
    t.board.flush();
    t.setCourse(course(['p1', 'p2'], 'p1', 3));
    t.board.create('ellipse', { x: 2, y: 2, width: 10, height: 10 });
    t.board.flush();
    s.setCourse(course(['p1', 'p2'], 'p1', 3));
    // The deletion is lost on the way; the next op shows the gap while the fetch of p2 is still out.
    s.receive(inbound('boardOps', 'teacher', t.channel.ops[0]!.message), inbound('boardOps', 'teacher', t.channel.ops[2]!.message));
    s.channel.snapshot = async (pageId) => snapshotOf(t.board.serialize(pageId), { 'teacher/teacher-board': pageId === 'p2' ? 2 : 3 });
    // Before: the answer counted as the page's state, p2 was trusted, and the deletion never came.
    answer(early);
    await settle();
    expect(s.channel.snapshotRequests.filter((p) => p === 'p2')).toHaveLength(2);
    expect(s.board.serialize('p2')).toBe(t.board.serialize('p2'));
  });
});

describe('Board: senders, one per mounted board', () => {
  it('numbers ops per mounted board: a reloaded sender starts again at 1, is applied without a resync, and its gaps are still seen', async () => {
    const before = peer(TEACHER, [], 'teacher-tab');
    const s = peer(STUDENT);
    for (let i = 0; i < 3; i++) {
      before.board.create('rect', { x: i, y: 0, width: 10, height: 10 });
      before.board.flush();
    }
    deliver(before, s);
    await settle();
    const requests = s.channel.snapshotRequests.length;

    // The teacher reloads: a new board, whose ops count from 1 again under a new instance id.
    const after = peer(TEACHER, [], 'teacher-reloaded');
    const first = after.board.create('ellipse', { x: 50, y: 50, width: 5, height: 5 })!;
    after.board.flush();
    expect(after.channel.ops[0]!.message).toMatchObject({ session: 'teacher-reloaded', seq: 1 });
    s.receive(inbound('boardOps', 'teacher', after.channel.ops[0]!.message));
    expect(s.board.record(first.id)).toMatchObject({ kind: 'ellipse', version: 1 });
    expect(s.channel.snapshotRequests).toHaveLength(requests);

    // Its numbers are its own: losing its second op is a gap, even though the first tab had already sent a 3.
    after.board.create('text', { x: 1, y: 1, text: 'lost' });
    after.board.flush();
    after.board.create('text', { x: 2, y: 2, text: 'arrives' });
    after.board.flush();
    s.receive(inbound('boardOps', 'teacher', after.channel.ops[2]!.message));
    expect(s.channel.snapshotRequests).toHaveLength(requests + 1);
  });

  it('applies ops from the same user in another window, and skips only its own echo', () => {
    const tabA = peer(TEACHER, [], 'teacher-a');
    const tabB = peer(TEACHER, [], 'teacher-b');
    const rect = tabA.board.create('rect', { x: 0, y: 0, width: 10, height: 10 })!;
    deliver(tabA, tabB);
    expect(tabB.board.record(rect.id)).toMatchObject({ kind: 'rect', by: 'teacher' });
    expect(tabB.board.serialize()).toBe(tabA.board.serialize());

    tabA.events.length = 0;
    deliver(tabA, tabA);
    expect(tabA.changes()).toEqual([]);
    expect(tabA.board.status().rejected).toMatchObject({ schema: 0, 'not-allowed': 0, forged: 0 });
  });

  it('shows the live stroke and laser of the same user in another window, and skips only its own echo', () => {
    const tabA = peer(TEACHER, [], 'teacher-a');
    const tabB = peer(TEACHER, [], 'teacher-b');
    tabA.board.beginStroke({ kind: 'pen', stroke: '#ff0000', strokeWidth: 2 }, 1, 1);
    tabA.board.extendStroke([5, 5]);
    tabA.board.laser(7, 8, true);
    tabA.board.flush();
    for (const { kind, message } of tabA.channel.fired) tabB.receive(inbound(kind as 'boardLive' | 'laser', 'teacher', message));
    expect(tabB.board.liveStrokes()).toMatchObject([{ userId: 'teacher', points: [1, 1, 5, 5] }]);
    expect(tabB.board.laserPointers()).toMatchObject([{ userId: 'teacher', x: 7, y: 8 }]);
    // Each window points with its own laser.
    tabB.board.laser(20, 20, true);
    expect(tabB.board.laserPointers().map((l) => [l.x, l.y])).toEqual([[7, 8], [20, 20]]);

    // The echo of its own messages (one the link could no longer recognise by its bytes) changes nothing.
    const [live, laser] = tabA.channel.fired;
    tabA.events.length = 0;
    tabA.receive(inbound('boardLive', 'teacher', { ...live!.message, from: 0, points: [90, 90] }));
    tabA.receive(inbound('laser', 'teacher', { ...laser!.message, x: 99 }));
    expect(tabA.board.liveStrokes()).toMatchObject([{ points: [1, 1, 5, 5] }]);
    expect(tabA.board.laserPointers()).toMatchObject([{ x: 7, y: 8 }]);
    expect(tabA.events).toEqual([]);
  });

  it('takes a snapshot\'s sequence numbers per mounted board, and never its own', async () => {
    const t = peer(TEACHER, [], 'teacher-now');
    const s = peer(STUDENT);
    t.board.create('rect', { x: 0, y: 0, width: 10, height: 10 });
    t.board.flush();
    await settle();
    const requests = s.channel.snapshotRequests.length;
    // The service has seen the teacher's earlier tab up to 9 and the current one up to 1.
    s.receive(inbound('boardSnapshot', 'p1', snapshotOf(t.board.serialize(), { 'teacher/teacher-old': 9, 'teacher/teacher-now': 1 })));
    t.board.create('rect', { x: 5, y: 5, width: 10, height: 10 });
    t.board.flush();
    s.receive(inbound('boardOps', 'teacher', t.channel.ops[1]!.message));
    expect(s.channel.snapshotRequests).toHaveLength(requests);
    expect(s.board.serialize()).toBe(t.board.serialize());
  });
});

describe('Board: laser and resync on demand', () => {
  it('keeps announcing a laser held still, so receivers keep showing it, and stops once it is off', () => {
    const t = peer(TEACHER);
    const s = peer(STUDENT);
    let seen = 0;
    const newLasers = () => t.channel.lasers.slice(seen, (seen = t.channel.lasers.length));
    t.board.laser(30, 40, true);
    t.board.flush();
    for (let elapsed = 0; elapsed < 6_000; elapsed += 500) {
      t.clock.advance(500);
      s.clock.advance(500);
      for (const laser of newLasers()) s.receive(inbound('laser', 'teacher', laser));
      expect(s.board.laserPointers()).toMatchObject([{ userId: 'teacher', x: 30, y: 40 }]);
      expect(t.board.laserPointers()).toHaveLength(1);
    }

    t.board.laser(30, 40, false);
    t.board.flush();
    for (const laser of newLasers()) s.receive(inbound('laser', 'teacher', laser));
    expect(s.board.laserPointers()).toEqual([]);
    t.clock.advance(5_000);
    expect(newLasers()).toEqual([]);
  });

  it('settles a resync once the fetched page is merged, with its revision, and fails visibly when the service is away', async () => {
    const t = peer(TEACHER);
    const s = peer(STUDENT);
    t.board.create('rect', { x: 0, y: 0, width: 10, height: 10 });
    t.board.flush();
    s.channel.snapshot = async (pageId) => snapshotOf(t.board.serialize(pageId), {});
    const done = s.board.resync();
    await expect(done).resolves.toEqual({ pageId: 'p1', revision: 1 });
    expect(s.board.serialize()).toBe(t.board.serialize());

    s.channel.snapshot = () => Promise.reject(new Error('board service unavailable'));
    await expect(s.board.resync()).rejects.toThrow(/did not send the page/);
    expect(s.board.status().resyncFailed).toBe(true);
  });
});

describe('Board: an element the local user is editing', () => {
  it('keeps showing the dragged element when a remote edit arrives, and the drag, committed on top, wins everywhere', () => {
    const t = peer(TEACHER, ['student']);
    const s = peer(STUDENT, ['student']);
    const rect = t.board.create('rect', { x: 0, y: 0, width: 10, height: 10 })!;
    const sent = deliver(t, s);
    s.board.startEditing(rect.id);
    s.events.length = 0;
    t.board.update(rect.id, { x: 40 });
    deliver(t, s, sent);
    // Merged into the model at once (the drag's edit must be newer than it), but the view is not told yet.
    expect(s.board.record(rect.id)).toMatchObject({ version: 2, props: { x: 40 } });
    expect(s.changes()).toEqual([]);

    const moved = s.board.update(rect.id, { x: 100 })!;
    s.board.stopEditing(rect.id);
    expect(moved.version).toBe(3);
    expect(s.changes().map((c) => c.record?.props.x)).toEqual([100]);
    deliver(s, t);
    expect(t.board.record(rect.id)).toMatchObject({ props: { x: 100 } });
    expect(t.board.serialize()).toBe(s.board.serialize());
  });

  it('shows a remote change held back during a drag once the element is let go, and a remote deletion wins over the drag', () => {
    const t = peer(TEACHER, ['student']);
    const s = peer(STUDENT, ['student']);
    const a = t.board.create('rect', { x: 0, y: 0, width: 10, height: 10 })!;
    const b = t.board.create('rect', { x: 5, y: 5, width: 10, height: 10 })!;
    let sent = deliver(t, s);
    s.board.startEditing(a.id);
    s.events.length = 0;
    t.board.update(a.id, { x: 40 });
    sent = deliver(t, s, sent);
    // Let go without moving it (a click): the remote version shows now.
    s.board.stopEditing(a.id);
    expect(s.changes()).toMatchObject([{ id: a.id, record: { props: { x: 40 } } }]);

    s.board.startEditing(b.id);
    s.events.length = 0;
    t.board.remove([b.id]);
    deliver(t, s, sent);
    expect(s.changes()).toEqual([]);
    expect(s.board.update(b.id, { x: 60 })).toBeNull();
    s.board.stopEditing(b.id);
    expect(s.changes()).toEqual([{ id: b.id, record: null }]);
    expect(s.board.serialize()).toBe(t.board.serialize());
  });
});

describe('Board: undo across pages', () => {
  it('undoes an action on the page it was made on, even once the course has moved on', () => {
    const t = peer(TEACHER);
    const rect = t.board.create('rect', { x: 0, y: 0, width: 10, height: 10 })!;
    t.setCourse(course(['p1', 'p2'], 'p2', 2));
    t.board.undo();
    expect(pageFrom(t.board.serialize('p1')).get(rect.id)?.deleted).toBe(true);
    expect(pageFrom(t.board.serialize('p2')).size).toBe(0);
  });
});

function pageFrom(serialized: string): BoardPage {
  const parsed = JSON.parse(serialized) as { pageId: string; elements: BoardSnapshot['elements'] };
  const page = new BoardPage(parsed.pageId);
  page.apply(parsed.elements);
  return page;
}

function snapshotOf(serialized: string, seqs: Record<string, number>): BoardSnapshot {
  const parsed = JSON.parse(serialized) as { pageId: string; elements: BoardSnapshot['elements'] };
  return { v: 1, pageId: parsed.pageId, elements: parsed.elements, seqs, takenAt: 1 };
}
