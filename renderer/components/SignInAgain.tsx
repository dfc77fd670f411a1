import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthFailure } from '../../shared/auth/claims';
import { useSession } from '../session/SessionContext';
import { signInAgain, signInAgainCredential, signOut, type SignInAgainProblem } from '../session/signIn';
import { useConnection } from '../state/connection';

/** Refusals that a new sign-in fixes: the broker no longer takes this session's token. */
const NEEDS_SIGN_IN: ReadonlySet<AuthFailure | null> = new Set(['broker-refused', 'token-expired', 'not-authorized']);

/**
 * Says so in words when the broker stops accepting this session's sign-in (a backend that restarted without its
 * signing keys), and signs in again right here: the screen, what was typed and what waits to be sent all stay, and
 * the unsent actions go out once the console is connected again.
 */
export function SignInAgain() {
  const { t } = useTranslation();
  const state = useConnection((s) => s.status.state);
  const failure = useConnection((s) => s.status.failure);
  const unsent = useConnection((s) => s.outbox.length);
  const user = useSession().user;
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<SignInAgainProblem | null>(null);
  if (state !== 'refused' || !NEEDS_SIGN_IN.has(failure)) return null;
  const kind = signInAgainCredential()?.kind ?? 'password';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const outcome = await signInAgain(secret);
    setBusy(false);
    setProblem(outcome);
    if (!outcome) setSecret('');
  };

  return (
    <section className="sign-in-again" role="alert" aria-labelledby="sign-in-again-title" data-testid="sign-in-again">
      <h2 id="sign-in-again-title">{t('signInAgain.title')}</h2>
      <p>{t('signInAgain.why')}</p>
      <p data-testid="sign-in-again-unsent" data-count={unsent}>
        {unsent > 0 ? t('signInAgain.unsent', { count: unsent }) : t('signInAgain.nothingUnsent')}
      </p>
      <form onSubmit={(event) => void submit(event)}>
        <label>
          {t(kind === 'password' ? 'signInAgain.password' : 'signInAgain.token', { name: user.name })}{' '}
          <input
            type="password"
            data-testid="sign-in-again-secret"
            value={secret}
            autoComplete={kind === 'password' ? 'current-password' : 'off'}
            onChange={(e) => setSecret(e.target.value)}
          />
        </label>
        <button type="submit" className="primary" data-testid="sign-in-again-submit" disabled={busy}>
          {t('signInAgain.submit', { name: user.name })}
        </button>
        <button type="button" className="ghost" data-testid="sign-in-again-sign-out" onClick={signOut}>
          {t('signInAgain.signOut')}
        </button>
      </form>
      {problem && (
        <p className="alert" data-testid="sign-in-again-error">
          {problem.failure === 'other-user'
            ? t('signInAgain.otherUser', { user: problem.detail })
            : problem.failure === 'empty'
              ? t('signInAgain.empty')
              : t(`authFailure.${problem.failure}`)}
        </p>
      )}
    </section>
  );
}
