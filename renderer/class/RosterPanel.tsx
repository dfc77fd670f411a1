import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { removeFromClass, type Command, type CommandAck } from '../../shared/protocol';
import { useConnection } from '../state/connection';
import type { OpenClass } from './OpenClass';
import { handQueue, isBehind, type RosterEntry } from './classroom';
import { useClassroom } from './store';

/** The roster's label for each command it sends. */
const COMMAND_LABEL: Partial<Record<Command['action'], 'resync' | 'askMute' | 'askUnmute' | 'remove'>> = {
  'resync-board': 'resync',
  mute: 'askMute',
  unmute: 'askUnmute',
  remove: 'remove',
};

/** The last command sent to one participant, and its answer once it came. */
function CommandOutcome({ sent, acks }: { sent: { id: string; action: Command['action'] }; acks: CommandAck[] }) {
  const { t } = useTranslation();
  const ack = [...acks].reverse().find((a) => a.commandId === sent.id);
  const status = !ack ? 'pending' : ack.ok ? 'done' : 'failed';
  const action = t(`classroom.roster.${COMMAND_LABEL[sent.action] ?? 'resync'}`);
  const key = status === 'pending' ? 'commandPending' : status === 'done' ? 'commandDone' : 'commandFailed';
  return (
    <span className="muted" data-testid="roster-command" data-action={sent.action} data-status={status} title={ack?.detail || undefined}>
      {t(`classroom.roster.${key}`, { action, detail: ack?.detail ?? '' })}
    </span>
  );
}

interface RosterProps {
  openClass: OpenClass;
  userId: string;
  /** The teacher (or a supervisor who took over) steers the class. */
  canSteer: boolean;
}

export function RosterPanel({ openClass, userId, canSteer }: RosterProps) {
  const { t } = useTranslation();
  const roster = useClassroom((s) => s.roster);
  const room = useClassroom((s) => s.room);
  const rttMs = useConnection((s) => s.status.rttMs);
  const acks = useClassroom((s) => s.acks);
  const [sent, setSent] = useState<ReadonlyMap<string, { id: string; action: Command['action'] }>>(new Map());
  const send = (userId: string, action: Command['action']) => {
    const id = openClass.command(userId, action);
    setSent((before) => new Map(before).set(userId, { id, action }));
  };
  const people = [...roster.values()].sort((a, b) => a.role.localeCompare(b.role) || a.name.localeCompare(b.name));
  const teacherSync = people.find((p) => p.role === 'teacher')?.sync ?? null;
  const hands = handQueue(roster);
  const mine = roster.get(userId);

  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  const actions = (person: RosterEntry) => (
    <span className="roster-actions">
      <button type="button" className="small" data-testid="roster-grant" onClick={() => openClass.updateRoom((r) => ({ drawing: toggle(r.drawing, person.userId) }))}>
        {room?.drawing.includes(person.userId) ? t('classroom.roster.revoke') : t('classroom.roster.grant')}
      </button>
      <button
        type="button"
        className="small"
        data-testid="roster-star"
        onClick={() => openClass.updateRoom((r) => ({ stars: { ...r.stars, [person.userId]: (r.stars[person.userId] ?? 0) + 1 } }))}
      >
        {t('classroom.roster.star')}
      </button>
      <button type="button" className="small" data-testid="roster-chat-mute" onClick={() => openClass.updateRoom((r) => ({ chatMuted: toggle(r.chatMuted, person.userId) }))}>
        {room?.chatMuted.includes(person.userId) ? t('classroom.roster.chatUnmute') : t('classroom.roster.chatMute')}
      </button>
      <button type="button" className="small" data-testid="roster-ask-mute" onClick={() => send(person.userId, 'mute')}>
        {t('classroom.roster.askMute')}
      </button>
      <button type="button" className="small" data-testid="roster-ask-unmute" onClick={() => send(person.userId, 'unmute')}>
        {t('classroom.roster.askUnmute')}
      </button>
      <button type="button" className="small" data-testid="roster-resync" onClick={() => send(person.userId, 'resync-board')}>
        {t('classroom.roster.resync')}
      </button>
      <button
        type="button"
        className="small danger"
        data-testid="roster-remove"
        onClick={() => {
          openClass.updateRoom((r) => removeFromClass(r, person.userId));
          send(person.userId, 'remove');
        }}
      >
        {t('classroom.roster.remove')}
      </button>
    </span>
  );

  return (
    <section className="class-panel roster-panel" aria-label={t('classroom.roster.title')} data-testid="roster-panel">
      <header>
        <h3>{t('classroom.roster.title')}</h3>
        {!canSteer && !openClass.participant.observer && (
          <button type="button" className="small" data-testid="hand-toggle" onClick={() => openClass.raiseHand(!mine?.hand?.raised)}>
            {mine?.hand?.raised ? t('classroom.roster.lower') : t('classroom.roster.raise')}
          </button>
        )}
      </header>
      {hands.length > 0 && (
        <div className="hand-queue" data-testid="hand-queue">
          <h4>{t('classroom.roster.hands')}</h4>
          <ol>
            {hands.map((person) => (
              <li key={person.userId} data-testid="hand-entry" data-user-id={person.userId}>
                {person.name}
              </li>
            ))}
          </ol>
        </div>
      )}
      <ul className="roster">
        {people.map((person) => {
          const behind = person.role !== 'teacher' && isBehind(person, teacherSync);
          const stars = room?.stars[person.userId] ?? 0;
          return (
            <li key={person.userId} data-testid="roster-entry" data-user-id={person.userId} data-online={person.online} data-behind={behind}>
              <span className={`presence-dot ${person.online ? 'online' : 'offline'}`} title={person.online ? t('classroom.roster.online') : t('classroom.roster.offline')} />
              <span className="roster-name">{person.name}</span>
              <span className="muted">{t(`role.${person.role}`)}</span>
              {person.device && <span className="muted">{person.device}</span>}
              {person.appVersion && <span className="muted">v{person.appVersion}</span>}
              {person.userId === userId && rttMs !== null && <span className="muted">{t('classroom.roster.rtt', { ms: rttMs })}</span>}
              {person.sync && (
                <span className={behind ? 'sync behind' : 'sync'} data-testid="roster-sync">
                  {person.sync.pageId} · r{person.sync.revision} {behind ? t('classroom.roster.behind') : t('classroom.roster.inSync')}
                </span>
              )}
              {room?.drawing.includes(person.userId) && <span className="tag" data-testid="roster-drawing">{t('classroom.roster.drawing')}</span>}
              {stars > 0 && <span data-testid="roster-stars">★ {stars}</span>}
              {canSteer && sent.has(person.userId) && <CommandOutcome sent={sent.get(person.userId)!} acks={acks} />}
              {canSteer && person.role === 'student' && actions(person)}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
