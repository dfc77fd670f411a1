import { z } from 'zod';
import { CLASS_ROLES } from '../auth/claims';
import { TagIdSchema } from '../tags/catalogue';
import { Id } from './ids';
import { ClassState } from './messages';
import { HELP_STATUSES, HELP_TOPICS } from './supervision';

/** A class report as the reports service answers it (`RPC.reports`): what happened in one class, per person. */
const v1 = z.literal(1);
const timestamp = z.number().int().nonnegative();
const count = z.number().int().nonnegative();
const name = z.string().min(1).max(120);

/** A report holds at most this many people, polls, problems and help requests (the reply stays under its size limit). */
export const REPORT_LIMITS = { people: 400, polls: 50, problems: 300, help: 100 } as const;

/** One participant: when they were in the class and what they did there. */
export const ReportPerson = z.object({
  userId: Id,
  name,
  role: z.enum(CLASS_ROLES),
  /** When they first entered the class. */
  joinedAt: timestamp,
  /** When they last left it (the class's end for whoever stayed to the end); null while still in it. */
  leftAt: timestamp.nullable(),
  /** Times they entered (a reconnect after leaving counts again). */
  joins: count,
  /** Time present, summed over their stays, up to now or the class's end; in minutes with one decimal. */
  minutesPresent: z.number().nonnegative(),
  hands: count,
  chat: count,
  /** Committed whiteboard operations (element records: strokes, shapes, moves, erasures). */
  boardOps: count,
  /** Polls and quizzes they answered, where the poll names who answered (never an anonymous one). */
  pollAnswers: count,
  /** Their score over the class's quizzes that name who answered: questions right of questions asked; null without one. */
  quiz: z.object({ right: count, of: count }).nullable(),
});
export type ReportPerson = z.infer<typeof ReportPerson>;

export const ReportQuestion = z.object({
  questionId: Id,
  prompt: z.string().max(300),
  respondents: count,
  /** A quiz question: how many respondents were right, and the share (0..1; null with no respondent). */
  correct: count.optional(),
  accuracy: z.number().min(0).max(1).nullable().optional(),
});
export type ReportQuestion = z.infer<typeof ReportQuestion>;

export const ReportPoll = z.object({
  pollId: Id,
  title: z.string().max(300),
  kind: z.enum(['poll', 'quiz']),
  anonymous: z.boolean(),
  state: z.enum(['open', 'closed']),
  launchedAt: timestamp,
  closedAt: timestamp.nullable(),
  respondents: count,
  questions: z.array(ReportQuestion).max(20),
  /** A quiz: right answers over all answers to its questions (0..1); null for a poll or with no answer. */
  accuracy: z.number().min(0).max(1).nullable(),
});
export type ReportPoll = z.infer<typeof ReportPoll>;

/** A problem tag the tagger held in the class, from when it started to when it cleared (null while it holds). */
export const ReportProblem = z.object({
  tag: TagIdSchema,
  userId: Id.optional(),
  name: name.optional(),
  from: timestamp,
  to: timestamp.nullable(),
  /** How long it lasted (to now or the class's end while it still holds). */
  seconds: count,
});
export type ReportProblem = z.infer<typeof ReportProblem>;

/** A help request from the class and how it ended, as the dispatcher last told it. */
export const ReportHelp = z.object({
  requestId: Id,
  from: z.object({ id: Id, name, role: z.enum(CLASS_ROLES) }),
  topic: z.enum(HELP_TOPICS),
  status: z.enum(HELP_STATUSES),
  reason: z.string().max(300),
  remedies: z.array(z.string().max(40)).max(20),
  claimedBy: name.nullable(),
  createdAt: timestamp,
  resolvedAt: timestamp.nullable(),
});
export type ReportHelp = z.infer<typeof ReportHelp>;

export const ReportTotals = z.object({
  participants: count,
  students: count,
  hands: count,
  chat: count,
  boardOps: count,
  pollAnswers: count,
  problems: count,
  help: count,
});
export type ReportTotals = z.infer<typeof ReportTotals>;

/** One class's report. */
export const ClassReport = z.object({
  v: v1,
  classId: Id,
  title: z.string().max(120),
  teacher: z.object({ id: Id, name }).nullable(),
  /** The class's state as the directory last said; `unknown` for a class the directory never described. */
  state: z.union([ClassState, z.literal('unknown')]),
  /** When the report's first event happened. */
  startedAt: timestamp,
  /** When the class ended; null while it has not. */
  endedAt: timestamp.nullable(),
  updatedAt: timestamp,
  /** When the report will be deleted (its retention after the class's end, or after its last event while not ended). */
  expiresAt: timestamp,
  totals: ReportTotals,
  people: z.array(ReportPerson).max(REPORT_LIMITS.people),
  polls: z.array(ReportPoll).max(REPORT_LIMITS.polls),
  problems: z.array(ReportProblem).max(REPORT_LIMITS.problems),
  help: z.array(ReportHelp).max(REPORT_LIMITS.help),
});
export type ClassReport = z.infer<typeof ClassReport>;

/** A line of the reports list. */
export const ReportSummary = z.object({
  classId: Id,
  title: z.string().max(120),
  teacher: z.object({ id: Id, name }).nullable(),
  state: ClassReport.shape.state,
  startedAt: timestamp,
  endedAt: timestamp.nullable(),
  expiresAt: timestamp,
  participants: count,
  students: count,
});
export type ReportSummary = z.infer<typeof ReportSummary>;
