import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowBack, removeFromClass, type Command, type Room } from '../../shared/protocol';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useMedia } from '../media/store';
import { useConnection } from '../state/connection';
import type { OpenClass } from './OpenClass';
import { handQueue, isBehind, type RosterEntry } from './classroom';
import { RemovedList } from './RemovedList';
import type { MenuAction } from './RosterMenu';
import { RosterRow, type SentCommand } from './RosterRow';
import { connectionWord, syncWords } from './rosterWords';
import { useClassroom } from './store';
import './roster.css';

interface RosterProps {
  openClass: OpenClass;
  userId: string;
  /** The teacher (or a supervisor who took over) steers the class. */
  canSteer: boolean;
  /** The class has ended: hands stay down. */
  ended: boolean;
}

const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

/** Granting drawing answers a raised hand; the student's console lowers it (only its owner can). */
const grantOrRevoke = (userId: string) => (room: Room) => ({ drawing: toggle(room.drawing, userId) });

export function RosterPanel({ openClass, userId, canSteer, ended }: RosterProps) {
  const { t } = useTranslation();
  const roster = useClassroom((s) => s.roster);
  const room = useClassroom((s) => s.room);
  const course = useClassroom((s) => s.course);
  const chat = useClassroom((s) => s.chat);
  const acks = useClassroom((s) => s.acks);
  const rttMs = useConnection((s) => s.status.rttMs);
  const peers = useMedia((s) => s.peers);
  const [sent, setSent] = useState<ReadonlyMap<string, SentCommand>>(new Map());
  const [removing, setRemoving] = useState<RosterEntry | null>(null);
  const send = (to: string, action: Command['action']) => {
    const id = openClass.command(to, action);
    setSent((before) => new Map(before).set(to, { id, action }));
  };

  const removed = new Set(room?.removed ?? []);
  // Removed people leave the roster; the teacher finds them in the removed list below.
  const people = [...roster.values()]
    .filter((person) => !removed.has(person.userId))
    .sort((a, b) => Number(b.role === 'teacher') - Number(a.role === 'teacher') || a.name.localeCompare(b.name));
  const teacherSync = people.find((p) => p.role === 'teacher')?.sync ?? null;
  const hands = handQueue(roster).filter((person) => !removed.has(person.userId));
  const mine = roster.get(userId);
  // Supervisors publish no presence: one who took over is known by the room's grant (and their name from chat).
  const takingPart = (room?.drawing ?? []).filter((id) => !roster.has(id));
  const nameFromChat = (id: string) => [...chat].reverse().find((entry) => entry.fromId === id)?.fromName ?? t('classroom.roster.supervisor');

  const actionsFor = (person: RosterEntry): MenuAction[] => {
    if (!canSteer || person.role !== 'student') return [];
    const { userId: id } = person;
    return [
      {
        id: 'roster-grant',
        label: room?.drawing.includes(id) ? t('classroom.roster.revoke') : t('classroom.roster.grant'),
        run: () => openClass.updateRoom(grantOrRevoke(id)),
      },
      { id: 'roster-star', label: t('classroom.roster.star'), run: () => openClass.updateRoom((r) => ({ stars: { ...r.stars, [id]: (r.stars[id] ?? 0) + 1 } })) },
      {
        id: 'roster-chat-mute',
        label: room?.chatMuted.includes(id) ? t('classroom.roster.chatUnmute') : t('classroom.roster.chatMute'),
        run: () => openClass.updateRoom((r) => ({ chatMuted: toggle(r.chatMuted, id) })),
      },
      { id: 'roster-ask-mute', label: t('classroom.roster.askMute'), run: () => send(id, 'mute') },
      { id: 'roster-ask-unmute', label: t('classroom.roster.askUnmute'), run: () => send(id, 'unmute') },
      { id: 'roster-resync', label: t('classroom.roster.resync'), run: () => send(id, 'resync-board') },
      { id: 'roster-remove', label: t('classroom.roster.removeMenu'), danger: true, run: () => setRemoving(person) },
    ];
  };

  return (
    <section className="class-panel roster-panel" aria-label={t('classroom.roster.title')} data-testid="roster-panel">
      <header>
        <h3>{t('classroom.roster.title')}</h3>
        {!canSteer && !openClass.participant.observer && !ended && (
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
          const self = person.userId === userId;
          const isTeacher = person.role === 'teacher';
          return (
            <RosterRow
              key={person.userId}
              person={person}
              self={self}
              connection={connectionWord(person.online, peers[person.userId]?.quality ?? null, self ? rttMs : null)}
              sync={syncWords(person.sync, teacherSync, course, isTeacher)}
              behind={!isTeacher && isBehind(person, teacherSync)}
              drawing={room?.drawing.includes(person.userId) ?? false}
              stars={room?.stars[person.userId] ?? 0}
              sent={canSteer ? sent.get(person.userId) : undefined}
              acks={acks}
              actions={actionsFor(person)}
            />
          );
        })}
        {takingPart.map((id) => (
          <li key={id} className="roster-row taking-part" data-testid="roster-taking-part" data-user-id={id}>
            <span className="presence-dot online" aria-hidden="true" />
            <div className="roster-main">
              <div className="roster-head">
                <span className="roster-name">{id === userId ? t('classroom.takeOver.taking') : nameFromChat(id)}</span>
              </div>
              <div className="roster-facts">
                <span>{t('role.supervisor')}</span>
                <span>{t('classroom.roster.takingPart')}</span>
              </div>
            </div>
          </li>
        ))}
      </ul>
      {canSteer && room && room.removed.length > 0 && (
        <RemovedList removed={room.removed} roster={roster} sent={sent} acks={acks} onAllowBack={(id) => openClass.updateRoom((r) => allowBack(r, id))} />
      )}
      {removing && (
        <ConfirmDialog
          testId="remove-dialog"
          danger
          title={t('classroom.roster.removeConfirm.title', { name: removing.name })}
          body={t('classroom.roster.removeConfirm.body', { name: removing.name })}
          confirmLabel={t('classroom.roster.removeConfirm.confirm')}
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            openClass.updateRoom((r) => removeFromClass(r, removing.userId));
            send(removing.userId, 'remove');
            setRemoving(null);
          }}
        />
      )}
    </section>
  );
}
