import { useTranslation } from 'react-i18next';
import { setMode, useSignIn } from '../state/signIn';
import { LocalSignIn } from '../components/LocalSignIn';
import { RemoteSignIn } from '../components/RemoteSignIn';
import { SignInError } from '../components/SignInError';
import { Preferences } from '../preferences/Preferences';

export function ConnectScreen() {
  const { t } = useTranslation();
  const mode = useSignIn((s) => s.mode);
  const localStatus = useSignIn((s) => s.local.status);
  return (
    <main className="connect" data-testid="connect-screen">
      <section className="connect-card">
        <header className="connect-brand">
          <h1>{t('app.name')}</h1>
          <p>{t('app.tagline')}</p>
        </header>
        <h2>{t('connect.title')}</h2>
        <div className="segmented" role="radiogroup" aria-label={t('connect.modeLabel')}>
          <button
            type="button"
            role="radio"
            aria-checked={mode === 'local'}
            data-testid="mode-local"
            disabled={localStatus === 'absent'}
            onClick={() => setMode('local')}
          >
            {t('connect.modeLocal')}
          </button>
          <button type="button" role="radio" aria-checked={mode === 'remote'} data-testid="mode-remote" onClick={() => setMode('remote')}>
            {t('connect.modeRemote')}
          </button>
        </div>
        {mode === 'local' ? <LocalSignIn /> : <RemoteSignIn />}
        <SignInError />
      </section>
      <Preferences />
    </main>
  );
}
