import { describe, expect, it } from 'vitest';
import type { PollDraft } from '../../shared/protocol/polls';
import { answer, close, launch, PollRuleError, receipt, results, show, tally } from './poll-book';

const colours: PollDraft = {
  kind: 'poll',
  title: 'Colours',
  anonymous: false,
  questions: [
    { id: 'q1', type: 'multiple', prompt: 'Which do you like?', options: [{ id: 'red', text: 'Red' }, { id: 'blue', text: 'Blue' }, { id: 'green', text: 'Green' }] },
  ],
};

const quiz: PollDraft = {
  kind: 'quiz',
  title: 'Check',
  anonymous: false,
  questions: [
    { id: 'q1', type: 'single', prompt: '2 + 2', options: [{ id: 'a', text: '3' }, { id: 'b', text: '4' }], correct: ['b'] },
    { id: 'q2', type: 'truefalse', prompt: 'The sun is a star', options: [], correct: ['true'] },
    { id: 'q3', type: 'text', prompt: 'Capital of France', options: [], correct: ['Paris'] },
  ],
};

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof PollRuleError) return error.code;
    throw error;
  }
  return null;
};

describe('poll book', () => {
  it('counts students, not selections: two choices of one student count once in respondents', () => {
    const record = launch('c1', 'p1', colours, 1_000);
    answer(record, { userId: 's1', name: 'S1' }, [{ questionId: 'q1', choices: ['red', 'blue'] }], 1_001);
    answer(record, { userId: 's2', name: 'S2' }, [{ questionId: 'q1', choices: ['red'] }], 1_002);
    const r = results(record);
    expect(r.respondents).toBe(2);
    expect(r.questions[0]).toMatchObject({ respondents: 2, counts: { red: 2, blue: 1, green: 0 } });
  });

  it('replaces a second answer while open, so each student counts once', () => {
    const record = launch('c1', 'p1', colours, 1_000);
    expect(answer(record, { userId: 's1', name: 'S1' }, [{ questionId: 'q1', choices: ['red'] }], 1_001)).toBe('recorded');
    expect(answer(record, { userId: 's1', name: 'S1' }, [{ questionId: 'q1', choices: ['green'] }], 1_002)).toBe('replaced');
    expect(results(record).questions[0]).toMatchObject({ respondents: 1, counts: { red: 0, green: 1 } });
  });

  it('refuses an answer after the poll closed, and one after its time limit even before the close is noticed', () => {
    const record = launch('c1', 'p1', colours, 1_000);
    close(record, 2_000);
    expect(refusal(() => answer(record, { userId: 's1', name: 'S1' }, [{ questionId: 'q1', choices: ['red'] }], 2_001))).toBe('poll-closed');
    const timed = launch('c1', 'p2', { ...colours, timeLimitS: 10 }, 1_000);
    expect(refusal(() => answer(timed, { userId: 's1', name: 'S1' }, [{ questionId: 'q1', choices: ['red'] }], 11_000))).toBe('poll-closed');
    expect(results(timed).respondents).toBe(0);
  });

  it('refuses answers that do not fit the question, keeping the earlier answer', () => {
    const record = launch('c1', 'p1', { ...colours, questions: [{ ...colours.questions[0]!, type: 'single' }] }, 1_000);
    answer(record, { userId: 's1', name: 'S1' }, [{ questionId: 'q1', choices: ['red'] }], 1_001);
    for (const bad of [
      [{ questionId: 'q1', choices: ['red', 'blue'] }],
      [{ questionId: 'q1', choices: ['purple'] }],
      [{ questionId: 'q9', choices: ['red'] }],
      [{ questionId: 'q1', text: 'red' }],
    ]) {
      expect(refusal(() => answer(record, { userId: 's1', name: 'S1' }, bad, 1_002))).toBe('bad-answer');
    }
    expect(results(record).questions[0]!.counts).toMatchObject({ red: 1 });
  });

  it('refuses drafts that cannot run: a quiz question without its answer, a key that is not an option, one option', () => {
    const q = quiz.questions[0]!;
    expect(refusal(() => launch('c1', 'p1', { ...quiz, questions: [{ ...q, correct: undefined }] }, 0))).toBe('bad-params');
    expect(refusal(() => launch('c1', 'p1', { ...quiz, questions: [{ ...q, correct: ['z'] }] }, 0))).toBe('bad-params');
    expect(refusal(() => launch('c1', 'p1', { ...colours, questions: [{ ...colours.questions[0]!, options: [{ id: 'a', text: 'A' }] }] }, 0))).toBe('bad-params');
  });

  it("keeps a quiz's key out of its state until it closes, then grades each student and each question", () => {
    const record = launch('c1', 'p1', quiz, 1_000);
    expect(JSON.stringify(record.poll)).not.toContain('correct');
    answer(record, { userId: 's1', name: 'S1' }, [{ questionId: 'q1', choices: ['b'] }, { questionId: 'q2', choices: ['true'] }, { questionId: 'q3', text: ' paris ' }], 1_001);
    answer(record, { userId: 's2', name: 'S2' }, [{ questionId: 'q1', choices: ['a'] }, { questionId: 'q2', choices: ['true'] }], 1_002);
    expect(receipt(record, 's1', 1_003)?.right).toBeUndefined();
    close(record, 2_000);
    expect(record.poll.correct).toEqual({ q1: ['b'], q2: ['true'], q3: ['paris'] });
    expect(receipt(record, 's1', 2_001)).toMatchObject({ score: 3, of: 3, right: { q1: true, q2: true, q3: true } });
    expect(receipt(record, 's2', 2_001)).toMatchObject({ score: 1, of: 3, right: { q1: false, q2: true, q3: false } });
    expect(receipt(record, 's3', 2_001)).toBeNull();
    const accuracy = results(record).questions.map((t) => [t.questionId, t.correct, t.respondents]);
    expect(accuracy).toEqual([['q1', 1, 2], ['q2', 2, 2], ['q3', 1, 1]]);
    expect(tally(record, 2_002).answers?.map((a) => [a.userId, a.score])).toEqual([['s1', 3], ['s2', 1]]);
  });

  it('gives an anonymous poll a tally without any user id or name, and its texts sorted', () => {
    const record = launch('c1', 'p1', { ...colours, anonymous: true, questions: [...colours.questions, { id: 'q2', type: 'text', prompt: 'Why?', options: [] }] }, 1_000);
    answer(record, { userId: 'student-zed', name: 'Zed' }, [{ questionId: 'q1', choices: ['red'] }, { questionId: 'q2', text: 'zebra' }], 1_001);
    answer(record, { userId: 'student-amy', name: 'Amy' }, [{ questionId: 'q2', text: 'apple' }], 1_002);
    const wire = JSON.stringify(tally(record, 1_003));
    for (const secret of ['student-zed', 'student-amy', 'Zed', 'Amy']) expect(wire).not.toContain(secret);
    expect(tally(record, 1_003).results.questions[1]!.texts).toEqual(['apple', 'zebra']);
  });

  it('shows aggregates only, and hides them again', () => {
    const record = launch('c1', 'p1', colours, 1_000);
    answer(record, { userId: 's1', name: 'S1' }, [{ questionId: 'q1', choices: ['red'] }], 1_001);
    show(record, true, 1_002);
    expect(record.poll.shown?.respondents).toBe(1);
    expect(JSON.stringify(record.poll)).not.toContain('s1');
    show(record, false, 1_003);
    expect(record.poll.shown).toBeUndefined();
  });
});
