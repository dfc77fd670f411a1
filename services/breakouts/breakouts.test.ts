import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BreakoutState } from '../../shared/protocol/breakouts';
import { encode } from '../../shared/protocol/codec';
import type { BoardSnapshot, Course, Room } from '../../shared/protocol/messages';
import { filter, topic } from '../../shared/protocol/topics';
import type { ElementRecord } from '../../shared/whiteboard/element';
import { launchBackend, type BackendInternals, type RunningBackend } from '../backend';
import { barrier, Clients, publishOutcome, subscribe } from '../testing/clients';
import { TestParticipant } from '../testing/test-participant';

let backend: RunningBackend;
let internals: BackendInternals;
const clients = new Clients();
const classId = 'class-0001';

beforeAll(async () => {
  ({ backend, internals } = await launchBackend({ classes: 0 }));
});
afterEach(async () => {
  // Each test starts from no running round.
  if (internals.breakouts.state(classId)?.state === 'running') {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    await teacher.call('breakouts', 'end', { classId });
  }
  await clients.closeAll();
});
afterAll(() => backend.close());

/** A student of the class who is not a demo account, signed by the backend's own key. */
async function student(id: string): Promise<TestParticipant> {
  const { token } = await internals.tokens.sign({ sub: id, name: `Name of ${id}`, role: 'student', classes: [classId] });
  return TestParticipant.open(clients, backend, id, token);
}

async function started(teacher: TestParticipant, params: Record<string, unknown>): Promise<BreakoutState> {
  const response = await teacher.call('breakouts', 'start', { classId, minutes: 10, ...params });
  expect(response).toMatchObject({ ok: true, result: { state: 'running' } });
  return (response as { result: BreakoutState }).result;
}

const groupOf = (state: BreakoutState, userId: string) => state.groups.find((g) => g.members.some((m) => m.id === userId))!;

let serial = 0;
function op(inClass: string, userId: string, pageId = 'p1') {
  const record: ElementRecord = {
    id: `el-${++serial}`, kind: 'rect', version: 1, nonce: 1, by: userId, z: 'a0', deleted: false,
    props: { x: 1, y: 2, width: 3, height: 4, angle: 0, stroke: '#000000', fill: '', strokeWidth: 2, opacity: 1, points: [], text: '', fontSize: 24, asset: '' },
  };
  return { id: record.id, message: encode('boardOps', topic('boardOps', { classId: inClass, userId }), { v: 1, pageId, session: 's', seq: serial, records: [record] }) };
}

const json = <T>(payload: Buffer) => JSON.parse(payload.toString()) as T;

describe('breakouts service', () => {
  it('splits the class at random into groups with their own page and drawing room, announced in the retained state', async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    const ids = ['br-a', 'br-b', 'br-c', 'br-d', 'br-e'];
    await Promise.all(ids.map(student));
    const state = await started(teacher, { mode: 'random', groups: 2, students: ids });
    expect(state.groups.map((g) => g.members.length).sort()).toEqual([2, 3]);
    expect(state.groups.flatMap((g) => g.members.map((m) => m.id)).sort()).toEqual(ids);
    expect(state.groups[0]!.classId).toBe(`${classId}~r${state.round.toString(36)}g1`);

    const watcher = await student('br-a');
    await subscribe(watcher.client, [topic('breakouts', { classId })]);
    const retained = await watcher.inbox.waitFor((m) => m.topic === topic('breakouts', { classId }), 'the breakout state');
    expect(json<BreakoutState>(retained.payload)).toMatchObject({ round: state.round, state: 'running' });

    const mine = groupOf(state, 'br-a').classId;
    await subscribe(watcher.client, [topic('course', { classId: mine }), topic('room', { classId: mine })]);
    const course = await watcher.inbox.waitFor((m) => m.topic === topic('course', { classId: mine }), "the group's course");
    expect(json<Course>(course.payload).pages).toMatchObject([{ id: 'p1', kind: 'blank' }]);
    const room = await watcher.inbox.waitFor((m) => m.topic === topic('room', { classId: mine }), "the group's room");
    expect(json<Room>(room.payload).drawing.sort()).toEqual(groupOf(state, 'br-a').members.map((m) => m.id).sort());
  });

  it("lets a student read and draw in their own group, and the teacher visit it and see its board", async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    const alice = await student('br-alice');
    await student('br-bob');
    const state = await started(teacher, { mode: 'manual', groups: 2, assignment: [['br-alice'], ['br-bob']] });
    const mine = groupOf(state, 'br-alice').classId;

    expect(await subscribe(teacher.client, [filter('boardOps', { classId: mine })])).toEqual([1]);
    expect(await subscribe(alice.client, [filter('boardOps', { classId: mine }), filter('chat', { classId: mine })])).toEqual([1, 1]);
    const drawn = op(mine, 'br-alice');
    expect(await publishOutcome(alice.client, drawn.message.topic, Buffer.from(drawn.message.payload))).toBe('acked');
    await teacher.inbox.waitFor((m) => m.topic === drawn.message.topic, "the student's op, at the visiting teacher");
    await expect
      .poll(async () => {
        const reply = await teacher.call('board', 'snapshot', { classId: mine, pageId: 'p1' });
        return reply.ok ? (reply.result as BoardSnapshot).elements.map((e) => e.id) : [];
      })
      .toContain(drawn.id);
    // Group chat goes through the moderation service like any class's.
    expect(await alice.call('moderation', 'chat.send', { classId: mine, id: 'm-group-1', text: 'hello group' })).toMatchObject({ ok: true });
    await alice.inbox.waitFor((m) => m.topic === topic('chat', { classId: mine }) && m.payload.toString().includes('hello group'), 'the group chat');
  });

  it("refuses a forged group membership: another group's topics at the broker, its chat at the service, a planted state", async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    const alice = await student('br-forger');
    await student('br-other');
    const state = await started(teacher, { mode: 'manual', groups: 2, assignment: [['br-forger'], ['br-other']] });
    const theirs = groupOf(state, 'br-other').classId;

    // Reading another group: every filter refused.
    expect(await subscribe(alice.client, [filter('boardOps', { classId: theirs }), filter('chat', { classId: theirs }), topic('course', { classId: theirs })])).toEqual([
      128, 128, 128,
    ]);
    // Its chat, through the service: the group is not in this student's scope.
    expect(await alice.call('moderation', 'chat.send', { classId: theirs, id: 'm-forged', text: 'let me in' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Joining it as if students chose: this round is the teacher's.
    expect(await alice.call('breakouts', 'choose', { classId, key: groupOf(state, 'br-other').key })).toMatchObject({ ok: false, error: { code: 'not-choosing' } });
    // Publishing a breakout state that puts them there: no person may publish one.
    const planted: BreakoutState = {
      ...state, round: state.round + 1, groups: state.groups.map((g) => ({ ...g, members: [{ id: 'br-forger', name: 'x' }, ...g.members] })), updatedAt: Date.now(),
    };
    const forged = encode('breakouts', topic('breakouts', { classId }), planted);
    const forger = await student('br-forger');
    expect(await publishOutcome(forger.client, forged.topic, Buffer.from(forged.payload), { qos: 1, retain: true })).toBe('closed');
    expect(internals.access.breakouts.get(classId)?.round).toBe(state.round);
    // Nor may a student start, move or end rounds.
    expect(await alice.call('breakouts', 'move', { classId, userId: 'br-forger', key: groupOf(state, 'br-other').key })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await alice.call('breakouts', 'end', { classId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it("refuses a student publishing into another group, or onto the class's board while in a group", async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    await student('br-x');
    await student('br-y');
    const state = await started(teacher, { mode: 'manual', groups: 2, assignment: [['br-x'], ['br-y']] });
    const theirs = groupOf(state, 'br-y').classId;
    await subscribe(teacher.client, [filter('boardOps', { classId: theirs })]);

    const intruder = await student('br-x');
    const into = op(theirs, 'br-x');
    expect(await publishOutcome(intruder.client, into.message.topic, Buffer.from(into.message.payload))).toBe('closed');
    // Drawing rights in the class do not reach past the group either.
    await teacher.send(encode('room', topic('room', { classId }), {
      v: 1, version: Date.now(), drawing: ['br-x'], chatMutedAll: false, chatMuted: [], stars: {}, removed: [], startedAt: null, countdownEndsAt: null,
      by: 'teacher1', ts: Date.now(),
    }));
    await expect.poll(() => internals.access.rooms.mayDraw(classId, { userId: 'br-x', teaches: false })).toBe(true);
    const onClassBoard = op(classId, 'br-x');
    expect(await publishOutcome((await student('br-x')).client, onClassBoard.message.topic, Buffer.from(onClassBoard.message.payload))).toBe('closed');
    await barrier(teacher.client);
    expect(teacher.inbox.messages.some((m) => m.topic === into.message.topic)).toBe(false);

    // Back in class after the round: the class's board is theirs again, the group's is not.
    await teacher.call('breakouts', 'end', { classId });
    await expect.poll(() => internals.access.breakouts.get(classId)?.state).toBe('ended');
    const back = await student('br-x');
    const again = op(classId, 'br-x');
    expect(await publishOutcome(back.client, again.message.topic, Buffer.from(again.message.payload))).toBe('acked');
    expect(await subscribe(back.client, [filter('boardOps', { classId: groupOf(state, 'br-x').classId })])).toEqual([128]);
    // Leaving the group's room after the round is allowed: its own goodbye there does not cost the connection.
    const formerGroup = groupOf(state, 'br-x').classId;
    const goodbye = encode('presence', topic('presence', { classId: formerGroup, userId: 'br-x' }), {
      v: 1, userId: 'br-x', name: 'Name of br-x', role: 'student', online: false, ts: Date.now(),
    });
    expect(await publishOutcome(back.client, goodbye.topic, Buffer.from(goodbye.payload), { qos: 1, retain: true })).toBe('acked');
  });

  it('moves the end of a running round both ways, ends it when shortened past now or when the time runs out', async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    await student('br-t');
    const state = await started(teacher, { mode: 'manual', groups: 1, assignment: [['br-t']], minutes: 10 });
    const longer = await teacher.call('breakouts', 'timer', { classId, addSeconds: 300 });
    expect(longer).toMatchObject({ ok: true, result: { state: 'running', endsAt: state.endsAt + 300_000 } });
    const shorter = await teacher.call('breakouts', 'timer', { classId, addSeconds: -600 });
    expect(shorter).toMatchObject({ ok: true, result: { state: 'running', endsAt: state.endsAt - 300_000 } });
    // Shortened to a second from now: the service ends it by itself.
    const remaining = (shorter as { result: BreakoutState }).result.endsAt - Date.now();
    await teacher.call('breakouts', 'timer', { classId, addSeconds: -Math.floor(remaining / 1000) + 1 });
    await expect.poll(() => internals.breakouts.state(classId)?.state, { timeout: 15_000 }).toBe('ended');
    expect(await teacher.call('breakouts', 'timer', { classId, addSeconds: 60 })).toMatchObject({ ok: false, error: { code: 'not-running' } });

    await started(teacher, { mode: 'manual', groups: 1, assignment: [['br-t']] });
    expect(await teacher.call('breakouts', 'timer', { classId, addSeconds: -3 * 3600 })).toMatchObject({ ok: true, result: { state: 'ended' } });
  });

  it('lets students choose their group, broadcasts to every group, reuses the last groups, and keeps boards viewable after the end', async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    const chooser = await student('br-chooser');
    const state = await started(teacher, { mode: 'choose', groups: 3 });
    expect(state.groups.every((g) => g.members.length === 0)).toBe(true);
    expect(await chooser.call('breakouts', 'choose', { classId, key: state.groups[2]!.key })).toMatchObject({ ok: true });
    expect(groupOf(internals.breakouts.state(classId)!, 'br-chooser').key).toBe(state.groups[2]!.key);
    expect(await chooser.call('breakouts', 'choose', { classId, key: 'zz9' })).toMatchObject({ ok: false, error: { code: 'no-such-group' } });
    const drawn = op(state.groups[2]!.classId, 'br-chooser');
    await expect.poll(() => internals.access.rooms.mayDraw(state.groups[2]!.classId, { userId: 'br-chooser', teaches: false })).toBe(true);
    expect(await publishOutcome(chooser.client, drawn.message.topic, Buffer.from(drawn.message.payload))).toBe('acked');

    expect(await teacher.call('breakouts', 'broadcast', { classId, text: 'Two minutes left' })).toMatchObject({ ok: true, result: { broadcast: { text: 'Two minutes left' } } });
    expect(await teacher.call('breakouts', 'start', { classId, mode: 'random', groups: 2, minutes: 5, students: [] })).toMatchObject({
      ok: false,
      error: { code: 'already-running' },
    });
    expect(await teacher.call('breakouts', 'end', { classId })).toMatchObject({ ok: true, result: { state: 'ended' } });

    // The ended round's board is still there for the teacher.
    await expect
      .poll(async () => {
        const reply = await teacher.call('board', 'snapshot', { classId: state.groups[2]!.classId, pageId: 'p1' });
        return reply.ok ? (reply.result as BoardSnapshot).elements.map((e) => e.id) : [];
      })
      .toContain(drawn.id);
    const again = await started(teacher, { mode: 'last', groups: 1 });
    expect(again.round).toBe(state.round + 1);
    expect(again.groups.map((g) => g.members.map((m) => m.id))).toEqual([[], [], ['br-chooser']]);
    expect(again.groups[2]!.classId).not.toBe(state.groups[2]!.classId);
  });

  it('refuses a member who is not a student of the class, and a round from anyone but its teachers', async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    const { token } = await internals.tokens.sign({ sub: 'br-elsewhere', name: 'Elsewhere', role: 'student', classes: ['class-0002'] });
    await TestParticipant.open(clients, backend, 'br-elsewhere', token);
    expect(await teacher.call('breakouts', 'start', { classId, mode: 'manual', groups: 1, minutes: 5, assignment: [['br-elsewhere']] })).toMatchObject({
      ok: false,
      error: { code: 'not-in-class' },
    });
    const otherTeacher = await TestParticipant.open(clients, backend, 'teacher2');
    expect(await otherTeacher.call('breakouts', 'start', { classId, mode: 'choose', groups: 2, minutes: 5 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
