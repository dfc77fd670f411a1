import { useEffect } from 'react';
import { ConnectScreen } from './screens/ConnectScreen';
import { ConsoleScreen } from './screens/ConsoleScreen';
import { watchLocalBackend } from './session/signIn';
import { useSession } from './state/session';

export function App() {
  const phase = useSession((s) => s.phase);
  useEffect(() => watchLocalBackend(), []);
  return phase === 'signed-in' ? <ConsoleScreen /> : <ConnectScreen />;
}
