import { useEffect, useMemo, useState } from 'react';
import type { OpenClass } from '../OpenClass';
import { PollCard } from './PollCard';
import { PollComposer } from './PollComposer';
import { PollDesk } from './pollDesk';
import { newestFirst, usePolls } from './pollStore';
import { PollSummary } from './PollSummary';
import { usePollsTranslation } from './strings';
import './polls.css';

export interface PollsProps {
  openClass: OpenClass;
  /** Teachers (and a supervisor who took over) run polls; students answer them. */
  canSteer: boolean;
  answers: boolean;
}

/**
 * Polls and quizzes in an open class: a strip between the class bar and the board. A teacher gets a "Polls" button
 * that opens the panel (composer and live tallies) over the side column; a student gets the newest poll's card.
 */
export function Polls({ openClass, canSteer, answers }: PollsProps) {
  const desk = useMemo(() => new PollDesk(openClass.channel), [openClass]);
  useEffect(() => desk.attach(), [desk]);
  return (
    <div className="polls-strip" data-testid="polls-strip">
      {canSteer && <TeacherPolls desk={desk} openClass={openClass} />}
      {answers && <PollCard desk={desk} />}
    </div>
  );
}

function TeacherPolls({ desk, openClass }: { desk: PollDesk; openClass: OpenClass }) {
  const { t } = usePollsTranslation();
  const [open, setOpen] = useState(false);
  const polls = usePolls((s) => s.polls);
  const running = Object.values(polls).filter((p) => p.state === 'open').length;
  useEffect(() => {
    if (open) void desk.refresh();
  }, [open, desk]);
  return (
    <>
      <button type="button" className="ghost small" data-testid="polls-toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('open')}
        {running > 0 && ` (${running})`}
      </button>
      {open && (
        <section className="polls-panel" data-testid="polls-panel" aria-label={t('panelTitle')}>
          <header className="polls-panel-head">
            <strong>{t('panelTitle')}</strong>
            <button type="button" className="ghost small" data-testid="polls-panel-close" onClick={() => setOpen(false)}>
              {t('close')}
            </button>
          </header>
          <PollComposer desk={desk} />
          {newestFirst(polls).map((poll) => (
            <PollSummary key={poll.id} desk={desk} poll={poll} board={openClass} />
          ))}
        </section>
      )}
    </>
  );
}
