import { describe, expect, it } from 'vitest';
import type { PollState, PollTally } from '../protocol/polls';
import { csvField } from '../csv';
import { pollBoardText, pollCsv } from './csv';

const poll: PollState = {
  v: 1, id: 'p1', classId: 'c1', kind: 'quiz', title: 'Quiz', anonymous: false, state: 'closed', launchedAt: 1, ts: 2,
  questions: [{ id: 'q1', type: 'single', prompt: 'Pick, "one"', options: [{ id: 'a', text: '=1+1' }, { id: 'b', text: 'Two' }] }],
  correct: { q1: ['b'] },
};
const tally: PollTally = {
  v: 1, pollId: 'p1', state: 'closed', ts: 3,
  results: { respondents: 2, questions: [{ questionId: 'q1', respondents: 2, counts: { a: 1, b: 1 }, texts: [], correct: 1 }] },
  answers: [
    { userId: 's1', name: 'Sam', answers: [{ questionId: 'q1', choices: ['b'] }], score: 1, at: 1 },
    { userId: 's2', name: 'Kim', answers: [{ questionId: 'q1', choices: ['a'] }], score: 0, at: 1 },
  ],
};

describe('poll CSV', () => {
  it('quotes and defuses fields', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });

  it('has a row per answer with counts and shares, then a row per student with their score', () => {
    const lines = pollCsv(poll, tally).trim().split('\n');
    expect(lines).toEqual([
      'question,answer,students,percent,correct',
      `"Pick, ""one""",'=1+1,1,50.0,false`,
      `"Pick, ""one""",Two,1,50.0,true`,
      '',
      `student,name,"Pick, ""one""",score`,
      `s1,Sam,Two,1`,
      `s2,Kim,'=1+1,0`,
    ]);
  });

  it('has no student rows for an anonymous poll', () => {
    const { answers: _none, ...anonymous } = tally;
    const text = pollCsv({ ...poll, anonymous: true }, anonymous);
    expect(text).not.toMatch(/s1|Sam|Kim/);
  });

  it('writes the results for the board as plain text, the right answer marked', () => {
    expect(pollBoardText(poll, tally.results)).toBe(`Quiz (2)\nPick, "one"\n  =1+1: 1 (50.0%)\n  Two: 1 (50.0%) ✓`);
  });
});
