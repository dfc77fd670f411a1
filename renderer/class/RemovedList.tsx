import { useTranslation } from 'react-i18next';
import type { CommandAck } from '../../shared/protocol';
import type { RosterEntry } from './classroom';
import { CommandOutcome, type SentCommand } from './RosterRow';

interface RemovedListProps {
  removed: readonly string[];
  roster: ReadonlyMap<string, RosterEntry>;
  sent: ReadonlyMap<string, SentCommand>;
  acks: CommandAck[];
  onAllowBack(userId: string): void;
}

/**
 * The people the teacher removed, out of the roster: whether they were told, and a way to let each back in (the
 * room's `allowBack`: they may enter again, and draw only once granted again).
 */
export function RemovedList({ removed, roster, sent, acks, onAllowBack }: RemovedListProps) {
  const { t } = useTranslation();
  return (
    <div className="removed-list" data-testid="removed-list">
      <h4>{t('classroom.roster.removed', { count: removed.length })}</h4>
      <p className="muted small">{t('classroom.roster.allowBackHint')}</p>
      <ul>
        {removed.map((id) => {
          const name = roster.get(id)?.name ?? id;
          const command = sent.get(id);
          return (
            <li key={id} data-testid="removed-entry" data-user-id={id}>
              <span className="roster-name">{name}</span>
              {command && <CommandOutcome sent={command} acks={acks} />}
              <button
                type="button"
                className="small"
                data-testid="roster-allow-back"
                aria-label={`${t('classroom.roster.allowBack')}: ${name}`}
                onClick={() => onAllowBack(id)}
              >
                {t('classroom.roster.allowBack')}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
