import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/SessionContext';
import { useClasses } from '../state/classes';
import type { OpenClass } from './OpenClass';
import { useClassroom } from './store';

const COUNTDOWN_MS = 5 * 60_000;

function clock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Start and end the class, its timer and a countdown. Only the teacher controls them; everyone sees them. */
export function ClassControls({ openClass, canSteer }: { openClass: OpenClass; canSteer: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const room = useClassroom((s) => s.room);
  const state = useClasses((s) => s.byId.get(openClass.classId)?.state ?? 'scheduled');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const start = () => {
    session.controlClass(openClass.classId, 'start');
    openClass.updateRoom(() => ({ startedAt: Date.now() }));
  };
  return (
    <div className="class-controls" data-testid="class-controls" data-state={state}>
      {room?.startedAt != null && <span data-testid="class-timer">{t('classroom.elapsed', { time: clock(now - room.startedAt) })}</span>}
      {room?.countdownEndsAt != null && <span data-testid="class-countdown">{t('classroom.countdown', { time: clock(room.countdownEndsAt - now) })}</span>}
      {canSteer && state === 'scheduled' && (
        <button type="button" className="small start" data-testid="class-start" onClick={start}>
          {t('classroom.start')}
        </button>
      )}
      {canSteer && state === 'live' && (
        <button type="button" className="small end" data-testid="class-end" onClick={() => session.controlClass(openClass.classId, 'end')}>
          {t('classroom.end')}
        </button>
      )}
      {canSteer && (
        <button
          type="button"
          className="small"
          data-testid="countdown-toggle"
          onClick={() => openClass.updateRoom((r) => ({ countdownEndsAt: r.countdownEndsAt ? null : Date.now() + COUNTDOWN_MS }))}
        >
          {room?.countdownEndsAt ? t('classroom.countdownClear') : t('classroom.countdownStart')}
        </button>
      )}
    </div>
  );
}
