import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WhisperBox } from '../supervise/help/WhisperBox';
import type { OpenClass } from './OpenClass';
import { useClassroom } from './store';
import './classroom.css';

interface ChatPanelProps {
  openClass: OpenClass;
  userId: string;
  canModerate: boolean;
  /** A supervisor observing silently: they read the chat and may whisper to the teacher, nothing more. */
  observing: boolean;
  /** The class has ended: chat is closed. */
  ended: boolean;
  teacher: { id: string; name: string } | null;
}

/** What stands where the message box would be, when there is none. */
function NoComposer({ classId, observing, ended, teacher }: Pick<ChatPanelProps, 'observing' | 'ended' | 'teacher'> & { classId: string }) {
  const { t } = useTranslation();
  if (observing) {
    return (
      <div className="chat-observing" data-testid="chat-observing">
        <p>
          <strong>{t('classroom.chat.observing')}</strong> {t('classroom.chat.whisperHint')}
        </p>
        {teacher && <WhisperBox classId={classId} teacherId={teacher.id} teacherName={teacher.name} />}
      </div>
    );
  }
  return (
    <p className="muted" data-testid={ended ? 'chat-closed' : 'chat-muted'}>
      {ended ? t('classroom.chat.closed') : t('classroom.chat.muted')}
    </p>
  );
}

export function ChatPanel({ openClass, userId, canModerate, observing, ended, teacher }: ChatPanelProps) {
  const { t } = useTranslation();
  const chat = useClassroom((s) => s.chat);
  const outgoing = useClassroom((s) => s.outgoing);
  const room = useClassroom((s) => s.room);
  const [text, setText] = useState('');
  const muted = !!room && (room.chatMutedAll || room.chatMuted.includes(userId)) && !canModerate;
  const outcomes = outgoing.filter((entry) => entry.status !== 'delivered');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const message = text.trim();
    if (!message) return;
    setText('');
    const outcome = await openClass.sendChat(message);
    // Nothing was delivered: the text goes back into the box so the sender can retry.
    if (outcome.status === 'unavailable') setText((current) => current || message);
  };

  const reasonText = (reason: string) => t(`classroom.chat.reason.${reason}`, { defaultValue: reason });
  return (
    <section className="class-panel chat-panel" aria-label={t('classroom.chat.title')} data-testid="chat-panel">
      <header>
        <h3>{t('classroom.chat.title')}</h3>
        {canModerate && !ended && (
          <button
            type="button"
            className="small"
            data-testid="chat-mute-all"
            onClick={() => openClass.updateRoom((r) => ({ chatMutedAll: !r.chatMutedAll }))}
          >
            {room?.chatMutedAll ? t('classroom.chat.unmuteAll') : t('classroom.chat.muteAll')}
          </button>
        )}
      </header>
      <ol className="chat-log" data-testid="chat-log">
        {chat.map((entry) => (
          <li key={entry.id} data-testid="chat-message" data-from={entry.fromId} data-moderation={entry.moderation}>
            <strong>{entry.fromName}</strong> <span data-testid="chat-text">{entry.text}</span>
          </li>
        ))}
      </ol>
      <ol className="chat-outgoing">
        {outcomes.map((entry) => (
            <li key={entry.id} data-testid="chat-outcome" data-status={entry.status}>
              <span className="muted">{entry.text}</span>{' '}
              {entry.status === 'sending' && t('classroom.chat.sending')}
              {entry.status === 'replaced' && t('classroom.chat.replaced', { reason: reasonText(entry.reason || 'sensitive-word') })}
              {entry.status === 'rejected' && t('classroom.chat.rejected', { reason: reasonText(entry.reason) })}
              {entry.status === 'unavailable' && <span data-testid="moderation-unavailable">{t('classroom.chat.unavailable')}</span>}
            </li>
          ))}
      </ol>
      {muted || observing || ended ? (
        <NoComposer classId={openClass.classId} observing={observing} ended={ended} teacher={teacher} />
      ) : (
        <form className="chat-composer" onSubmit={(event) => void submit(event)}>
          <input
            data-testid="chat-input"
            maxLength={500}
            placeholder={t('classroom.chat.placeholder')}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <button type="submit" data-testid="chat-send">
            {t('classroom.chat.send')}
          </button>
        </form>
      )}
    </section>
  );
}
