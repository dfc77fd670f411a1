import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../shared/protocol';
import { useSupervisor } from '../../session/SessionContext';
import { Worded } from '../components/Person';
import { personLabel } from '../components/people';
import { usePeople, type Person } from '../state/people';
import { requestAudit } from './dispatcherClient';

/**
 * Every step the dispatcher and people took on a request, from the audit log. Read again whenever the request
 * changes (`version`), since each change is audited.
 */
export function AuditTrail({ requestId, version }: { requestId: string; version: number }) {
  const { t, i18n } = useTranslation();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const supervisor = useSupervisor();
  const people = usePeople((s) => s.byId);
  useEffect(() => {
    let current = true;
    requestAudit(supervisor, requestId).then(
      (list) => {
        if (!current) return;
        setEntries(list);
        setError(null);
      },
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [supervisor, requestId, version]);
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const actorLabel = (actor: AuditEntry['actor'], person: Person | undefined) =>
    personLabel(t, actor.id, person, actor.kind === 'supervisor' ? 'supervisor' : null);
  return (
    <div className="audit" data-testid="request-audit">
      {error && (
        <p className="banner error" role="alert">
          {t('supervise.audit.failed')} <span className="detail">{error}</span>
        </p>
      )}
      {entries === null && !error && <p className="muted">{t('supervise.audit.loading')}</p>}
      {entries?.length === 0 && <p className="muted">{t('supervise.audit.none')}</p>}
      <ol className="audit-list">
        {entries?.map((entry) => (
          <li key={entry.seq} data-testid="audit-entry" data-action={entry.action} data-actor={entry.actor.id}>
            <time className="muted">{time.format(entry.at)}</time> <strong>{t(`supervise.audit.actions.${entry.action}`, { defaultValue: entry.action })}</strong>{' '}
            <span className="muted">{actorLabel(entry.actor, people.get(entry.actor.id))}</span> <Worded text={entry.detail} />
          </li>
        ))}
      </ol>
    </div>
  );
}
