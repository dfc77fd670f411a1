import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useSession } from '../session/SessionContext';
import { useClasses } from '../state/classes';
import type { OpenClass } from './OpenClass';
import { useClassroom } from './store';

const COUNTDOWN_MS = 5 * 60_000;

function clock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

interface ClassControlsProps {
  openClass: OpenClass;
  /** The teacher (or a supervisor who took over) steers the class: its countdown. */
  canSteer: boolean;
  /** The class's own teacher starts and ends it. */
  canControl: boolean;
}

/**
 * Start and end the class, its timer and a countdown. Everyone sees them. Ending asks first; once the class has
 * ended, its timer stops at the end and the countdown is gone.
 */
export function ClassControls({ openClass, canSteer, canControl }: ClassControlsProps) {
  const { t } = useTranslation();
  const session = useSession();
  const room = useClassroom((s) => s.room);
  const state = useClasses((s) => s.byId.get(openClass.classId)?.state ?? 'scheduled');
  const endedAt = useClasses((s) => s.byId.get(openClass.classId)?.endedAt ?? null);
  const title = useClasses((s) => s.byId.get(openClass.classId)?.title ?? openClass.classId);
  const [confirming, setConfirming] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const ended = state === 'ended';
  useEffect(() => {
    if (ended) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [ended]);
  const start = () => {
    session.controlClass(openClass.classId, 'start');
    openClass.updateRoom(() => ({ startedAt: Date.now() }));
  };
  const elapsedUntil = ended ? endedAt : now;
  return (
    <div className="class-controls" data-testid="class-controls" data-state={state}>
      {room?.startedAt != null && elapsedUntil !== null && (
        <span data-testid="class-timer">{t('classroom.elapsed', { time: clock(elapsedUntil - room.startedAt) })}</span>
      )}
      {!ended && room?.countdownEndsAt != null && <span data-testid="class-countdown">{t('classroom.countdown', { time: clock(room.countdownEndsAt - now) })}</span>}
      {canControl && state === 'scheduled' && (
        <button type="button" className="small start" data-testid="class-start" onClick={start}>
          {t('classroom.start')}
        </button>
      )}
      {canControl && state === 'live' && (
        <button type="button" className="small end" data-testid="class-end" onClick={() => setConfirming(true)}>
          {t('classroom.end')}
        </button>
      )}
      {canSteer && !ended && (
        <button
          type="button"
          className="small"
          data-testid="countdown-toggle"
          onClick={() => openClass.updateRoom((r) => ({ countdownEndsAt: r.countdownEndsAt ? null : Date.now() + COUNTDOWN_MS }))}
        >
          {room?.countdownEndsAt ? t('classroom.countdownClear') : t('classroom.countdownStart')}
        </button>
      )}
      {confirming && state === 'live' && (
        <ConfirmDialog
          testId="end-class-dialog"
          danger
          title={t('classroom.endConfirm.title', { title })}
          body={t('classroom.endConfirm.body')}
          confirmLabel={t('classroom.endConfirm.confirm')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            session.controlClass(openClass.classId, 'end');
          }}
        />
      )}
    </div>
  );
}
