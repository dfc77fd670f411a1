import { useEffect, useState } from 'react';
import type { PollQuestion, PollState, QuestionAnswer } from '../../../shared/protocol';
import { errorText } from './errorText';
import type { PollDesk } from './pollDesk';
import { newestFirst, usePolls } from './pollStore';
import { ResultBars } from './ResultBars';
import { usePollsTranslation } from './strings';

type Draft = Record<string, { choices: string[]; text: string }>;

/**
 * The student's card for the newest poll: a strip above the board (it never covers it) with the questions, an answer
 * that can be changed until the poll closes, the results when the teacher shows them, and a quiz's own result.
 */
export function PollCard({ desk }: { desk: PollDesk }) {
  const { t } = usePollsTranslation();
  const polls = usePolls((s) => s.polls);
  const poll = newestFirst(polls)[0];
  const [hidden, setHidden] = useState<string | null>(null);
  if (!poll) return null;
  if (hidden === poll.id) {
    return (
      <button type="button" className="poll-card-reopen ghost small" data-testid="poll-card-reopen" onClick={() => setHidden(null)}>
        {t('card.showCard', { title: poll.title })}
      </button>
    );
  }
  return <PollCardBody key={poll.id} desk={desk} poll={poll} onHide={() => setHidden(poll.id)} />;
}

function PollCardBody({ desk, poll, onHide }: { desk: PollDesk; poll: PollState; onHide(): void }) {
  const { t } = usePollsTranslation();
  const receipt = usePolls((s) => s.receipts[poll.id]);
  const error = usePolls((s) => s.errors[poll.id]);
  const [draft, setDraft] = useState<Draft>({});
  const [editing, setEditing] = useState(false);
  const [sending, setSending] = useState(false);
  const secondsLeft = useSecondsLeft(poll);
  const open = poll.state === 'open';
  const answered = receipt !== undefined;
  const showForm = open && (!answered || editing);

  const answers = poll.questions.flatMap((q): QuestionAnswer[] => {
    const d = draft[q.id];
    if (q.type === 'text') return d?.text.trim() ? [{ questionId: q.id, text: d.text.trim() }] : [];
    return d && d.choices.length > 0 ? [{ questionId: q.id, choices: d.choices }] : [];
  });

  const send = async () => {
    setSending(true);
    if (await desk.answer(poll.id, answers)) setEditing(false);
    setSending(false);
  };

  return (
    <section className="poll-card" data-testid="poll-card" data-poll-id={poll.id} data-state={poll.state} aria-label={poll.title}>
      <header className="poll-card-head">
        <strong data-testid="poll-card-title">{poll.title}</strong>
        {open && secondsLeft !== null && <span className="muted small">{t('card.closesIn', { s: secondsLeft })}</span>}
        {!open && <span className="muted small" data-testid="poll-card-closed">{t('card.closed')}</span>}
        <button type="button" className="ghost small" data-testid="poll-card-hide" onClick={onHide}>
          {t('card.hideCard')}
        </button>
      </header>
      {showForm && (
        <form
          className="poll-card-form"
          onSubmit={(event) => {
            event.preventDefault();
            void send();
          }}
        >
          {poll.questions.map((q) => (
            <QuestionInput key={q.id} question={q} value={draft[q.id]} onChange={(value) => setDraft((d) => ({ ...d, [q.id]: value }))} />
          ))}
          <button type="submit" data-testid="poll-submit" disabled={sending || answers.length === 0}>
            {t('card.submit')}
          </button>
        </form>
      )}
      {answered && !showForm && open && (
        <p className="small" data-testid="poll-sent">
          {t('card.sent')}{' '}
          <button type="button" className="ghost small" data-testid="poll-change" onClick={() => setEditing(true)}>
            {t('card.change')}
          </button>
        </p>
      )}
      {receipt?.score !== undefined && (
        <div data-testid="poll-my-result" data-score={receipt.score} data-of={receipt.of}>
          <strong>{t('card.yourScore', { score: receipt.score, of: receipt.of })}</strong>
          <ul className="poll-my-answers">
            {poll.questions.map((q) => (
              <li key={q.id} data-testid="poll-my-question" data-right={receipt.right?.[q.id] ?? false}>
                {q.prompt}: {receipt.right?.[q.id] ? t('card.right') : t('card.wrong')}
              </li>
            ))}
          </ul>
        </div>
      )}
      {poll.shown && (
        <div className="poll-card-results" data-testid="poll-card-results">
          <div className="muted small">{t('card.results')}</div>
          {poll.questions.map((q) => (
            <ResultBars key={q.id} question={q} tally={poll.shown?.questions.find((x) => x.questionId === q.id)} correct={poll.correct?.[q.id]} />
          ))}
        </div>
      )}
      {error && (
        <p className="banner error small" role="alert" data-testid="poll-error" data-code={error.code}>
          {errorText(t, error)}
        </p>
      )}
    </section>
  );
}

function QuestionInput({ question, value, onChange }: { question: PollQuestion; value: Draft[string] | undefined; onChange(value: Draft[string]): void }) {
  const { t } = usePollsTranslation();
  const current = value ?? { choices: [], text: '' };
  if (question.type === 'text') {
    return (
      <label className="poll-card-question">
        <span>{question.prompt}</span>
        <input
          type="text"
          maxLength={200}
          data-testid="poll-text"
          placeholder={t('card.textPlaceholder')}
          value={current.text}
          onChange={(e) => onChange({ ...current, text: e.target.value })}
        />
      </label>
    );
  }
  const multiple = question.type === 'multiple';
  return (
    <fieldset className="poll-card-question" data-testid="poll-question" data-question-id={question.id}>
      <legend>{question.prompt}</legend>
      {question.options.map((option) => (
        <label key={option.id} className="poll-option">
          <input
            type={multiple ? 'checkbox' : 'radio'}
            name={`poll-${question.id}`}
            data-testid="poll-option"
            data-option-id={option.id}
            checked={current.choices.includes(option.id)}
            onChange={(e) => {
              const choices = multiple
                ? e.target.checked
                  ? [...current.choices, option.id]
                  : current.choices.filter((c) => c !== option.id)
                : [option.id];
              onChange({ ...current, choices });
            }}
          />
          {question.type === 'truefalse' ? t(option.id === 'true' ? 'card.trueOption' : 'card.falseOption') : option.text}
        </label>
      ))}
    </fieldset>
  );
}

/** Seconds until a timed poll closes, ticking once a second; null without a time limit. */
function useSecondsLeft(poll: PollState): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (poll.closesAt === undefined || poll.state !== 'open') return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [poll.closesAt, poll.state]);
  return poll.closesAt === undefined ? null : Math.max(0, Math.ceil((poll.closesAt - now) / 1_000));
}
