import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BoardArea } from '../class/BoardArea';
import { ChatPanel } from '../class/ChatPanel';
import { ClassControls } from '../class/ClassControls';
import { CoursePanel } from '../class/CoursePanel';
import { EndedBanner } from '../class/EndedBanner';
import { RosterPanel } from '../class/RosterPanel';
import { TakeOver } from '../class/TakeOver';
import { useClassroom } from '../class/store';
import { useOpenClass } from '../class/useOpenClass';
import { MediaStage } from '../media/ui/MediaStage';
import { Whispers } from '../class/Whispers';
import { HelpButton } from '../class/help/HelpButton';
import { RecordingControl } from '../replay/RecordingControl';
import { Polls } from '../class/polls/Polls';
import { BreakoutButton, BreakoutStrip, useBreakoutDesk } from '../class/breakouts/Breakouts';
import { useClasses } from '../state/classes';
import { useSession } from '../session/SessionContext';
import type { SessionUser } from '../session/ports';
import { backToClasses } from '../state/route';
import { FoldButton, FoldSection } from '../class/layout/Fold';
import { useFolded } from '../class/layout/folds';
import { PageStrip } from '../class/layout/PageStrip';
import { ShortcutsButton, ShortcutsHelp } from '../class/shortcuts/ShortcutsHelp';
import '../class/layout/layout.css';

interface ClassScreenProps {
  /** The room: the class, or one of its breakout groups (`<classId>~<key>`). */
  classId: string;
  /** The class itself (its summary, teacher and state); the same as `classId` outside a group. */
  homeClassId?: string;
  /** The breakout group's name, inside a group. */
  groupName?: string | null;
  observer: boolean;
  user: SessionUser;
}

export function ClassScreen({ classId, homeClassId = classId, groupName = null, observer, user }: ClassScreenProps) {
  const { t } = useTranslation();
  const session = useSession();
  const role = user.role ?? 'student';
  const openClass = useOpenClass(classId, user.id, role, observer);
  const inGroup = homeClassId !== classId;
  const classTitle = useClasses((s) => s.byId.get(homeClassId)?.title ?? homeClassId);
  const title = inGroup && groupName ? `${classTitle} · ${groupName}` : classTitle;
  // Until the summary arrives, a teacher's own class is known to be theirs.
  const teacherId = useClasses((s) => s.byId.get(homeClassId)?.teacher.id) ?? (role === 'teacher' ? user.id : '');
  const teacherName = useClasses((s) => s.byId.get(homeClassId)?.teacher.name) ?? '';
  const ended = useClasses((s) => s.byId.get(homeClassId)?.state === 'ended');
  const removedReason = useClassroom((s) => s.removedReason);
  const muteRequested = useClassroom((s) => s.muteRequested);
  // An observing supervisor takes over through the room's drawing grant (class/TakeOver.tsx).
  const takingPart = useClassroom((s) => observer && (s.room?.drawing.includes(user.id) ?? false));
  const canSteer = (role === 'teacher' && !observer) || takingPart;
  const breakouts = useBreakoutDesk(openClass, homeClassId);
  // The class's teacher runs breakout groups; an observing supervisor (or a teacher) looks at them and visits.
  const steersGroups = role === 'teacher' && !observer && !ended;
  const overseesGroups = role !== 'student' || observer;
  const courseFolded = useFolded('course');
  const sideFolded = useFolded('side');
  const leave = () => {
    if (takingPart) openClass.takeOver(false);
    backToClasses();
  };

  // A removed student sees why for a moment, then leaves the class.
  useEffect(() => {
    if (removedReason === null) return;
    const timer = setTimeout(backToClasses, 5_000);
    return () => clearTimeout(timer);
  }, [removedReason]);

  return (
    <div className="class-screen" data-testid="class-screen" data-class-id={classId} data-home-class-id={homeClassId} data-role={role} data-observer={observer}>
      <div className="class-bar">
        <button type="button" className="ghost" data-testid="class-back" onClick={leave}>
          ← {t('classroom.back')}
        </button>
        <h2 className="class-title">{title}</h2>
        {observer && !inGroup && <TakeOver openClass={openClass} takingPart={takingPart} teacherId={teacherId} />}
        {!inGroup && <ClassControls openClass={openClass} canSteer={canSteer} canControl={role === 'teacher' && !observer} />}
        {!inGroup && overseesGroups && <BreakoutButton desk={breakouts} openClass={openClass} steer={steersGroups} />}
        {!inGroup && <RecordingControl channel={openClass.channel} canRecord={role === 'teacher' && !observer && !ended} />}
        {!observer && !inGroup && role !== 'supervisor' && <HelpButton sender={openClass} name={user.name} />}
        <ShortcutsButton />
      </div>
      <EndedBanner classId={homeClassId} canReopen={role === 'teacher' && !observer} onReopen={() => session.controlClass(homeClassId, 'start')} />
      {removedReason !== null && (
        <p className="banner error" role="alert" data-testid="class-removed">
          {t('classroom.removed')} {removedReason && t('classroom.removedReason', { reason: removedReason })}
        </p>
      )}
      {!observer && <Whispers channel={openClass.channel} />}
      {muteRequested !== null && (
        <p className="banner" role="status" data-testid="mute-request">
          {muteRequested ? t('classroom.muteAsked') : t('classroom.unmuteAsked')}
        </p>
      )}
      <div className="breakouts-strip" data-testid="breakouts-strip">
        <BreakoutStrip desk={breakouts} roomId={classId} userId={user.id} steer={steersGroups} oversee={overseesGroups} />
      </div>
      {!inGroup && <Polls openClass={openClass} canSteer={canSteer} answers={role === 'student' && !observer} />}
      <div className="class-body" data-testid="class-body">
        <div className="class-column course-column" data-folded={courseFolded} data-testid="course-column">
          <FoldButton panel="course" edge="left" />
          {courseFolded && <PageStrip openClass={openClass} canSteer={canSteer} />}
          <div className="column-body" hidden={courseFolded}>
            <CoursePanel openClass={openClass} canSteer={canSteer} />
          </div>
        </div>
        <BoardArea openClass={openClass} teacherId={teacherId} readOnly={ended} canTurnPages={canSteer} />
        <aside className="class-column class-side" data-folded={sideFolded} data-testid="side-column">
          <FoldButton panel="side" edge="right" />
          <div className="column-body" hidden={sideFolded}>
            <FoldSection panel="video" titled>
              <MediaStage openClass={openClass} userId={user.id} name={user.name} role={role} observer={observer} />
            </FoldSection>
            <FoldSection panel="roster">
              <RosterPanel openClass={openClass} userId={user.id} canSteer={canSteer} ended={ended} />
            </FoldSection>
            <FoldSection panel="chat">
              <ChatPanel
                openClass={openClass}
                userId={user.id}
                canModerate={canSteer}
                observing={observer && !takingPart}
                ended={ended}
                teacher={teacherId ? { id: teacherId, name: teacherName } : null}
              />
            </FoldSection>
          </div>
        </aside>
      </div>
      <ShortcutsHelp />
    </div>
  );
}
