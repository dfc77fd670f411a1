import { describe, expect, it } from 'vitest';
import { decode, encode, topic, type BoardSnapshot } from '../../../shared/protocol';
import type { BoardParticipant } from '../contract';
import { BoardSession, revisionOf } from './BoardSession';
import type { BoardEvent, ElementChange } from './boardEvents';
import { ManualClock, RecordingTransport, course, inbound, room, settle } from './testkit';
import { BoardPage } from '../../../shared/whiteboard';

const TEACHER: BoardParticipant = { userId: 'teacher', role: 'teacher', observer: false };
const STUDENT: BoardParticipant = { userId: 'student', role: 'student', observer: false };

function seeded(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** One mounted board; `sessionId` tells apart several boards of the same user (a reload, a second window). */
function peer(participant: BoardParticipant, drawing: string[] = [], sessionId = `${participant.userId}-board`) {
  const clock = new ManualClock();
  const transport = new RecordingTransport();
  let n = 0;
  const session = new BoardSession({
    transport, participant, teacherId: 'teacher', clock, random: seeded(participant.userId.length),
    newId: () => `${sessionId}-${++n}`, sessionId,
  });
  // The board service answers with an empty page unless a test says otherwise.
  transport.snapshot = async (pageId) => snapshotOf(new BoardPage(pageId).serialize(), {});
  const events: BoardEvent[] = [];
  session.on((e) => events.push(e));
  session.setCourse(course(['p1', 'p2'], 'p1'));
  session.setRoom(room(drawing));
  const changes = () => events.flatMap((e) => (e.type === 'elements' ? e.changes : [] as ElementChange[]));
  return { session, transport, clock, events, changes };
}

/** Delivers every op `from` has sent since `since` to `to`, as the broker would. */
function deliver(from: ReturnType<typeof peer>, to: ReturnType<typeof peer>, since = 0): number {
  from.session.flush();
  const sent = from.transport.ops.slice(since);
  for (const { message } of sent) to.session.receive(inbound('boardOps', from.session['participant'].userId, message));
  return from.transport.ops.length;
}

describe('BoardSession: local edits', () => {
  it('streams a pen stroke live and commits it as one element with the next sequence number', () => {
    const t = peer(TEACHER);
    t.session.beginStroke({ kind: 'pen', stroke: '#ff0000', strokeWidth: 4 }, 10, 20);
    t.session.extendStroke([15, 25, 30, 40]);
    t.session.flush();
    expect(t.transport.live.map((l) => l.points)).toEqual([[10, 20, 15, 25, 30, 40]]);
    const record = t.session.endStroke();
    t.session.flush();

    expect(record).toMatchObject({ kind: 'pen', props: { x: 10, y: 20, width: 20, height: 20, points: [0, 0, 5, 5, 20, 20] } });
    expect(t.transport.ops).toHaveLength(1);
    expect(t.transport.ops[0]!.message).toMatchObject({ pageId: 'p1', seq: 1, records: [{ id: record!.id }] });
    expect(t.session.liveStrokes()).toEqual([]);
  });

  it('sends the edits of one task as one message, with only the newest version of each element', () => {
    const t = peer(TEACHER);
    const rect = t.session.create('rect', { x: 0, y: 0, width: 10, height: 10 })!;
    for (let x = 1; x <= 20; x++) t.session.update(rect.id, { x });
    t.session.create('ellipse', { x: 5, y: 5, width: 3, height: 3 });
    t.clock.advance(0);

    expect(t.transport.ops).toHaveLength(1);
    const records = t.transport.ops[0]!.message.records;
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ id: rect.id, version: 21, props: { x: 20 } });
  });

  it('sends edits made in quick succession at most once a frame, together', () => {
    const t = peer(TEACHER);
    t.session.create('rect', { x: 0, y: 0, width: 10, height: 10 });
    t.clock.advance(0);
    expect(t.transport.ops).toHaveLength(1);

    for (let i = 1; i <= 5; i++) {
      t.session.create('rect', { x: i, y: i, width: 10, height: 10 });
      t.clock.advance(2);
    }
    expect(t.transport.ops).toHaveLength(1);
    t.clock.advance(16);
    expect(t.transport.ops).toHaveLength(2);
    expect(t.transport.ops[1]!.message).toMatchObject({ seq: 2 });
    expect(t.transport.ops[1]!.message.records).toHaveLength(5);

    t.clock.advance(100);
    t.session.create('rect', { x: 9, y: 9, width: 10, height: 10 });
    t.clock.advance(0);
    expect(t.transport.ops).toHaveLength(3);
  });

  it('splits a large batch into messages of at most 100 records, numbered in order', () => {
    const t = peer(TEACHER);
    for (let i = 0; i < 250; i++) t.session.create('rect', { x: i, y: i, width: 1, height: 1 });
    t.session.flush();
    expect(t.transport.ops.map((o) => o.message.records.length)).toEqual([100, 100, 50]);
    expect(t.transport.ops.map((o) => o.message.seq)).toEqual([1, 2, 3]);
  });

  it('shows ops as unsent until the link acknowledges them, and reports them in the board sync', () => {
    const t = peer(TEACHER);
    t.session.create('rect', { x: 0, y: 0, width: 10, height: 10 });
    t.session.create('rect', { x: 1, y: 1, width: 10, height: 10 });
    t.session.flush();
    t.session.create('rect', { x: 2, y: 2, width: 10, height: 10 });
    t.session.flush();
    expect(t.session.status().unsent).toBe(2);
    t.clock.advance(300);
    expect(t.transport.syncs.at(-1)).toMatchObject({ pageId: 'p1', revision: 3, unsent: 2 });

    t.session.acknowledged([t.transport.ops[0]!.outboxId]);
    expect(t.session.status().unsent).toBe(1);
    t.clock.advance(5_000);
    expect(t.transport.telemetry.at(-1)).toMatchObject({ type: 'board-lag', pendingOps: 1 });
    t.session.acknowledged([t.transport.ops[1]!.outboxId]);
    expect(t.session.status().unsent).toBe(0);
    t.clock.advance(300);
    expect(t.transport.syncs.at(-1)).toMatchObject({ revision: 3, unsent: 0 });
  });

  it('refuses local edits from a student without drawing rights and from a silent observer, and says why', () => {
    const s = peer(STUDENT);
    expect(s.session.status()).toMatchObject({ canDraw: false, block: 'no-grant' });
    expect(s.session.create('rect', { x: 0, y: 0 })).toBeNull();
    expect(s.session.beginStroke({ kind: 'pen', stroke: '#000000', strokeWidth: 2 }, 0, 0)).toBeNull();
    s.session.flush();
    expect(s.transport.ops).toHaveLength(0);

    s.session.setRoom(room(['student'], 2));
    expect(s.session.create('rect', { x: 0, y: 0 })).not.toBeNull();

    const o = peer({ userId: 'sup', role: 'supervisor', observer: true });
    expect(o.session.status().block).toBe('observer');
    o.session.setRoom(room(['sup'], 2));
    expect(o.session.status().canDraw).toBe(true);
  });
});

describe('BoardSession: undo and redo of own actions', () => {
  it('undoes a move as a new version, and redoes it', () => {
    const t = peer(TEACHER);
    const rect = t.session.create('rect', { x: 0, y: 0, width: 10, height: 10 })!;
    t.session.update(rect.id, { x: 50, angle: 30 });
    t.session.undo();
    expect(t.session.record(rect.id)).toMatchObject({ version: 3, props: { x: 0, angle: 0 } });
    t.session.redo();
    expect(t.session.record(rect.id)).toMatchObject({ version: 4, props: { x: 50, angle: 30 } });
  });

  it('undoes a creation with a tombstone and brings an erased element back under a new id', () => {
    const t = peer(TEACHER);
    const a = t.session.create('rect', { x: 0, y: 0, width: 10, height: 10 })!;
    t.session.undo();
    expect(t.session.elements()).toEqual([]);
    t.session.redo();
    expect(t.session.elements().map((r) => r.props.x)).toEqual([0]);

    const b = t.session.create('ellipse', { x: 7, y: 7, width: 2, height: 2 })!;
    t.session.remove([b.id]);
    t.session.undo();
    const kinds = t.session.elements().map((r) => r.kind).sort();
    expect(kinds).toEqual(['ellipse', 'rect']);
    expect(t.session.record(b.id)?.deleted).toBe(true);
    expect(t.session.record(a.id)?.deleted).toBe(true);
  });

  it('undoes a page clear in one step, and only touches the user\'s own actions', () => {
    const t = peer(TEACHER, ['student']);
    const s = peer(STUDENT, ['student']);
    s.session.create('text', { x: 1, y: 1, text: 'student note' });
    deliver(s, t);
    t.session.create('rect', { x: 0, y: 0, width: 1, height: 1 });
    t.session.clearPage();
    expect(t.session.elements()).toEqual([]);
    t.session.undo();
    expect(t.session.elements().map((r) => r.kind).sort()).toEqual(['rect', 'text']);
    t.session.undo();
    t.session.undo();
    expect(t.session.elements().map((r) => r.kind)).toEqual(['text']);
  });
});

describe('BoardSession: receiving', () => {
  it('converges with the sender byte for byte and changes exactly the elements named', () => {
    const t = peer(TEACHER);
    const s = peer(STUDENT);
    const rect = t.session.create('rect', { x: 0, y: 0, width: 10, height: 10 })!;
    t.session.create('line', { x: 0, y: 0, points: [0, 0, 10, 10] });
    const sent = deliver(t, s);
    t.session.update(rect.id, { x: 40 });
    s.events.length = 0;
    deliver(t, s, sent);

    expect(s.changes().map((c) => c.id)).toEqual([rect.id]);
    expect(s.events.some((e) => e.type === 'page')).toBe(false);
    expect(s.session.serialize()).toBe(t.session.serialize());
  });

  it('treats duplicated and replayed ops as harmless', () => {
    const t = peer(TEACHER);
    const s = peer(STUDENT);
    t.session.create('rect', { x: 0, y: 0, width: 10, height: 10 });
    deliver(t, s);
    const requests = s.transport.snapshotRequests.length;
    const before = s.session.serialize();
    const eventsBefore = s.events.length;
    deliver(t, s);
    deliver(t, s);
    expect(s.session.serialize()).toBe(before);
    expect(s.events.length).toBe(eventsBefore);
    expect(s.transport.snapshotRequests).toHaveLength(requests);
  });

  it('asks for a snapshot when a sequence number is skipped, and ends identical to the sender', async () => {
    const t = peer(TEACHER);
    const s = peer(STUDENT);
    t.session.create('rect', { x: 0, y: 0, width: 10, height: 10 });
    t.session.flush();
    t.session.create('ellipse', { x: 3, y: 3, width: 10, height: 10 });
    t.session.flush();
    t.session.create('text', { x: 9, y: 9, text: 'hello' });
    t.session.flush();
    // The board service holds everything the teacher sent.
    await settle();
    const joined = s.transport.snapshotRequests.length;
    s.transport.snapshot = async (pageId) => snapshotOf(t.session.serialize(pageId), { teacher: 3 });
    s.session.receive(inbound('boardOps', 'teacher', t.transport.ops[0]!.message));
    s.session.receive(inbound('boardOps', 'teacher', t.transport.ops[2]!.message));
    expect(s.transport.snapshotRequests).toHaveLength(joined + 1);
    await settle();
    expect(s.session.serialize()).toBe(t.session.serialize());
    expect(s.session.status().resyncing).toBe(false);

    // The late copy of the lost op changes nothing and is not another gap.
    s.session.receive(inbound('boardOps', 'teacher', t.transport.ops[1]!.message));
    expect(s.transport.snapshotRequests).toHaveLength(joined + 1);
  });

  it('keeps retrying a failed resync and says so meanwhile', async () => {
    const t = peer(TEACHER);
    const s = peer(STUDENT);
    s.transport.snapshot = () => Promise.reject(new Error('board service unavailable'));
    s.session.reconnected();
    await settle();
    expect(s.session.status().resyncFailed).toBe(true);
    t.session.create('rect', { x: 0, y: 0, width: 10, height: 10 });
    t.session.flush();
    s.transport.snapshot = async (pageId) => snapshotOf(t.session.serialize(pageId), { teacher: 1 });
    s.clock.advance(2_000);
    await settle();
    expect(s.session.status().resyncFailed).toBe(false);
    expect(s.session.serialize()).toBe(t.session.serialize());
  });

  it('ignores and counts ops, live strokes and laser from a student without drawing rights', () => {
    const s1 = peer(STUDENT);
    const other = peer({ userId: 'student2', role: 'student', observer: false }, ['student2']);
    other.session.create('rect', { x: 0, y: 0, width: 10, height: 10 });
    other.session.flush();
    s1.events.length = 0;
    s1.session.receive(inbound('boardOps', 'student2', other.transport.ops[0]!.message));
    s1.session.receive(inbound('laser', 'student2', { v: 1, pageId: 'p1', x: 1, y: 1, on: true }));
    s1.session.receive(inbound('boardLive', 'student2', { v: 1, pageId: 'p1', strokeId: 'x1', kind: 'pen', stroke: '#000000', strokeWidth: 2, from: 0, points: [1, 1] }));

    expect(s1.session.elements()).toEqual([]);
    expect(s1.changes()).toEqual([]);
    expect(s1.session.laserPointers()).toEqual([]);
    expect(s1.session.liveStrokes()).toEqual([]);
    expect(s1.session.status().rejected['not-allowed']).toBe(3);

    s1.session.setRoom(room(['student2'], 2));
    s1.session.receive(inbound('boardOps', 'student2', other.transport.ops[0]!.message));
    expect(s1.session.elements()).toHaveLength(1);
  });

  it('ignores a removed student even while the room still lists their grant, until they are back and granted', () => {
    const s1 = peer(STUDENT);
    const other = peer({ userId: 'student2', role: 'student', observer: false }, ['student2']);
    other.session.create('rect', { x: 0, y: 0, width: 10, height: 10 });
    other.session.flush();
    s1.session.setRoom({ ...room(['student2'], 3), removed: ['student2'] });
    s1.session.receive(inbound('boardOps', 'student2', other.transport.ops[0]!.message));
    expect(s1.session.elements()).toEqual([]);
    expect(s1.session.status().rejected['not-allowed']).toBe(1);

    s1.session.setRoom(room(['student2'], 4));
    s1.session.receive(inbound('boardOps', 'student2', other.transport.ops[0]!.message));
    expect(s1.session.elements()).toHaveLength(1);
  });

  it('rejects malformed and oversized ops before they reach the view, and records claiming another author', () => {
    const s = peer(STUDENT);
    const requests = s.transport.snapshotRequests.length;
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
    const payload = (message: unknown) => new TextEncoder().encode(JSON.stringify(message));
    const dropped = bad.map((message) => decode(opsTopic, payload(message)));
    expect(dropped.map((d) => (d.ok ? 'decoded' : d.reason))).toEqual(bad.map(() => 'schema'));
    const forged = decode(opsTopic, encode('boardOps', opsTopic, { v: 1, pageId: 'p1', seq: 1, records: [{ ...good, by: 'student' }] } as never).payload);
    expect(forged.ok && forged.kind === 'boardOps').toBe(true);
    s.session.receive(forged as Parameters<BoardSession['receive']>[0]);

    expect(s.changes()).toEqual([]);
    expect(s.session.elements()).toEqual([]);
    expect(s.session.status().rejected).toMatchObject({ forged: 1 });
    expect(s.transport.snapshotRequests).toHaveLength(requests);
  });

  it('keeps script-bearing text as the exact text it is', () => {
    const t = peer(TEACHER);
    const s = peer(STUDENT);
    const text = '<img src=x onerror="window.__pwned=1"><script>alert(1)</script>';
    t.session.create('text', { x: 0, y: 0, text });
    deliver(t, s);
    const change = s.changes()[0]!;
    expect(change.record?.props.text).toBe(text);
  });

  it('shows a remote live stroke until the committed element replaces it, and a laser until it times out', () => {
    const t = peer(TEACHER);
    const s = peer(STUDENT);
    t.session.beginStroke({ kind: 'highlighter', stroke: '#ffcc00', strokeWidth: 12 }, 0, 0);
    t.session.extendStroke([5, 5]);
    t.session.flush();
    t.session.extendStroke([9, 9]);
    t.session.flush();
    for (const live of t.transport.live) s.session.receive(inbound('boardLive', 'teacher', live));
    expect(s.session.liveStrokes().map((l) => l.points)).toEqual([[0, 0, 5, 5, 9, 9]]);
    t.session.endStroke();
    deliver(t, s);
    expect(s.session.liveStrokes()).toEqual([]);
    expect(s.session.elements().map((r) => r.kind)).toEqual(['highlighter']);

    s.session.receive(inbound('laser', 'teacher', { v: 1, pageId: 'p1', x: 3, y: 4, on: true }));
    expect(s.session.laserPointers()).toMatchObject([{ userId: 'teacher', x: 3, y: 4 }]);
    s.clock.advance(3_000);
    expect(s.session.laserPointers()).toEqual([]);
  });

  it('follows page turns, keeps each page separate and fetches a page it has not seen', async () => {
    const t = peer(TEACHER);
    const s = peer(STUDENT);
    t.session.create('rect', { x: 0, y: 0, width: 10, height: 10 });
    deliver(t, s);
    s.session.setCourse(course(['p1', 'p2'], 'p2', 2));
    expect(s.events.filter((e) => e.type === 'page').at(-1)).toMatchObject({ pageId: 'p2', elements: [] });
    expect(s.transport.snapshotRequests).toContain('p2');
    s.session.setCourse(course(['p1', 'p2'], 'p1', 1));
    expect(s.session.pageId).toBe('p2');
    expect(revisionOf(pageFrom(s.session.serialize('p1')))).toBe(1);
  });
});

describe('BoardSession: snapshots of pages not shown', () => {
  it('keeps the newest snapshot of a page not shown and merges it once that page is shown', () => {
    const t = peer(TEACHER);
    t.session.setCourse(course(['p1', 'p2'], 'p2', 2));
    t.session.create('rect', { x: 1, y: 1, width: 10, height: 10 });
    const older = snapshotOf(t.session.serialize(), {});
    const rect = t.session.create('rect', { x: 2, y: 2, width: 10, height: 10 })!;
    const s = peer(STUDENT);
    s.session.receive(inbound('boardSnapshot', 'p2', older));
    s.session.receive(inbound('boardSnapshot', 'p2', snapshotOf(t.session.serialize(), {})));
    expect(s.changes()).toEqual([]);

    s.session.setCourse(course(['p1', 'p2'], 'p2', 2));
    expect(s.session.elements().map((r) => r.id)).toContain(rect.id);
    expect(s.session.serialize()).toBe(t.session.serialize());
  });

  it('merges a retained snapshot of the shown page that names ops it never received, even after fetching the page', async () => {
    const t = peer(TEACHER);
    const s = peer(STUDENT);
    await settle();
    const rect = t.session.create('rect', { x: 1, y: 1, width: 10, height: 10 })!;
    t.session.flush();
    s.session.receive(inbound('boardSnapshot', 'p1', snapshotOf(t.session.serialize(), { 'teacher/teacher-board': 1 })));
    expect(s.session.elements().map((r) => r.id)).toEqual([rect.id]);
  });

  it('converges when retained snapshots of a followed page arrive alongside the ops they hold', async () => {
    const t = peer(TEACHER);
    const s = peer(STUDENT);
    await settle();
    let sent = 0;
    for (let i = 0; i < 5; i++) {
      t.session.create('rect', { x: i, y: i, width: 10, height: 10 });
      sent = deliver(t, s, sent);
      s.session.receive(inbound('boardSnapshot', 'p1', snapshotOf(t.session.serialize(), { 'teacher/teacher-board': sent })));
    }
    expect(s.session.serialize()).toBe(t.session.serialize());
    expect(s.session.status().rejected.schema).toBe(0);
  });

  it('takes the sequence numbers of a snapshot of a page not shown at once, so they do not look like a gap', async () => {
    const t = peer(TEACHER);
    const s = peer(STUDENT);
    for (let i = 0; i < 5; i++) {
      t.session.create('rect', { x: i, y: i, width: 10, height: 10 });
      t.session.flush();
    }
    await settle();
    const requests = s.transport.snapshotRequests.length;
    s.session.receive(inbound('boardSnapshot', 'p2', snapshotOf(new BoardPage('p2').serialize(), { 'teacher/teacher-board': 5 })));
    t.session.create('rect', { x: 9, y: 9, width: 10, height: 10 });
    deliver(t, s, 5);
    expect(s.transport.snapshotRequests).toHaveLength(requests);
  });
});

describe('BoardSession: sender sessions', () => {
  it('numbers ops per board session: a reloaded sender starts again at 1, is applied without a resync, and its gaps are still seen', async () => {
    const before = peer(TEACHER, [], 'teacher-tab');
    const s = peer(STUDENT);
    for (let i = 0; i < 3; i++) {
      before.session.create('rect', { x: i, y: 0, width: 10, height: 10 });
      before.session.flush();
    }
    deliver(before, s);
    await settle();
    const requests = s.transport.snapshotRequests.length;

    // The teacher reloads: a new board, whose ops count from 1 again under a new session id.
    const after = peer(TEACHER, [], 'teacher-reloaded');
    const first = after.session.create('ellipse', { x: 50, y: 50, width: 5, height: 5 })!;
    after.session.flush();
    expect(after.transport.ops[0]!.message).toMatchObject({ session: 'teacher-reloaded', seq: 1 });
    s.session.receive(inbound('boardOps', 'teacher', after.transport.ops[0]!.message));
    expect(s.session.record(first.id)).toMatchObject({ kind: 'ellipse', version: 1 });
    expect(s.transport.snapshotRequests).toHaveLength(requests);

    // Its numbers are its own: losing its second op is a gap, even though the first tab had already sent a 3.
    after.session.create('text', { x: 1, y: 1, text: 'lost' });
    after.session.flush();
    after.session.create('text', { x: 2, y: 2, text: 'arrives' });
    after.session.flush();
    s.session.receive(inbound('boardOps', 'teacher', after.transport.ops[2]!.message));
    expect(s.transport.snapshotRequests).toHaveLength(requests + 1);
  });

  it('applies ops from the same user in another window, and skips only its own echo', () => {
    const tabA = peer(TEACHER, [], 'teacher-a');
    const tabB = peer(TEACHER, [], 'teacher-b');
    const rect = tabA.session.create('rect', { x: 0, y: 0, width: 10, height: 10 })!;
    deliver(tabA, tabB);
    expect(tabB.session.record(rect.id)).toMatchObject({ kind: 'rect', by: 'teacher' });
    expect(tabB.session.serialize()).toBe(tabA.session.serialize());

    tabA.events.length = 0;
    deliver(tabA, tabA);
    expect(tabA.changes()).toEqual([]);
    expect(tabA.session.status().rejected).toMatchObject({ schema: 0, 'not-allowed': 0, forged: 0 });
  });

  it('takes a snapshot\'s sequence numbers per session, and never its own', async () => {
    const t = peer(TEACHER, [], 'teacher-now');
    const s = peer(STUDENT);
    t.session.create('rect', { x: 0, y: 0, width: 10, height: 10 });
    t.session.flush();
    await settle();
    const requests = s.transport.snapshotRequests.length;
    // The service has seen the teacher's earlier tab up to 9 and the current one up to 1.
    s.session.receive(inbound('boardSnapshot', 'p1', snapshotOf(t.session.serialize(), { 'teacher/teacher-old': 9, 'teacher/teacher-now': 1 })));
    t.session.create('rect', { x: 5, y: 5, width: 10, height: 10 });
    t.session.flush();
    s.session.receive(inbound('boardOps', 'teacher', t.transport.ops[1]!.message));
    expect(s.transport.snapshotRequests).toHaveLength(requests);
    expect(s.session.serialize()).toBe(t.session.serialize());
  });
});

describe('BoardSession: laser and resync on demand', () => {
  it('keeps announcing a laser held still, so receivers keep showing it, and stops once it is off', () => {
    const t = peer(TEACHER);
    const s = peer(STUDENT);
    t.session.laser(30, 40, true);
    t.session.flush();
    for (let elapsed = 0; elapsed < 6_000; elapsed += 500) {
      t.clock.advance(500);
      s.clock.advance(500);
      for (const laser of t.transport.lasers.splice(0)) s.session.receive(inbound('laser', 'teacher', laser));
      expect(s.session.laserPointers()).toMatchObject([{ userId: 'teacher', x: 30, y: 40 }]);
      expect(t.session.laserPointers()).toHaveLength(1);
    }

    t.session.laser(30, 40, false);
    t.session.flush();
    for (const laser of t.transport.lasers.splice(0)) s.session.receive(inbound('laser', 'teacher', laser));
    expect(s.session.laserPointers()).toEqual([]);
    t.clock.advance(5_000);
    expect(t.transport.lasers).toEqual([]);
  });

  it('settles a resync once the fetched page is merged, with its revision, and fails visibly when the service is away', async () => {
    const t = peer(TEACHER);
    const s = peer(STUDENT);
    t.session.create('rect', { x: 0, y: 0, width: 10, height: 10 });
    t.session.flush();
    s.transport.snapshot = async (pageId) => snapshotOf(t.session.serialize(pageId), {});
    const done = s.session.resync();
    await expect(done).resolves.toEqual({ pageId: 'p1', revision: 1 });
    expect(s.session.serialize()).toBe(t.session.serialize());

    s.transport.snapshot = () => Promise.reject(new Error('board service unavailable'));
    await expect(s.session.resync()).rejects.toThrow(/did not send the page/);
    expect(s.session.status().resyncFailed).toBe(true);
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
