import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encode } from '../../shared/protocol/codec';
import type { RecordingDocument, RecordingState } from '../../shared/protocol/recording';
import { topic } from '../../shared/protocol/topics';
import type { ElementRecord } from '../../shared/whiteboard/element';
import { launchBackend, type BackendInternals, type RunningBackend } from '../backend';
import { Clients, subscribe } from '../testing/clients';
import { roomMessage, TestParticipant } from '../testing/test-participant';
import { readRecordingFile } from './recording-file';
import { recordingPath } from './recorder';

let backend: RunningBackend;
let internals: BackendInternals;
const clients = new Clients();

beforeAll(async () => {
  ({ backend, internals } = await launchBackend({ classes: 0, recordingLimitBytes: 64 * 1024 }));
});
afterEach(() => clients.closeAll());
afterAll(() => backend.close());

function rect(id: string, by: string, version = 1): ElementRecord {
  return {
    id, kind: 'rect', version, nonce: 7, by, z: 'a0', deleted: false,
    props: { x: version, y: 2, width: 3, height: 4, angle: 0, stroke: '#000000', fill: '', strokeWidth: 2, opacity: 1, points: [], text: '', fontSize: 24, asset: '' },
  };
}
const ops = (classId: string, userId: string, seq: number, records: ElementRecord[]) =>
  encode('boardOps', topic('boardOps', { classId, userId }), { v: 1, pageId: 'page-1', session: 's1', seq, records });

async function call(who: TestParticipant, method: 'start' | 'stop', classId: string): Promise<RecordingState> {
  const response = await who.call('recorder', method, { classId });
  if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`);
  return response.result as RecordingState;
}

async function httpGet(path: string, userId: string): Promise<{ status: number; body: unknown }> {
  const issued = await backend.issueToken(userId, 'demo');
  if (!issued.ok) throw new Error(issued.message);
  const res = await fetch(`${backend.httpUrl}${path}`, { headers: { authorization: `Bearer ${issued.token.token}` } });
  return { status: res.status, body: await res.json() };
}

/** Waits for the class's retained recording state to say `what`, as any participant of the class reads it. */
async function recordingSays(who: TestParticipant, classId: string, what: string): Promise<{ told: Promise<unknown> }> {
  const recordingTopic = topic('recording', { classId });
  await subscribe(who.client, [recordingTopic]);
  return { told: who.inbox.waitFor((m) => m.topic === recordingTopic && m.payload.toString().includes(what), `recording ${what}`) };
}

const kinds = (classId: string) => readRecordingFile(recordingPath(internals.recordingsDir, classId)).entries.map((e) => e.k);

describe('recorder service', () => {
  it("records a class from its teacher's start to stop: the retained state first, then ops, chat and hands with their times; everyone sees it recording", async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    const student = await TestParticipant.open(clients, backend, 'student1');
    await teacher.send(roomMessage('class-0001', 1, { drawing: ['student1'] }));
    const watching = await recordingSays(student, 'class-0001', '"state":"recording"');
    const started = await call(teacher, 'start', 'class-0001');
    expect(started).toMatchObject({ state: 'recording', by: 'teacher1', bytes: expect.any(Number) });
    await watching.told;

    await teacher.send(ops('class-0001', 'teacher1', 1, [rect('r1', 'teacher1')]));
    await student.send(ops('class-0001', 'student1', 1, [rect('r2', 'student1')]));
    await student.send(encode('hand', topic('hand', { classId: 'class-0001', userId: 'student1' }), { v: 1, raised: true, at: Date.now() }));
    expect((await teacher.call('moderation', 'chat.send', { classId: 'class-0001', id: 'c1', text: 'hello <b>all</b>' })).ok).toBe(true);
    await expect.poll(() => (internals.recorder().flushAll(), kinds('class-0001').filter((k) => k === 'chat').length)).toBe(1);
    const stopped = await call(teacher, 'stop', 'class-0001');
    expect(stopped).toMatchObject({ state: 'stopped', reason: 'teacher' });

    const { entries, broken } = readRecordingFile(recordingPath(internals.recordingsDir, 'class-0001'));
    expect(broken).toBeNull();
    expect(entries[0]).toMatchObject({ k: '$start', by: 'teacher1' });
    expect(entries[1]).toMatchObject({ k: 'room', state: true, m: { drawing: ['student1'] } });
    expect(entries.filter((e) => e.k === 'boardOps').map((e) => 'p' in e && e.p.userId)).toEqual(['teacher1', 'student1']);
    expect(entries.find((e) => e.k === 'hand')).toMatchObject({ p: { userId: 'student1' }, m: { raised: true } });
    expect(entries.find((e) => e.k === 'chat')).toMatchObject({ m: { text: 'hello <b>all</b>' } });
    expect(entries.at(-1)).toMatchObject({ k: '$stop', reason: 'teacher' });
    const times = entries.map((e) => e.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const read = await httpGet('/api/recordings/class-0001', 'student1');
    expect(read.status).toBe(200);
    expect((read.body as RecordingDocument).entries).toEqual(entries);
    expect((await httpGet('/api/recordings/class-0001', 'student2')).status).toBe(403);
    expect((await httpGet('/api/recordings', 'teacher1')).body).toMatchObject({ recordings: [{ classId: 'class-0001', state: { state: 'stopped' } }] });
  });

  it('records a poll launched, answered and closed (its state and its tally); a student\'s download leaves the tallies out, as the live ACL does', async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    const student = await TestParticipant.open(clients, backend, 'student1');
    await call(teacher, 'start', 'class-0001');
    const draft = { kind: 'poll', title: 'Ready?', anonymous: false, questions: [{ id: 'q1', type: 'truefalse', prompt: 'Ready?', options: [{ id: 'true', text: 'True' }, { id: 'false', text: 'False' }] }] };
    expect((await teacher.call('polls', 'launch', { classId: 'class-0001', id: 'rec-poll', draft })).ok).toBe(true);
    expect((await student.call('polls', 'answer', { classId: 'class-0001', pollId: 'rec-poll', answers: [{ questionId: 'q1', choices: ['true'] }] })).ok).toBe(true);
    expect((await teacher.call('polls', 'close', { classId: 'class-0001', pollId: 'rec-poll' })).ok).toBe(true);
    const recorded = () => {
      internals.recorder().flushAll();
      const ofPoll = (m: unknown) => (m as { id?: string }).id === 'rec-poll' || (m as { pollId?: string }).pollId === 'rec-poll';
      return readRecordingFile(recordingPath(internals.recordingsDir, 'class-0001')).entries.filter((e) => 'm' in e && ofPoll(e.m));
    };
    await expect.poll(() => recorded().some((e) => e.k === 'poll' && (e.m as { state: string }).state === 'closed')).toBe(true);
    await expect.poll(() => recorded().some((e) => e.k === 'pollTally' && (e.m as { answers?: { userId: string }[] }).answers?.some((a) => a.userId === 'student1'))).toBe(true);
    await call(teacher, 'stop', 'class-0001');

    const forTeacher = (await httpGet('/api/recordings/class-0001', 'teacher1')).body as RecordingDocument;
    expect(forTeacher.entries.some((e) => e.k === 'pollTally')).toBe(true);
    const forStudent = (await httpGet('/api/recordings/class-0001', 'student1')).body as RecordingDocument;
    expect(forStudent.entries.some((e) => e.k === 'poll')).toBe(true);
    expect(forStudent.entries.some((e) => e.k === 'pollTally')).toBe(false);
    expect(JSON.stringify(forStudent.entries)).not.toContain('"answers":[{"userId"');
  });

  it("keeps a changing page's snapshot once per 30 s of class time while keeping every op, so an hour's recording stays small", async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    const snapshotTopic = topic('boardSnapshot', { classId: 'class-0001', pageId: 'page-2' });
    await subscribe(teacher.client, [snapshotTopic]);
    await call(teacher, 'start', 'class-0001');
    internals.recorder().flushAll();
    const from = readRecordingFile(recordingPath(internals.recordingsDir, 'class-0001')).entries.length;
    const opsOnPage2 = (seq: number, id: string) =>
      encode('boardOps', topic('boardOps', { classId: 'class-0001', userId: 'teacher1' }), { v: 1, pageId: 'page-2', session: 'kept', seq, records: [rect(id, 'teacher1')] });
    // The board service republishes the page after each change (every 2 s): two snapshots, each with a new element.
    for (const [seq, id] of [[1, 'k1'], [2, 'k2']] as const) {
      await teacher.send(opsOnPage2(seq, id));
      await teacher.inbox.waitFor((m) => m.topic === snapshotTopic && m.payload.toString().includes(`"${id}"`), `a snapshot with ${id}`);
    }
    await expect.poll(() => (internals.recorder().flushAll(), kinds('class-0001').slice(from).filter((k) => k === 'boardOps').length)).toBe(2);
    await call(teacher, 'stop', 'class-0001');
    const entries = readRecordingFile(recordingPath(internals.recordingsDir, 'class-0001')).entries.slice(from);
    const snapshots = entries.flatMap((e) => (e.k === 'boardSnapshot' && !e.state && e.p.pageId === 'page-2' ? [e.m] : []));
    expect(snapshots).toHaveLength(1);
    expect(JSON.stringify(snapshots[0])).toContain('"k1"');
  });

  it('refuses a start or stop from a student and from another class\'s teacher, and records nothing for them', async () => {
    const student = await TestParticipant.open(clients, backend, 'student2');
    const other = await TestParticipant.open(clients, backend, 'teacher1');
    expect(await student.call('recorder', 'start', { classId: 'class-0002' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await other.call('recorder', 'start', { classId: 'class-0002' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(existsSync(recordingPath(internals.recordingsDir, 'class-0002'))).toBe(false);
  });

  it('resumes after a restart mid-class, marking the time it was away; what was sent meanwhile is still recorded', async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher2');
    await call(teacher, 'start', 'class-0002');
    await teacher.send(ops('class-0002', 'teacher2', 1, [rect('a1', 'teacher2')]));
    await expect.poll(() => (internals.recorder().flushAll(), kinds('class-0002').includes('boardOps'))).toBe(true);
    await internals.restartRecorder({
      whileAway: async () => {
        await teacher.send(ops('class-0002', 'teacher2', 2, [rect('a2', 'teacher2')]));
      },
    });
    await teacher.send(ops('class-0002', 'teacher2', 3, [rect('a3', 'teacher2')]));
    await expect.poll(() => (internals.recorder().flushAll(), kinds('class-0002').filter((k) => k === 'boardOps').length)).toBe(3);
    const { entries } = readRecordingFile(recordingPath(internals.recordingsDir, 'class-0002'));
    const resume = entries.findIndex((e) => e.k === '$resume');
    expect(resume).toBeGreaterThan(0);
    const before = entries[resume - 1]!;
    expect(entries[resume]).toMatchObject({ k: '$resume', from: before.t });
    expect(internals.recorder().state('class-0002')).toMatchObject({ state: 'recording', gaps: 1 });
    const ids = entries.flatMap((e) => (e.k === 'boardOps' ? (e.m as { records: ElementRecord[] }).records.map((r) => r.id) : []));
    expect(ids).toEqual(['a1', 'a2', 'a3']);
    await call(teacher, 'stop', 'class-0002');
  });

  it('stops by itself at the class\'s size bound, tells the class why, and keeps a readable file up to the bound', async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher2');
    await internals.restartRecorder();
    const state = internals.recorder().state('class-0002');
    expect(state?.state).toBe('stopped');
    // A new recording of class-0002 appends to its file; a few large ops pass the 64 KiB bound.
    await call(teacher, 'start', 'class-0002');
    const big = (i: number) => ({ ...rect(`big-${i}`, 'teacher2'), props: { ...rect('x', 'teacher2').props, text: 'x'.repeat(2_000) } });
    const told = await recordingSays(teacher, 'class-0002', '"reason":"limit"');
    for (let i = 0; i < 40; i++) await teacher.send(ops('class-0002', 'teacher2', 10 + i, [big(i)]));
    await told.told;
    const path = recordingPath(internals.recordingsDir, 'class-0002');
    const read = readRecordingFile(path);
    expect(read.broken).toBeNull();
    expect(readFileSync(path).length).toBeLessThanOrEqual(64 * 1024);
    expect(read.entries.at(-1)).toMatchObject({ k: '$stop', reason: 'limit' });
    expect(await teacher.call('recorder', 'start', { classId: 'class-0002' })).toMatchObject({ ok: false, error: { code: 'full' } });
  });

  it('a full disk stops the recording cleanly and says so', async () => {
    const { backend: other, internals: inside } = await launchBackend({ classes: 0 });
    try {
      symlinkSync('/dev/full', join(inside.recordingsDir, 'class-0001.rec'));
      const teacher = await TestParticipant.open(clients, other, 'teacher1');
      const told = await recordingSays(teacher, 'class-0001', '"reason":"disk-full"');
      await teacher.call('recorder', 'start', { classId: 'class-0001' });
      await told.told;
      expect(inside.recorder().state('class-0001')).toMatchObject({ state: 'stopped', reason: 'disk-full' });
    } finally {
      await other.close();
    }
  });
});
