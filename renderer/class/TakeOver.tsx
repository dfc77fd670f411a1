import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useSession } from '../session/SessionContext';
import { whisper } from '../supervise/help/whispers';
import type { OpenClass } from './OpenClass';

interface TakeOverProps {
  openClass: OpenClass;
  /** The room grants this supervisor drawing: they have taken over. */
  takingPart: boolean;
  teacherId: string;
}

/**
 * An observing supervisor's way to speak up: "Take over" (asked first) grants them drawing through the room, which
 * lets them draw, chat and steer, and whispers the teacher that they did; "Back to observing" hands back.
 */
export function TakeOver({ openClass, takingPart, teacherId }: TakeOverProps) {
  const { t } = useTranslation();
  const { user, supervisor } = useSession();
  const [asking, setAsking] = useState(false);
  const tell = (text: string) => {
    if (supervisor && teacherId) whisper(supervisor, openClass.classId, teacherId, text, { id: user.id, name: user.name });
  };
  const handBack = () => {
    openClass.takeOver(false);
    tell(t('classroom.takeOver.whisperBack', { name: user.name }));
  };
  return (
    <span className="take-over" data-testid="take-over" data-taking-part={takingPart}>
      <span className="tag">{takingPart ? t('classroom.takeOver.taking') : t('classroom.observing')}</span>
      {takingPart ? (
        <button type="button" className="small" data-testid="hand-back" onClick={handBack}>
          {t('classroom.takeOver.handBack')}
        </button>
      ) : (
        <button type="button" className="small" data-testid="take-over-button" onClick={() => setAsking(true)}>
          {t('classroom.takeOver.button')}
        </button>
      )}
      {asking && (
        <ConfirmDialog
          testId="take-over-dialog"
          title={t('classroom.takeOver.title')}
          body={t('classroom.takeOver.body')}
          confirmLabel={t('classroom.takeOver.confirm')}
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            openClass.takeOver(true);
            tell(t('classroom.takeOver.whisper', { name: user.name }));
          }}
        />
      )}
    </span>
  );
}
