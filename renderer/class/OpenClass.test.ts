import { afterEach, describe, expect, it } from 'vitest';
import type { Command } from '../../shared/protocol';
import { LinkClassChannel } from '../link/classChannel';
import { LinkClient } from '../link/LinkClient';
import { FakeWorker } from '../link/testing/fakeWorker';
import { OpenClass } from './OpenClass';
import { initialClassroom, useClassroom } from './store';

const CLASS = 'class-0001';

function openClass(observer = false) {
  const worker = new FakeWorker();
  const channel = new LinkClassChannel({
    classId: CLASS,
    userId: 'teacher1',
    root: 'classroom',
    join: { observer },
    link: new LinkClient(worker.asWorker, null),
  });
  const open = new OpenClass(channel, { userId: 'teacher1', role: 'teacher', observer }, { httpBase: '', token: () => '' }, 'test');
  return { open, channel, worker };
}

afterEach(() => useClassroom.setState(initialClassroom()));

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
    open.attachBoard({ resync: async () => ({ pageId: 'p1', revision: 7 }) });
    channel.receive([{ ...commandMessage, message: { ...command, id: 'cmd-2' } }]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(worker.last('act')?.action).toMatchObject({ publication: { kind: 'commandAck', message: { commandId: 'cmd-2', ok: true, detail: 'page p1 at revision 7' } } });
    open.stop();
  });
});
