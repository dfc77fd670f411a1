import { csvField } from '../csv';
import type { ClassReport } from '../protocol/reports';

const row = (fields: readonly (string | number | null)[]) => fields.map((f) => csvField(f === null ? '' : String(f))).join(',');
const time = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
const percent = (share: number | null | undefined) => (share === null || share === undefined ? '' : (100 * share).toFixed(1));

/** The header row of the report's people section (the e2e and spreadsheets find the section by it). */
export const PEOPLE_HEADER = [
  'user', 'name', 'role', 'joined', 'left', 'joins', 'minutes present', 'hands raised', 'chat messages', 'board ops', 'poll answers',
  'quiz right', 'quiz questions',
] as const;

/**
 * A class report as CSV, in sections separated by an empty line, each with its own header row: the class; its people
 * (attendance and what each did); its polls and quizzes, a row per question with respondents and a quiz's accuracy;
 * its connection problems with how long each lasted; its help requests with how each ended. Times are UTC (ISO 8601).
 * Every field goes through csvField, so no name or title is taken for a formula.
 */
export function reportCsv(report: ClassReport): string {
  const sections: string[][] = [
    [
      row(['class', 'title', 'teacher', 'state', 'started', 'ended', 'participants', 'students', 'hands raised', 'chat messages', 'board ops', 'poll answers', 'problems', 'help requests']),
      row([
        report.classId, report.title, report.teacher?.name ?? '', report.state, time(report.startedAt), time(report.endedAt),
        report.totals.participants, report.totals.students, report.totals.hands, report.totals.chat, report.totals.boardOps,
        report.totals.pollAnswers, report.totals.problems, report.totals.help,
      ]),
    ],
    [
      row(PEOPLE_HEADER),
      ...report.people.map((p) =>
        row([
          p.userId, p.name, p.role, time(p.joinedAt), time(p.leftAt), p.joins, p.minutesPresent.toFixed(1), p.hands, p.chat, p.boardOps,
          p.pollAnswers, p.quiz?.right ?? null, p.quiz?.of ?? null,
        ]),
      ),
    ],
    [
      row(['poll', 'title', 'kind', 'anonymous', 'state', 'respondents', 'accuracy percent', 'question', 'question respondents', 'question correct', 'question accuracy percent']),
      ...report.polls.flatMap((poll) =>
        poll.questions.map((q) =>
          row([
            poll.pollId, poll.title, poll.kind, String(poll.anonymous), poll.state, poll.respondents, percent(poll.accuracy), q.prompt,
            q.respondents, q.correct ?? null, percent(q.accuracy),
          ]),
        ),
      ),
    ],
    [
      row(['problem', 'user', 'name', 'from', 'to', 'seconds']),
      ...report.problems.map((p) => row([p.tag, p.userId ?? '', p.name ?? '', time(p.from), time(p.to), p.seconds])),
    ],
    [
      row(['help request', 'from', 'name', 'topic', 'status', 'reason', 'remedies', 'claimed by', 'created', 'resolved']),
      ...report.help.map((h) =>
        row([h.requestId, h.from.id, h.from.name, h.topic, h.status, h.reason, h.remedies.join('; '), h.claimedBy ?? '', time(h.createdAt), time(h.resolvedAt)]),
      ),
    ],
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

/** Reads the people section of a report CSV back (a row per person, by header name), for checks and tools. */
export function peopleFromCsv(text: string): Record<string, string>[] {
  const lines = text.split('\n');
  const start = lines.indexOf(PEOPLE_HEADER.join(','));
  if (start < 0) return [];
  const rows: Record<string, string>[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line === '') break;
    const cells = splitCsvLine(line);
    rows.push(Object.fromEntries(PEOPLE_HEADER.map((name, i) => [name, cells[i] ?? ''])));
  }
  return rows;
}

/** One CSV line's fields (quoted fields may hold commas and doubled quotes; no line breaks inside a field here). */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else {
          value += line[i++];
        }
      }
      cells.push(value);
      i++; // the comma
    } else {
      const next = line.indexOf(',', i);
      const end = next < 0 ? line.length : next;
      cells.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return cells;
}
