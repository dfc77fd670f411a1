import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpState } from '../../../shared/protocol';
import { REMEDIES, type Remedy } from '../../../shared/tags/catalogue';
import { useSupervisor } from '../../session/SessionContext';
import { claimRequest, escalateRequest, releaseRequest, resolveRequest, sendRemedy, DispatcherError } from './dispatcherClient';
import { isOpen } from './queue';
import { remedyTargets, suggestedRemedy } from './remedyChoice';
import { Worded } from '../components/Person';
import { personLabel } from '../components/people';
import { usePeople } from '../state/people';

interface RequestActionsProps {
  state: HelpState;
  me: string;
  teacherId: string | null;
}

/**
 * What a supervisor can do with a request: claim it first, then send a remedy, escalate, release or resolve it with a
 * note. Every action goes to the dispatcher, which may refuse it (someone else holds it, the tags are still there):
 * the refusal is shown as the dispatcher worded it.
 */
export function RequestActions({ state, me, teacherId }: RequestActionsProps) {
  const { t } = useTranslation();
  const supervisor = useSupervisor();
  const people = usePeople((s) => s.byId);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const suggested = suggestedRemedy(state, teacherId);
  const [remedy, setRemedy] = useState<Remedy>(suggested.action);
  const [target, setTarget] = useState<string>(suggested.to);
  const [note, setNote] = useState('');
  const [force, setForce] = useState(false);

  const mine = state.claimedBy?.id === me;
  const open = isOpen(state.status);
  const run = (name: string, action: () => Promise<unknown>) => {
    setBusy(name);
    setError(null);
    action().then(
      () => setBusy(null),
      (failure: unknown) => {
        setBusy(null);
        setError(failure instanceof DispatcherError ? { code: failure.code, message: failure.message } : { code: 'error', message: String(failure) });
      },
    );
  };

  if (!open) return null;
  return (
    <div className="request-actions" data-testid="request-actions">
      {!mine && (
        <div className="action-row">
          {state.claimedBy ? (
            <p className="muted" data-testid="request-held">
              {t('supervise.request.heldBy', { name: state.claimedBy.name })}
            </p>
          ) : (
            <button type="button" className="primary" data-testid="request-claim" disabled={busy !== null || state.status === 'remedy-pending'} onClick={() => run('claim', () => claimRequest(supervisor, state.id))}>
              {t('supervise.request.claim')}
            </button>
          )}
          {state.status === 'remedy-pending' && <span className="muted small">{t('supervise.request.autoRunning')}</span>}
        </div>
      )}
      {mine && (
        <>
          <fieldset className="action-group">
            <legend>{t('supervise.request.remedy')}</legend>
            <select data-testid="request-remedy-action" value={remedy} onChange={(e) => setRemedy(e.target.value as Remedy)}>
              {REMEDIES.map((action) => (
                <option key={action} value={action}>
                  {t(`supervise.remedy.${action}`)}
                </option>
              ))}
            </select>
            <select data-testid="request-remedy-target" value={target} aria-label={t('supervise.request.target')} onChange={(e) => setTarget(e.target.value)}>
              {remedyTargets(state, teacherId).map((userId) => (
                <option key={userId} value={userId}>
                  {personLabel(t, userId, people.get(userId), userId === teacherId ? 'teacher' : null)}
                </option>
              ))}
            </select>
            <button type="button" data-testid="request-remedy-send" disabled={busy !== null} onClick={() => run('remedy', () => sendRemedy(supervisor, state.id, remedy, target))}>
              {t('supervise.request.send')}
            </button>
          </fieldset>
          <fieldset className="action-group">
            <legend>{t('supervise.request.close')}</legend>
            <textarea data-testid="request-note" rows={2} maxLength={1000} placeholder={t('supervise.request.notePlaceholder')} value={note} onChange={(e) => setNote(e.target.value)} />
            {error?.code === 'tags-present' && (
              <label className="inline">
                <input type="checkbox" data-testid="request-force" checked={force} onChange={(e) => setForce(e.target.checked)} />
                <span>{t('supervise.request.force')}</span>
              </label>
            )}
            <div className="action-row">
              <button type="button" className="primary" data-testid="request-resolve" disabled={busy !== null} onClick={() => run('resolve', () => resolveRequest(supervisor, state.id, note.trim(), force))}>
                {t('supervise.request.resolve')}
              </button>
              <button type="button" data-testid="request-escalate" disabled={busy !== null} onClick={() => run('escalate', () => escalateRequest(supervisor, state.id, note.trim()))}>
                {t('supervise.request.escalate')}
              </button>
              <button type="button" className="ghost" data-testid="request-release" disabled={busy !== null} onClick={() => run('release', () => releaseRequest(supervisor, state.id))}>
                {t('supervise.request.release')}
              </button>
            </div>
          </fieldset>
        </>
      )}
      {busy && (
        <p className="muted small" role="status" data-testid="request-busy">
          {t('supervise.request.working')}
        </p>
      )}
      {error && (
        <p className="banner error" role="alert" data-testid="request-error" data-code={error.code}>
          {t(`supervise.errors.${errorKey(error.code)}`)} <Worded text={error.message} className="detail" />
        </p>
      )}
    </div>
  );
}

const KNOWN_ERRORS = new Set(['claimed', 'not-claimed', 'tags-present', 'busy', 'ended', 'escalated', 'forbidden', 'not-found', 'timeout', 'disconnected', 'bad-params', 'too-many']);

/** The dispatcher's refusal codes the console explains in its own words; the rest are "the action failed". */
function errorKey(code: string): string {
  return KNOWN_ERRORS.has(code) ? code : 'other';
}
