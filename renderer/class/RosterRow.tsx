import { useTranslation } from 'react-i18next';
import type { Command, CommandAck } from '../../shared/protocol';
import type { RosterEntry } from './classroom';
import { RosterMenu, type MenuAction } from './RosterMenu';
import type { ConnectionWord, SyncWords } from './rosterWords';

/** The roster's label for each command it sends. */
const COMMAND_LABEL: Partial<Record<Command['action'], 'resync' | 'askMute' | 'askUnmute' | 'remove'>> = {
  'resync-board': 'resync',
  mute: 'askMute',
  unmute: 'askUnmute',
  remove: 'remove',
};

export interface SentCommand {
  id: string;
  action: Command['action'];
}

/** The last command sent to one participant, and its answer once it came. */
export function CommandOutcome({ sent, acks }: { sent: SentCommand; acks: CommandAck[] }) {
  const { t } = useTranslation();
  const ack = [...acks].reverse().find((a) => a.commandId === sent.id);
  const status = !ack ? 'pending' : ack.ok ? 'done' : 'failed';
  const action = t(`classroom.roster.${COMMAND_LABEL[sent.action] ?? 'resync'}`);
  const key = status === 'pending' ? 'commandPending' : status === 'done' ? 'commandDone' : 'commandFailed';
  return (
    <span className="roster-command muted" data-testid="roster-command" data-action={sent.action} data-status={status} title={ack?.detail || undefined}>
      {t(`classroom.roster.${key}`, { action, detail: ack?.detail ?? '' })}
    </span>
  );
}

export interface RosterRowProps {
  person: RosterEntry;
  self: boolean;
  connection: ConnectionWord;
  sync: SyncWords;
  behind: boolean;
  drawing: boolean;
  stars: number;
  sent: SentCommand | undefined;
  acks: CommandAck[];
  /** The steering person's actions for this participant; none for others, or for who steers. */
  actions: MenuAction[];
}

/** One person: name and role, connection, where their board is, hand, stars, and a menu of what can be done. */
export function RosterRow({ person, self, connection, sync, behind, drawing, stars, sent, acks, actions }: RosterRowProps) {
  const { t } = useTranslation();
  const handUp = !!person.hand?.raised && person.online;
  const about = [person.device, person.appVersion && `v${person.appVersion}`].filter(Boolean).join(' · ');
  const { key: syncKey, ...syncValues } = sync;
  const syncText = t(`classroom.roster.sync.${syncKey}`, syncValues);
  return (
    <li
      className="roster-row"
      data-testid="roster-entry"
      data-user-id={person.userId}
      data-online={person.online}
      data-behind={behind}
      data-hand={handUp}
    >
      <span className={`presence-dot ${person.online ? 'online' : 'offline'}`} aria-hidden="true" />
      <div className="roster-main">
        <div className="roster-head">
          <span className="roster-name" title={about || undefined}>
            {person.name}
          </span>
          {self && <span className="muted">{t('classroom.roster.you')}</span>}
          {handUp && (
            <span className="roster-badge hand" data-testid="roster-hand">
              {t('classroom.roster.handUp')}
            </span>
          )}
          {stars > 0 && (
            <span className="roster-badge stars" data-testid="roster-stars" title={t('classroom.roster.stars', { count: stars })}>
              <span aria-hidden="true">★</span> {stars}
            </span>
          )}
        </div>
        <div className="roster-facts">
          <span>{t(`role.${person.role}`)}</span>
          <span data-testid="roster-connection" data-connection={connection} className={`connection-${connection}`}>
            {t(`classroom.roster.connection.${connection}`)}
          </span>
          <span data-testid="roster-sync" data-sync={sync.key} className={behind ? 'behind' : undefined}>
            {syncText}
          </span>
          {drawing && <span data-testid="roster-drawing">{t('classroom.roster.drawing')}</span>}
        </div>
        {sent && <CommandOutcome sent={sent} acks={acks} />}
      </div>
      {actions.length > 0 && <RosterMenu name={person.name} actions={actions} />}
    </li>
  );
}
