import { useTranslation } from 'react-i18next';
import { TAGS, type TagId } from '../../../shared/tags/catalogue';

/** One problem tag: its severity as colour, its name as text, its meaning and subject on hover. */
export function TagChip({ tag, userId }: { tag: TagId; userId?: string }) {
  const { t } = useTranslation();
  const name = t(`supervise.tag.${tag}`);
  const title = userId ? t('supervise.tagAbout', { tag: name, user: userId, meaning: t(`supervise.meaning.${tag}`) }) : t(`supervise.meaning.${tag}`);
  return (
    <span className={`tag-chip sev-${TAGS[tag].severity}`} data-testid="tag-chip" data-tag={tag} data-user-id={userId ?? ''} title={title}>
      {name}
      {userId && <span className="tag-subject">{userId}</span>}
    </span>
  );
}
