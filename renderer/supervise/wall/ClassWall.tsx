import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClasses } from '../../state/classes';
import { showClass } from '../../state/route';
import { useNow } from '../state/now';
import { useHealth, useHelp } from '../state/stores';
import { openClassDetail, useSuperviseView } from '../state/view';
import { needsPerson } from '../help/queue';
import { HeldOrder } from './heldOrder';
import { usePointerHold } from '../hold/usePointerHold';
import { WallFilters } from './WallFilters';
import { WALL_ROW_HEIGHT, WallRow } from './WallRow';
import { WallRowCache, wallProblems, wallRows } from './wallRows';

const observe = (classId: string) => showClass(classId, true);

/**
 * Every live class, worst first by default; virtualized, so 10,000 rows cost what the visible ones cost. While the
 * supervisor points at the rows (or moves through them with the keyboard) their order holds still (`HeldOrder`).
 */
export function ClassWall() {
  const { t } = useTranslation();
  const health = useHealth((s) => s.byId);
  const summaries = useClasses((s) => s.byId);
  const help = useHelp((s) => s.byId);
  const query = useSuperviseView((s) => s.query);
  const selected = useSuperviseView((s) => s.classId);
  // Durations only change the rows when filtering by them; otherwise the clock does not rebuild the wall.
  const now = useNow((s) => (query.minDurationMs > 0 ? s.now : 0));
  const deferredQuery = useDeferredValue(query);
  const [cache] = useState(() => new WallRowCache());
  const rows = useMemo(() => wallRows(health, summaries, deferredQuery, now, cache), [health, summaries, deferredQuery, now, cache]);
  const hold = usePointerHold();
  const [held, setHeld] = useState<HeldOrder | null>(null);
  // A new hold starts from the order on screen; a new query (the supervisor's own choice) re-sorts at once.
  if (hold.active ? !held || held.query !== deferredQuery : held) setHeld(hold.active ? new HeldOrder(rows, deferredQuery) : null);
  const becameCritical = useMemo(() => (held ? held.becameCritical(rows) : 0), [held, rows]);
  const arrivals = useMemo(() => (held ? held.arrivals(rows) : []), [held, rows]);
  const count = held ? held.length + arrivals.length : rows.length;
  const rowAt = (index: number) => {
    if (!held) return rows[index];
    return index < held.length ? held.itemAt(index, (classId) => cache.cachedRow(classId)) : arrivals[index - held.length];
  };

  const waiting = useMemo(() => {
    const byClass = new Map<string, number>();
    for (const state of help.values()) if (needsPerson(state.status)) byClass.set(state.classId, (byClass.get(state.classId) ?? 0) + 1);
    return byClass;
  }, [help]);

  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => WALL_ROW_HEIGHT,
    overscan: 8,
    // No getItemKey: a new one each render made the virtualizer re-measure every row (35,000 at a peak) per update.
    // Rows are keyed by class below instead; their heights are all the same.
  });

  // Counted as the wall is patched: recounting 35,000 rows per update was the wall's largest cost after the patch.
  const problems = useMemo(() => (rows ? wallProblems(cache) : 0), [rows, cache]);

  return (
    <section className="wall" aria-label={t('supervise.wall.title')} data-testid="class-wall">
      <WallFilters />
      <div className="wall-summary muted" data-testid="wall-count" data-shown={rows.length} data-problems={problems}>
        {t('supervise.wall.count', { shown: rows.length, problems })}
        {held && (
          <span className={becameCritical > 0 ? 'wall-held critical' : 'wall-held'} data-testid="wall-held" data-became-critical={becameCritical}>
            {becameCritical > 0 ? t('supervise.wall.heldCritical', { count: becameCritical }) : t('supervise.wall.held')}
          </span>
        )}
      </div>
      <div className="table wall-table" role="table" aria-rowcount={count}>
        <div className="wall-row head" role="row">
          <span role="columnheader" aria-label={t('supervise.wall.columns.severity')} />
          <span role="columnheader">{t('supervise.wall.columns.class')}</span>
          <span role="columnheader">{t('supervise.wall.columns.teacher')}</span>
          <span role="columnheader">{t('supervise.wall.columns.region')}</span>
          <span role="columnheader">{t('supervise.wall.columns.version')}</span>
          <span role="columnheader">{t('supervise.wall.columns.tags')}</span>
          <span role="columnheader">{t('supervise.wall.columns.duration')}</span>
          <span role="columnheader" aria-label={t('supervise.wall.columns.actions')} />
        </div>
        <div className="table-body" ref={scrollRef} data-testid="wall-body" {...hold.handlers}>
          {count === 0 && (
            <p className="empty muted">{health.size === 0 && summaries.size === 0 ? t('supervise.wall.waiting') : t('supervise.wall.noMatch')}</p>
          )}
          <div className="table-canvas" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rowAt(item.index);
              if (!row) return null;
              return (
                <WallRow
                  key={row.classId}
                  row={row}
                  top={item.start}
                  waiting={waiting.get(row.classId) ?? 0}
                  selected={row.classId === selected}
                  onDetail={openClassDetail}
                  onObserve={observe}
                />
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
