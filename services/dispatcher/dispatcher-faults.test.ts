import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { topic } from '../../shared/protocol/topics';
import { launchBackend, type BackendInternals, type RunningBackend } from '../backend';
import { Clients, subscribe } from '../testing/clients';
import { StandInTagger, freshUser, helpMessage, helpRequest, Participant, person, publish, serviceClient, Watcher } from '../testing/help-clients';

const clients = new Clients();
const standIn = new StandInTagger();
const classId = 'class-0001';
afterEach(() => clients.closeAll());

async function tagClass(backend: RunningBackend, internals: BackendInternals, tags: Parameters<StandInTagger['tags']>[1], ts = Date.now()) {
  await publish(await serviceClient(clients, backend), standIn.tags(classId, tags, ts));
  await expect.poll(() => internals.dispatcher.classTags(classId)?.ts).toBe(ts);
}

describe('remedies that fail', () => {
  let backend: RunningBackend;
  let internals: BackendInternals;
  beforeAll(async () => {
    // Short windows, so running out of them is quick; nothing here races them.
    ({ backend, internals } = await launchBackend({
      classes: 0, dispatcher: { ackTimeoutMs: 200, pendingWindowMs: 300, clearEndedAfterMs: 300, sweepMs: 50 },
    }));
  });
  afterAll(() => backend.close());

  /** A student's board request whose 'reload courseware' the student has acknowledged, its tag still standing. */
  async function ackedBoardRequest() {
    const user = await freshUser(internals, 'student');
    const [watcher, student] = await Promise.all([Watcher.open(clients, backend), Participant.open(clients, backend, user)]);
    await tagClass(backend, internals, [{ tag: 'course.not-synced', userId: user.id, since: Date.now() }]);
    const request = helpRequest(person(user), { topic: 'board' });
    await student.help(request);
    await student.ack(await student.command());
    const acked = await watcher.state(request.id, (s) => s.remedies[0]?.outcome === 'acked', 'acked');
    return { user, watcher, student, request, acked };
  }

  it('a remedy nobody acknowledges (the client is offline) times out visibly and escalates', async () => {
    const user = await freshUser(internals, 'student');
    const watcher = await Watcher.open(clients, backend);
    await tagClass(backend, internals, [{ tag: 'entry.init-failed.media', userId: user.id, since: Date.now() }]);
    const request = helpRequest(person(user));
    // Sent on the offline student's behalf: nobody is there to carry the remedy out.
    await publish(await serviceClient(clients, backend), helpMessage(classId, request));
    const escalated = await watcher.status(request.id, 'escalated');
    expect(escalated.remedies).toEqual([expect.objectContaining({ action: 'restart-media', to: user.id, outcome: 'no-ack' })]);
    expect(escalated.reason).toBe(
      `restart-media no acknowledgement from ${user.id}: no acknowledgement within 0.2 s (offline or not responding); still tagged: entry.init-failed.media (${user.id})`,
    );
    const actions = (await internals.audit.query({ requestId: request.id, limit: 50 })).map((e) => e.action);
    expect(actions).toEqual(['received', 'remedy-sent', 'remedy-no-ack', 'escalated']);
  });

  it('a remedy carried out whose tag does not clear in the pending window escalates, never resolves', async () => {
    const user = await freshUser(internals, 'student');
    const [watcher, student] = await Promise.all([Watcher.open(clients, backend), Participant.open(clients, backend, user)]);
    await tagClass(backend, internals, [{ tag: 'stream.audio-stuck', userId: user.id, since: Date.now() }]);
    const request = helpRequest(person(user));
    await student.help(request);
    await student.ack(await student.command(), true, 'media restarted');
    const escalated = await watcher.status(request.id, 'escalated');
    expect(escalated.remedies).toEqual([expect.objectContaining({ outcome: 'not-cleared' })]);
    expect(escalated.reason).toBe(`restart-media carried out, but the tags did not clear within 0.3 s; still tagged: stream.audio-stuck (${user.id})`);
    expect(watcher.states(request.id).map((s) => s.status)).not.toContain('auto-resolved');
    await student.progress(request.id, 'waiting');
  });

  it('a tag that goes because its participant fell silent after acknowledging escalates, never resolves', async () => {
    const { user, watcher, request, acked } = await ackedBoardRequest();
    // The student closes the laptop right after "reload": the board's lag reports stop, and the tag goes with them.
    standIn.silence(classId, user.id, acked.remedies[0]!.ackedAt! - 500);
    await tagClass(backend, internals, [], acked.remedies[0]!.ackedAt! + 1);
    const escalated = await watcher.status(request.id, 'escalated');
    expect(escalated.remedies).toEqual([expect.objectContaining({ outcome: 'not-cleared' })]);
    expect(watcher.states(request.id).map((s) => s.status)).not.toContain('auto-resolved');
  });

  it("clears an ended request's retained state after a while", async () => {
    const { watcher, student, request, acked } = await ackedBoardRequest();
    await tagClass(backend, internals, [], acked.remedies[0]!.ackedAt! + 1);
    await watcher.status(request.id, 'auto-resolved');
    const name = topic('helpState', { requestId: request.id });
    await watcher.session.inbox.waitFor((m) => m.topic === name && m.payload.length === 0, 'the retained state cleared');
    // A late copy of the request is still recognised: it is not handled again.
    await student.help(request);
    await expect.poll(() => internals.dispatcher.counts.duplicates).toBeGreaterThan(0);
    expect(student.commands()).toHaveLength(1);
  });
});

describe('a dispatcher restart in the middle of a remedy', () => {
  let backend: RunningBackend;
  let internals: BackendInternals;
  beforeAll(async () => {
    ({ backend, internals } = await launchBackend({ classes: 0, dispatcher: { sweepMs: 50 } }));
  });
  afterAll(() => backend.close());

  it('loses no request and handles none twice', async () => {
    const user = await freshUser(internals, 'student');
    const [watcher, student] = await Promise.all([Watcher.open(clients, backend), Participant.open(clients, backend, user)]);
    await tagClass(backend, internals, [{ tag: 'stream.cant-hear', userId: user.id, since: Date.now() }]);
    const request = helpRequest(person(user));
    await student.help(request);
    const command = await student.command();
    await watcher.status(request.id, 'remedy-pending');

    await internals.dispatcher.stop();
    // While it is down: the client carries the remedy out, and its help request arrives again.
    await student.ack(command, true, 'moved to line 2');
    await student.help(request);
    await internals.dispatcher.start();

    const acked = await watcher.state(request.id, (s) => s.remedies[0]?.outcome === 'acked', 'acked after the restart');
    await tagClass(backend, internals, [], acked.remedies[0]!.ackedAt! + 1);
    await watcher.status(request.id, 'auto-resolved');

    expect(student.commands()).toHaveLength(1);
    const actions = (await internals.audit.query({ requestId: request.id, limit: 50 })).map((e) => e.action);
    // The queued acknowledgement and the repeated request may come back in either order.
    expect(actions.slice(0, 3)).toEqual(['received', 'remedy-sent', 'resumed']);
    expect(actions.slice(3, 5).sort()).toEqual(['duplicate-ignored', 'remedy-acked']);
    expect(actions.slice(5)).toEqual(['tags-cleared', 'auto-resolved']);
  });
});

describe('a backend restart with persistence', () => {
  it('resumes a pending remedy from disk and continues the audit log', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dispatcher-'));
    try {
      let launched = await launchBackend({ classes: 0, persistDir: dir, dispatcher: { sweepMs: 50 } });
      const user = await freshUser(launched.internals, 'student');
      let student = await Participant.open(clients, launched.backend, user);
      const { internals } = launched;
      await tagClass(launched.backend, internals, [{ tag: 'course.load-failed', userId: user.id, since: Date.now() }]);
      const request = helpRequest(person(user), { topic: 'courseware' });
      await student.help(request);
      const command = await student.command();
      await expect.poll(() => internals.dispatcher.request(request.id)?.status).toBe('remedy-pending');
      const lastSeq = (await internals.audit.query({ limit: 1_000 })).at(-1)!.seq;
      await clients.closeAll();
      await launched.backend.close();

      launched = await launchBackend({ classes: 0, persistDir: dir, dispatcher: { sweepMs: 50 } });
      const again = launched.internals;
      expect(again.dispatcher.request(request.id)?.status).toBe('remedy-pending');
      // Signing keys are per process: the same user signs in again with a token from the new backend.
      const { token } = await again.tokens.sign({ sub: user.id, name: user.name, role: 'student', classes: [classId] });
      student = await Participant.open(clients, launched.backend, { ...user, token });
      const watcher = await Watcher.open(clients, launched.backend);
      await subscribe(watcher.session.client, [topic('helpState', { requestId: request.id })]);
      await student.ack(command);
      const acked = await watcher.state(request.id, (s) => s.remedies[0]?.outcome === 'acked', 'acked');
      await tagClass(launched.backend, again, [], acked.remedies[0]!.ackedAt! + 1);
      await watcher.status(request.id, 'auto-resolved');
      const audit = await again.audit.query({ requestId: request.id, limit: 50 });
      expect(audit.map((e) => e.action)).toEqual(['received', 'remedy-sent', 'resumed', 'remedy-acked', 'tags-cleared', 'auto-resolved']);
      expect(audit[2]!.seq).toBeGreaterThan(lastSeq);
      await launched.backend.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
