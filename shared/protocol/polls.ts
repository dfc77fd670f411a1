import { z } from 'zod';
import { Id } from './ids';

const v1 = z.literal(1);
const timestamp = z.number().int().nonnegative();
const text = z.string().trim().min(1).max(300);

/** How a question is answered: one option, any options, true or false (two fixed options), or a short text. */
export const QUESTION_TYPES = ['single', 'multiple', 'truefalse', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** The option ids of a true/false question. */
export const TRUE_FALSE_OPTIONS = ['true', 'false'] as const;
export const MAX_OPTIONS = 10;
export const MAX_QUESTIONS = 20;
export const MAX_TEXT_ANSWER = 200;

export const PollOption = z.object({ id: Id, text });
export type PollOption = z.infer<typeof PollOption>;

/** A question as its students see it: never its correct answer while the poll is open. */
export const PollQuestion = z.object({
  id: Id,
  type: z.enum(QUESTION_TYPES),
  prompt: text,
  /** The options of a choice question (true/false has `true` and `false`); empty for a text question. */
  options: z.array(PollOption).max(MAX_OPTIONS),
});
export type PollQuestion = z.infer<typeof PollQuestion>;

/** A question as the teacher writes it: a quiz question names its correct option ids (or accepted texts). */
export const QuestionDraft = PollQuestion.extend({
  correct: z.array(z.string().trim().min(1).max(MAX_TEXT_ANSWER)).max(MAX_OPTIONS).optional(),
});
export type QuestionDraft = z.infer<typeof QuestionDraft>;

/** What a teacher launches: a poll (no correct answers) or a quiz (every question has them), anonymous or not. */
export const PollDraft = z.object({
  kind: z.enum(['poll', 'quiz']),
  title: text,
  anonymous: z.boolean(),
  questions: z.array(QuestionDraft).min(1).max(MAX_QUESTIONS),
  /** A quiz or poll with a time limit closes by itself this many seconds after launch. */
  timeLimitS: z.number().int().min(5).max(3_600).optional(),
});
export type PollDraft = z.infer<typeof PollDraft>;

/** One student's answer to one question: the chosen option ids, or the text. */
export const QuestionAnswer = z.object({
  questionId: Id,
  choices: z.array(Id).max(MAX_OPTIONS).optional(),
  text: z.string().trim().min(1).max(MAX_TEXT_ANSWER).optional(),
});
export type QuestionAnswer = z.infer<typeof QuestionAnswer>;

/** Counts of one question: each option's count is the students who chose it; `respondents` counts students once. */
export const QuestionTally = z.object({
  questionId: Id,
  respondents: z.number().int().nonnegative(),
  counts: z.record(Id, z.number().int().nonnegative()),
  /** A text question's answers, without who gave them, in the order they came (at most 200). */
  texts: z.array(z.string().max(MAX_TEXT_ANSWER)).max(200),
  /** A quiz question: how many of its respondents answered it correctly. */
  correct: z.number().int().nonnegative().optional(),
});
export type QuestionTally = z.infer<typeof QuestionTally>;

/** Aggregates only: what may be shown to a class or kept for an anonymous poll. */
export const PollResults = z.object({
  /** Students who answered at least one question. */
  respondents: z.number().int().nonnegative(),
  questions: z.array(QuestionTally),
});
export type PollResults = z.infer<typeof PollResults>;

/**
 * Retained, per poll, published by the poll service only; everyone in the class reads it. The questions without
 * their correct answers while open; `correct` once it is closed (for a quiz), and the results once the teacher shows
 * them to the class.
 */
export const PollState = z.object({
  v: v1,
  id: Id,
  classId: Id,
  kind: z.enum(['poll', 'quiz']),
  title: text,
  anonymous: z.boolean(),
  questions: z.array(PollQuestion),
  state: z.enum(['open', 'closed']),
  launchedAt: timestamp,
  /** When a poll with a time limit closes by itself. */
  closesAt: timestamp.optional(),
  closedAt: timestamp.optional(),
  /** A closed quiz's correct answers per question id. */
  correct: z.record(Id, z.array(z.string().max(MAX_TEXT_ANSWER))).optional(),
  /** The aggregate results, once the teacher shows them to the class. */
  shown: PollResults.optional(),
  ts: timestamp,
});
export type PollState = z.infer<typeof PollState>;

/** One student's answers, named: only in a poll that is not anonymous. */
export const NamedAnswer = z.object({
  userId: Id,
  name: z.string().max(120),
  answers: z.array(QuestionAnswer),
  /** A quiz: how many questions this student got right. */
  score: z.number().int().nonnegative().optional(),
  at: timestamp,
});
export type NamedAnswer = z.infer<typeof NamedAnswer>;

/**
 * Retained, per poll, published by the poll service only; the class's teachers and supervisors read it (students
 * cannot subscribe). An anonymous poll's tally has aggregates only: `answers` is absent, so no (student, answer)
 * pair ever leaves the poll service.
 */
export const PollTally = z.object({
  v: v1,
  pollId: Id,
  state: z.enum(['open', 'closed']),
  results: PollResults,
  answers: z.array(NamedAnswer).optional(),
  ts: timestamp,
});
export type PollTally = z.infer<typeof PollTally>;

/**
 * Retained, per poll and student, published by the poll service only; only that student reads it: what the service
 * recorded for them and, once a quiz is closed, which answers were right.
 */
export const PollReceipt = z.object({
  v: v1,
  pollId: Id,
  answers: z.array(QuestionAnswer),
  /** A closed quiz: per question id, whether this student's answer was right. */
  right: z.record(Id, z.boolean()).optional(),
  score: z.number().int().nonnegative().optional(),
  of: z.number().int().nonnegative().optional(),
  ts: timestamp,
});
export type PollReceipt = z.infer<typeof PollReceipt>;
