import { describe, expect, it } from 'vitest';
import { RpcFailure, topic, type Course, type Room } from '../../shared/protocol';
import { LinkClassChannel, type ChannelLink } from './classChannel';
import { LinkClient } from './LinkClient';
import type { ClassCleared, ClassMessage } from './messages';
import { FakeWorker } from './testing/fakeWorker';

const CLASS = 'class-0001';

const connectedBatch = { status: { state: 'connected' as const, attempt: 0, rttMs: null, failure: null, detail: '' } };

/** A channel on a link that is connected, its class open. */
function channel(worker = new FakeWorker()) {
  const link: ChannelLink = new LinkClient(worker.asWorker, null);
  worker.batch(connectedBatch);
  const ch = new LinkClassChannel({ classId: CLASS, userId: 'teacher1', root: 'classroom', join: { observer: false }, link });
  ch.join();
  return { ch, worker };
}

const course = (version: number, classId = CLASS): ClassMessage => ({
  ok: true, kind: 'course', params: { classId }, topic: topic('course', { classId }),
  message: { v: 1, version, pages: [{ id: 'p1', kind: 'blank', asset: '', page: 1, title: '' }], current: 'p1', by: 'teacher1', ts: 1 },
});
const room = (version: number): Room => ({
  v: 1, version, drawing: [], chatMutedAll: false, chatMuted: [], stars: {}, removed: [], startedAt: null, countdownEndsAt: null, by: 'teacher1', ts: 1,
});
const ops = (seq: number, userId = 'student1'): ClassMessage => ({
  ok: true, kind: 'boardOps', params: { classId: CLASS, userId }, topic: topic('boardOps', { classId: CLASS, userId }),
  message: { v: 1, pageId: 'p1', session: 's', seq, records: [] },
});
const chat = (id: string): ClassMessage => ({
  ok: true, kind: 'chat', params: { classId: CLASS }, topic: topic('chat', { classId: CLASS }),
  message: { v: 1, id, from: { id: 's', name: 'S' }, text: id, moderation: 'clean', ts: 1 },
} as ClassMessage);
const handCleared: ClassCleared = {
  ok: true, kind: 'cleared', topic: topic('hand', { classId: CLASS, userId: 's' }), parsed: { kind: 'hand', params: { classId: CLASS, userId: 's' } },
};
const label = (m: ClassMessage) => (m.kind === 'course' ? `course ${m.message.version}` : m.kind === 'boardOps' ? `ops ${m.message.seq}` : m.kind === 'chat' ? `chat ${m.message.id}` : m.kind);

describe('a class channel', () => {
  it("joins its class on the link, takes the class's traffic from the link's batches while open, and leaves", () => {
    const { ch, worker } = channel();
    ch.join();
    expect(worker.sent.filter((c) => c.type === 'join')).toEqual([{ type: 'join', classId: CLASS, options: { observer: false } }]);
    const seen: string[] = [];
    ch.listen(['chat'], (messages) => seen.push(...messages.map(label)));
    worker.batch({ classMessages: [chat('a')] });
    ch.leave();
    expect(worker.last('leave')).toEqual({ type: 'leave', classId: CLASS });
    worker.batch({ classMessages: [chat('b')] });
    expect(seen).toEqual(['chat a']);
  });

  it('sorts each batch by kind once, keeping arrival order for a listener of several kinds, and skips other classes', () => {
    const { ch } = channel();
    const board: string[][] = [];
    const talk: string[][] = [];
    ch.listen(['course', 'boardOps'], (messages) => board.push(messages.map(label)));
    ch.listen(['chat'], (messages) => talk.push(messages.map(label)));
    ch.receive([course(1), ops(1), chat('a'), ops(2), course(9, 'class-0002')]);
    ch.receive([chat('b')]);
    expect(board).toEqual([['course 1', 'ops 1', 'ops 2']]);
    expect(talk).toEqual([['chat a'], ['chat b']]);
  });

  it('hands a listener that comes late the retained state and what nobody had listened to yet', () => {
    const { ch } = channel();
    const chats: string[] = [];
    ch.listen(['chat'], (messages) => chats.push(...messages.map(label)));
    ch.receive([course(1), ops(1), chat('a'), course(2), ops(2)]);
    const late: string[][] = [];
    ch.listen(['course', 'boardOps'], (messages) => late.push(messages.map(label)));
    expect(late).toEqual([['course 2', 'ops 1', 'ops 2']]);
    // The stream was handed over once: a second late listener gets the retained state only.
    const later: string[][] = [];
    ch.listen(['course', 'boardOps'], (messages) => later.push(messages.map(label)));
    expect(later).toEqual([['course 2']]);
    expect(chats).toEqual(['chat a']);
  });

  it('forgets a cleared topic and tells its cleared listeners', () => {
    const { ch } = channel();
    const cleared: string[] = [];
    ch.onCleared((list) => cleared.push(...list.map((c) => c.parsed.kind)));
    ch.receive([{ ok: true, kind: 'hand', params: { classId: CLASS, userId: 's' }, topic: handCleared.topic, message: { v: 1, raised: true, at: 1 } }]);
    ch.receive([handCleared]);
    const hands: unknown[] = [];
    ch.listen(['hand'], (messages) => hands.push(...messages));
    expect(cleared).toEqual(['hand']);
    expect(hands).toEqual([]);
  });

  it("publishes through the link, and hands its own course and room to this class's listeners at once", () => {
    const { ch, worker } = channel();
    const seen: string[] = [];
    ch.listen(['course', 'room'], (messages) => seen.push(...messages.map((m) => `${m.kind} ${m.message.version}`)));
    const next: Course = { ...(course(3) as Extract<ClassMessage, { kind: 'course' }>).message };
    const outboxId = ch.publish({ kind: 'course', message: next });
    ch.publish({ kind: 'room', message: room(4) });
    ch.publish({ kind: 'hand', message: { v: 1, raised: true, at: 1 } });
    expect(seen).toEqual(['course 3', 'room 4']);
    expect(worker.sent.filter((c) => c.type === 'act').map((c) => c.type === 'act' && c.action.kind === 'publish' && c.action.publication.kind)).toEqual([
      'course',
      'room',
      'hand',
    ]);
    expect(worker.sent.find((c) => c.type === 'act')).toMatchObject({ id: outboxId, action: { classId: CLASS } });
  });

  it("passes on the link's acknowledged and refused outbox ids and connection changes, the current connection at once", () => {
    const { ch, worker } = channel();
    const settled: unknown[] = [];
    const connected: boolean[] = [];
    ch.onSettled((s) => settled.push(s));
    ch.onConnected((c) => connected.push(c));
    worker.batch({ acknowledged: ['a'] });
    worker.post({ type: 'actionRejected', id: 'b', message: 'full' });
    worker.batch({ status: { ...connectedBatch.status, state: 'reconnecting', attempt: 1 } });
    worker.batch({ status: { ...connectedBatch.status, state: 'reconnecting', attempt: 2 } });
    worker.batch(connectedBatch);
    expect(settled).toEqual([
      { acknowledged: ['a'], rejected: [] },
      { acknowledged: [], rejected: [{ id: 'b', message: 'full' }] },
    ]);
    expect(connected).toEqual([true, false, true]);
  });

  it('calls services through the link, where a malformed result rejects as invalid-response', async () => {
    const { ch, worker } = channel();
    const snapshot = ch.request('board', 'snapshot', { classId: CLASS, pageId: 'p1' });
    const sent = worker.last('request')!;
    expect(sent).toMatchObject({ service: 'board', method: 'snapshot', params: { classId: CLASS, pageId: 'p1' } });
    worker.post({ type: 'settled', id: sent.id, outcome: { ok: false, code: 'invalid-response', message: 'board snapshot answered with something unexpected' } });
    const failure = await snapshot.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RpcFailure);
    expect((failure as RpcFailure).code).toBe('invalid-response');
  });
});
