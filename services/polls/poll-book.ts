import {
  TRUE_FALSE_OPTIONS, type NamedAnswer, type PollDraft, type PollReceipt, type PollResults, type PollState, type PollTally,
  type QuestionAnswer, type QuestionDraft, type QuestionTally,
} from '../../shared/protocol/polls';

/** A refusal of the book's rules: the service answers it as an RPC refusal with this code. */
export class PollRuleError extends Error {
  constructor(
    readonly code: 'bad-params' | 'no-such-poll' | 'poll-closed' | 'bad-answer',
    message: string,
  ) {
    super(message);
  }
}

/** One poll as the service keeps it: its public state, its correct answers, and every student's latest answer. */
export interface PollRecord {
  poll: PollState;
  /** The quiz's correct answers per question id (kept out of `poll` until it closes). */
  key: Record<string, string[]>;
  answers: NamedAnswer[];
}

const normalize = (text: string) => text.trim().toLowerCase();
const TALLY_TEXTS = 200;

/** Checks a draft and turns it into the poll's public questions and its answer key; throws on a draft that cannot run. */
export function prepare(draft: PollDraft): { questions: PollState['questions']; key: Record<string, string[]> } {
  const key: Record<string, string[]> = {};
  const ids = new Set<string>();
  const questions = draft.questions.map((q, i) => {
    const where = `questions.${i}`;
    if (ids.has(q.id)) throw new PollRuleError('bad-params', `${where}.id: ${q.id} is used twice`);
    ids.add(q.id);
    const options = q.type === 'truefalse' ? TRUE_FALSE_OPTIONS.map((id) => ({ id, text: id })) : q.type === 'text' ? [] : q.options;
    if ((q.type === 'single' || q.type === 'multiple') && options.length < 2) {
      throw new PollRuleError('bad-params', `${where}.options: a choice question needs at least two options`);
    }
    if (new Set(options.map((o) => o.id)).size !== options.length) throw new PollRuleError('bad-params', `${where}.options: option ids repeat`);
    const correct = checkedKey(q, options.map((o) => o.id), where, draft.kind === 'quiz');
    if (correct) key[q.id] = correct;
    return { id: q.id, type: q.type, prompt: q.prompt, options };
  });
  return { questions, key };
}

function checkedKey(q: QuestionDraft, optionIds: string[], where: string, quiz: boolean): string[] | null {
  if (!quiz) return null;
  const correct = q.correct ?? [];
  if (correct.length === 0) throw new PollRuleError('bad-params', `${where}.correct: a quiz question needs its correct answer`);
  if (q.type === 'text') return correct.map(normalize);
  const unknown = correct.find((c) => !optionIds.includes(c));
  if (unknown !== undefined) throw new PollRuleError('bad-params', `${where}.correct: ${unknown} is not an option`);
  if (q.type !== 'multiple' && correct.length !== 1) throw new PollRuleError('bad-params', `${where}.correct: exactly one answer is correct`);
  return [...new Set(correct)];
}

/** Checks one student's answers against the poll's questions; throws `bad-answer` naming what is wrong. */
export function checkAnswers(poll: PollState, answers: readonly QuestionAnswer[]): QuestionAnswer[] {
  const seen = new Set<string>();
  return answers.map((a) => {
    const question = poll.questions.find((q) => q.id === a.questionId);
    if (!question) throw new PollRuleError('bad-answer', `${a.questionId} is not a question of this poll`);
    if (seen.has(a.questionId)) throw new PollRuleError('bad-answer', `${a.questionId} is answered twice`);
    seen.add(a.questionId);
    if (question.type === 'text') {
      if (!a.text || a.choices) throw new PollRuleError('bad-answer', `${a.questionId} takes a text answer`);
      return { questionId: a.questionId, text: a.text.trim() };
    }
    const choices = [...new Set(a.choices ?? [])];
    if (a.text !== undefined || choices.length === 0) throw new PollRuleError('bad-answer', `${a.questionId} takes a choice`);
    if (question.type !== 'multiple' && choices.length !== 1) throw new PollRuleError('bad-answer', `${a.questionId} takes one choice`);
    const unknown = choices.find((c) => !question.options.some((o) => o.id === c));
    if (unknown !== undefined) throw new PollRuleError('bad-answer', `${unknown} is not an option of ${a.questionId}`);
    return { questionId: a.questionId, choices };
  });
}

/** Whether an answer matches the key: the same option set, or one of the accepted texts (case and spaces aside). */
export function isRight(answer: QuestionAnswer | undefined, key: readonly string[] | undefined): boolean {
  if (!answer || !key) return false;
  if (answer.text !== undefined) return key.includes(normalize(answer.text));
  const chosen = answer.choices ?? [];
  return chosen.length === key.length && chosen.every((c) => key.includes(c));
}

function score(record: PollRecord, answers: readonly QuestionAnswer[]): number | undefined {
  if (record.poll.kind !== 'quiz') return undefined;
  return record.poll.questions.filter((q) => isRight(answers.find((a) => a.questionId === q.id), record.key[q.id])).length;
}

/** The aggregate results: each student counted once per question, and once overall. */
export function results(record: PollRecord): PollResults {
  const quiz = record.poll.kind === 'quiz';
  const questions: QuestionTally[] = record.poll.questions.map((q) => {
    const counts: Record<string, number> = Object.fromEntries(q.options.map((o) => [o.id, 0]));
    const texts: string[] = [];
    let respondents = 0;
    let correct = 0;
    for (const student of record.answers) {
      const answer = student.answers.find((a) => a.questionId === q.id);
      if (!answer) continue;
      respondents++;
      for (const choice of answer.choices ?? []) counts[choice] = (counts[choice] ?? 0) + 1;
      if (answer.text !== undefined && texts.length < TALLY_TEXTS) texts.push(answer.text);
      if (quiz && isRight(answer, record.key[q.id])) correct++;
    }
    // In an anonymous poll the order of arrival could point at a student: the texts go out sorted.
    if (record.poll.anonymous) texts.sort((a, b) => a.localeCompare(b));
    return { questionId: q.id, respondents, counts, texts, ...(quiz ? { correct } : {}) };
  });
  return { respondents: record.answers.length, questions };
}

/** The teacher's tally. An anonymous poll's carries aggregates only: no user id, no name, no per-student answer. */
export function tally(record: PollRecord, now: number): PollTally {
  const base = { v: 1 as const, pollId: record.poll.id, state: record.poll.state, results: results(record), ts: now };
  if (record.poll.anonymous) return base;
  return { ...base, answers: record.answers.map((a) => ({ ...a, ...(record.poll.kind === 'quiz' ? { score: score(record, a.answers) } : {}) })) };
}

/** What one student reads about their own answer; a closed quiz adds which questions they got right. */
export function receipt(record: PollRecord, userId: string, now: number): PollReceipt | null {
  const mine = record.answers.find((a) => a.userId === userId);
  if (!mine) return null;
  const base = { v: 1 as const, pollId: record.poll.id, answers: mine.answers, ts: now };
  if (record.poll.kind !== 'quiz' || record.poll.state !== 'closed') return base;
  const right = Object.fromEntries(record.poll.questions.map((q) => [q.id, isRight(mine.answers.find((a) => a.questionId === q.id), record.key[q.id])]));
  return { ...base, right, score: score(record, mine.answers), of: record.poll.questions.length };
}

/** Opens a poll from a draft. */
export function launch(classId: string, id: string, draft: PollDraft, now: number): PollRecord {
  const { questions, key } = prepare(draft);
  const poll: PollState = {
    v: 1,
    id,
    classId,
    kind: draft.kind,
    title: draft.title,
    anonymous: draft.anonymous,
    questions,
    state: 'open',
    launchedAt: now,
    ...(draft.timeLimitS ? { closesAt: now + draft.timeLimitS * 1_000 } : {}),
    ts: now,
  };
  return { poll, key, answers: [] };
}

/** Closes an open poll; a quiz's key becomes public with it. Returns false when it was closed already. */
export function close(record: PollRecord, now: number): boolean {
  if (record.poll.state === 'closed') return false;
  record.poll = {
    ...record.poll,
    state: 'closed',
    closedAt: now,
    ...(record.poll.kind === 'quiz' ? { correct: record.key } : {}),
    ...(record.poll.shown ? { shown: results(record) } : {}),
    ts: now,
  };
  return true;
}

/**
 * Records a student's answers. A second answer while the poll is open replaces the first, so each student counts
 * once; after the poll closed (or its time ran out) nothing changes.
 */
export function answer(record: PollRecord, who: { userId: string; name: string }, answers: readonly QuestionAnswer[], now: number): 'recorded' | 'replaced' {
  if (record.poll.state === 'closed' || (record.poll.closesAt !== undefined && now >= record.poll.closesAt)) {
    throw new PollRuleError('poll-closed', `${record.poll.id} is closed`);
  }
  const checked = checkAnswers(record.poll, answers);
  const entry: NamedAnswer = { userId: who.userId, name: who.name, answers: checked, at: now };
  const index = record.answers.findIndex((a) => a.userId === who.userId);
  if (index === -1) {
    record.answers.push(entry);
    return 'recorded';
  }
  record.answers[index] = entry;
  return 'replaced';
}

/** Shows the aggregate results to the class (or hides them again). */
export function show(record: PollRecord, shown: boolean, now: number): void {
  const { shown: _hidden, ...rest } = record.poll;
  record.poll = { ...rest, ...(shown ? { shown: results(record) } : {}), ts: now };
}
