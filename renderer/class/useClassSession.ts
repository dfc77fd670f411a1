import { useEffect, useMemo } from 'react';
import { currentEndpoints, currentLink } from '../session/signIn';
import type { PersonRole } from '../link/messages';
import { ClassSession } from './ClassSession';

/** Opens the class for as long as the component using it is mounted (constructing a session has no side effects). */
export function useClassSession(classId: string, userId: string, role: PersonRole, observer: boolean): ClassSession | null {
  const session = useMemo(() => {
    const link = currentLink();
    if (!link) return null;
    return new ClassSession(link, classId, { userId, role, observer }, {
      httpBase: currentEndpoints()?.httpBase ?? '',
      token: () => currentEndpoints()?.token ?? '',
    });
  }, [classId, userId, role, observer]);
  useEffect(() => {
    if (!session) return;
    session.start();
    return () => session.stop();
  }, [session]);
  return session;
}
