import { afterEach, describe, expect, it } from 'vitest';
import type { ClassSummary, Command, Room } from '../../shared/protocol';
import { LinkClassChannel } from '../link/classChannel';
import { LinkClient } from '../link/LinkClient';
import { FakeWorker } from '../link/testing/fakeWorker';
import { OpenClass } from './OpenClass';
import { initialClasses, useClasses } from '../state/classes';
import { emptyRoom } from './roomEdits';
import { initialClassroom, useClassroom } from './store';

const CLASS = 'class-0001';

function openClass(observer = false, as: { userId: string; role: 'teacher' | 'student' | 'supervisor' } = { userId: 'teacher1', role: 'teacher' }) {
  const worker = new FakeWorker();
  const channel = new LinkClassChannel({
    classId: CLASS,
    userId: as.userId,
    root: 'classroom',
    join: { observer },
    link: new LinkClient(worker.asWorker, null),
  });
  const open = new OpenClass(channel, { ...as, observer }, { httpBase: '', token: () => '' }, 'test');
  return { open, channel, worker };
}

/** What the console handed the link worker to send: publications, live messages and requests. */
function outbound(worker: FakeWorker) {
  return worker.sent.filter((c) => c.type === 'act' || c.type === 'fire' || c.type === 'request');
}

const roomMessage = (room: Room) => ({ ok: true as const, kind: 'room' as const, params: { classId: CLASS }, topic: `classroom/v1/class/${CLASS}/room`, message: room });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  useClassroom.setState(initialClassroom());
  useClasses.setState(initialClasses());
});

describe('an open class', () => {
  it('shows chat as unavailable, with why, when moderation answers something that is not a chat outcome', async () => {
    const { open, worker } = openClass();
    const sending = open.sendChat('hello');
    expect(useClassroom.getState().outgoing.map((o) => o.status)).toEqual(['sending']);
    const request = worker.last('request')!;
    expect(request).toMatchObject({ service: 'moderation', method: 'chat.send', params: { classId: CLASS, text: 'hello' } });
    worker.post({ type: 'settled', id: request.id, outcome: { ok: false, code: 'invalid-response', message: 'moderation chat.send answered with something unexpected' } });
    const outcome = await sending;
    expect(outcome).toMatchObject({ status: 'unavailable', reason: 'moderation chat.send answered with something unexpected' });
    expect(useClassroom.getState().outgoing).toEqual([outcome]);
  });

  it('takes the moderated text and the refusal reason from a result that fits the contract', async () => {
    const { open, worker } = openClass();
    const sending = open.sendChat('bad word');
    worker.post({ type: 'settled', id: worker.last('request')!.id, outcome: { ok: true, result: { status: 'rejected', reason: 'sensitive-word', text: '*** word' } } });
    expect(await sending).toMatchObject({ status: 'rejected', reason: 'sensitive-word', text: '*** word' });
  });

  it('joins with its channel, keeps the classroom from it, and publishes its course so the class sees it at once', () => {
    const { open, worker } = openClass();
    open.start();
    expect(worker.last('join')).toMatchObject({ classId: CLASS });
    open.setCourse([{ id: 'p1', kind: 'blank', asset: '', page: 1, title: '' }], 'p1');
    expect(useClassroom.getState().course).toMatchObject({ version: 1, current: 'p1' });
    expect(worker.last('act')?.action).toMatchObject({ kind: 'publish', classId: CLASS, publication: { kind: 'course' } });
    open.stop();
    expect(worker.last('leave')).toEqual({ type: 'leave', classId: CLASS });
  });

  it('hands the resync command to the board and acknowledges it once the board has resynced', async () => {
    const { open, channel, worker } = openClass();
    open.start();
    const command: Command = { v: 1, id: 'cmd-1', action: 'resync-board', by: 'supervisor1', params: {}, ts: 1 };
    const commandMessage = { ok: true as const, kind: 'command' as const, params: { classId: CLASS, userId: 'teacher1' }, topic: 'x', message: command };
    channel.receive([commandMessage]);
    expect(worker.last('act')?.action).toMatchObject({ publication: { kind: 'commandAck', message: { commandId: 'cmd-1', ok: false, detail: 'the board is not loaded yet' } } });
    open.attachBoard({ resync: async () => ({ pageId: 'p1', revision: 7 }), create: () => null });
    channel.receive([{ ...commandMessage, message: { ...command, id: 'cmd-2' } }]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(worker.last('act')?.action).toMatchObject({ publication: { kind: 'commandAck', message: { commandId: 'cmd-2', ok: true, detail: 'page p1 at revision 7' } } });
    open.stop();
  });

  it('publishes nothing while a supervisor observes silently, whatever is asked of it', async () => {
    const { open, channel, worker } = openClass(true, { userId: 'supervisor1', role: 'supervisor' });
    open.start();
    expect(worker.last('join')).toMatchObject({ classId: CLASS, options: { observer: true } });
    channel.receive([roomMessage({ ...emptyRoom('teacher1'), version: 2, drawing: ['student1'] })]);
    const refused: string[] = [];
    open.channel.onSettled(({ rejected }) => refused.push(...rejected.map((r) => r.message)));

    // Everything a class screen could do, and what the board and media would send.
    const chat = await open.sendChat('hello class');
    open.raiseHand(true);
    open.updateRoom((room) => ({ stars: { ...room.stars, student1: 1 } }));
    open.command('student1', 'mute');
    open.setCourse([{ id: 'p1', kind: 'blank', asset: '', page: 1, title: '' }], 'p1');
    open.sendTelemetry([{ type: 'init', component: 'board', ok: true }]);
    open.channel.publish({ kind: 'boardOps', message: { v: 1, pageId: 'p1', seq: 1, records: [] } as never });
    open.channel.publish({ kind: 'boardSync', message: { v: 1, pageId: 'p1', revision: 0, unsent: 0, at: 1 } });
    open.channel.fire({ kind: 'boardLive', message: {} as never });
    open.channel.fire({ kind: 'laser', message: { v: 1, pageId: 'p1', x: 1, y: 1, on: true } });
    // A command addressed to this console is not answered.
    channel.receive([{ ok: true, kind: 'command', params: { classId: CLASS, userId: 'supervisor1' }, topic: 'x', message: { v: 1, id: 'c1', action: 'mute', by: 'teacher1', params: {}, ts: 1 } }]);
    await settle();
    const classroom = useClassroom.getState();
    open.stop();

    expect(outbound(worker)).toEqual([]);
    expect(chat).toMatchObject({ status: 'unavailable', reason: 'not sent: observing silently' });
    // Each of the six publications (hand, room, command, course, board ops and sync) is settled as refused, so
    // nothing waits for it, and the course and room stay as the class has them.
    expect(refused).toEqual(Array(6).fill('not sent: observing silently'));
    expect(classroom).toMatchObject({ course: null, room: { version: 2, stars: {} } });
  });

  it('lets an observer take over through the room, then chat and draw, and hand back', async () => {
    const { open, channel, worker } = openClass(true, { userId: 'supervisor1', role: 'supervisor' });
    open.start();
    channel.receive([roomMessage({ ...emptyRoom('teacher1'), version: 2, drawing: ['student1'], stars: { student1: 3 } })]);
    open.takeOver(true);
    const acts = () => worker.sent.filter((c) => c.type === 'act');
    expect(acts()).toHaveLength(1);
    expect(acts()[0]).toMatchObject({ action: { publication: { kind: 'room', message: { version: 3, drawing: ['student1', 'supervisor1'], stars: { student1: 3 } } } } });
    // The channel hands its own room to the classroom at once: chat and drawing now go out.
    void open.sendChat('the supervisor speaks');
    expect(worker.last('request')).toMatchObject({ service: 'moderation', method: 'chat.send' });
    open.channel.publish({ kind: 'boardOps', message: { v: 1, pageId: 'p1', seq: 1, records: [] } as never });
    expect(acts().at(-1)).toMatchObject({ action: { publication: { kind: 'boardOps' } } });
    open.takeOver(false);
    expect(acts().at(-1)).toMatchObject({ action: { publication: { kind: 'room', message: { drawing: ['student1'] } } } });
    open.stop();
  });

  it('closes the board, hands and chat of an ended class', async () => {
    const { open, worker } = openClass(false, { userId: 'student1', role: 'student' });
    open.start();
    const ended = useClasses.getState().byId.edit();
    ended.set(CLASS, { id: CLASS, state: 'ended' } as ClassSummary);
    useClasses.setState({ byId: ended.commit() });
    open.raiseHand(true);
    open.channel.publish({ kind: 'boardOps', message: { v: 1, pageId: 'p1', seq: 1, records: [] } as never });
    const chat = await open.sendChat('anyone there?');
    expect(worker.sent.filter((c) => c.type === 'act' || c.type === 'request')).toEqual([]);
    expect(chat).toMatchObject({ status: 'unavailable', reason: 'not sent: the class has ended' });
    open.stop();
  });

  it('lowers its own raised hand when the teacher grants it drawing', () => {
    const { open, channel, worker } = openClass(false, { userId: 'student1', role: 'student' });
    open.start();
    const room = { ...emptyRoom('teacher1'), version: 1, ts: 5 };
    channel.receive([roomMessage(room)]);
    channel.receive([{ ok: true, kind: 'hand', params: { classId: CLASS, userId: 'student1' }, topic: 'h', message: { v: 1, raised: true, at: 10 } }]);
    expect(worker.sent.filter((c) => c.type === 'act')).toEqual([]);
    channel.receive([roomMessage({ ...room, version: 2, drawing: ['student1'], ts: 20 })]);
    expect(worker.last('act')).toMatchObject({ action: { publication: { kind: 'hand', message: { raised: false } } } });
    open.stop();
  });
});
