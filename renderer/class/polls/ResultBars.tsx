import type { PollQuestion, QuestionTally } from '../../../shared/protocol';
import { usePollsTranslation } from './strings';

/**
 * One question's results as bars: each option's students and share of the question's respondents (a student who
 * chose two options counts in both bars, once in the respondents), the right answers marked; a text question's
 * answers as a list of plain text.
 */
export function ResultBars({ question, tally, correct }: { question: PollQuestion; tally: QuestionTally | undefined; correct?: readonly string[] }) {
  const { t } = usePollsTranslation();
  const respondents = tally?.respondents ?? 0;
  return (
    <div className="poll-question-result" data-testid="poll-question-result" data-question-id={question.id}>
      <div className="poll-question-prompt">
        {question.prompt}{' '}
        {tally?.correct !== undefined && (
          <span className="muted small" data-testid="poll-accuracy">
            {t('accuracy', { correct: tally.correct, of: respondents })}
          </span>
        )}
      </div>
      {question.options.map((option) => {
        const count = tally?.counts[option.id] ?? 0;
        const share = respondents === 0 ? 0 : Math.round((100 * count) / respondents);
        const right = correct?.includes(option.id) ?? false;
        const label = question.type === 'truefalse' ? t(option.id === 'true' ? 'card.trueOption' : 'card.falseOption') : option.text;
        return (
          <div key={option.id} className="poll-bar" data-testid="poll-bar" data-option-id={option.id} data-count={count} data-right={right}>
            <span className="poll-bar-label">
              {label}
              {right && ' ✓'}
            </span>
            <span className="poll-bar-track">
              <span className="poll-bar-fill" style={{ width: `${share}%` }} />
            </span>
            <span className="poll-bar-count">
              {count} · {share}%
            </span>
          </div>
        );
      })}
      {question.type === 'text' && (
        <ul className="poll-texts" data-testid="poll-texts">
          {(tally?.texts ?? []).map((text, i) => (
            <li key={i}>{text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
