import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Whisper } from '../../shared/protocol';
import type { ClassChannel } from '../link/channel';
import './whispers.css';

const MAX_SHOWN = 3;

/**
 * A supervisor's private messages to this participant. The link subscribes only this user's whisper topic, so
 * nobody else in the class receives them; they are shown as text until dismissed.
 */
export function Whispers({ channel }: { channel: ClassChannel }) {
  const { t } = useTranslation();
  const [whispers, setWhispers] = useState<Whisper[]>([]);
  useEffect(
    () =>
      channel.listen(['whisper'], (messages) => {
        const arrived = messages.map((m) => m.message);
        setWhispers((before) => [...before.filter((w) => !arrived.some((a) => a.id === w.id)), ...arrived].slice(-MAX_SHOWN));
      }),
    [channel],
  );
  if (whispers.length === 0) return null;
  return (
    <div className="whispers" data-testid="whispers">
      {whispers.map((w) => (
        <p key={w.id} className="banner whisper" role="status" data-testid="whisper" data-whisper-id={w.id}>
          <strong>{t('supervise.whisper.incoming')}</strong> <span data-testid="whisper-text">{w.text}</span>{' '}
          <span className="muted small">{t('supervise.whisper.from', { name: w.from.name })}</span>{' '}
          <button type="button" className="ghost small" data-testid="whisper-dismiss" onClick={() => setWhispers((before) => before.filter((x) => x.id !== w.id))}>
            {t('supervise.whisper.dismiss')}
          </button>
        </p>
      ))}
    </div>
  );
}
