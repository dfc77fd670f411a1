import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBackend, type BackendInternals, type RunningBackend } from '../backend';
import { Clients } from '../testing/clients';
import { StandInTagger, freshUser, helpRequest, Participant, person, publish, serviceClient, Watcher, type TestUser } from '../testing/help-clients';

/**
 * People press help within seconds of a problem; the tagger needs a closed window to tag it. A valid request that no
 * current tag covers waits (`received`) for the coverage grace, and is handled automatically if a covering tag appears.
 */

const clients = new Clients();
const standIn = new StandInTagger();
afterEach(() => clients.closeAll());

async function tagClass(backend: RunningBackend, internals: BackendInternals, classId: string, tags: Parameters<StandInTagger['tags']>[1], ts = Date.now()) {
  await publish(await serviceClient(clients, backend), standIn.tags(classId, tags, ts));
  await expect.poll(() => internals.dispatcher.classTags(classId)?.ts).toBe(ts);
}

async function scene(backend: RunningBackend, internals: BackendInternals, classId: string, role: TestUser['role'] = 'student') {
  const user = await freshUser(internals, role, classId);
  const [watcher, participant] = await Promise.all([Watcher.open(clients, backend), Participant.open(clients, backend, user, classId)]);
  return { user, watcher, participant };
}

describe('with the default grace (60 s)', () => {
  let backend: RunningBackend;
  let internals: BackendInternals;
  beforeAll(async () => {
    ({ backend, internals } = await launchBackend({ classes: 0, dispatcher: { sweepMs: 50 } }));
  });
  afterAll(() => backend.close());

  it('a request pressed before its problem is tagged waits for tags, then is remedied and resolved automatically', async () => {
    const classId = 'class-0001';
    const { user, watcher, participant: student } = await scene(backend, internals, classId);
    await tagClass(backend, internals, classId, []);
    const request = helpRequest(person(user));
    await student.help(request);
    const waiting = await watcher.status(request.id, 'received');
    expect(waiting.reason).toBe('waiting for tags (up to 60 s); so far not coverable: the class has no problem tags');
    expect(waiting.tags).toEqual([]);
    await student.progress(request.id, 'received');
    // Tags that still show nothing about this student change nothing.
    await tagClass(backend, internals, classId, [{ tag: 'stream.cant-hear', userId: 'someone-else', since: Date.now() }]);
    expect(internals.dispatcher.request(request.id)?.status).toBe('received');
    expect(student.commands()).toEqual([]);

    await tagClass(backend, internals, classId, [{ tag: 'stream.cant-hear', userId: user.id, since: Date.now() - 30_000 }]);
    const command = await student.command();
    expect(command).toMatchObject({ action: 'switch-line', by: 'dispatcher', params: { help: request.id } });
    const pending = await watcher.status(request.id, 'remedy-pending');
    expect(pending.tags).toEqual([expect.objectContaining({ tag: 'stream.cant-hear', userId: user.id })]);
    await student.ack(command, true, 'moved to line 2');
    const acked = await watcher.state(request.id, (s) => s.remedies[0]?.outcome === 'acked', 'acked');
    await tagClass(backend, internals, classId, [], acked.remedies[0]!.ackedAt! + 1);
    await watcher.status(request.id, 'auto-resolved');
    expect(student.notices(request.id).map((n) => n.progress)).toEqual(['received', 'fixing', 'resolved']);

    const audit = await internals.audit.query({ requestId: request.id, limit: 100 });
    expect(audit.map((e) => e.action)).toEqual(['received', 'remedy-sent', 'remedy-acked', 'tags-cleared', 'auto-resolved']);
    expect(audit[0]!.detail).toContain('waiting up to 60 s for a tag that covers it');
    expect(audit[1]!.data).toMatchObject({ waitedForTagsS: expect.any(Number) });
  });

  it('expired, invalid and duplicate requests still go to the manual queue at once', async () => {
    const classId = 'class-0002';
    const { user, watcher, participant: student } = await scene(backend, internals, classId);
    await tagClass(backend, internals, classId, []);
    const expired = helpRequest(person(user), { ts: Date.now() - 6 * 60_000 });
    const invalid = helpRequest({ ...person(user), role: 'teacher' });
    await student.help(expired);
    await student.help(invalid);
    expect((await watcher.status(expired.id, 'manual')).reason).toMatch(/^expired: /);
    expect((await watcher.status(invalid.id, 'manual')).reason).toMatch(/^invalid: /);

    // (About another topic: the refused ones above are open requests about audio, which a new press would repeat.)
    const first = helpRequest(person(user), { topic: 'video' });
    await student.help(first);
    await watcher.status(first.id, 'received');
    const again = helpRequest(person(user), { topic: 'video' });
    await student.help(again);
    expect((await watcher.status(again.id, 'manual')).reason).toBe(`duplicate: ${user.id} already has request ${first.id} open about it (received)`);
    for (const id of [expired.id, invalid.id, again.id]) expect(watcher.states(id).map((s) => s.status)).toEqual(['manual']);
  });

  it("a teacher's waiting request about a student is remedied when the student is tagged; the student's later press is already handled", async () => {
    const classId = 'class-0003';
    const { user: teacher, watcher, participant: teacherClient } = await scene(backend, internals, classId, 'teacher');
    const { user: student, participant: studentClient } = await scene(backend, internals, classId);
    await tagClass(backend, internals, classId, []);
    const fromTeacher = helpRequest(person(teacher), { topic: 'video' });
    await teacherClient.help(fromTeacher);
    await watcher.status(fromTeacher.id, 'received');
    await tagClass(backend, internals, classId, [{ tag: 'stream.cant-see', userId: student.id, since: Date.now() }]);
    expect(await studentClient.command()).toMatchObject({ action: 'switch-line', params: { help: fromTeacher.id } });
    await watcher.status(fromTeacher.id, 'remedy-pending');
    const fromStudent = helpRequest(person(student), { topic: 'video' });
    await studentClient.help(fromStudent);
    expect((await watcher.status(fromStudent.id, 'manual')).reason).toBe(
      `already handled: request ${fromTeacher.id} (remedy-pending) covers stream.cant-see (${student.id})`,
    );
    expect(studentClient.commands()).toHaveLength(1);
  });

  it('a waiting request survives a dispatcher restart and is handled when the tag appears after it', async () => {
    const classId = 'class-0004';
    const { user, watcher, participant: student } = await scene(backend, internals, classId);
    await tagClass(backend, internals, classId, []);
    const request = helpRequest(person(user), { topic: 'courseware' });
    await student.help(request);
    const waiting = await watcher.status(request.id, 'received');

    await internals.dispatcher.stop();
    await internals.dispatcher.start();
    expect(internals.dispatcher.request(request.id)).toMatchObject({ status: 'received', createdAt: waiting.createdAt });
    await tagClass(backend, internals, classId, [{ tag: 'course.load-failed', userId: user.id, since: Date.now() }]);
    const command = await student.command();
    expect(command.action).toBe('reload-courseware');
    await student.ack(command);
    const acked = await watcher.state(request.id, (s) => s.remedies[0]?.outcome === 'acked', 'acked');
    await tagClass(backend, internals, classId, [], acked.remedies[0]!.ackedAt! + 1);
    await watcher.status(request.id, 'auto-resolved');
    expect(student.commands()).toHaveLength(1);
    const actions = (await internals.audit.query({ requestId: request.id, limit: 50 })).map((e) => e.action);
    expect(actions).toEqual(['received', 'resumed', 'remedy-sent', 'remedy-acked', 'tags-cleared', 'auto-resolved']);
  });
});

describe('when no tag covers it within the grace', () => {
  let backend: RunningBackend;
  let internals: BackendInternals;
  const graceMs = 400;
  beforeAll(async () => {
    ({ backend, internals } = await launchBackend({ classes: 0, dispatcher: { sweepMs: 50, coverageGraceMs: graceMs } }));
  });
  afterAll(() => backend.close());

  it('goes to the manual queue with the reason', async () => {
    const classId = 'class-0001';
    const { user, watcher, participant: student } = await scene(backend, internals, classId);
    await tagClass(backend, internals, classId, [{ tag: 'course.cant-draw', userId: 'someone-else', since: Date.now() }]);
    const request = helpRequest(person(user), { topic: 'board' });
    await student.help(request);
    const manual = await watcher.status(request.id, 'manual');
    expect(manual.reason).toBe(`not coverable: none of the class's 1 problem tags concern ${user.id}; no tag covered it within 0.4 s`);
    expect(watcher.states(request.id).map((s) => s.status)).toEqual(['received', 'manual']);
    await expect.poll(() => student.notices(request.id).map((n) => n.progress), { timeout: 5_000 }).toEqual(['received', 'waiting']);
    const audit = await internals.audit.query({ requestId: request.id, limit: 50 });
    expect(audit.map((e) => e.action)).toEqual(['received', 'manual']);
    expect(audit[1]!.data).toMatchObject({ check: 'not-coverable', waitedS: expect.any(Number) });
    expect(student.commands()).toEqual([]);
  });

  it('counts the grace from when the request arrived, across a restart', async () => {
    const classId = 'class-0002';
    const { user, watcher, participant: student } = await scene(backend, internals, classId);
    await tagClass(backend, internals, classId, []);
    const request = helpRequest(person(user));
    await student.help(request);
    const waiting = await watcher.status(request.id, 'received');
    await internals.dispatcher.stop();
    // Down for longer than the grace: the request does not get a fresh one when the dispatcher is back.
    await new Promise((resolve) => setTimeout(resolve, graceMs));
    await internals.dispatcher.start();
    const manual = await watcher.status(request.id, 'manual');
    expect(manual).toMatchObject({ createdAt: waiting.createdAt, reason: 'not coverable: the class has no problem tags; no tag covered it within 0.4 s' });
    const actions = (await internals.audit.query({ requestId: request.id, limit: 50 })).map((e) => e.action);
    expect(actions).toEqual(['received', 'resumed', 'manual']);
  });
});
