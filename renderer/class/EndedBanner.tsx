import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClasses } from '../state/classes';
import './classroom.css';

interface EndedBannerProps {
  classId: string;
  /** The class's own teacher, who may reopen it within the directory's grace. */
  canReopen: boolean;
  onReopen(): void;
}

/** Tells everyone in an ended class that it ended; its teacher may reopen it until the summary's `reopenUntil`. */
export function EndedBanner({ classId, canReopen, onReopen }: EndedBannerProps) {
  const { t, i18n } = useTranslation();
  const ended = useClasses((s) => s.byId.get(classId)?.state === 'ended');
  const reopenUntil = useClasses((s) => s.byId.get(classId)?.reopenUntil ?? null);
  const [now, setNow] = useState(() => Date.now());
  // Once the grace is over, the offer goes.
  useEffect(() => {
    if (reopenUntil === null) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, reopenUntil - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [reopenUntil, now]);
  if (!ended) return null;
  const reopenable = canReopen && reopenUntil !== null && reopenUntil > now;
  const time = reopenUntil === null ? '' : new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' }).format(reopenUntil);
  return (
    <div className="banner ended-banner" role="status" data-testid="class-ended">
      <p>
        <strong>{t('classroom.ended.banner')}</strong> {t('classroom.ended.readOnly')}
        {reopenable && <> {t('classroom.ended.reopenUntil', { time })}</>}
      </p>
      {reopenable && (
        <button type="button" className="small start" data-testid="class-reopen" onClick={onReopen}>
          {t('classroom.ended.reopen')}
        </button>
      )}
    </div>
  );
}
