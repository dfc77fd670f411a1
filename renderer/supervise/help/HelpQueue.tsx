import { memo, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpState } from '../../../shared/protocol';
import { useSession } from '../../session/SessionContext';
import { useClasses } from '../../state/classes';
import { SlaTimer } from '../components/SlaTimer';
import { TagChip } from '../components/TagChip';
import { HeldNote } from '../hold/HeldNote';
import { useHeldList } from '../hold/useHeldList';
import { useHealth, useHelp } from '../state/stores';
import { openRequest, useSuperviseView } from '../state/view';
import { helpQueue, isOpen, type QueueFilter } from './queue';

/** Every open request by default, so a new one shows at once, while the dispatcher still checks it automatically. */
const FILTERS: QueueFilter[] = ['open', 'person', 'mine', 'all'];
const SHOWN = 200;
const requestId = (state: HelpState) => state.id;
const isEscalated = (state: HelpState) => state.status === 'escalated';

/**
 * Help requests that need a person, most urgent first, with how long each has waited. While the supervisor points at
 * the queue its order holds still: a request claimed or resolved stays in its place with its new status.
 */
export function HelpQueue() {
  const { t } = useTranslation();
  const byId = useHelp((s) => s.byId);
  const me = useSession().user.id;
  const selected = useSuperviseView((s) => s.requestId);
  const [filter, setFilter] = useState<QueueFilter>('open');
  const rows = useMemo(() => helpQueue(byId, filter, me), [byId, filter, me]);
  const latest = useCallback((id: string) => byId.get(id), [byId]);
  const view = useHeldList(rows, { keyOf: requestId, latest, isUrgent: isEscalated, cap: SHOWN, basis: filter });
  return (
    <section className="panel help-queue" aria-label={t('supervise.help.title')} data-testid="help-queue" {...view.handlers}>
      <header className="panel-head">
        <h3>
          {t('supervise.help.title')} <span className="count-badge" data-testid="help-count" data-count={rows.length}>{rows.length}</span>
        </h3>
        <select data-testid="help-filter" value={filter} aria-label={t('supervise.help.filter')} onChange={(e) => setFilter(e.target.value as QueueFilter)}>
          {FILTERS.map((value) => (
            <option key={value} value={value}>
              {t(`supervise.help.filters.${value}`)}
            </option>
          ))}
        </select>
      </header>
      {view.shown.length === 0 && <p className="empty muted">{t('supervise.help.none')}</p>}
      <ol className="help-list">
        {view.shown.map((state) => (
          <HelpItem key={state.id} state={state} selected={state.id === selected} />
        ))}
      </ol>
      <HeldNote view={view} />
    </section>
  );
}

/** One request in the queue; memoised, and it reads only its own class's title, so health updates pass it by. */
const HelpItem = memo(function HelpItem({ state, selected }: { state: HelpState; selected: boolean }) {
  const { t } = useTranslation();
  const healthTitle = useHealth((s) => s.byId.get(state.classId)?.title);
  const summaryTitle = useClasses((s) => s.byId.get(state.classId)?.title);
  const title = healthTitle || summaryTitle || t('supervise.help.someClass');
  return (
    <li
      className={`help-item status-${state.status}${selected ? ' selected' : ''}`}
      data-testid="help-item"
      data-request-id={state.id}
      data-class-id={state.classId}
      data-status={state.status}
    >
      <button type="button" className="link help-open" data-testid="help-open" onClick={() => openRequest(state.id)}>
        <strong>{title}</strong>
        <span className="muted">
          {' '}
          {t('supervise.help.from', { name: state.from.name, role: t(`role.${state.from.role}`) })} · {t(`supervise.help.topics.${state.topic}`)}
        </span>
      </button>
      <span className={`status-badge status-${state.status}`} data-testid="help-status">
        {t(`supervise.help.status.${state.status}`)}
      </span>
      {isOpen(state.status) && <SlaTimer since={state.createdAt} testId="help-sla" />}
      <span className="help-tags">
        {state.tags.slice(0, 2).map((entry) => (
          <TagChip key={`${entry.tag}/${entry.userId ?? ''}`} tag={entry.tag} userId={entry.userId} />
        ))}
      </span>
      {state.claimedBy && (
        <span className="muted small" data-testid="help-claimed-by">
          {t('supervise.help.claimedBy', { name: state.claimedBy.name })}
        </span>
      )}
    </li>
  );
});
