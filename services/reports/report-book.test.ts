import { describe, expect, it } from 'vitest';
import type { ClassSummary } from '../../shared/protocol/messages';
import type { PollState, PollTally } from '../../shared/protocol/polls';
import * as book from './report-book';

const MIN = 60_000;
const summary = (state: ClassSummary['state'], endedAt?: number): ClassSummary => ({
  v: 1, id: 'c1', title: 'Fractions', teacher: { id: 't1', name: 'Tia' }, state, region: 'eu', startsAt: 0,
  presence: { teachers: 1, students: 1 }, capacity: 10, updatedAt: 0, ...(endedAt !== undefined && { endedAt }),
});
const here = (userId: string, online: boolean, role: 'teacher' | 'student' = 'student') =>
  ({ v: 1 as const, userId, name: `Name ${userId}`, role, online, ts: 0 });

describe('report book', () => {
  it('sums each stay up to the class end, counts joins, and leaves a reconnect with one count', () => {
    const r = book.newRecord('c1', 0, summary('live'));
    book.presence(r, here('t1', true, 'teacher'), 0);
    book.presence(r, here('s1', true), 1 * MIN);
    book.presence(r, here('s1', true), 2 * MIN); // retained again: nothing changes
    book.presence(r, here('s1', false), 11 * MIN);
    book.presence(r, here('s1', true), 21 * MIN);
    book.describe(r, summary('ended', 31 * MIN), 31 * MIN);
    book.presence(r, here('s1', false), 40 * MIN); // after the end: not attendance
    const report = book.report(r, 50 * MIN, 1_000);
    const s1 = report.people.find((p) => p.userId === 's1')!;
    expect(s1).toMatchObject({ joins: 2, minutesPresent: 20, joinedAt: 1 * MIN, leftAt: 31 * MIN });
    expect(report.people[0]).toMatchObject({ userId: 't1', role: 'teacher', minutesPresent: 31, leftAt: 31 * MIN });
    expect(report).toMatchObject({ title: 'Fractions', state: 'ended', endedAt: 31 * MIN, expiresAt: 31 * MIN + 1_000 });
  });

  it('counts a raised hand once however often its retained state is heard, chat once per id, board records once per batch', () => {
    const r = book.newRecord('c1', 0);
    book.hand(r, 's1', { v: 1, raised: true, at: 5 }, 5);
    book.hand(r, 's1', { v: 1, raised: true, at: 5 }, 6);
    book.hand(r, 's1', { v: 1, raised: false, at: 7 }, 7);
    book.hand(r, 's1', { v: 1, raised: true, at: 8 }, 8);
    const message = { v: 1 as const, id: 'm1', from: { id: 's1', name: 'Sam', role: 'student' as const }, text: 'hi', moderation: 'clean' as const, ts: 1 };
    book.chat(r, message, 9);
    book.chat(r, message, 10);
    const record = { id: 'e1', kind: 'pen', props: {}, version: 1, nonce: 1, deleted: false, z: 1 };
    const ops = { v: 1 as const, pageId: 'p1', session: 'b1', seq: 1, records: [record, { ...record, id: 'e2' }] } as never;
    book.board(r, 's1', ops, 11);
    book.board(r, 's1', ops, 12);
    book.board(r, 's1', { ...(ops as object), seq: 2, records: [record] } as never, 13);
    const [s1] = book.report(r, 20, 1_000).people;
    expect(s1).toMatchObject({ hands: 2, chat: 1, boardOps: 3, name: 'Sam' });
  });

  it("keeps a named quiz's per-student scores and per-question accuracy, and nothing per student of an anonymous poll", () => {
    const r = book.newRecord('c1', 0);
    const quiz: PollState = {
      v: 1, id: 'q', classId: 'c1', kind: 'quiz', title: 'Quiz', anonymous: false, state: 'closed', launchedAt: 1, closedAt: 2, ts: 2,
      questions: [
        { id: 'a', type: 'truefalse', prompt: 'A?', options: [] },
        { id: 'b', type: 'truefalse', prompt: 'B?', options: [] },
      ],
    };
    const tally: PollTally = {
      v: 1, pollId: 'q', state: 'closed', ts: 3,
      results: { respondents: 2, questions: [{ questionId: 'a', respondents: 2, counts: {}, texts: [], correct: 2 }, { questionId: 'b', respondents: 2, counts: {}, texts: [], correct: 1 }] },
      answers: [
        { userId: 's1', name: 'Sam', answers: [], score: 2, at: 1 },
        { userId: 's2', name: 'Kim', answers: [], score: 1, at: 1 },
      ],
    };
    book.poll(r, quiz, 1);
    book.pollTally(r, 'q', tally, 3);
    book.poll(r, { ...quiz, id: 'anon', kind: 'poll', anonymous: true }, 4);
    book.pollTally(r, 'anon', { ...tally, pollId: 'anon', answers: undefined }, 5);
    const report = book.report(r, 10, 1_000);
    expect(report.polls[0]).toMatchObject({ respondents: 2, accuracy: 0.75, questions: [{ correct: 2, accuracy: 1 }, { correct: 1, accuracy: 0.5 }] });
    expect(report.polls[1]).toMatchObject({ anonymous: true, respondents: 2, accuracy: null });
    expect(report.people.find((p) => p.userId === 's2')).toMatchObject({ pollAnswers: 1, quiz: { right: 1, of: 2 } });
    expect(report.totals.pollAnswers).toBe(4);
  });

  it('opens a problem when its tag appears and closes it when the tag is gone, with how long it lasted', () => {
    const r = book.newRecord('c1', 0);
    const tags = (list: { tag: 'stream.cant-hear' | 'stream.normal'; userId: string; since: number }[], ts: number) =>
      ({ v: 1 as const, classId: 'c1', windowEnd: ts, tags: list.map((t) => ({ ...t, evidence: '' })), setAside: { late: 0, future: 0, duplicate: 0 }, heard: [], ts });
    book.tags(r, tags([{ tag: 'stream.cant-hear', userId: 's1', since: 10_000 }, { tag: 'stream.normal', userId: 't1', since: 0 }], 12_000), 12_000);
    book.tags(r, tags([{ tag: 'stream.cant-hear', userId: 's1', since: 10_000 }], 20_000), 20_000);
    book.tags(r, tags([], 40_000), 40_000);
    expect(book.report(r, 50_000, 1).problems).toEqual([{ tag: 'stream.cant-hear', userId: 's1', from: 10_000, to: 40_000, seconds: 30 }]);
  });
});
