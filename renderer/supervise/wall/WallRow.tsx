import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { SlaTimer } from '../components/SlaTimer';
import { TagChip } from '../components/TagChip';
import type { WallRow as Row } from './wallRows';

export const WALL_ROW_HEIGHT = 44;
/** Chips shown per row; the rest is a count. */
const MAX_CHIPS = 3;

interface WallRowProps {
  row: Row;
  top: number;
  /** Help requests of this class that wait for a person. */
  waiting: number;
  selected: boolean;
  onDetail: (classId: string) => void;
  onObserve: (classId: string) => void;
}

/**
 * One class on the wall: severity as colour, the problem tags, how long the oldest has lasted. A class that only moves
 * (rows above it came or went, which at a 35,000-class peak is most frames) re-renders its position alone.
 */
export const WallRow = memo(function WallRow({ row, top, waiting, selected, onDetail, onObserve }: WallRowProps) {
  return (
    <div
      className={`wall-row sev-${row.severity}${row.state === 'live' ? '' : ' ended'}${selected ? ' selected' : ''}`}
      role="row"
      data-testid="wall-row"
      data-class-id={row.classId}
      data-severity={row.severity}
      style={{ transform: `translateY(${top}px)`, height: WALL_ROW_HEIGHT }}
    >
      <WallRowCells row={row} waiting={waiting} onDetail={onDetail} onObserve={onObserve} />
    </div>
  );
});

const WallRowCells = memo(function WallRowCells({ row, waiting, onDetail, onObserve }: Omit<WallRowProps, 'top' | 'selected'>) {
  const { t } = useTranslation();
  const extra = row.problems.length - MAX_CHIPS;
  return (
    <>
      <span role="cell" className="wall-severity" title={t(`supervise.severity.${row.severity}`)}>
        <span className="visually-hidden">{t(`supervise.severity.${row.severity}`)}</span>
      </span>
      <span role="cell" className="cell-title">
        <button type="button" className="link title" data-testid="wall-detail" title={row.title} onClick={() => onDetail(row.classId)}>
          {row.title}
        </button>
      </span>
      <span role="cell" className="wall-teacher">
        {row.teacherName}
      </span>
      <span role="cell" className="wall-region">
        {row.region}
      </span>
      <span role="cell" className="wall-version">
        {row.appVersion}
      </span>
      <span role="cell" className="wall-tags" data-testid="wall-tags">
        {row.problems.slice(0, MAX_CHIPS).map((p) => (
          <TagChip key={`${p.tag}/${p.userId ?? ''}`} tag={p.tag} userId={p.userId} name={p.name} role={p.role} />
        ))}
        {extra > 0 && <span className="muted">{t('supervise.wall.more', { count: extra })}</span>}
        {row.severity === 'unknown' && <span className="muted">{t('supervise.wall.noHealth')}</span>}
      </span>
      <span role="cell" className="wall-duration">
        {row.since !== null && <SlaTimer since={row.since} testId="wall-duration" />}
      </span>
      <span role="cell" className="wall-actions">
        {waiting > 0 && (
          <span className="help-badge" data-testid="wall-help" title={t('supervise.wall.helpWaiting', { count: waiting })}>
            {t('supervise.wall.help', { count: waiting })}
          </span>
        )}
        {row.state === 'live' ? (
          <button type="button" className="small" data-testid="wall-observe" onClick={() => onObserve(row.classId)}>
            {t('classroom.observe')}
          </button>
        ) : (
          <span className="muted" data-testid="wall-ended">
            {t('supervise.wall.ended')}
          </span>
        )}
      </span>
    </>
  );
});
