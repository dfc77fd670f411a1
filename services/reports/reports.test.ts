import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { encode } from '../../shared/protocol/codec';
import type { RpcResponse } from '../../shared/protocol/messages';
import type { ClassReport, ReportSummary } from '../../shared/protocol/reports';
import { topic } from '../../shared/protocol/topics';
import type { ElementRecord } from '../../shared/whiteboard/element';
import { launchBackend, type BackendInternals, type RunningBackend } from '../backend';
import type { ServiceLink } from '../mqtt/service-connection';
import { Clients } from '../testing/clients';
import { roomMessage, TestParticipant } from '../testing/test-participant';
import { DiskReportStore } from './report-store';
import { ReportService } from './reports';

let backend: RunningBackend;
let internals: BackendInternals;
const clients = new Clients();
const classId = 'class-0001';

beforeAll(async () => {
  // Two classes from the directory (so a class ends as its teacher ends it), no simulated traffic.
  ({ backend, internals } = await launchBackend({ classes: 2, simulate: false }));
});
afterEach(() => clients.closeAll());
afterAll(() => backend.close());

function rect(id: string, by: string): ElementRecord {
  return {
    id, kind: 'rect', version: 1, nonce: 7, by, z: 'a0', deleted: false,
    props: { x: 1, y: 2, width: 3, height: 4, angle: 0, stroke: '#000000', fill: '', strokeWidth: 2, opacity: 1, points: [], text: '', fontSize: 24, asset: '' },
  };
}

const presence = (who: TestParticipant, name: string, role: 'teacher' | 'student', online: boolean, inClass = classId) =>
  who.send(encode('presence', topic('presence', { classId: inClass, userId: who.userId }), { v: 1, userId: who.userId, name, role, online, ts: Date.now() }));
const hand = (who: TestParticipant, raised: boolean) =>
  who.send(encode('hand', topic('hand', { classId, userId: who.userId }), { v: 1, raised, at: Date.now() }));
const draw = (who: TestParticipant, seq: number, records: ElementRecord[]) =>
  who.send(encode('boardOps', topic('boardOps', { classId, userId: who.userId }), { v: 1, pageId: 'page-1', session: `b-${who.userId}-${run}`, seq, records }));

async function ok<T>(response: Promise<RpcResponse>): Promise<T> {
  const r = await response;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.result as T;
}

async function student(id: string, inClass = classId): Promise<TestParticipant> {
  const { token } = await internals.tokens.sign({ sub: id, name: `Pupil ${id}`, role: 'student', classes: [inClass] });
  return TestParticipant.open(clients, backend, id, token);
}

/** Asks for the report until `test` holds (the service takes the class's traffic as it comes). */
async function reportWhere(who: TestParticipant, test: (r: ClassReport) => boolean, inClass = classId): Promise<ClassReport> {
  let last: ClassReport | null = null;
  await vi.waitFor(
    async () => {
      const response = await who.call('reports', 'get', { classId: inClass });
      last = response.ok ? (response.result as ClassReport) : null;
      if (!last || !test(last)) throw new Error(`not yet: ${JSON.stringify(last?.totals ?? response)}`);
    },
    { timeout: 15_000, interval: 100 },
  );
  return last!;
}

/** A short scripted class: a teacher and two students join, raise hands, chat, answer a poll, draw; one leaves; it ends. */
let run = 0;
async function runClass(inClass = classId): Promise<{ teacher: TestParticipant; alice: TestParticipant; bob: TestParticipant }> {
  const n = ++run;
  const teacher = await TestParticipant.open(clients, backend, inClass === classId ? 'teacher1' : 'teacher2');
  const alice = await student('s-alice', inClass);
  const bob = await student('s-bob', inClass);
  await presence(teacher, 'Teacher', 'teacher', true, inClass);
  await presence(alice, 'Pupil s-alice', 'student', true, inClass);
  await presence(bob, 'Pupil s-bob', 'student', true, inClass);
  if (inClass !== classId) return { teacher, alice, bob };
  await teacher.send(roomMessage(classId, n, { drawing: ['s-alice'] }));
  await hand(alice, true);
  await hand(alice, false);
  await hand(alice, true);
  await hand(bob, true);
  for (const [who, id, text] of [[alice, 'c-a1', 'hello'], [alice, 'c-a2', 'question'], [bob, 'c-b1', 'hi'], [teacher, 'c-t1', 'welcome']] as const) {
    await ok(who.call('moderation', 'chat.send', { classId, id: `${id}-${n}`, text }));
  }
  const question = { id: 'q1', type: 'single' as const, prompt: '2 + 2?', options: [{ id: 'o3', text: '3' }, { id: 'o4', text: '4' }], correct: ['o4'] };
  const pollId = `quiz-${n}`;
  await ok(teacher.call('polls', 'launch', { classId, id: pollId, draft: { kind: 'quiz', title: 'Sums', anonymous: false, questions: [question] } }));
  await ok(alice.call('polls', 'answer', { classId, pollId, answers: [{ questionId: 'q1', choices: ['o4'] }] }));
  await ok(bob.call('polls', 'answer', { classId, pollId, answers: [{ questionId: 'q1', choices: ['o3'] }] }));
  await ok(teacher.call('polls', 'close', { classId, pollId }));
  await draw(teacher, 1, [rect('e1', 'teacher1'), rect('e2', 'teacher1')]);
  await draw(teacher, 2, [rect('e3', 'teacher1')]);
  await draw(alice, 1, [rect('e4', 's-alice')]);
  await presence(bob, 'Pupil s-bob', 'student', false);
  return { teacher, alice, bob };
}

describe('reports service', () => {
  it("counts a scripted class per person: attendance, hands, chat, the quiz's accuracy, board ops; and the class's end", async () => {
    const { teacher } = await runClass();
    await teacher.send(encode('classControl', topic('classControl', { classId, userId: 'teacher1' }), { v: 1, action: 'end', requestId: 'r-end-1', ts: Date.now() }));
    const report = await reportWhere(teacher, (r) => r.state === 'ended' && r.totals.boardOps === 4 && r.polls[0]?.state === 'closed');
    const byId = Object.fromEntries(report.people.map((p) => [p.userId, p]));
    expect(report).toMatchObject({ classId, teacher: { id: 'teacher1' } });
    expect(report.totals).toMatchObject({ hands: 3, chat: 4, boardOps: 4, pollAnswers: 2 });
    expect(byId['s-alice']).toMatchObject({ role: 'student', joins: 1, hands: 2, chat: 2, boardOps: 1, pollAnswers: 1, quiz: { right: 1, of: 1 }, leftAt: report.endedAt });
    expect(byId['s-bob']).toMatchObject({ joins: 1, hands: 1, chat: 1, boardOps: 0, pollAnswers: 1, quiz: { right: 0, of: 1 } });
    expect(byId['s-bob']!.leftAt).toBeLessThanOrEqual(report.endedAt!);
    expect(byId.teacher1).toMatchObject({ role: 'teacher', chat: 1, boardOps: 3, pollAnswers: 0, quiz: null });
    expect(report.polls).toEqual([
      expect.objectContaining({ pollId: 'quiz-1', kind: 'quiz', respondents: 2, accuracy: 0.5, questions: [expect.objectContaining({ correct: 1, accuracy: 0.5 })] }),
    ]);
    // The teacher's list has it; reopening the class for the next test.
    const { reports } = await ok<{ reports: ReportSummary[] }>(teacher.call('reports', 'list', {}));
    expect(reports.map((r) => r.classId)).toEqual([classId]);
    await teacher.send(encode('classControl', topic('classControl', { classId, userId: 'teacher1' }), { v: 1, action: 'start', requestId: 'r-start-1', ts: Date.now() }));
  });

  it("refuses a teacher another teacher's report and every student; supervisors and admins read all", async () => {
    const { teacher } = await runClass('class-0002');
    await reportWhere(teacher, (r) => r.totals.participants >= 3, 'class-0002');
    const teacher1 = await TestParticipant.open(clients, backend, 'teacher1');
    expect(await teacher1.call('reports', 'get', { classId: 'class-0002' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const { reports } = await ok<{ reports: ReportSummary[] }>(teacher1.call('reports', 'list', {}));
    expect(reports.map((r) => r.classId)).not.toContain('class-0002');
    const pupil = await TestParticipant.open(clients, backend, 'student2');
    expect(await pupil.call('reports', 'get', { classId: 'class-0002' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await pupil.call('reports', 'list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const reader of ['supervisor1', 'admin1']) {
      const who = await TestParticipant.open(clients, backend, reader);
      expect(await who.call('reports', 'get', { classId: 'class-0002' })).toMatchObject({ ok: true, result: { classId: 'class-0002' } });
      const listed = await ok<{ reports: ReportSummary[] }>(who.call('reports', 'list', {}));
      expect(listed.reports.map((r) => r.classId)).toEqual(expect.arrayContaining(['class-0001', 'class-0002']));
    }
    expect(await teacher.call('reports', 'get', { classId: 'class-9999' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const supervisor = await TestParticipant.open(clients, backend, 'supervisor1');
    expect(await supervisor.call('reports', 'get', { classId: 'class-9999' })).toMatchObject({ ok: false, error: { code: 'no-report' } });
  });

  it('keeps reports on disk across a restart, and deletes them from disk when their retention after the class runs out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reports-test-'));
    const link: ServiceLink = { url: backend.mqttUrl, token: (name) => backend.serviceToken(name), refreshEveryMs: 60_000 };
    let now = Date.now();
    const DAY = 86_400_000;
    const options = { link, root: 'classroom', claimsOf: (userId: string) => internals.access.claimsOfUser(userId), retentionMs: 7 * DAY, now: () => now };
    // This test's service, on its own clock and folder, in place of the backend's.
    await internals.reports.stop();
    const store = new DiskReportStore(dir);
    let service = await ReportService.start({ ...options, store });
    try {
      const { teacher } = await runClass();
      await teacher.send(encode('classControl', topic('classControl', { classId, userId: 'teacher1' }), { v: 1, action: 'end', requestId: 'r-end-2', ts: Date.now() }));
      await reportWhere(teacher, (r) => r.state === 'ended' && r.totals.boardOps === 4);
      const before = service.report(classId)!;
      await service.stop();
      expect(existsSync(store.pathOf(classId))).toBe(true);

      service = await ReportService.start({ ...options, store: new DiskReportStore(dir) });
      const after = service.report(classId)!;
      expect(after.people).toEqual(before.people);
      expect(after.totals).toEqual(before.totals);

      now = after.endedAt! + 7 * DAY - 1;
      expect(service.sweep()).toEqual([]);
      // A week and an hour after the end: the report goes, and the class's retained state (still on the broker, and
      // heard again as this service started) brings nothing back.
      now = after.endedAt! + 7 * DAY + 3_600_000;
      expect(service.sweep()).toContain(classId);
      await store.flushed();
      await vi.waitFor(() => expect(existsSync(store.pathOf(classId))).toBe(false));
      expect(await teacher.call('reports', 'get', { classId })).toMatchObject({ ok: false, error: { code: 'no-report' } });
      await teacher.send(encode('classControl', topic('classControl', { classId, userId: 'teacher1' }), { v: 1, action: 'start', requestId: 'r-start-2', ts: Date.now() }));
    } finally {
      await service.stop();
      await internals.reports.start();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
