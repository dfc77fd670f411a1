import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassTimeline, HelpState } from '../../../shared/protocol';
import { useSupervisor } from '../../session/SessionContext';
import { useClasses } from '../../state/classes';
import { showClass } from '../../state/route';
import { Worded } from '../components/Person';
import { TagChip } from '../components/TagChip';
import { personLabel } from '../components/people';
import { usePeople } from '../state/people';
import { DrawerHead } from '../help/RequestDetail';
import { WhisperBox } from '../help/WhisperBox';
import { classTimeline } from '../help/dispatcherClient';
import { useClassTags, useHealth, useHelp } from '../state/stores';
import { useWatchedTelemetry, watchClassTelemetry, type WatchedEvent } from '../state/telemetry';
import { openClassDetail, openRequest } from '../state/view';
import { EventLine } from './EventLine';
import { buildTimeline, type TimelineEntry } from './timeline';

type Kind = TimelineEntry['kind'];
const KINDS: Kind[] = ['tag', 'action', 'telemetry'];
const NO_EVENTS: readonly WatchedEvent[] = [];

/** One class: what is wrong now, its help requests, and a timeline of tags, telemetry and actions. */
export function ClassDetail({ classId }: { classId: string }) {
  const { t, i18n } = useTranslation();
  const health = useHealth((s) => s.byId.get(classId));
  const summary = useClasses((s) => s.byId.get(classId));
  const tags = useClassTags((s) => s.byClass.get(classId));
  const help = useHelp((s) => s.byId);
  const requests = useMemo(() => [...help.values()].filter((h) => h.classId === classId), [help, classId]);
  const [remote, setRemote] = useState<ClassTimeline | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<ReadonlySet<Kind>>(() => new Set(KINDS));
  const live = useWatchedTelemetry((s) => (s.classId === classId ? s.events : NO_EVENTS));
  const supervisor = useSupervisor();
  useEffect(() => {
    watchClassTelemetry(supervisor, classId);
    return () => watchClassTelemetry(supervisor, null);
  }, [supervisor, classId]);

  // Read again when the class's tags or requests change: both are new timeline entries at the dispatcher.
  const version = `${tags?.ts ?? 0}/${requests.reduce((max, r) => Math.max(max, r.updatedAt), 0)}`;
  useEffect(() => {
    let current = true;
    classTimeline(supervisor, classId).then(
      (timeline) => {
        if (!current) return;
        setRemote(timeline);
        setError(null);
      },
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [supervisor, classId, version]);

  const entries = useMemo(
    () => buildTimeline(remote?.changes ?? [], remote?.actions ?? [], requests, live).filter((e) => shown.has(e.kind)),
    [remote, requests, live, shown],
  );
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const teacher = health?.teacher ?? summary?.teacher ?? null;
  const title = health?.title || summary?.title || t('supervise.help.someClass');
  const toggle = (kind: Kind) =>
    setShown((before) => {
      const next = new Set(before);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });

  return (
    <aside className="drawer" data-testid="class-detail" data-class-id={classId}>
      <DrawerHead title={title} onClose={() => openClassDetail(null)} />
      <div className="drawer-body">
        <dl className="facts class-facts">
          <dt>{t('supervise.wall.columns.teacher')}</dt>
          <dd data-testid="class-detail-teacher">{teacher?.name ?? '–'}</dd>
          <dt>{t('supervise.wall.columns.region')}</dt>
          <dd>{health?.region || summary?.region || '–'}</dd>
          <dt>{t('supervise.wall.columns.version')}</dt>
          <dd>{health?.appVersion || '–'}</dd>
        </dl>
        <div className="action-row">
          <button type="button" data-testid="class-detail-observe" onClick={() => showClass(classId, true)}>
            {t('supervise.request.observe')}
          </button>
        </div>
        <h4>{t('supervise.detail.now')}</h4>
        <ul className="current-tags" data-testid="class-detail-tags">
          {(tags?.tags ?? []).map((entry) => (
            <li key={`${entry.tag}/${entry.userId ?? ''}`}>
              <TagChip tag={entry.tag} userId={entry.userId} /> <Worded text={entry.evidence} className="muted small" />
            </li>
          ))}
          {!tags && <li className="muted">{t('supervise.detail.noTags')}</li>}
        </ul>
        {tags && (tags.setAside.late > 0 || tags.setAside.future > 0 || tags.setAside.duplicate > 0) && (
          <p className="muted small" data-testid="class-detail-set-aside">
            {t('supervise.detail.setAside', tags.setAside)}
          </p>
        )}
        {requests.length > 0 && (
          <>
            <h4>{t('supervise.detail.requests')}</h4>
            <ul className="detail-requests">
              {requests.map((r: HelpState) => (
                <li key={r.id}>
                  <button type="button" className="link" data-testid="class-detail-request" onClick={() => openRequest(r.id)}>
                    {r.from.name} · {t(`supervise.help.status.${r.status}`)}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        {teacher && (
          <>
            <h4>{t('supervise.whisper.title')}</h4>
            <WhisperBox classId={classId} teacherId={teacher.id} teacherName={teacher.name} />
          </>
        )}
        <h4>{t('supervise.detail.timeline')}</h4>
        <div className="timeline-kinds">
          {KINDS.map((kind) => (
            <label key={kind} className="inline">
              <input type="checkbox" data-testid={`timeline-kind-${kind}`} checked={shown.has(kind)} onChange={() => toggle(kind)} />
              <span>{t(`supervise.detail.kinds.${kind}`)}</span>
            </label>
          ))}
        </div>
        {error && (
          <p className="banner error" role="alert" data-testid="timeline-error">
            {t('supervise.detail.timelineFailed')} <span className="detail">{error}</span>
          </p>
        )}
        <ol className="timeline" data-testid="timeline">
          {entries.map((entry, index) => (
            <li key={index} className={`timeline-${entry.kind}`} data-testid="timeline-entry" data-kind={entry.kind}>
              <time className="muted">{time.format(entry.at)}</time> <TimelineText entry={entry} />
            </li>
          ))}
          {entries.length === 0 && <li className="muted">{t('supervise.detail.empty')}</li>}
        </ol>
      </div>
    </aside>
  );
}

function TimelineText({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const people = usePeople((s) => s.byId);
  const who = (id: string | undefined) => (id ? personLabel(t, id, people.get(id)) : t('supervise.alerts.wholeClass'));
  switch (entry.kind) {
    case 'tag':
      return (
        <span data-tag={entry.tag} data-change={entry.change}>
          {t(`supervise.detail.tag.${entry.change}`, { tag: t(`supervise.tag.${entry.tag}`), user: who(entry.userId) })}
          {entry.evidence && (
            <>
              {' '}
              <Worded text={entry.evidence} className="muted small" />
            </>
          )}
        </span>
      );
    case 'action':
      return (
        <span data-action={entry.action}>
          <strong>{t(`supervise.audit.actions.${entry.action}`, { defaultValue: entry.action })}</strong>{' '}
          <span className="muted">{personLabel(t, entry.actor, people.get(entry.actor), entry.actorKind === 'supervisor' ? 'supervisor' : null)}</span>{' '}
          <Worded text={entry.detail} />
        </span>
      );
    case 'telemetry':
      return (
        <span>
          <span className="muted">{who(entry.userId)}</span> <EventLine event={entry.event} />
        </span>
      );
  }
}
