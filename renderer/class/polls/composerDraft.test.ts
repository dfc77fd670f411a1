import { describe, expect, it } from 'vitest';
import { PollDraft } from '../../../shared/protocol';
import { newPoll, toDraft } from './composerDraft';

describe('the composer draft', () => {
  it('drops blank options, numbers the rest and keeps a quiz key by the options kept', () => {
    const draft = toDraft({
      ...newPoll(),
      kind: 'quiz',
      title: ' Quiz ',
      timeLimitS: '30',
      questions: [
        { type: 'single', prompt: '2+2', options: ['3', '', '4'], correct: [2], acceptedText: '' },
        { type: 'truefalse', prompt: 'Sky is blue', options: [], correct: [0], acceptedText: '' },
        { type: 'text', prompt: 'Capital', options: [], correct: [], acceptedText: ' Paris ' },
      ],
    });
    expect(draft).toEqual({
      kind: 'quiz',
      title: 'Quiz',
      anonymous: false,
      timeLimitS: 30,
      questions: [
        { id: 'q1', type: 'single', prompt: '2+2', options: [{ id: 'o1', text: '3' }, { id: 'o3', text: '4' }], correct: ['o3'] },
        { id: 'q2', type: 'truefalse', prompt: 'Sky is blue', options: [], correct: ['true'] },
        { id: 'q3', type: 'text', prompt: 'Capital', options: [], correct: ['Paris'] },
      ],
    });
    expect(PollDraft.safeParse(draft).success).toBe(true);
  });

  it('names the first question as the title when none is given, and sends no key for a poll', () => {
    const draft = toDraft({ ...newPoll(), questions: [{ type: 'multiple', prompt: 'Pets?', options: ['Cat', 'Dog'], correct: [1], acceptedText: '' }] });
    expect(draft.title).toBe('Pets?');
    expect(draft.questions[0]).not.toHaveProperty('correct');
    expect(draft).not.toHaveProperty('timeLimitS');
  });
});
