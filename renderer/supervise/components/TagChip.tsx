import { useTranslation } from 'react-i18next';
import { TAGS, type TagId } from '../../../shared/tags/catalogue';
import type { PersonRole } from '../../link/messages';
import { usePerson } from '../state/people';
import { personLabel } from './people';

interface TagChipProps {
  tag: TagId;
  /** The participant the tag is about; none for the class as a whole. */
  userId?: string;
  /** Their name and role when the message carried them (class health does); else the console's people are asked. */
  name?: string;
  role?: PersonRole;
}

/** One problem tag: its severity as colour, its title and who it is about as text, its meaning on hover. */
export function TagChip({ tag, userId, name, role }: TagChipProps) {
  const { t } = useTranslation();
  const known = usePerson(userId);
  const title = t(`supervise.tag.${tag}`);
  const subject = userId ? personLabel(t, userId, name ? { name, role: role ?? null } : known, role) : null;
  const hint = subject ? t('supervise.tagAbout', { tag: title, user: subject, meaning: t(`supervise.meaning.${tag}`) }) : t(`supervise.meaning.${tag}`);
  return (
    <span className={`tag-chip sev-${TAGS[tag].severity}`} data-testid="tag-chip" data-tag={tag} data-user-id={userId ?? ''} title={hint}>
      {title}
      {subject && <span className="tag-subject">{subject}</span>}
    </span>
  );
}
