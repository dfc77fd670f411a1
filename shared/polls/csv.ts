import { csvField } from '../csv';
import type { PollState, PollTally } from '../protocol/polls';

const row = (fields: readonly (string | number)[]) => fields.map((f) => csvField(String(f))).join(',');
const share = (count: number, of: number) => (of === 0 ? '0' : ((100 * count) / of).toFixed(1));

/**
 * A poll's results as CSV: one row per question and answer (students who gave it, their share of the question's
 * respondents, and for a quiz whether it is correct), then, for a poll that is not anonymous, one row per student with
 * their answers (and a quiz's score). An anonymous poll's file has aggregates only, as its tally does.
 */
export function pollCsv(poll: PollState, tally: PollTally): string {
  const lines = [row(['question', 'answer', 'students', 'percent', 'correct'])];
  for (const question of poll.questions) {
    const counts = tally.results.questions.find((q) => q.questionId === question.id);
    const respondents = counts?.respondents ?? 0;
    const key = poll.correct?.[question.id];
    for (const option of question.options) {
      const count = counts?.counts[option.id] ?? 0;
      lines.push(row([question.prompt, option.text, count, share(count, respondents), key ? String(key.includes(option.id)) : '']));
    }
    for (const text of counts?.texts ?? []) {
      lines.push(row([question.prompt, text, 1, share(1, respondents), key ? String(key.includes(text.trim().toLowerCase())) : '']));
    }
  }
  if (tally.answers) {
    lines.push('');
    const quiz = poll.kind === 'quiz';
    lines.push(row(['student', 'name', ...poll.questions.map((q) => q.prompt), ...(quiz ? ['score'] : [])]));
    for (const student of tally.answers) {
      const cells = poll.questions.map((q) => {
        const answer = student.answers.find((a) => a.questionId === q.id);
        if (!answer) return '';
        if (answer.text !== undefined) return answer.text;
        return (answer.choices ?? []).map((c) => q.options.find((o) => o.id === c)?.text ?? c).join('; ');
      });
      lines.push(row([student.userId, student.name, ...cells, ...(quiz ? [student.score ?? 0] : [])]));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A poll's results as plain text lines for the board: the title, each question, each answer with its count and share. */
export function pollBoardText(poll: PollState, tally: PollTally['results']): string {
  const lines = [`${poll.title} (${tally.respondents})`];
  for (const question of poll.questions) {
    const counts = tally.questions.find((q) => q.questionId === question.id);
    const respondents = counts?.respondents ?? 0;
    lines.push(question.prompt);
    for (const option of question.options) {
      const count = counts?.counts[option.id] ?? 0;
      const right = poll.correct?.[question.id]?.includes(option.id) ? ' ✓' : '';
      lines.push(`  ${option.text}: ${count} (${share(count, respondents)}%)${right}`);
    }
    for (const text of (counts?.texts ?? []).slice(0, 10)) lines.push(`  “${text}”`);
  }
  return lines.join('\n').slice(0, 2_000);
}
