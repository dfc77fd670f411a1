import type { PollDraft, QuestionDraft, QuestionType } from '../../../shared/protocol';

/** A question as the composer edits it: options as plain texts, the correct ones by index (or accepted text). */
export interface EditedQuestion {
  type: QuestionType;
  prompt: string;
  options: string[];
  correct: number[];
  acceptedText: string;
}

export interface EditedPoll {
  kind: PollDraft['kind'];
  title: string;
  anonymous: boolean;
  timeLimitS: string;
  questions: EditedQuestion[];
}

export const newQuestion = (): EditedQuestion => ({ type: 'single', prompt: '', options: ['', ''], correct: [], acceptedText: '' });
export const newPoll = (): EditedPoll => ({ kind: 'poll', title: '', anonymous: false, timeLimitS: '', questions: [newQuestion()] });

/**
 * The draft the poll service takes, from what the composer holds: blank options dropped, option ids by position,
 * true/false with its fixed options, correct answers only for a quiz. The service checks the rest and says what is
 * missing.
 */
export function toDraft(edited: EditedPoll): PollDraft {
  const questions: QuestionDraft[] = edited.questions.map((q, i) => {
    const kept = q.options.map((text, index) => ({ id: `o${index + 1}`, text: text.trim(), index })).filter((o) => o.text !== '');
    const options = q.type === 'single' || q.type === 'multiple' ? kept.map(({ id, text }) => ({ id, text })) : [];
    let correct: string[] | undefined;
    if (edited.kind === 'quiz') {
      if (q.type === 'text') correct = q.acceptedText.trim() ? [q.acceptedText.trim()] : [];
      else if (q.type === 'truefalse') correct = q.correct.length > 0 ? [q.correct[0] === 0 ? 'true' : 'false'] : [];
      else correct = kept.filter((o) => q.correct.includes(o.index)).map((o) => o.id);
    }
    return { id: `q${i + 1}`, type: q.type, prompt: q.prompt.trim(), options, ...(correct ? { correct } : {}) };
  });
  const limit = Number.parseInt(edited.timeLimitS, 10);
  return {
    kind: edited.kind,
    title: edited.title.trim() || questions[0]?.prompt || '',
    anonymous: edited.anonymous,
    questions,
    ...(Number.isFinite(limit) && limit > 0 ? { timeLimitS: limit } : {}),
  };
}
