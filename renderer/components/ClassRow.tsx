import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassSummary } from '../../shared/protocol';
import { replayText } from '../replay/strings';

export const ROW_HEIGHT = 48;

interface ClassRowProps {
  summary: ClassSummary;
  top: number;
  /** The signed-in teacher teaches this class, so it may start and end it. */
  canControl: boolean;
  /** A start or end for this class waits in the outbox. */
  unsent: boolean;
  /** The class has ended, and its teacher may still reopen it (the directory's grace). */
  reopenable: boolean;
  onControl: (classId: string, action: 'start' | 'end' | 'reopen') => void;
  /** 'open' for a participant's own class, 'observe' for supervisors; null when this user cannot enter it. */
  entry: 'open' | 'observe' | null;
  onEnter: (classId: string, observe: boolean) => void;
  /** An ended class with a recording: opens its replay. */
  onReplay: ((classId: string) => void) | null;
  /** An ended class this teacher taught: opens its report. */
  onReport: ((classId: string) => void) | null;
}

export const ClassRow = memo(function ClassRow({ summary, top, canControl, unsent, reopenable, onControl, entry, onEnter, onReplay, onReport }: ClassRowProps) {
  const { t } = useTranslation();
  const { teachers, students } = summary.presence;
  // The directory runs scheduled → live → ended; an ended class can be reopened for a while, then nothing is left to do.
  const action = summary.state === 'scheduled' ? 'start' : summary.state === 'live' ? 'end' : reopenable ? 'reopen' : null;
  return (
    <div
      className="row"
      role="row"
      data-testid="class-row"
      data-class-id={summary.id}
      data-state={summary.state}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
    >
      <span role="cell" className="cell-title">
        <span className="title" title={summary.title}>
          {summary.title}
        </span>
        <span className="class-id">{summary.id}</span>
      </span>
      <span role="cell" className="cell-teacher" data-testid="class-teacher">
        {summary.teacher.name}
      </span>
      <span role="cell">
        <span className={`state-badge state-${summary.state}`} data-testid="class-state">
          {t(`state.${summary.state}`)}
        </span>
      </span>
      <span
        role="cell"
        className="cell-presence"
        data-testid="class-presence"
        data-teachers={teachers}
        data-students={students}
        title={t('classes.presenceTitle', { teachers, students })}
      >
        {t('classes.presence', { teachers, students })}
      </span>
      <span role="cell" className="cell-region">
        {summary.region}
      </span>
      <span role="cell" className="cell-actions">
        {onReport && (
          <button type="button" className="small" data-testid="class-report" onClick={() => onReport(summary.id)}>
            {t('reports.reportButton')}
          </button>
        )}
        {onReplay && (
          <button type="button" className="small" data-testid="class-replay" onClick={() => onReplay(summary.id)}>
            {replayText('replay')}
          </button>
        )}
        {entry && (
          <button type="button" className="small" data-testid={`class-${entry}`} onClick={() => onEnter(summary.id, entry === 'observe')}>
            {t(`classroom.${entry}`)}
          </button>
        )}
        {canControl &&
          action &&
          (unsent ? (
            <span className="unsent-tag" data-testid="class-unsent">
              {t('classes.unsent')}
            </span>
          ) : (
            <button type="button" className={`small ${action === 'reopen' ? 'start' : action}`} data-testid={`class-${action}`} onClick={() => onControl(summary.id, action)}>
              {t(`classes.${action}`)}
            </button>
          ))}
      </span>
    </div>
  );
});
