import { createContext, useContext } from 'react';
import type { SupervisorPort } from './ports';
import type { Session } from './Session';

/** The signed-in Session, for everything below the console screen; the one way React reaches it. */
export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() needs a signed-in Session above it (SessionContext)');
  return session;
}

/** The supervisor port of the signed-in Session; only supervisors' screens use it. */
export function useSupervisor(): SupervisorPort {
  const supervisor = useSession().supervisor;
  if (!supervisor) throw new Error('this screen is for supervisors');
  return supervisor;
}
