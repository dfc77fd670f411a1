import { useEffect, useState } from 'react';
import { ConnectScreen } from './screens/ConnectScreen';
import { ConsoleScreen } from './screens/ConsoleScreen';
import { onSessionChange, watchLocalBackend } from './session/signIn';
import { SessionContext } from './session/SessionContext';
import type { Session } from './session/Session';
import { startDesktopUpdates } from './updates/updateStore';

export function App() {
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => watchLocalBackend(), []);
  useEffect(() => onSessionChange(setSession), []);
  useEffect(() => startDesktopUpdates(), []);
  if (!session) return <ConnectScreen />;
  return (
    <SessionContext.Provider value={session}>
      <ConsoleScreen />
    </SessionContext.Provider>
  );
}
