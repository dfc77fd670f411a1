import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PollDraft, PollReceipt, PollState, PollTally } from '../../shared/protocol/polls';
import { filter, topic } from '../../shared/protocol/topics';
import { launchBackend, type BackendInternals, type RunningBackend } from '../backend';
import { Clients, subscribe } from '../testing/clients';
import { roomMessage, TestParticipant } from '../testing/test-participant';
import { DiskPollStore } from './poll-store';
import { launch as launchRecord, answer as answerRecord } from './poll-book';

let backend: RunningBackend;
let internals: BackendInternals;
const clients = new Clients();
const classId = 'class-0001';
let serial = 0;
let roomVersion = 1;

beforeAll(async () => {
  ({ backend, internals } = await launchBackend({ classes: 0 }));
});
afterEach(() => clients.closeAll());
afterAll(() => backend.close());

const question = { id: 'q1', type: 'single' as const, prompt: 'Ready?', options: [{ id: 'yes', text: 'Yes' }, { id: 'no', text: 'No' }] };
const poll = (patch: Partial<PollDraft> = {}): PollDraft => ({ kind: 'poll', title: 'Check-in', anonymous: false, questions: [question], ...patch });

/** A student of the class who is not a demo account, signed by the backend's own key. */
async function extraStudent(id: string, inClass = classId): Promise<TestParticipant> {
  const { token } = await internals.tokens.sign({ sub: id, name: `Name of ${id}`, role: 'student', classes: [inClass] });
  return TestParticipant.open(clients, backend, id, token);
}

async function launched(teacher: TestParticipant, draft = poll(), inClass = classId): Promise<string> {
  const id = `p-${++serial}`;
  const response = await teacher.call('polls', 'launch', { classId: inClass, id, draft });
  expect(response).toMatchObject({ ok: true, result: { id, state: 'open' } });
  return id;
}

const json = <T>(payload: Buffer) => JSON.parse(payload.toString()) as T;

async function tallyWhere(teacher: TestParticipant, pollId: string, test: (t: PollTally) => boolean): Promise<PollTally> {
  const m = await teacher.inbox.waitFor((m) => m.topic === topic('pollTally', { classId, pollId }) && test(json<PollTally>(m.payload)), 'a tally');
  return json<PollTally>(m.payload);
}

describe('poll service', () => {
  it("tallies students' answers live for the teacher, with names when the poll is not anonymous", async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    await subscribe(teacher.client, [filter('pollTally', { classId })]);
    const pollId = await launched(teacher);
    const students = await Promise.all(['s-a', 's-b', 's-c'].map((id) => extraStudent(id)));
    for (const [i, s] of students.entries()) {
      expect(await s.call('polls', 'answer', { classId, pollId, answers: [{ questionId: 'q1', choices: [i === 0 ? 'no' : 'yes'] }] })).toMatchObject({
        ok: true,
        result: { status: 'recorded' },
      });
    }
    const live = await tallyWhere(teacher, pollId, (t) => t.results.respondents === 3);
    expect(live.results.questions[0]!.counts).toEqual({ yes: 2, no: 1 });
    expect(live.answers?.map((a) => a.userId).sort()).toEqual(['s-a', 's-b', 's-c']);
  });

  it("keeps an anonymous poll's answers off every person's wire: the tally is aggregates and students cannot read it", async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    const supervisor = await TestParticipant.open(clients, backend, 'supervisor1');
    await subscribe(teacher.client, [filter('pollTally', { classId }), filter('poll', { classId })]);
    await subscribe(supervisor.client, [filter('pollTally', { classId })]);
    const pollId = await launched(teacher, poll({ anonymous: true, questions: [question, { id: 'q2', type: 'text', prompt: 'Why?', options: [] }] }));
    const student = await extraStudent('s-anon');
    expect(await subscribe(student.client, [filter('pollTally', { classId })])).toEqual([128]);
    await student.call('polls', 'answer', { classId, pollId, answers: [{ questionId: 'q1', choices: ['yes'] }, { questionId: 'q2', text: 'secret reason' }] });
    const seen = await tallyWhere(teacher, pollId, (t) => t.results.respondents === 1);
    expect(seen.results.questions[1]!.texts).toEqual(['secret reason']);
    await tallyWhere(supervisor, pollId, (t) => t.results.respondents === 1);
    for (const who of [teacher, supervisor]) {
      const onPolls = who.inbox.messages.filter((m) => m.topic.includes('/polls/'));
      expect(onPolls.length).toBeGreaterThan(0);
      for (const m of onPolls) expect(m.payload.toString()).not.toMatch(/s-anon|Name of s-anon/);
    }
  });

  it('refuses an answer after the poll closed and keeps the tally as it was', async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    const pollId = await launched(teacher);
    const student = await extraStudent('s-late');
    await teacher.call('polls', 'close', { classId, pollId });
    expect(await student.call('polls', 'answer', { classId, pollId, answers: [{ questionId: 'q1', choices: ['yes'] }] })).toMatchObject({
      ok: false,
      error: { code: 'poll-closed' },
    });
    const listed = await teacher.call('polls', 'list', { classId });
    const kept = listed.ok ? (listed.result as { polls: { poll: PollState; tally: PollTally }[] }).polls.find((p) => p.poll.id === pollId) : null;
    expect(kept?.tally.results.respondents).toBe(0);
  });

  it('replaces a second answer: one count per student', async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    await subscribe(teacher.client, [filter('pollTally', { classId })]);
    const pollId = await launched(teacher);
    const student = await extraStudent('s-twice');
    await student.call('polls', 'answer', { classId, pollId, answers: [{ questionId: 'q1', choices: ['yes'] }] });
    expect(await student.call('polls', 'answer', { classId, pollId, answers: [{ questionId: 'q1', choices: ['no'] }] })).toMatchObject({
      ok: true,
      result: { status: 'replaced' },
    });
    const last = await tallyWhere(teacher, pollId, (t) => t.results.questions[0]!.counts.no === 1);
    expect(last.results).toMatchObject({ respondents: 1, questions: [{ counts: { yes: 0, no: 1 } }] });
  });

  it("refuses an answer to another class's poll, whichever class the student names", async () => {
    const teacher2 = await TestParticipant.open(clients, backend, 'teacher2');
    const pollId = await launched(teacher2, poll(), 'class-0002');
    const student = await TestParticipant.open(clients, backend, 'student1');
    const answers = [{ questionId: 'q1', choices: ['yes'] }];
    expect(await student.call('polls', 'answer', { classId: 'class-0002', pollId, answers })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await student.call('polls', 'answer', { classId, pollId, answers })).toMatchObject({ ok: false, error: { code: 'no-such-poll' } });
    expect(internals.polls.polls('class-0002').find((r) => r.poll.id === pollId)?.answers).toEqual([]);
  });

  it('refuses an answer from a student the teacher removed', async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    const pollId = await launched(teacher);
    const student = await extraStudent('s-removed');
    await teacher.send(roomMessage(classId, ++roomVersion, { removed: ['s-removed'] }));
    await expect
      .poll(async () => (await student.call('polls', 'answer', { classId, pollId, answers: [{ questionId: 'q1', choices: ['yes'] }] })))
      .toMatchObject({ ok: false, error: { code: 'removed' } });
    await teacher.send(roomMessage(classId, ++roomVersion, { removed: [] }));
  });

  it('lets only teachers run polls and only students answer', async () => {
    const student = await TestParticipant.open(clients, backend, 'student1');
    expect(await student.call('polls', 'launch', { classId, id: 'p-student', draft: poll() })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    const pollId = await launched(teacher);
    expect(await teacher.call('polls', 'answer', { classId, pollId, answers: [{ questionId: 'q1', choices: ['yes'] }] })).toMatchObject({
      ok: false,
      error: { code: 'not-a-student' },
    });
  });

  it('gives each quiz student their own result at close and the teacher per-question accuracy', async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    await subscribe(teacher.client, [filter('pollTally', { classId })]);
    const quiz: PollDraft = {
      kind: 'quiz',
      title: 'Quiz',
      anonymous: false,
      questions: [
        { ...question, correct: ['yes'] },
        { id: 'q2', type: 'truefalse', prompt: 'Water is wet', options: [], correct: ['true'] },
      ],
    };
    const pollId = await launched(teacher, quiz);
    const good = await extraStudent('s-good');
    const poor = await extraStudent('s-poor');
    for (const s of [good, poor]) await subscribe(s.client, [filter('pollReceipt', { classId, userId: s.userId })]);
    await good.call('polls', 'answer', { classId, pollId, answers: [{ questionId: 'q1', choices: ['yes'] }, { questionId: 'q2', choices: ['true'] }] });
    await poor.call('polls', 'answer', { classId, pollId, answers: [{ questionId: 'q1', choices: ['no'] }, { questionId: 'q2', choices: ['true'] }] });
    await teacher.call('polls', 'close', { classId, pollId });
    const result = async (s: TestParticipant) =>
      json<PollReceipt>((await s.inbox.waitFor((m) => m.topic === topic('pollReceipt', { classId, pollId, userId: s.userId }) && json<PollReceipt>(m.payload).score !== undefined, 'a result')).payload);
    expect(await result(good)).toMatchObject({ score: 2, of: 2, right: { q1: true, q2: true } });
    expect(await result(poor)).toMatchObject({ score: 1, of: 2, right: { q1: false, q2: true } });
    expect(poor.inbox.messages.some((m) => m.topic.endsWith('/receipt/s-good'))).toBe(false);
    const closed = await tallyWhere(teacher, pollId, (t) => t.state === 'closed');
    expect(closed.results.questions.map((q) => [q.questionId, q.correct, q.respondents])).toEqual([['q1', 1, 2], ['q2', 2, 2]]);
  });

  it('closes a poll with a time limit by itself, and tells the class', async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    const pollId = await launched(teacher, poll({ timeLimitS: 5 }));
    const student = await extraStudent('s-timed');
    await subscribe(student.client, [topic('poll', { classId, pollId })]);
    await expect
      .poll(() => student.inbox.messages.some((m) => m.topic === topic('poll', { classId, pollId }) && json<PollState>(m.payload).state === 'closed'), { timeout: 15_000 })
      .toBe(true);
    expect(await student.call('polls', 'answer', { classId, pollId, answers: [{ questionId: 'q1', choices: ['yes'] }] })).toMatchObject({
      ok: false,
      error: { code: 'poll-closed' },
    });
  });

  it('keeps every poll with its class across a restart of the service', async () => {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    const pollId = await launched(teacher);
    const student = await extraStudent('s-kept');
    await student.call('polls', 'answer', { classId, pollId, answers: [{ questionId: 'q1', choices: ['yes'] }] });
    await internals.polls.stop();
    await internals.polls.start();
    const listed = await teacher.call('polls', 'list', { classId });
    expect(listed.ok && (listed.result as { polls: { poll: PollState; tally: PollTally }[] }).polls.find((p) => p.poll.id === pollId)?.tally.results.respondents).toBe(1);
  });
});

describe('disk poll store', () => {
  it('keeps polls with their answers in a file per class and skips a file that does not parse', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'polls-'));
    try {
      const errors: unknown[] = [];
      const store = new DiskPollStore(dir, (e) => errors.push(e));
      const record = launchRecord('class-0001', 'p1', poll(), 1_000);
      answerRecord(record, { userId: 's1', name: 'S1' }, [{ questionId: 'q1', choices: ['yes'] }], 1_001);
      store.put('class-0001', [record]);
      await store.flushed();
      const { writeFile } = await import('node:fs/promises');
      await writeFile(join(dir, 'class-0002.json'), '{"v":1, broken');
      const loaded = await new DiskPollStore(dir, (e) => errors.push(e)).load();
      expect(loaded.get('class-0001')?.[0]?.answers.map((a) => a.userId)).toEqual(['s1']);
      expect(loaded.has('class-0002')).toBe(false);
      expect(errors).toHaveLength(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
