import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/SessionContext';
import { useWhispers, whisper } from './whispers';

/** A private message to the class's teacher: nobody else in the class sees it. */
export function WhisperBox({ classId, teacherId, teacherName }: { classId: string; teacherId: string; teacherName: string }) {
  const { t } = useTranslation();
  const { user, supervisor } = useSession();
  const sent = useWhispers((s) => s.sent);
  const [text, setText] = useState('');
  const mine = sent.filter((w) => w.classId === classId && w.to === teacherId).slice(-5);
  const send = () => {
    if (supervisor && whisper(supervisor, classId, teacherId, text, { id: user.id, name: user.name })) setText('');
  };
  return (
    <div className="whisper-box" data-testid="whisper-box">
      <label>
        <span>{t('supervise.whisper.label', { name: teacherName || teacherId })}</span>
        <textarea
          data-testid="whisper-text"
          rows={2}
          maxLength={500}
          value={text}
          placeholder={t('supervise.whisper.placeholder')}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <button type="button" data-testid="whisper-send" disabled={!text.trim() || !supervisor} onClick={send}>
        {t('supervise.whisper.send')}
      </button>
      <ol className="whisper-list">
        {mine.map((w) => (
          <li key={w.outboxId} data-testid="whisper-sent" data-delivered={w.delivered}>
            {w.text} <span className="muted small">{w.delivered ? t('supervise.whisper.delivered') : t('supervise.whisper.sending')}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
