import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { signInWithPassword, signInWithToken } from '../session/signIn';
import { useSignIn } from '../state/signIn';

type Credential = 'password' | 'token';

export function LocalSignIn() {
  const { t } = useTranslation();
  const local = useSignIn((s) => s.local);
  const busy = useSignIn((s) => s.phase === 'signing-in');
  const [credential, setCredential] = useState<Credential>('password');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');

  if (local.status === 'looking') return <p className="muted">{t('connect.lookingForBackend')}</p>;
  if (local.status === 'starting') return <p className="muted">{t('connect.backendStarting')}</p>;
  if (local.status === 'absent') {
    return (
      <p className="muted" data-testid="no-local-backend">
        {t('connect.noLocalBackend')} <span className="alert-detail">{t('connect.detail', { detail: local.reason })}</span>
      </p>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (credential === 'password') void signInWithPassword(username.trim(), password);
    else void signInWithToken(token);
  };

  return (
    <>
      {local.backend.classes !== null && (
        <p className="muted">{t('connect.localClasses', { count: local.backend.classes })}</p>
      )}
      {local.backend.demoAccounts.length > 0 && (
        <fieldset className="demo-accounts" disabled={busy}>
          <legend>{t('connect.demoAccounts')}</legend>
          <p className="hint">{t('connect.demoAccountsHint')}</p>
          <div className="demo-list">
            {local.backend.demoAccounts.map((account) => (
              <button
                key={account.username}
                type="button"
                className="demo-account"
                data-testid={`demo-account-${account.username}`}
                aria-label={t('connect.signInAs', { username: account.username })}
                onClick={() => void signInWithPassword(account.username, account.password)}
              >
                <span className="demo-name">{account.username}</span>
                <span className={`role-badge role-${account.role}`}>{t(`role.${account.role}`)}</span>
              </button>
            ))}
          </div>
        </fieldset>
      )}
      <form className="sign-in-form" onSubmit={submit}>
        <div className="segmented small" role="radiogroup" aria-label={t('connect.credential')}>
          {(['password', 'token'] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              role="radio"
              aria-checked={credential === kind}
              data-testid={`credential-${kind}`}
              onClick={() => setCredential(kind)}
            >
              {t(kind === 'password' ? 'connect.credentialPassword' : 'connect.credentialToken')}
            </button>
          ))}
        </div>
        {credential === 'password' ? (
          <>
            <label>
              {t('connect.username')}
              <input data-testid="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
            </label>
            <label>
              {t('connect.password')}
              <input
                data-testid="password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </label>
          </>
        ) : (
          <label>
            {t('connect.token')}
            <textarea
              data-testid="token"
              rows={4}
              spellCheck={false}
              placeholder={t('connect.tokenPlaceholder')}
              value={token}
              onChange={(e) => setToken(e.target.value)}
              required
            />
          </label>
        )}
        <button type="submit" className="primary" data-testid="sign-in" disabled={busy}>
          {busy ? t('connect.submitting') : t('connect.submit')}
        </button>
      </form>
    </>
  );
}
