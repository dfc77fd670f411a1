import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useClasses } from '../../state/classes';
import { useSession, useSupervisor } from '../../session/SessionContext';
import { showClass } from '../../state/route';
import { Worded } from '../components/Person';
import { SlaTimer } from '../components/SlaTimer';
import { TagChip } from '../components/TagChip';
import { useHealth, useHelp } from '../state/stores';
import { watchClassTelemetry } from '../state/telemetry';
import { openClassDetail, openRequest } from '../state/view';
import { AuditTrail } from './AuditTrail';
import { Diagnostics } from './Diagnostics';
import { RemedyList } from './RemedyList';
import { RequestActions } from './RequestActions';
import { WhisperBox } from './WhisperBox';
import { isOpen } from './queue';

/** One help request: who asked and why, its tags, the remedies tried, the diagnostics, and what to do next. */
export function RequestDetail({ requestId }: { requestId: string }) {
  const { t, i18n } = useTranslation();
  const state = useHelp((s) => s.byId.get(requestId));
  const me = useSession().user.id;
  const health = useHealth((s) => (state ? s.byId.get(state.classId) : undefined));
  const summary = useClasses((s) => (state ? s.byId.get(state.classId) : undefined));
  const supervisor = useSupervisor();
  const classId = state?.classId ?? null;
  // Watching the request's class brings who is in it, so remedies and tags name people.
  useEffect(() => {
    watchClassTelemetry(supervisor, classId);
    return () => watchClassTelemetry(supervisor, null);
  }, [supervisor, classId]);
  if (!state) {
    return (
      <aside className="drawer" data-testid="request-detail" data-missing="true">
        <DrawerHead title={t('supervise.request.gone')} onClose={() => openRequest(null)} />
      </aside>
    );
  }
  const teacher = health?.teacher ?? summary?.teacher ?? null;
  return (
    <aside className="drawer" data-testid="request-detail" data-request-id={state.id} data-status={state.status} data-claimed-by={state.claimedBy?.id ?? ''}>
      <DrawerHead title={health?.title || summary?.title || t('supervise.help.someClass')} onClose={() => openRequest(null)} />
      <div className="drawer-body">
        <p className="request-meta">
          <span className={`status-badge status-${state.status}`} data-testid="request-status">
            {t(`supervise.help.status.${state.status}`)}
          </span>{' '}
          {isOpen(state.status) && <SlaTimer since={state.createdAt} testId="request-sla" />}{' '}
          <span className="muted">{t('supervise.request.askedAt', { time: new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' }).format(state.createdAt) })}</span>
        </p>
        <p>
          {t('supervise.help.from', { name: state.from.name, role: t(`role.${state.from.role}`) })} · {t(`supervise.help.topics.${state.topic}`)}
        </p>
        {state.text && (
          <blockquote className="request-text" data-testid="request-text">
            {state.text}
          </blockquote>
        )}
        {state.reason && <Worded text={state.reason} className="muted request-reason" testId="request-reason" />}
        {state.note && (
          <p data-testid="request-note-shown">
            {t('supervise.request.noteShown', { note: state.note })}
          </p>
        )}
        <div className="request-tags" data-testid="request-tags">
          {state.tags.map((entry) => (
            <TagChip key={`${entry.tag}/${entry.userId ?? ''}`} tag={entry.tag} userId={entry.userId} />
          ))}
        </div>
        <div className="action-row">
          <button type="button" data-testid="request-observe" onClick={() => showClass(state.classId, true)}>
            {t('supervise.request.observe')}
          </button>
          <button type="button" className="ghost" data-testid="request-class" onClick={() => openClassDetail(state.classId)}>
            {t('supervise.request.timeline')}
          </button>
        </div>
        <RequestActions key={state.id} state={state} me={me} teacherId={teacher?.id ?? null} />
        <h4>{t('supervise.request.remedies')}</h4>
        <RemedyList remedies={state.remedies} />
        {teacher && (
          <>
            <h4>{t('supervise.whisper.title')}</h4>
            <WhisperBox classId={state.classId} teacherId={teacher.id} teacherName={teacher.name} />
          </>
        )}
        <h4>{t('supervise.diagnostics.title')}</h4>
        <Diagnostics diagnostics={state.diagnostics} sentAt={state.createdAt} />
        <h4>{t('supervise.audit.title')}</h4>
        <AuditTrail requestId={state.id} version={state.updatedAt} />
      </div>
    </aside>
  );
}

export function DrawerHead({ title, onClose }: { title: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <header className="drawer-head">
      <h3 title={title}>{title}</h3>
      <button type="button" className="ghost" data-testid="drawer-close" onClick={onClose}>
        {t('supervise.close')}
      </button>
    </header>
  );
}
