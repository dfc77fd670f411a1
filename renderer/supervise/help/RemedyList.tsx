import { useTranslation } from 'react-i18next';
import type { RemedyAttempt } from '../../../shared/protocol';
import { usePeople } from '../state/people';
import { Worded } from '../components/Person';
import { personLabel } from '../components/people';

/** The remedies sent for a request and how each went, as the dispatcher reports them (live). */
export function RemedyList({ remedies }: { remedies: readonly RemedyAttempt[] }) {
  const { t, i18n } = useTranslation();
  const people = usePeople((s) => s.byId);
  if (remedies.length === 0) return <p className="muted">{t('supervise.request.noRemedies')}</p>;
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return (
    <ol className="remedy-list" data-testid="remedy-list">
      {remedies.map((attempt) => (
        <li key={attempt.commandId} data-testid="remedy-attempt" data-action={attempt.action} data-outcome={attempt.outcome} data-by={attempt.by}>
          <time className="muted">{time.format(attempt.sentAt)}</time>{' '}
          {t('supervise.request.remedyLine', {
            action: t(`supervise.remedy.${attempt.action}`),
            to: personLabel(t, attempt.to, people.get(attempt.to)),
            by: personLabel(t, attempt.by, people.get(attempt.by), 'supervisor'),
          })}{' '}
          <span className={`outcome outcome-${attempt.outcome}`} data-testid="remedy-outcome">
            {t(`supervise.outcome.${attempt.outcome}`)}
          </span>
          {attempt.detail && (
            <>
              {' '}
              <Worded text={attempt.detail} className="muted small" />
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
