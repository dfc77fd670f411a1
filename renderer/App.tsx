import { useEffect } from 'react';
import { ConnectScreen } from './screens/ConnectScreen';
import { ConsoleScreen } from './screens/ConsoleScreen';
import { discoverLocalBackend } from './session/signIn';
import { useSession } from './state/session';

export function App() {
  const phase = useSession((s) => s.phase);
  useEffect(() => {
    void discoverLocalBackend();
  }, []);
  return phase === 'signed-in' ? <ConsoleScreen /> : <ConnectScreen />;
}
