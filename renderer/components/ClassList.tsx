import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClassState } from '../../shared/protocol';
import { useClasses } from '../state/classes';
import { visibleClasses, type StateFilter } from '../state/classFilter';
import { useConnection } from '../state/connection';
import { useSession } from '../session/SessionContext';
import { showClass, showReplay, showReport } from '../state/route';
import { loadRecordedClasses } from '../replay/loadRecording';
import { ClassRow, ROW_HEIGHT } from './ClassRow';
import { ConfirmDialog } from './ConfirmDialog';

/** How often the list checks whether an ended class can still be reopened. */
const REOPEN_CHECK_MS = 30_000;

export function ClassList() {
  const { t } = useTranslation();
  const byId = useClasses((s) => s.byId);
  const outbox = useConnection((s) => s.outbox);
  const session = useSession();
  const { id: userId, role } = session.user;
  // Ending asks first; reopening an ended class is a start within the directory's grace.
  const [ending, setEnding] = useState<string | null>(null);
  const controlClass = useCallback(
    (classId: string, action: 'start' | 'end' | 'reopen') => {
      if (action === 'end') setEnding(classId);
      else session.controlClass(classId, 'start');
    },
    [session],
  );
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), REOPEN_CHECK_MS);
    return () => clearInterval(timer);
  }, []);
  const [recorded, setRecorded] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => {
    let current = true;
    // Without a recorder (another backend) the list simply offers no replays.
    loadRecordedClasses(session.endpoints).then((ids) => current && setRecorded(new Set(ids)), () => {});
    return () => {
      current = false;
    };
  }, [session]);
  const isTeacher = role === 'teacher';
  const entry = role === 'supervisor' ? 'observe' : role === 'teacher' || role === 'student' ? 'open' : null;
  const [text, setText] = useState('');
  const [state, setState] = useState<StateFilter>('all');
  const deferredText = useDeferredValue(text);
  const rows = useMemo(() => visibleClasses(byId, deferredText, state), [byId, deferredText, state]);
  const unsentByClass = useMemo(
    () => new Set(outbox.flatMap((item) => (item.action.kind === 'classControl' ? [item.action.classId] : []))),
    [outbox],
  );

  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => rows[index]?.id ?? index,
  });

  return (
    <section className="class-list" aria-label={t('classes.filter')}>
      <div className="toolbar">
        <label className="filter">
          <span className="visually-hidden">{t('classes.filter')}</span>
          <input
            type="search"
            data-testid="class-filter"
            placeholder={t('classes.filterPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <label className="state-filter">
          <span>{t('classes.stateFilter')}</span>
          <select data-testid="state-filter" value={state} onChange={(e) => setState(e.target.value as StateFilter)}>
            <option value="all">{t('classes.allStates')}</option>
            {ClassState.options.map((option) => (
              <option key={option} value={option}>
                {t(`state.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" data-testid="class-count" data-shown={rows.length} data-total={byId.size}>
          {t('classes.showing', { shown: rows.length, total: byId.size })}
        </span>
      </div>
      <div className="table" role="table" aria-rowcount={rows.length}>
        <div className="row head" role="row">
          <span role="columnheader">{t('classes.columns.title')}</span>
          <span role="columnheader">{t('classes.columns.teacher')}</span>
          <span role="columnheader">{t('classes.columns.state')}</span>
          <span role="columnheader">{t('classes.columns.presence')}</span>
          <span role="columnheader">{t('classes.columns.region')}</span>
          <span role="columnheader">{t('classes.columns.actions')}</span>
        </div>
        <div className="table-body" ref={scrollRef} data-testid="class-list">
          {rows.length === 0 && (
            <p className="empty muted">{byId.size === 0 ? t('classes.waiting') : t('classes.noMatch')}</p>
          )}
          <div className="table-canvas" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const summary = rows[item.index];
              if (!summary) return null;
              return (
                <ClassRow
                  key={item.key}
                  summary={summary}
                  top={item.start}
                  canControl={isTeacher && summary.teacher.id === userId}
                  unsent={unsentByClass.has(summary.id)}
                  reopenable={summary.state === 'ended' && (summary.reopenUntil ?? 0) > now}
                  onControl={controlClass}
                  entry={entry}
                  onEnter={showClass}
                  onReplay={summary.state === 'ended' && recorded.has(summary.id) ? showReplay : null}
                  onReport={isTeacher && summary.state === 'ended' && summary.teacher.id === userId ? showReport : null}
                />
              );
            })}
          </div>
        </div>
      </div>
      {ending && (
        <ConfirmDialog
          testId="end-class-dialog"
          danger
          title={t('classroom.endConfirm.title', { title: byId.get(ending)?.title ?? ending })}
          body={t('classroom.endConfirm.body')}
          confirmLabel={t('classroom.endConfirm.confirm')}
          onCancel={() => setEnding(null)}
          onConfirm={() => {
            session.controlClass(ending, 'end');
            setEnding(null);
          }}
        />
      )}
    </section>
  );
}
