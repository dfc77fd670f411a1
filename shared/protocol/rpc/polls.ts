import { z } from 'zod';
import { Id } from '../ids';
import { PollDraft, PollState, PollTally, QuestionAnswer, MAX_QUESTIONS } from '../polls';
import { method } from './contract';

/** Why an answer was refused (the RPC error's code). */
export const ANSWER_REFUSALS = ['poll-closed', 'no-such-poll', 'removed', 'not-a-student', 'bad-answer', 'forbidden'] as const;

export const AnswerResult = z.object({
  /** `recorded` for a first answer; `replaced` when it replaced this student's earlier answer (one count per student). */
  status: z.enum(['recorded', 'replaced']),
  pollId: Id,
});
export type AnswerResult = z.infer<typeof AnswerResult>;

/** A poll with its tally, as the class keeps it (for the teacher's list and the CSV export). */
export const KeptPoll = z.object({ poll: PollState, tally: PollTally });
export type KeptPoll = z.infer<typeof KeptPoll>;

const ref = z.object({ classId: Id, pollId: Id });

/** The `polls` service: teachers launch, close and show polls and quizzes; students answer; it tallies. */
export const POLLS = {
  launch: method(z.object({ classId: Id, id: Id, draft: PollDraft }), PollState, "launches a poll or quiz in the class (its teachers only); a retried id is answered with the poll as it is"),
  close: method(ref, PollState, 'closes a poll (its teachers only); a closed poll is answered as it is'),
  show: method(ref.extend({ shown: z.boolean() }), PollState, 'shows the aggregate results to the class, or hides them (its teachers only)'),
  answer: method(
    ref.extend({ answers: z.array(QuestionAnswer).min(1).max(MAX_QUESTIONS) }),
    AnswerResult,
    "a student's answer; a second answer while the poll is open replaces the first (one count per student)",
  ),
  list: method(z.object({ classId: Id }), z.object({ polls: z.array(KeptPoll) }), "the class's polls with their tallies (its teachers and supervisors)"),
} as const;
