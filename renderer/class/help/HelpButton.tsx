import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { HELP_TOPICS, type HelpRequest } from '../../../shared/protocol';
import { isOpen, useHelpRequest } from './helpStore';
import './help.css';

type Topic = HelpRequest['topic'];

export interface HelpSender {
  requestHelp(topic: Topic, text: string, name: string): string;
}

/**
 * The help button of a teacher's or student's class screen: what the problem is about and a few words, then a status
 * line that follows the request (sent, being fixed, waiting for a supervisor, a supervisor is on it) and says how it
 * ended (fixed automatically, resolved or closed by a supervisor).
 */
export function HelpButton({ sender, name }: { sender: HelpSender; name: string }) {
  const { t } = useTranslation();
  const current = useHelpRequest((s) => s.current);
  const [open, setOpen] = useState(false);
  const [topic, setTopic] = useState<Topic>('audio');
  const [text, setText] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    sender.requestHelp(topic, text, name);
    setOpen(false);
    setText('');
  };

  return (
    <div className="help" data-testid="help">
      <button type="button" data-testid="help-button" disabled={isOpen(current)} onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        {t('help.button')}
      </button>
      {current && (
        <span
          className={`help-status help-${current.stage}`}
          role="status"
          data-testid="help-status"
          data-stage={current.stage}
          data-outcome={current.outcome}
        >
          {current.stage === 'resolved' && current.outcome ? t(`help.ended.${current.outcome}`) : t(`help.stage.${current.stage}`)}
          {current.detail && <span className="muted"> ({current.detail})</span>}
        </span>
      )}
      {open && (
        <form className="help-form" data-testid="help-form" onSubmit={submit}>
          <label>
            {t('help.topic')}{' '}
            <select data-testid="help-topic" value={topic} onChange={(e) => setTopic(e.target.value as Topic)}>
              {HELP_TOPICS.map((value) => (
                <option key={value} value={value}>
                  {t(`help.topics.${value}`)}
                </option>
              ))}
            </select>
          </label>
          <input data-testid="help-text" value={text} maxLength={500} placeholder={t('help.placeholder')} onChange={(e) => setText(e.target.value)} />
          <button type="submit" data-testid="help-send">
            {t('help.send')}
          </button>
          <button type="button" className="ghost" onClick={() => setOpen(false)}>
            {t('help.cancel')}
          </button>
        </form>
      )}
    </div>
  );
}
