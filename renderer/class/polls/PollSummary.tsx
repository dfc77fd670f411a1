import { useState } from 'react';
import { pollBoardText, pollCsv } from '../../../shared/polls/csv';
import type { PollState } from '../../../shared/protocol';
import { fileStem, saveCsv } from '../../components/saveFile';
import { errorText } from './errorText';
import type { PollDesk } from './pollDesk';
import { usePolls } from './pollStore';
import { ResultBars } from './ResultBars';
import { usePollsTranslation } from './strings';

export interface BoardPlacer {
  placeOnBoard(kind: 'text', props: { x: number; y: number; text: string; fontSize: number }): boolean;
}

/**
 * One poll in the teacher's panel: its live tally (students, not selections), a quiz's accuracy per question and
 * each student's score, and what the teacher does with it: close, show to the class, put on the board, export.
 */
export function PollSummary({ desk, poll, board }: { desk: PollDesk; poll: PollState; board: BoardPlacer }) {
  const { t } = usePollsTranslation();
  const tally = usePolls((s) => s.tallies[poll.id]);
  const error = usePolls((s) => s.errors[poll.id]);
  const [placed, setPlaced] = useState<boolean | null>(null);
  const results = tally?.results ?? { respondents: 0, questions: [] };

  const exportCsv = () => {
    if (!tally) return;
    saveCsv(pollCsv(poll, tally), fileStem(poll.title, 60) || 'poll');
  };

  return (
    <article className="poll-summary" data-testid="poll-summary" data-poll-id={poll.id} data-state={poll.state} data-respondents={results.respondents}>
      <header className="poll-summary-head">
        <strong>{poll.title}</strong>{' '}
        <span className="muted small">
          {t(`state.${poll.state}`)}
          {poll.kind === 'quiz' && ` · ${t('quizTag')}`}
          {poll.anonymous && ` · ${t('anonymousTag')}`}
        </span>
      </header>
      <div className="small" data-testid="poll-respondents">
        {t('respondents', { count: results.respondents })}
      </div>
      {poll.questions.map((q) => (
        <ResultBars key={q.id} question={q} tally={results.questions.find((x) => x.questionId === q.id)} correct={poll.correct?.[q.id]} />
      ))}
      {tally?.answers && tally.answers.length > 0 && (
        <details className="poll-students">
          <summary>{t('students')}</summary>
          <ul>
            {tally.answers.map((a) => (
              <li key={a.userId} data-testid="poll-student" data-user-id={a.userId} data-score={a.score}>
                {a.name}
                {a.score !== undefined && ` · ${t('score', { score: a.score, of: poll.questions.length })}`}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="poll-actions">
        {poll.state === 'open' && (
          <button type="button" className="small" data-testid="poll-close" onClick={() => void desk.close(poll.id)}>
            {t('closePoll')}
          </button>
        )}
        <button type="button" className="ghost small" data-testid="poll-show" onClick={() => void desk.show(poll.id, !poll.shown)}>
          {poll.shown ? t('hide') : t('show')}
        </button>
        <button
          type="button"
          className="ghost small"
          data-testid="poll-to-board"
          onClick={() => setPlaced(board.placeOnBoard('text', { x: 40, y: 40, text: pollBoardText(poll, results), fontSize: 20 }))}
        >
          {t('toBoard')}
        </button>
        <button type="button" className="ghost small" data-testid="poll-export" disabled={!tally} onClick={exportCsv}>
          {t('exportCsv')}
        </button>
      </div>
      {placed !== null && (
        <p className="small" role="status" data-testid="poll-placed" data-placed={placed}>
          {placed ? t('placed') : t('notPlaced')}
        </p>
      )}
      {error && (
        <p className="banner error small" role="alert" data-testid="poll-error" data-code={error.code}>
          {errorText(t, error)}
        </p>
      )}
    </article>
  );
}
