import { useEffect, useMemo } from 'react';
import type { ClassSession } from '../class/ClassSession';
import type { PersonRole } from '../link/messages';
import { currentLink } from '../session/signIn';
import { MediaSession } from './MediaSession';

/** The open class's MediaSession, open for as long as the component using it is mounted (constructing has no effects). */
export function useMediaSession(session: ClassSession, userId: string, role: PersonRole, observer: boolean): MediaSession | null {
  const media = useMemo(() => {
    const link = currentLink();
    if (!link) return null;
    return new MediaSession({ link, classId: session.classId, userId, role, observer, telemetry: (events) => session.sendTelemetry(events) });
  }, [session, userId, role, observer]);
  useEffect(() => {
    if (!media) return;
    media.open();
    session.attachMedia(media);
    return () => {
      session.attachMedia(null);
      media.close();
    };
  }, [media, session]);
  return media;
}
