import { useTranslation } from 'react-i18next';
import type { ClassReport } from '../../shared/protocol/reports';
import { reportCsv } from '../../shared/reports/csv';
import { csvFileName, percent, when } from './format';

const TOTALS = ['participants', 'students', 'hands', 'chat', 'boardOps', 'pollAnswers', 'problems', 'help'] as const;

function download(report: ClassReport): void {
  const url = URL.createObjectURL(new Blob([reportCsv(report)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = csvFileName(report.classId, report.title);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** One class's report: its totals, then attendance and activity per person, polls, connection problems and help. */
export function ReportView({ report }: { report: ClassReport }) {
  const { t } = useTranslation();
  const duration = (seconds: number) => (seconds < 120 ? t('reports.seconds', { count: seconds }) : t('reports.minutes', { count: Math.round(seconds / 60) }));
  return (
    <article className="report-view" data-testid="report-view" data-class-id={report.classId} data-state={report.state}>
      <header className="report-head">
        <div>
          <h3>
            {report.title} <span className="report-id">{report.classId}</span>
          </h3>
          <p className="report-muted">
            {[report.teacher?.name, `${when(report.startedAt)} – ${report.endedAt === null ? t('reports.state.live') : when(report.endedAt)}`]
              .filter(Boolean)
              .join(' · ')}
            {' · '}
            <span data-testid="report-kept-until">{t('reports.keptUntil', { date: when(report.expiresAt) })}</span>
          </p>
          {report.endedAt === null && <p className="report-muted">{t('reports.stillLive')}</p>}
        </div>
        <button type="button" data-testid="report-export" onClick={() => download(report)}>
          {t('reports.exportCsv')}
        </button>
      </header>

      <dl className="report-totals">
        {TOTALS.map((name) => (
          <div key={name} className="report-total" data-testid="report-total" data-name={name} data-value={report.totals[name]}>
            <dt>{t(`reports.totals.${name}`)}</dt>
            <dd>{report.totals[name]}</dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="report-people">
        <h4 id="report-people">{t('reports.section.people')}</h4>
        <div className="report-scroll">
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">{t('reports.people.name')}</th>
                <th scope="col">{t('reports.people.role')}</th>
                <th scope="col">{t('reports.people.joined')}</th>
                <th scope="col">{t('reports.people.left')}</th>
                <th scope="col" className="num">{t('reports.people.minutes')}</th>
                <th scope="col" className="num">{t('reports.people.joins')}</th>
                <th scope="col" className="num">{t('reports.people.hands')}</th>
                <th scope="col" className="num">{t('reports.people.chat')}</th>
                <th scope="col" className="num">{t('reports.people.board')}</th>
                <th scope="col" className="num">{t('reports.people.polls')}</th>
                <th scope="col" className="num">{t('reports.people.quiz')}</th>
              </tr>
            </thead>
            <tbody>
              {report.people.map((p) => (
                <tr
                  key={p.userId}
                  data-testid="report-person"
                  data-user-id={p.userId}
                  data-hands={p.hands}
                  data-chat={p.chat}
                  data-board-ops={p.boardOps}
                  data-poll-answers={p.pollAnswers}
                >
                  <td>
                    {p.name} <span className="report-id">{p.userId}</span>
                  </td>
                  <td>{t(`reports.role.${p.role}`)}</td>
                  <td>{when(p.joinedAt)}</td>
                  <td>{p.leftAt === null ? <span className="report-muted">{t('reports.people.stillHere')}</span> : when(p.leftAt)}</td>
                  <td className="num">{p.minutesPresent.toFixed(1)}</td>
                  <td className="num">{p.joins}</td>
                  <td className="num">{p.hands}</td>
                  <td className="num">{p.chat}</td>
                  <td className="num">{p.boardOps}</td>
                  <td className="num">{p.pollAnswers}</td>
                  <td className="num">{p.quiz ? `${p.quiz.right}/${p.quiz.of}` : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="report-polls">
        <h4 id="report-polls">{t('reports.section.polls')}</h4>
        {report.polls.length === 0 ? (
          <p className="report-muted">{t('reports.polls.none')}</p>
        ) : (
          <div className="report-scroll">
            <table className="report-table">
              <thead>
                <tr>
                  <th scope="col">{t('reports.polls.title')}</th>
                  <th scope="col">{t('reports.polls.kind')}</th>
                  <th scope="col" className="num">{t('reports.polls.respondents')}</th>
                  <th scope="col" className="num">{t('reports.polls.accuracy')}</th>
                  <th scope="col">{t('reports.polls.questions')}</th>
                </tr>
              </thead>
              <tbody>
                {report.polls.map((poll) => (
                  <tr key={poll.pollId} data-testid="report-poll" data-poll-id={poll.pollId} data-respondents={poll.respondents}>
                    <td>
                      {poll.title}
                      {poll.state === 'open' && <span className="report-muted"> ({t('reports.polls.open')})</span>}
                    </td>
                    <td>
                      {t(`reports.polls.${poll.kind}`)}
                      {poll.anonymous && <span className="report-muted"> · {t('reports.polls.anonymous')}</span>}
                    </td>
                    <td className="num">{poll.respondents}</td>
                    <td className="num">{poll.kind === 'quiz' ? percent(poll.accuracy) : '–'}</td>
                    <td>
                      <ul className="report-questions">
                        {poll.questions.map((q) => (
                          <li key={q.questionId}>
                            {q.prompt}: {q.respondents}
                            {q.accuracy !== undefined && ` · ${percent(q.accuracy)}`}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="report-problems">
        <h4 id="report-problems">{t('reports.section.problems')}</h4>
        {report.problems.length === 0 ? (
          <p className="report-muted">{t('reports.problems.none')}</p>
        ) : (
          <div className="report-scroll">
            <table className="report-table">
              <thead>
                <tr>
                  <th scope="col">{t('reports.problems.tag')}</th>
                  <th scope="col">{t('reports.problems.who')}</th>
                  <th scope="col">{t('reports.problems.from')}</th>
                  <th scope="col" className="num">{t('reports.problems.lasted')}</th>
                </tr>
              </thead>
              <tbody>
                {report.problems.map((p, i) => (
                  <tr key={`${p.tag}-${p.userId ?? ''}-${p.from}-${i}`} data-testid="report-problem" data-tag={p.tag}>
                    <td>{t(`supervise.tag.${p.tag}`)}</td>
                    <td>{p.userId ? (p.name ?? p.userId) : t('reports.problems.whole')}</td>
                    <td>{when(p.from)}</td>
                    <td className="num">
                      {duration(p.seconds)}
                      {p.to === null && <span className="report-muted"> ({t('reports.problems.holding')})</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="report-help">
        <h4 id="report-help">{t('reports.section.help')}</h4>
        {report.help.length === 0 ? (
          <p className="report-muted">{t('reports.help.none')}</p>
        ) : (
          <div className="report-scroll">
            <table className="report-table">
              <thead>
                <tr>
                  <th scope="col">{t('reports.help.from')}</th>
                  <th scope="col">{t('reports.help.topic')}</th>
                  <th scope="col">{t('reports.help.created')}</th>
                  <th scope="col">{t('reports.help.status')}</th>
                  <th scope="col">{t('reports.help.remedies')}</th>
                  <th scope="col">{t('reports.help.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {report.help.map((h) => (
                  <tr key={h.requestId} data-testid="report-help" data-status={h.status}>
                    <td>{h.from.name}</td>
                    <td>{t(`supervise.help.topics.${h.topic}`)}</td>
                    <td>{when(h.createdAt)}</td>
                    <td>
                      {t(`reports.helpStatus.${h.status}`)}
                      {h.claimedBy && <span className="report-muted"> · {h.claimedBy}</span>}
                    </td>
                    <td>{h.remedies.join(', ')}</td>
                    <td>{h.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </article>
  );
}
