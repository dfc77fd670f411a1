import { useEffect, useMemo } from 'react';
import type { OpenClass } from '../class/OpenClass';
import type { PersonRole } from '../link/messages';
import { MediaCall } from './MediaCall';

/** The open class's call, on the class's channel, open for as long as the component using it is mounted. */
export function useMediaCall(openClass: OpenClass, userId: string, role: PersonRole, observer: boolean): MediaCall {
  // Constructing has no side effects: the call opens when the effect runs.
  const call = useMemo(
    () => new MediaCall({ channel: openClass.channel, userId, role, observer, telemetry: (events) => openClass.sendTelemetry(events) }),
    [openClass, userId, role, observer],
  );
  useEffect(() => {
    call.open();
    openClass.attachMedia(call);
    return () => {
      openClass.attachMedia(null);
      call.close();
    };
  }, [call, openClass]);
  return call;
}
