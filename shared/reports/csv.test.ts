import { describe, expect, it } from 'vitest';
import type { ClassReport } from '../protocol/reports';
import { peopleFromCsv, reportCsv, splitCsvLine } from './csv';

const report: ClassReport = {
  v: 1, classId: 'c1', title: 'Maths, "advanced"', teacher: { id: 't1', name: 'Tia' }, state: 'ended', startedAt: 0, endedAt: 60_000,
  updatedAt: 60_000, expiresAt: 120_000,
  totals: { participants: 2, students: 1, hands: 1, chat: 2, boardOps: 5, pollAnswers: 1, problems: 1, help: 1 },
  people: [
    { userId: 't1', name: 'Tia', role: 'teacher', joinedAt: 0, leftAt: 60_000, joins: 1, minutesPresent: 1, hands: 0, chat: 1, boardOps: 5, pollAnswers: 0, quiz: null },
    { userId: 's1', name: '=cmd|x', role: 'student', joinedAt: 0, leftAt: null, joins: 1, minutesPresent: 0.5, hands: 1, chat: 1, boardOps: 0, pollAnswers: 1, quiz: { right: 1, of: 2 } },
  ],
  polls: [{
    pollId: 'q', title: 'Quiz', kind: 'quiz', anonymous: false, state: 'closed', launchedAt: 1, closedAt: 2, respondents: 1, accuracy: 0.5,
    questions: [{ questionId: 'a', prompt: 'A?', respondents: 1, correct: 1, accuracy: 1 }, { questionId: 'b', prompt: 'B?', respondents: 1, correct: 0, accuracy: 0 }],
  }],
  problems: [{ tag: 'stream.cant-hear', userId: 's1', name: '=cmd|x', from: 1_000, to: 31_000, seconds: 30 }],
  help: [{ requestId: 'h1', from: { id: 's1', name: '=cmd|x', role: 'student' }, topic: 'audio', status: 'auto-resolved', reason: 'tag cleared', remedies: ['switch-line'], claimedBy: null, createdAt: 2_000, resolvedAt: 20_000 }],
};

describe('report CSV', () => {
  it('has a section per part, each with its header, and reads back the people with their counts', () => {
    const csv = reportCsv(report);
    const sections = csv.trim().split('\n\n');
    expect(sections).toHaveLength(5);
    expect(sections[0]).toContain('c1,"Maths, ""advanced""",Tia,ended,1970-01-01T00:00:00.000Z,1970-01-01T00:01:00.000Z,2,1,1,2,5,1,1,1');
    expect(sections[2]!.split('\n')).toEqual([
      'poll,title,kind,anonymous,state,respondents,accuracy percent,question,question respondents,question correct,question accuracy percent',
      'q,Quiz,quiz,false,closed,1,50.0,A?,1,1,100.0',
      'q,Quiz,quiz,false,closed,1,50.0,B?,1,0,0.0',
    ]);
    expect(sections[3]).toContain('stream.cant-hear,s1,\'=cmd|x,1970-01-01T00:00:01.000Z,1970-01-01T00:00:31.000Z,30');
    expect(sections[4]).toContain('h1,s1,\'=cmd|x,audio,auto-resolved,tag cleared,switch-line,,');
    const people = peopleFromCsv(csv);
    expect(people.map((p) => [p.user, p['hands raised'], p['chat messages'], p['board ops'], p['poll answers'], p['minutes present']])).toEqual([
      ['t1', '0', '1', '5', '0', '1.0'],
      ['s1', '1', '1', '0', '1', '0.5'],
    ]);
    // A name a spreadsheet would run as a formula is defused.
    expect(people[1]!.name).toBe("'=cmd|x");
  });

  it('splits quoted fields with commas and doubled quotes', () => {
    expect(splitCsvLine('a,"b, ""c""",,d')).toEqual(['a', 'b, "c"', '', 'd']);
  });
});
