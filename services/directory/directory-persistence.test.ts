import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decode, encode } from '../../shared/protocol/codec';
import type { ClassSummary } from '../../shared/protocol/messages';
import { filter, topic } from '../../shared/protocol/topics';
import { startBackend, type RunningBackend } from '../backend';
import { Clients, Inbox, subscribe } from '../testing/clients';

const clients = new Clients();
const backends: RunningBackend[] = [];
let dir = '';

afterEach(async () => {
  await clients.closeAll();
  await Promise.all(backends.splice(0).map((b) => b.close()));
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function as(backend: RunningBackend, username: string) {
  const issued = await backend.issueToken(username, 'demo');
  if (!issued.ok) throw new Error(issued.message);
  return clients.connect(backend.mqttUrl, { username, password: issued.token.token });
}

function waitForState(inbox: Inbox, classId: string, state: ClassSummary['state']) {
  return inbox.waitFor((m) => {
    const decoded = decode(m.topic, m.payload);
    return decoded.ok && decoded.kind === 'classSummary' && decoded.message.id === classId && decoded.message.state === state;
  }, `${classId} ${state}`);
}

function summaryIn(received: { topic: string; payload: Buffer }): ClassSummary {
  const decoded = decode(received.topic, received.payload);
  if (!decoded.ok || decoded.kind !== 'classSummary') throw new Error(`not a class summary: ${received.topic}`);
  return decoded.message;
}

describe('the class directory with persistDir', () => {
  it('keeps a state a teacher set across a restart of the whole backend', async () => {
    dir = await mkdtemp(join(tmpdir(), 'classroom-directory-'));
    const first = await startBackend({ classes: 3, simulate: false, persistDir: dir });
    backends.push(first);
    const watcher = await as(first, 'supervisor1');
    await subscribe(watcher, [filter('classSummary')]);
    await waitForState(Inbox.of(watcher), 'class-0002', 'scheduled');
    const teacher = await as(first, 'teacher2');
    const start = encode('classControl', topic('classControl', { classId: 'class-0002', userId: 'teacher2' }), { v: 1, action: 'start', requestId: 'r1', ts: Date.now() });
    await teacher.publishAsync(start.topic, Buffer.from(start.payload), { qos: 1 });
    await waitForState(Inbox.of(watcher), 'class-0002', 'live');
    await clients.closeAll();
    await backends.pop()!.close();

    const second = await startBackend({ classes: 3, simulate: false, persistDir: dir });
    backends.push(second);
    const later = await as(second, 'supervisor1');
    await subscribe(later, [filter('classSummary')]);
    await waitForState(Inbox.of(later), 'class-0002', 'live');
    // Give the directory's first publication a chance to land, then a fresh subscriber still sees the class live.
    const fresh = await as(second, 'supervisor1');
    await subscribe(fresh, [filter('classSummary')]);
    const retained = await Inbox.of(fresh).waitForTopic(topic('classSummary', { classId: 'class-0002' }));
    expect(decode(retained.topic, retained.payload)).toMatchObject({ ok: true, message: { state: 'live' } });
  });

  it('keeps when a class ended across a restart, so its teacher can still reopen it within the grace', async () => {
    dir = await mkdtemp(join(tmpdir(), 'classroom-directory-'));
    const control = (action: 'start' | 'end', requestId: string) =>
      encode('classControl', topic('classControl', { classId: 'class-0001', userId: 'teacher1' }), { v: 1, action, requestId, ts: Date.now() });
    const first = await startBackend({ classes: 3, simulate: false, persistDir: dir });
    backends.push(first);
    const watcher = await as(first, 'supervisor1');
    await subscribe(watcher, [filter('classSummary')]);
    const teacher = await as(first, 'teacher1');
    const end = control('end', 'r-end');
    await teacher.publishAsync(end.topic, Buffer.from(end.payload), { qos: 1 });
    const ended = summaryIn(await waitForState(Inbox.of(watcher), 'class-0001', 'ended'));
    await clients.closeAll();
    await backends.pop()!.close();

    const second = await startBackend({ classes: 3, simulate: false, persistDir: dir });
    backends.push(second);
    const later = await as(second, 'supervisor1');
    await subscribe(later, [filter('classSummary')]);
    const restored = summaryIn(await waitForState(Inbox.of(later), 'class-0001', 'ended'));
    expect(ended.endedAt).toBeTypeOf('number');
    expect(restored).toMatchObject({ endedAt: ended.endedAt, reopenUntil: ended.reopenUntil });
    const again = await as(second, 'teacher1');
    const reopen = control('start', 'r-reopen');
    await again.publishAsync(reopen.topic, Buffer.from(reopen.payload), { qos: 1 });
    await waitForState(Inbox.of(later), 'class-0001', 'live');
  });
});
