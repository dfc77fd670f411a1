import { useEffect, useMemo } from 'react';
import type { PersonRole } from '../link/messages';
import { useSession } from '../session/SessionContext';
import { APP_VERSION } from './appVersion';
import { OpenClass, describeDevice } from './OpenClass';

/** Opens the class, with a channel from the Session, for as long as the component using it is mounted. */
export function useOpenClass(classId: string, userId: string, role: PersonRole, observer: boolean): OpenClass {
  const session = useSession();
  // Constructing has no side effects: the class is joined when the effect starts it.
  const openClass = useMemo(() => {
    const device = describeDevice();
    const channel = session.classChannel(classId, { observer, device, appVersion: APP_VERSION });
    return new OpenClass(channel, { userId, role, observer }, session.endpoints, device);
  }, [session, classId, userId, role, observer]);
  useEffect(() => {
    openClass.start();
    return () => openClass.stop();
  }, [openClass]);
  return openClass;
}
