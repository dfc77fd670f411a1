import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BoardArea } from '../class/BoardArea';
import { ChatPanel } from '../class/ChatPanel';
import { ClassControls } from '../class/ClassControls';
import { CoursePanel } from '../class/CoursePanel';
import { RosterPanel } from '../class/RosterPanel';
import { useClassroom } from '../class/store';
import { useOpenClass } from '../class/useOpenClass';
import { MediaStage } from '../media/ui/MediaStage';
import { Whispers } from '../class/Whispers';
import { HelpButton } from '../class/help/HelpButton';
import { useClasses } from '../state/classes';
import type { SessionUser } from '../session/ports';
import { backToClasses } from '../state/route';

interface ClassScreenProps {
  classId: string;
  observer: boolean;
  user: SessionUser;
}

export function ClassScreen({ classId, observer, user }: ClassScreenProps) {
  const { t } = useTranslation();
  const role = user.role ?? 'student';
  const openClass = useOpenClass(classId, user.id, role, observer);
  const title = useClasses((s) => s.byId.get(classId)?.title ?? classId);
  // Until the summary arrives, a teacher's own class is known to be theirs.
  const teacherId = useClasses((s) => s.byId.get(classId)?.teacher.id) ?? (role === 'teacher' ? user.id : '');
  const removedReason = useClassroom((s) => s.removedReason);
  const muteRequested = useClassroom((s) => s.muteRequested);
  const canSteer = role === 'teacher' && !observer;

  // A removed student sees why for a moment, then leaves the class.
  useEffect(() => {
    if (removedReason === null) return;
    const timer = setTimeout(backToClasses, 5_000);
    return () => clearTimeout(timer);
  }, [removedReason]);

  return (
    <div className="class-screen" data-testid="class-screen" data-class-id={classId} data-role={role} data-observer={observer}>
      <div className="class-bar">
        <button type="button" className="ghost" data-testid="class-back" onClick={backToClasses}>
          ← {t('classroom.back')}
        </button>
        <h2 className="class-title">{title}</h2>
        {observer && <span className="tag">{t('classroom.observing')}</span>}
        <ClassControls openClass={openClass} canSteer={canSteer} />
        {!observer && role !== 'supervisor' && <HelpButton sender={openClass} name={user.name} />}
      </div>
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
      <MediaStage openClass={openClass} userId={user.id} name={user.name} role={role} observer={observer} />
      <div className="class-body">
        <CoursePanel openClass={openClass} canSteer={canSteer} />
        <BoardArea openClass={openClass} teacherId={teacherId} />
        <aside className="class-side">
          <RosterPanel openClass={openClass} userId={user.id} canSteer={canSteer} />
          <ChatPanel openClass={openClass} userId={user.id} canModerate={canSteer} />
        </aside>
      </div>
    </div>
  );
}
