import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/SessionContext';
import { AdoptionChart } from './AdoptionChart';
import { AuditPanel } from './AuditPanel';
import { HealthTable } from './HealthTable';
import { PublishForm } from './PublishForm';
import { ReleaseApi } from './releaseApi';
import { ReleaseTable } from './ReleaseTable';
import { refreshAudit, resetAudit } from './state/audit';
import { useReleaseAdoption, useReleaseHealth, useReleaseState } from './state/stores';
import './releases.css';

/**
 * The Releases screen: releases and their notes, rings and percentages, adoption over time, health per version and
 * the audit log, live from the release service's retained state. Admins publish and act (each with a reason, over
 * the HTTP API); supervisors read it.
 */
export function ReleasesScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const api = useMemo(() => new ReleaseApi(session.endpoints), [session]);
  const canAct = session.user.role === 'admin';
  const state = useReleaseState((s) => s.state);
  const adoption = useReleaseAdoption((s) => s.adoption);
  const health = useReleaseHealth((s) => s.health);
  const [notice, setNotice] = useState<string | null>(null);
  const changedAt = state?.at;

  // Every change the service announces is audited by then: read the log again.
  useEffect(() => {
    void refreshAudit(api);
  }, [api, changedAt]);
  useEffect(() => () => resetAudit(), []);

  return (
    <div className="releases" data-testid="releases-screen">
      <header className="releases-header">
        <h2>{t('releases.title')}</h2>
        {canAct ? <PublishForm api={api} onDone={setNotice} /> : <p className="release-muted" data-testid="releases-read-only">{t('releases.readOnly')}</p>}
      </header>
      {notice && <p className="release-notice" role="status" data-testid="release-notice">{notice}</p>}
      {!state ? (
        <p className="release-empty">{t('releases.waiting')}</p>
      ) : (
        <>
          <p className="release-muted" data-testid="release-rings">{t('releases.rings', state.rings.shares)}</p>
          <ReleaseTable state={state} api={canAct ? api : null} onChanged={() => void refreshAudit(api)} />
          <div className="releases-grid">
            {adoption && <AdoptionChart adoption={adoption} />}
            {health && <HealthTable health={health} />}
          </div>
          <AuditPanel api={api} state={state} />
        </>
      )}
    </div>
  );
}
