import { useState } from 'react';
import { QUESTION_TYPES, type QuestionType } from '../../../shared/protocol';
import { newPoll, newQuestion, toDraft, type EditedPoll, type EditedQuestion } from './composerDraft';
import { errorText } from './errorText';
import type { PollDesk } from './pollDesk';
import { usePolls } from './pollStore';
import { usePollsTranslation } from './strings';

/** The teacher writes a poll or a quiz: questions of four types, options, correct answers, anonymity, a time limit. */
export function PollComposer({ desk }: { desk: PollDesk }) {
  const { t } = usePollsTranslation();
  const error = usePolls((s) => s.errors['']);
  const [poll, setPoll] = useState<EditedPoll>(newPoll);
  const [sending, setSending] = useState(false);
  const quiz = poll.kind === 'quiz';
  const setQuestion = (index: number, patch: Partial<EditedQuestion>) =>
    setPoll((p) => ({ ...p, questions: p.questions.map((q, i) => (i === index ? { ...q, ...patch } : q)) }));

  const launch = async () => {
    setSending(true);
    if (await desk.launch(toDraft(poll))) setPoll(newPoll());
    setSending(false);
  };

  return (
    <form
      className="poll-composer"
      data-testid="poll-composer"
      onSubmit={(event) => {
        event.preventDefault();
        void launch();
      }}
    >
      <div className="poll-composer-row">
        {(['poll', 'quiz'] as const).map((kind) => (
          <label key={kind}>
            <input type="radio" name="poll-kind" data-testid={`poll-kind-${kind}`} checked={poll.kind === kind} onChange={() => setPoll((p) => ({ ...p, kind }))} />
            {t(`compose.kind.${kind}`)}
          </label>
        ))}
      </div>
      <label className="poll-composer-field">
        {t('compose.title')}
        <input type="text" maxLength={300} data-testid="poll-title" placeholder={t('compose.titlePlaceholder')} value={poll.title} onChange={(e) => setPoll((p) => ({ ...p, title: e.target.value }))} />
      </label>
      <label>
        <input type="checkbox" data-testid="poll-anonymous" checked={poll.anonymous} onChange={(e) => setPoll((p) => ({ ...p, anonymous: e.target.checked }))} />
        {t('compose.anonymous')}
      </label>
      <label className="poll-composer-field">
        {t('compose.timeLimit')}
        <input type="number" min={5} max={3600} data-testid="poll-time-limit" value={poll.timeLimitS} onChange={(e) => setPoll((p) => ({ ...p, timeLimitS: e.target.value }))} />
      </label>
      {poll.questions.map((q, index) => (
        <fieldset key={index} className="poll-composer-question" data-testid="poll-compose-question">
          <legend>{t('compose.question', { n: index + 1 })}</legend>
          <select data-testid="poll-question-type" value={q.type} onChange={(e) => setQuestion(index, { type: e.target.value as QuestionType, correct: [] })}>
            {QUESTION_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`compose.type.${type}`)}
              </option>
            ))}
          </select>
          <input type="text" maxLength={300} data-testid="poll-prompt" placeholder={t('compose.prompt')} value={q.prompt} onChange={(e) => setQuestion(index, { prompt: e.target.value })} />
          {(q.type === 'single' || q.type === 'multiple') &&
            q.options.map((text, o) => (
              <div key={o} className="poll-composer-option">
                <input
                  type="text"
                  maxLength={300}
                  data-testid="poll-option-text"
                  placeholder={t('compose.option', { n: o + 1 })}
                  value={text}
                  onChange={(e) => setQuestion(index, { options: q.options.map((x, i) => (i === o ? e.target.value : x)) })}
                />
                {quiz && <CorrectToggle question={q} option={o} onChange={(correct) => setQuestion(index, { correct })} />}
              </div>
            ))}
          {(q.type === 'single' || q.type === 'multiple') && q.options.length < 10 && (
            <button type="button" className="ghost small" data-testid="poll-add-option" onClick={() => setQuestion(index, { options: [...q.options, ''] })}>
              {t('compose.addOption')}
            </button>
          )}
          {quiz && q.type === 'truefalse' && (
            <div className="poll-composer-option">
              {[0, 1].map((o) => (
                <label key={o}>
                  {t(o === 0 ? 'card.trueOption' : 'card.falseOption')}
                  <CorrectToggle question={q} option={o} onChange={(correct) => setQuestion(index, { correct })} />
                </label>
              ))}
            </div>
          )}
          {quiz && q.type === 'text' && (
            <input type="text" maxLength={200} data-testid="poll-accepted-text" placeholder={t('compose.acceptedText')} value={q.acceptedText} onChange={(e) => setQuestion(index, { acceptedText: e.target.value })} />
          )}
          {poll.questions.length > 1 && (
            <button type="button" className="ghost small" onClick={() => setPoll((p) => ({ ...p, questions: p.questions.filter((_, i) => i !== index) }))}>
              {t('compose.removeQuestion')}
            </button>
          )}
        </fieldset>
      ))}
      <div className="poll-composer-row">
        <button type="button" className="ghost small" data-testid="poll-add-question" onClick={() => setPoll((p) => ({ ...p, questions: [...p.questions, newQuestion()] }))}>
          {t('compose.addQuestion')}
        </button>
        <button type="submit" data-testid="poll-launch" disabled={sending}>
          {t('compose.launch')}
        </button>
      </div>
      {error && (
        <p className="banner error small" role="alert" data-testid="poll-compose-error" data-code={error.code}>
          {errorText(t, error)}
        </p>
      )}
    </form>
  );
}

/** Marks an option correct: one for single choice and true/false, any for multiple choice. */
function CorrectToggle({ question, option, onChange }: { question: EditedQuestion; option: number; onChange(correct: number[]): void }) {
  const { t } = usePollsTranslation();
  const checked = question.correct.includes(option);
  return (
    <label className="small">
      <input
        type="checkbox"
        data-testid="poll-correct"
        checked={checked}
        onChange={(e) => {
          if (question.type !== 'multiple') onChange(e.target.checked ? [option] : []);
          else onChange(e.target.checked ? [...question.correct, option] : question.correct.filter((c) => c !== option));
        }}
      />
      {t('compose.correct')}
    </label>
  );
}
