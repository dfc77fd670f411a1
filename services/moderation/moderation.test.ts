import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChatHistory, ChatMessage } from '../../shared/protocol/messages';
import { topic } from '../../shared/protocol/topics';
import { launchBackend, type BackendInternals, type RunningBackend } from '../backend';
import { roomMessage, TestParticipant } from '../testing/test-participant';
import { Clients, barrier, subscribe } from '../testing/clients';

let backend: RunningBackend;
let internals: BackendInternals;
const clients = new Clients();
const classId = 'class-0001';
const chatTopic = topic('chat', { classId });
const historyTopic = topic('chatHistory', { classId });
let roomVersion = 1;

beforeAll(async () => {
  ({ backend, internals } = await launchBackend({ classes: 0, moderation: { words: ['badword'], mode: 'replace' } }));
});
afterEach(async () => {
  await clients.closeAll();
  if (!internals.moderation.running) await internals.moderation.start();
});
afterAll(() => backend.close());

async function watcher(): Promise<TestParticipant> {
  const teacher = await TestParticipant.open(clients, backend, 'teacher1');
  await subscribe(teacher.client, [chatTopic]);
  return teacher;
}

const chat = (session: TestParticipant, text: string, id = `m-${randomUUID().slice(0, 8)}`) =>
  session.call('moderation', 'chat.send', { classId, id, text });

describe('moderation service: chat.send', () => {
  it('delivers clean text as plain text, markup and all, and tells the sender', async () => {
    const teacher = await watcher();
    const student = await TestParticipant.open(clients, backend, 'student1');
    const text = '<img src=x onerror=alert(1)> hello';
    const response = await chat(student, text, 'm-clean');
    expect(response).toMatchObject({ ok: true, result: { status: 'delivered', text } });
    const delivered = JSON.parse((await teacher.inbox.waitForTopic(chatTopic)).payload.toString()) as ChatMessage;
    expect(delivered).toMatchObject({ id: 'm-clean', text, moderation: 'clean', from: { id: 'student1', name: 'Student One', role: 'student' } });
  });

  it('masks a sensitive word before anyone sees it', async () => {
    const teacher = await watcher();
    const student = await TestParticipant.open(clients, backend, 'student1');
    expect(await chat(student, 'you BADWORD')).toMatchObject({ ok: true, result: { status: 'replaced', text: 'you *******' } });
    const delivered = JSON.parse((await teacher.inbox.waitForTopic(chatTopic)).payload.toString()) as ChatMessage;
    expect(delivered).toMatchObject({ text: 'you *******', moderation: 'replaced' });
  });

  it('refuses a muted student, and a whole class muted, without delivering anything', async () => {
    const teacher = await watcher();
    const student = await TestParticipant.open(clients, backend, 'student1');
    await teacher.send(roomMessage(classId, ++roomVersion, { chatMuted: ['student1'] }));
    await expect.poll(() => chat(student, 'hi')).toMatchObject({ ok: true, result: { status: 'rejected', reason: 'muted' } });
    await teacher.send(roomMessage(classId, ++roomVersion, { chatMutedAll: true }));
    const other = await TestParticipant.open(clients, backend, 'teacher1');
    await expect.poll(() => chat(other, 'hi')).toMatchObject({ ok: true, result: { status: 'rejected', reason: 'muted' } });
    await barrier(teacher.client);
    expect(teacher.inbox.on(chatTopic)).toEqual([]);
    await teacher.send(roomMessage(classId, ++roomVersion));
    await expect.poll(async () => ((await chat(student, 'back')) as { result?: { status?: string } }).result?.status).toBe('delivered');
  });

  it('answers a retried request the same way and delivers it once', async () => {
    const teacher = await watcher();
    const student = await TestParticipant.open(clients, backend, 'student1');
    const first = await chat(student, 'once', 'm-retried');
    const second = await chat(student, 'once', 'm-retried');
    expect(second).toMatchObject({ ok: true, result: (first as { result: unknown }).result });
    await chat(student, 'marker', 'm-marker');
    await teacher.inbox.waitFor((m) => m.topic === chatTopic && m.payload.toString().includes('m-marker'), 'the marker');
    expect(teacher.inbox.on(chatTopic).filter((m) => m.payload.toString().includes('m-retried'))).toHaveLength(1);
  });

  it('refuses bad params and classes outside the sender scope with an error, not a crash', async () => {
    const student = await TestParticipant.open(clients, backend, 'student1');
    expect(await student.call('moderation', 'chat.send', { classId, id: 'm-x' })).toMatchObject({ ok: false, error: { code: 'bad-params' } });
    expect(await student.call('moderation', 'chat.send', { classId, id: 'm-y', text: '   ' })).toMatchObject({ ok: false, error: { code: 'bad-params' } });
    expect(await student.call('moderation', 'chat.send', { classId: 'class-0002', id: 'm-z', text: 'hi' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await student.call('moderation', 'nope', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await chat(student, 'still working')).toMatchObject({ ok: true });
  });

  it('keeps the last 50 messages as retained history for late joiners', async () => {
    const student = await TestParticipant.open(clients, backend, 'student1');
    for (let i = 0; i < 55; i++) await chat(student, `line ${i}`, `m-line-${i}`);
    const late = await TestParticipant.open(clients, backend, 'teacher1');
    await subscribe(late.client, [historyTopic]);
    const history = JSON.parse((await late.inbox.waitForTopic(historyTopic)).payload.toString()) as ChatHistory;
    expect(history.messages).toHaveLength(50);
    expect(history.messages.at(-1)?.text).toBe('line 54');
  });

  it('while it is down, a request goes unanswered and nothing is delivered; it answers again once back', async () => {
    const teacher = await watcher();
    const student = await TestParticipant.open(clients, backend, 'student1');
    await internals.moderation.stop();
    await expect(student.call('moderation', 'chat.send', { classId, id: 'm-down', text: 'unmoderated?' }, 500)).rejects.toThrow(/timed out/);
    await internals.moderation.start();
    await expect.poll(async () => ((await chat(student, 'recovered', `m-${randomUUID().slice(0, 6)}`)) as { ok: boolean }).ok).toBe(true);
    await barrier(teacher.client);
    expect(teacher.inbox.on(chatTopic).map((m) => m.payload.toString()).join()).not.toContain('m-down');
  });
});
