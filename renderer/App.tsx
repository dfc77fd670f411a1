import { lazy, Suspense, useEffect, useState } from 'react';
import { ConnectScreen } from './screens/ConnectScreen';
import { onSessionChange, watchLocalBackend } from './session/signIn';
import { SessionContext } from './session/SessionContext';
import type { Session } from './session/Session';
import { startDesktopUpdates } from './updates/updateStore';

// The console's screens (class, supervision, releases, replay) are most of the code: the connect screen shows without
// them, and they load while it is up, so they are in by the time a sign-in completes.
const loadConsole = () => import('./screens/ConsoleScreen');
const ConsoleScreen = lazy(() => loadConsole().then((module) => ({ default: module.ConsoleScreen })));

export function App() {
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => watchLocalBackend(), []);
  useEffect(() => onSessionChange(setSession), []);
  useEffect(() => startDesktopUpdates(), []);
  useEffect(() => void loadConsole(), []);
  if (!session) return <ConnectScreen />;
  return (
    <SessionContext.Provider value={session}>
      <Suspense fallback={<main className="connect" aria-busy="true" />}>
        <ConsoleScreen />
      </Suspense>
    </SessionContext.Provider>
  );
}
