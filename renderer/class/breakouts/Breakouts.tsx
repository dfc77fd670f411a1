import { useEffect, useMemo, useState } from 'react';
import { groupOfStudent } from '../../../shared/protocol';
import type { OpenClass } from '../OpenClass';
import { BreakoutDesk } from './breakoutDesk';
import { TimerButtons, BreakoutPanel, RoundHeading } from './BreakoutPanel';
import { useBreakouts, visit } from './breakoutStore';
import { breakoutErrorText } from './errorText';
import { useBreakoutsTranslation } from './strings';
import './breakouts.css';

/** The breakout desk of an open room (the class or one of its groups), following the class's groups while mounted. */
export function useBreakoutDesk(openClass: OpenClass, classId: string): BreakoutDesk {
  const desk = useMemo(() => new BreakoutDesk(openClass.channel, classId), [openClass, classId]);
  useEffect(() => desk.attach(), [desk]);
  return desk;
}

/**
 * The class bar's "Breakout groups" button and panel, in the class itself: the teacher runs rounds there, an observing
 * supervisor looks at the groups and visits them.
 */
export function BreakoutButton({ desk, openClass, steer }: { desk: BreakoutDesk; openClass: OpenClass; steer: boolean }) {
  return (
    <span className="breakouts-anchor">
      <OverseePanel desk={desk} openClass={openClass} steer={steer} />
    </span>
  );
}

export interface BreakoutStripProps {
  desk: BreakoutDesk;
  /** The open room's class id: the class's, or a group's. */
  roomId: string;
  userId: string;
  steer: boolean;
  /** Teachers and supervisors visit groups; students are placed in them. */
  oversee: boolean;
}

/**
 * Above the board: inside a group, the group's bar (its name, the time left, the teacher's broadcast and, for a
 * visitor, the way back); in the class, a student's choice of group when the round lets students choose.
 */
export function BreakoutStrip({ desk, roomId, userId, steer, oversee }: BreakoutStripProps) {
  if (roomId !== desk.classId) return <GroupBar desk={desk} groupClassId={roomId} steer={steer} visitor={oversee} />;
  return oversee ? null : <ChooseGroup desk={desk} userId={userId} />;
}

function OverseePanel({ desk, openClass, steer }: { desk: BreakoutDesk; openClass: OpenClass; steer: boolean }) {
  const { t } = useBreakoutsTranslation();
  const [open, setOpen] = useState(false);
  const running = useBreakouts((s) => s.round?.state === 'running');
  return (
    <>
      <button type="button" className="ghost small" data-testid="breakouts-toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('open')}
        {running && ' •'}
      </button>
      {open && (
        <section className="breakouts-panel" data-testid="breakouts-panel" aria-label={t('panelTitle')}>
          <header className="breakouts-panel-head">
            <strong>{t('panelTitle')}</strong>
            <button type="button" className="ghost small" data-testid="breakouts-panel-close" onClick={() => setOpen(false)}>
              {t('close')}
            </button>
          </header>
          <BreakoutPanel desk={desk} channel={openClass.channel} steer={steer} />
        </section>
      )}
    </>
  );
}

/** A student in the class while a round lets students choose, and they have not: the groups to join. */
function ChooseGroup({ desk, userId }: { desk: BreakoutDesk; userId: string }) {
  const { t } = useBreakoutsTranslation();
  const round = useBreakouts((s) => s.round);
  const error = useBreakouts((s) => s.error);
  if (round?.state !== 'running' || round.mode !== 'choose' || groupOfStudent(round, userId)) return null;
  return (
    <section className="breakout-choose" data-testid="breakout-choose" aria-label={t('choose.title')}>
      <strong>{t('choose.title')}</strong>
      {round.groups.map((g) => (
        <button key={g.key} type="button" className="small" data-testid="breakout-choose-group" data-group={g.key} onClick={() => void desk.choose(g.key)}>
          {t('choose.join', { name: g.name })} ({t('members', { count: g.members.length })})
        </button>
      ))}
      {error && <span role="alert">{breakoutErrorText(t, error)}</span>}
    </section>
  );
}

/** Inside a group: its name, the time left, the teacher's broadcast; a visitor's way back; the teacher's controls. */
function GroupBar({ desk, groupClassId, steer, visitor }: { desk: BreakoutDesk; groupClassId: string; steer: boolean; visitor: boolean }) {
  const { t } = useBreakoutsTranslation();
  const round = useBreakouts((s) => s.round);
  const group = round?.groups.find((g) => g.classId === groupClassId);
  return (
    <section className="breakout-bar" data-testid="breakout-bar" data-group={group?.key ?? ''} aria-label={t('inGroup', { name: group?.name ?? '' })}>
      <strong data-testid="breakout-bar-name">{t('inGroup', { name: group?.name ?? '' })}</strong>
      {round && <RoundHeading round={round} />}
      {steer && round?.state === 'running' && <TimerButtons desk={desk} />}
      {round?.broadcast && round.state === 'running' && (
        <span className="breakout-broadcast-last" role="status" data-testid="breakout-broadcast-shown">
          {t('from')} {round.broadcast.text}
        </span>
      )}
      {visitor && (
        <button type="button" className="small" data-testid="breakout-back" onClick={() => visit(null)}>
          ← {t('backToClass')}
        </button>
      )}
      {steer && round?.state === 'running' && (
        <button type="button" className="danger small" data-testid="breakout-end" onClick={() => void desk.end()}>
          {t('bringBack')}
        </button>
      )}
    </section>
  );
}
