import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { platform } from '../platform';
import { signInRemote } from '../session/signIn';
import { useSignIn } from '../state/signIn';

export function RemoteSignIn() {
  const { t } = useTranslation();
  const busy = useSignIn((s) => s.phase === 'signing-in');
  const [brokerUrl, setBrokerUrl] = useState('');
  const [username, setUsername] = useState('');
  const [secret, setSecret] = useState('');

  useEffect(() => {
    let live = true;
    void platform()
      .loadConnection()
      .then((saved) => {
        if (!live || !saved) return;
        setBrokerUrl((current) => current || saved.brokerUrl);
        setUsername((current) => current || saved.username);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void signInRemote(brokerUrl, username, secret);
  };

  return (
    <form className="sign-in-form" onSubmit={submit}>
      <label>
        {t('connect.brokerUrl')}
        <input
          data-testid="broker-url"
          type="url"
          placeholder={t('connect.brokerUrlPlaceholder')}
          pattern="wss?://.+"
          value={brokerUrl}
          onChange={(e) => setBrokerUrl(e.target.value)}
          required
        />
      </label>
      <label>
        {t('connect.username')}
        <input data-testid="remote-username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
      </label>
      <label>
        {t('connect.secret')}
        <input
          data-testid="remote-secret"
          type="password"
          autoComplete="current-password"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          required
        />
      </label>
      <button type="submit" className="primary" data-testid="sign-in" disabled={busy}>
        {busy ? t('connect.submitting') : t('connect.submit')}
      </button>
    </form>
  );
}
