import type { MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decode, encode } from '../../shared/protocol/codec';
import type { ClassSummary, Presence } from '../../shared/protocol/messages';
import type { DirectoryPage } from '../../shared/protocol/rpc/directory';
import { filter, topic } from '../../shared/protocol/topics';
import { launchBackend, type BackendInternals, type RunningBackend } from '../backend';
import { Clients, Inbox, serviceLogin, subscribe, type Received } from '../testing/clients';

let backend: RunningBackend;
let internals: BackendInternals;
const clients = new Clients();

beforeAll(async () => {
  ({ backend, internals } = await launchBackend({ classes: 4, simulate: false, seed: 7 }));
});
afterEach(() => clients.closeAll());
afterAll(() => backend.close());

async function loginAs(on: RunningBackend, username: string): Promise<{ username: string; password: string }> {
  const issued = await on.issueToken(username, 'demo');
  if (!issued.ok) throw new Error(issued.message);
  return { username, password: issued.token.token };
}

async function as(username: string, options: Parameters<Clients['connect']>[2] = {}): Promise<MqttClient> {
  if (username === 'service') return clients.connect(backend.mqttUrl, await serviceLogin(backend), options);
  return clients.connect(backend.mqttUrl, await loginAs(backend, username), options);
}

const topicAndPayload = (m: Received): [string, Uint8Array] => [m.topic, m.payload];

function summaryOf(message: Received): ClassSummary | null {
  const decoded = decode(message.topic, message.payload);
  return decoded.ok && decoded.kind === 'classSummary' ? decoded.message : null;
}

/** A supervisor watching every class summary. */
async function watchSummaries(): Promise<Inbox> {
  const supervisor = await as('supervisor1');
  await subscribe(supervisor, [filter('classSummary')]);
  return Inbox.of(supervisor);
}

function waitForSummary(inbox: Inbox, classId: string, what: string, test: (s: ClassSummary) => boolean): Promise<ClassSummary> {
  return inbox.waitFor((m) => {
    const s = summaryOf(m);
    return s !== null && s.id === classId && test(s);
  }, what).then((m) => summaryOf(m)!);
}

function presenceOf(classId: string, userId: string, role: Presence['role'], online: boolean) {
  return encode('presence', topic('presence', { classId, userId }), { v: 1, userId, name: userId, role, online, ts: Date.now() });
}

describe('the class directory', () => {
  it('keeps a retained summary of every class, with the simulated presence counted', async () => {
    const inbox = await watchSummaries();
    for (const classId of ['class-0001', 'class-0002', 'class-0003', 'class-0004']) {
      const expected = internals.simulator!.online(classId);
      const summary = await waitForSummary(inbox, classId, `the summary of ${classId}`, (s) => s.presence.students === expected.students && s.presence.teachers === expected.teachers);
      expect(summary.title).toMatch(/ · Grade \d+$/);
    }
    // Someone arriving later gets every summary at once, retained.
    const late = await watchSummaries();
    await late.waitFor(() => new Set(late.messages.filter((m) => m.retain).map((m) => m.topic)).size === 4, 'four retained summaries');
    expect(late.messages.filter((m) => m.retain).map((m) => summaryOf(m)?.id).sort()).toEqual(['class-0001', 'class-0002', 'class-0003', 'class-0004']);
    expect(summaryOf(late.messages.find((m) => m.topic.endsWith('/class-0001'))!)).toMatchObject({ teacher: { id: 'teacher1' }, state: 'live' });
  });

  it('counts a student who signs in, and uncounts them when their last will announces an abrupt disconnect', async () => {
    const inbox = await watchSummaries();
    const before = await waitForSummary(inbox, 'class-0001', 'the current summary', () => true);
    const offline = presenceOf('class-0001', 'student1', 'student', false);
    const student = await as('student1', { will: { topic: offline.topic, payload: Buffer.from(offline.payload), qos: 1, retain: true } });
    const online = presenceOf('class-0001', 'student1', 'student', true);
    await student.publishAsync(online.topic, Buffer.from(online.payload), { qos: 1, retain: true });
    await waitForSummary(inbox, 'class-0001', 'student1 counted', (s) => s.presence.students === before.presence.students + 1);
    student.stream.destroy();
    const after = await waitForSummary(inbox, 'class-0001', 'student1 uncounted', (s) => s.presence.students === before.presence.students && s.updatedAt > before.updatedAt);
    expect(after.presence.teachers).toBe(before.presence.teachers);
  });

  it('coalesces a burst of presence changes into a few summary updates', async () => {
    const inbox = await watchSummaries();
    const before = await waitForSummary(inbox, 'class-0003', 'the current summary', () => true);
    const seenBefore = inbox.messages.length;
    const service = await as('service');
    const burst = 50;
    for (let i = 0; i < burst; i++) {
      const message = presenceOf('class-0003', `s-burst-${i}`, 'student', true);
      service.publish(message.topic, Buffer.from(message.payload), { qos: 1 });
    }
    await waitForSummary(inbox, 'class-0003', 'the whole burst counted', (s) => s.presence.students === before.presence.students + burst);
    const updates = inbox.messages.slice(seenBefore).filter((m) => summaryOf(m)?.id === 'class-0003');
    expect(updates.length).toBeLessThan(burst / 2);
    for (let i = 0; i < burst; i++) service.publish(topic('presence', { classId: 'class-0003', userId: `s-burst-${i}` }), '', { qos: 1, retain: true });
    await waitForSummary(inbox, 'class-0003', 'the burst cleared', (s) => s.presence.students === before.presence.students);
  });

  it("starts and ends a class on its own teacher's command only", async () => {
    const inbox = await watchSummaries();
    await waitForSummary(inbox, 'class-0002', 'class-0002 scheduled', (s) => s.state === 'scheduled');
    const service = await as('service');
    const control = (userId: string, action: 'start' | 'end') =>
      encode('classControl', topic('classControl', { classId: 'class-0002', userId }), { v: 1, action, requestId: `r-${userId}-${action}`, ts: Date.now() });

    // Someone else's command on the class's control topic (only a service could even publish it) changes nothing.
    const forged = control('teacher1', 'start');
    await service.publishAsync(forged.topic, Buffer.from(forged.payload), { qos: 1 });
    const teacher = await as('teacher2');
    const start = control('teacher2', 'start');
    await teacher.publishAsync(start.topic, Buffer.from(start.payload), { qos: 1 });
    await waitForSummary(inbox, 'class-0002', 'class-0002 live', (s) => s.state === 'live');
    const states = inbox.messages.map(summaryOf).filter((s) => s?.id === 'class-0002').map((s) => s!.state);
    expect(states).toEqual(['scheduled', 'live']);

    const end = control('teacher2', 'end');
    await teacher.publishAsync(end.topic, Buffer.from(end.payload), { qos: 1 });
    await waitForSummary(inbox, 'class-0002', 'class-0002 ended', (s) => s.state === 'ended');
  });

  it('lets the teacher reopen the class they ended, within the grace, and nobody else', async () => {
    const inbox = await watchSummaries();
    const ended = await waitForSummary(inbox, 'class-0002', 'class-0002 ended', (s) => s.state === 'ended');
    // The summary says when it ended and until when it can be reopened: 15 minutes by default.
    expect(ended.endedAt).toBeTypeOf('number');
    expect(ended.reopenUntil).toBe(ended.endedAt! + 15 * 60_000);
    const control = (userId: string, requestId: string) =>
      encode('classControl', topic('classControl', { classId: 'class-0002', userId }), { v: 1, action: 'start', requestId, ts: Date.now() });

    const service = await as('service');
    const forged = control('teacher1', 'r-reopen-forged');
    await service.publishAsync(forged.topic, Buffer.from(forged.payload), { qos: 1 });
    const teacher = await as('teacher2');
    const reopen = control('teacher2', 'r-reopen');
    await teacher.publishAsync(reopen.topic, Buffer.from(reopen.payload), { qos: 1 });
    const live = await waitForSummary(inbox, 'class-0002', 'class-0002 live again', (s) => s.state === 'live');
    expect(live.endedAt).toBeUndefined();
    expect(live.reopenUntil).toBeUndefined();
    const states = inbox.messages.map(summaryOf).filter((s) => s?.id === 'class-0002').map((s) => s!.state);
    expect(states).toEqual(['ended', 'live']);
  });

  it('answers requests on the requester\'s reply topic', async () => {
    const student = await as('student1');
    const replyTopic = topic('reply', { userId: 'student1', sessionId: 'dir-session' });
    await subscribe(student, [replyTopic]);
    const send = (id: string, method: string) => {
      const request = encode('serviceRequest', topic('serviceRequest', { service: 'directory', userId: 'student1' }), { v: 1, id, method, replyTo: 'dir-session', params: { hello: 'world' }, deadline: Date.now() + 5_000 });
      return student.publishAsync(request.topic, Buffer.from(request.payload), { qos: 1 });
    };
    await send('echo-1', 'echo');
    await send('nope-1', 'noSuchMethod');
    const inbox = Inbox.of(student);
    const replies = [await inbox.waitFor((m) => m.payload.includes('echo-1'), 'the echo'), await inbox.waitFor((m) => m.payload.includes('nope-1'), 'the refusal')];
    expect(replies.map((m) => decode(m.topic, m.payload))).toMatchObject([
      { ok: true, message: { id: 'echo-1', ok: true, result: { hello: 'world' } } },
      { ok: true, message: { id: 'nope-1', ok: false, error: { code: 'unknown-method' } } },
    ]);
  });

  it("answers the class list page by page in the caller's scope, and numbers every change after it", async () => {
    const list = async (username: string, from: number) => {
      const client = await as(username);
      const sessionId = `list-${username}`;
      // Teachers may not read the changes of every class (the ACL): they keep their own classes' retained summaries.
      await subscribe(client, [topic('reply', { userId: username, sessionId }), ...(username === 'supervisor1' ? [topic('directoryChanges', {})] : [])]);
      const inbox = Inbox.of(client);
      const id = `list-${username}-${from}`;
      const request = encode('serviceRequest', topic('serviceRequest', { service: 'directory', userId: username }), { v: 1, id, method: 'list', replyTo: sessionId, params: { from }, deadline: Date.now() + 5_000 });
      await client.publishAsync(request.topic, Buffer.from(request.payload), { qos: 1 });
      const reply = decode(...topicAndPayload(await inbox.waitFor((m) => m.payload.includes(id), `the page for ${username}`)));
      if (!reply.ok || reply.kind !== 'reply' || !reply.message.ok) throw new Error(`no page for ${username}`);
      return { page: reply.message.result as DirectoryPage, inbox };
    };

    const { page: all, inbox } = await list('supervisor1', 0);
    expect(all).toMatchObject({ total: 4, next: null });
    expect(all.summaries.map((s) => s.id)).toEqual(['class-0001', 'class-0002', 'class-0003', 'class-0004']);
    const { page: rest } = await list('supervisor1', 2);
    expect(rest.summaries.map((s) => s.id)).toEqual(['class-0003', 'class-0004']);
    const { page: own } = await list('teacher1', 0);
    expect(own).toMatchObject({ total: 1, next: null, summaries: [{ id: 'class-0001', teacher: { id: 'teacher1' } }] });

    // A student arrives in class-0002: the next change message, numbered after the page, carries its new count.
    const student = await as('student2');
    const online = presenceOf('class-0002', 'student2', 'student', true);
    await student.publishAsync(online.topic, Buffer.from(online.payload), { qos: 1, retain: true });
    const changed = await inbox.waitFor((m) => {
      const decoded = decode(m.topic, m.payload);
      return decoded.ok && decoded.kind === 'directoryChanges' && decoded.message.summaries.some((s) => s.id === 'class-0002' && s.presence.students === all.summaries[1]!.presence.students + 1);
    }, 'the change of class-0002');
    const changes = decode(changed.topic, changed.payload);
    expect(changes.ok && changes.kind === 'directoryChanges' && changes.message).toMatchObject({ epoch: all.epoch });
    expect(changes.ok && changes.kind === 'directoryChanges' && changes.message.seq).toBeGreaterThan(all.seq);
    expect(changed.retain).toBe(false);
  });

  it('drops and counts malformed presence without losing count of the valid ones', async () => {
    const inbox = await watchSummaries();
    const before = await waitForSummary(inbox, 'class-0004', 'the current summary', () => true);
    const dropsBefore = internals.directory!.drops.total;
    const service = await as('service');
    await service.publishAsync(topic('presence', { classId: 'class-0004', userId: 's-bad' }), '{"v":1,"online":tru', { qos: 1 });
    await service.publishAsync(topic('presence', { classId: 'class-0004', userId: 's-worse' }), Buffer.from([0xc3, 0x28]), { qos: 1 });
    const valid = presenceOf('class-0004', 's-valid', 'student', true);
    await service.publishAsync(valid.topic, Buffer.from(valid.payload), { qos: 1, retain: true });
    await waitForSummary(inbox, 'class-0004', 'the valid presence counted', (s) => s.presence.students === before.presence.students + 1);
    expect(internals.directory!.drops.total - dropsBefore).toBe(2);
    expect(internals.directory!.drops.counts).toMatchObject({ 'not-json': 1, 'not-utf8': 1 });
  });

  it('refuses to reopen a class once its grace has passed', async () => {
    const { backend: own } = await launchBackend({ classes: 2, simulate: false, seed: 7, classReopenGraceMs: 300 });
    try {
      const watcher = await clients.connect(own.mqttUrl, await loginAs(own, 'supervisor1'));
      await subscribe(watcher, [filter('classSummary')]);
      const inbox = Inbox.of(watcher);
      await waitForSummary(inbox, 'class-0001', 'class-0001 live', (s) => s.state === 'live');
      // A service publishes on the teacher's control topic, then a presence: the directory handles them in order.
      const service = await clients.connect(own.mqttUrl, await serviceLogin(own));
      const send = async (message: { topic: string; payload: Uint8Array | string }) => service.publishAsync(message.topic, Buffer.from(message.payload), { qos: 1 });
      const control = (action: 'start' | 'end', requestId: string) =>
        encode('classControl', topic('classControl', { classId: 'class-0001', userId: 'teacher1' }), { v: 1, action, requestId, ts: Date.now() });
      await send(control('end', 'r-end'));
      const ended = await waitForSummary(inbox, 'class-0001', 'class-0001 ended', (s) => s.state === 'ended');
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, ended.reopenUntil! - Date.now()) + 100));
      await send(control('start', 'r-late'));
      await send(presenceOf('class-0001', 's-after-grace', 'student', true));
      const after = await waitForSummary(inbox, 'class-0001', 'the probe counted', (s) => s.updatedAt > ended.updatedAt);
      expect(after).toMatchObject({ state: 'ended', endedAt: ended.endedAt, reopenUntil: ended.reopenUntil });
      expect(inbox.messages.map(summaryOf).filter((s) => s?.id === 'class-0001' && s.state === 'live' && s.updatedAt > ended.updatedAt)).toEqual([]);
    } finally {
      await clients.closeAll();
      await own.close();
    }
  });

  it('republishes every summary after a broker restart', async () => {
    const service = await as('service');
    // Wipe one retained summary, as a broker that lost its state would have.
    await service.publishAsync(topic('classSummary', { classId: 'class-0003' }), '', { qos: 1, retain: true });
    await clients.closeAll();
    await backend.restartBroker();
    const inbox = await watchSummaries();
    await waitForSummary(inbox, 'class-0003', 'class-0003 republished', () => true);
  });
});
