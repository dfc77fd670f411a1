import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReleaseState, ReleaseSummary } from '../../shared/protocol';
import { RELEASE_RINGS, type ReleaseRing } from '../../shared/releases/documents';
import { ActionDialog, type ActionInput } from './ActionDialog';
import { ReleaseApiError, type ReleaseApi } from './releaseApi';
import { actionsFor, newestFirst, rollbackTarget, statusOf, type ReleaseAction } from './view';

interface Props {
  state: ReleaseState;
  /** Null for supervisors: they read, and no action is offered. */
  api: ReleaseApi | null;
  onChanged(): void;
}

/** The furthest ring a release has reached, where a new percentage most likely goes. */
function furthestRing(release: ReleaseSummary): ReleaseRing {
  return [...RELEASE_RINGS].reverse().find((ring) => release.rollout[ring] > 0) ?? 'canary';
}

/** Every release, newest first: its state, percentages per ring, notes, and (for admins) what can be done to it. */
export function ReleaseTable({ state, api, onChanged }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ version: string; action: ReleaseAction } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (state.releases.length === 0) return <p className="release-empty">{t('releases.none')}</p>;

  const run = async (release: ReleaseSummary, action: ReleaseAction, input: ActionInput) => {
    if (!api) return;
    setBusy(true);
    setError(null);
    try {
      if (action === 'percent') await api.act(release.version, 'rollout', { ring: input.ring, percent: input.percent, reason: input.reason });
      else if (action === 'promote') await api.act(release.version, 'promote', { percent: input.percent, reason: input.reason });
      else if (action === 'rollback') await api.act(release.version, 'revoke', { reason: input.reason });
      else await api.act(release.version, action, { reason: input.reason });
      setOpen(null);
      onChanged();
    } catch (failure) {
      setError(t('releases.failed', { message: failure instanceof ReleaseApiError ? failure.message : String(failure) }));
    } finally {
      setBusy(false);
    }
  };

  const opened = open ? state.releases.find((r) => r.version === open.version) : undefined;
  return (
    <>
      <table className="release-table" data-testid="release-table">
        <thead>
          <tr>
            <th>{t('releases.column.version')}</th>
            <th>{t('releases.column.state')}</th>
            {RELEASE_RINGS.map((ring) => (
              <th key={ring}>{t(`releases.ring.${ring}`)}</th>
            ))}
            <th>{t('releases.column.notes')}</th>
            {api && <th>{t('releases.column.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {newestFirst(state.releases).map((release) => {
            const status = statusOf(release);
            return (
              <tr key={release.version} data-testid={`release-${release.version}`} data-status={status}>
                <td className="release-version">{release.version}</td>
                <td>
                  <span className={`release-status release-status-${status}`} data-testid="release-status">
                    {t(`releases.state.${status}`)}
                  </span>
                  {release.halted && <div className="release-why" data-testid="release-halt-reason">{release.halted.reason}</div>}
                  {release.revoked && <div className="release-why">{release.revoked.reason}</div>}
                </td>
                {RELEASE_RINGS.map((ring) => (
                  <td key={ring} className="release-percent" data-testid={`release-${ring}-percent`}>
                    {release.rollout[ring]}%
                  </td>
                ))}
                <td className="release-notes">{release.notes}</td>
                {api && (
                  <td className="release-actions">
                    {actionsFor(release).map((action) => (
                      <button key={action} type="button" className={action === 'rollback' || action === 'halt' ? 'danger-action' : ''} data-testid={`release-${action}`} onClick={() => (setError(null), setOpen({ version: release.version, action }))}>
                        {t(`releases.action.${action}`)}
                      </button>
                    ))}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {open && opened && (
        <ActionDialog
          action={open.action}
          version={opened.version}
          target={rollbackTarget(state, opened.version)}
          initial={{ ring: furthestRing(opened), percent: opened.rollout[furthestRing(opened)] }}
          busy={busy}
          error={error}
          onConfirm={(input) => void run(opened, open.action, input)}
          onCancel={() => setOpen(null)}
        />
      )}
    </>
  );
}
