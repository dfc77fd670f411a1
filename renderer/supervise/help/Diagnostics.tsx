import { useTranslation } from 'react-i18next';
import type { HelpDiagnostics } from '../../../shared/protocol';
import { EventLine } from '../detail/EventLine';

/** Events shown from the request's last 60 s of stats, newest first. */
const SHOWN_EVENTS = 40;

/** What the help button sent along: app, device, courseware and board state, and the last minute of stats. */
export function Diagnostics({ diagnostics, sentAt }: { diagnostics: HelpDiagnostics | null; sentAt: number }) {
  const { t, i18n } = useTranslation();
  if (!diagnostics) return <p className="muted">{t('supervise.diagnostics.none')}</p>;
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const events = [...diagnostics.stats].reverse().slice(0, SHOWN_EVENTS);
  return (
    <div className="diagnostics" data-testid="request-diagnostics">
      <dl className="facts">
        <dt>{t('supervise.diagnostics.app')}</dt>
        <dd data-testid="diagnostics-app">{diagnostics.appVersion}</dd>
        <dt>{t('supervise.diagnostics.device')}</dt>
        <dd data-testid="diagnostics-device">{diagnostics.device}</dd>
        <dt>{t('supervise.diagnostics.course')}</dt>
        <dd>
          {t('supervise.diagnostics.coursePage', { page: diagnostics.course.pageId ?? '-' })}
          {diagnostics.course.failedAssets.length > 0 && ` · ${t('supervise.diagnostics.failedAssets', { assets: diagnostics.course.failedAssets.join(', ') })}`}
        </dd>
        <dt>{t('supervise.diagnostics.board')}</dt>
        <dd>{t('supervise.diagnostics.boardState', { page: diagnostics.board.pageId ?? '-', revision: diagnostics.board.revision, unsent: diagnostics.board.unsent })}</dd>
      </dl>
      <h4>{t('supervise.diagnostics.stats', { count: diagnostics.stats.length })}</h4>
      <ol className="event-list" data-testid="diagnostics-stats">
        {events.map((event, index) => (
          <li key={index}>
            <time className="muted">{time.format(event.at ?? sentAt)}</time> <EventLine event={event} />
          </li>
        ))}
      </ol>
    </div>
  );
}
