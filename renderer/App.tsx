import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectScreen } from './screens/ConnectScreen';
import { onSessionChange, watchLocalBackend } from './session/signIn';
import { SessionContext } from './session/SessionContext';
import type { Session } from './session/Session';
import type { ConsoleScreen as ConsoleScreenType } from './screens/ConsoleScreen';
import { startDesktopUpdates } from './updates/updateStore';

// The console's screens (class, supervision, releases, replay) are most of the code: the connect screen shows without
// them, and they load while it is up, so they are in by the time a sign-in completes. The module is held in state
// rather than behind React.lazy: a lazy component suspends on its first render even when its module is in, and React
// holds back what a Suspense boundary reveals by up to 300 ms (it measured as that much on every sign-in).
type ConsoleModule = { ConsoleScreen: typeof ConsoleScreenType };
const loadConsole = () => import('./screens/ConsoleScreen');

export function App() {
  const [session, setSession] = useState<Session | null>(null);
  const [consoleModule, setConsoleModule] = useState<ConsoleModule | null>(null);
  const [loadFailure, setLoadFailure] = useState<string | null>(null);
  useEffect(() => watchLocalBackend(), []);
  useEffect(() => onSessionChange(setSession), []);
  useEffect(() => startDesktopUpdates(), []);
  useEffect(() => {
    let current = true;
    loadConsole().then(
      (module) => current && setConsoleModule(module),
      (error: unknown) => current && setLoadFailure(String(error)),
    );
    return () => {
      current = false;
    };
  }, []);
  if (!session) return <ConnectScreen />;
  if (!consoleModule) return loadFailure ? <ConsoleLoadFailed detail={loadFailure} /> : <main className="connect" aria-busy="true" />;
  const { ConsoleScreen } = consoleModule;
  return (
    <SessionContext.Provider value={session}>
      <ConsoleScreen />
    </SessionContext.Provider>
  );
}

function ConsoleLoadFailed({ detail }: { detail: string }) {
  const { t } = useTranslation();
  return (
    <main className="connect">
      <p role="alert" data-testid="console-load-failed">
        {t('app.loadFailed', { detail })}
      </p>
      <button type="button" onClick={() => location.reload()}>
        {t('app.reload')}
      </button>
    </main>
  );
}
