import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassReport } from '../../shared/protocol/reports';
import { reportCsv } from '../../shared/reports/csv';
import { saveCsv } from '../components/saveFile';
import { inWords } from '../supervise/components/people';
import { percent, reportFileStem, reportWordBook, when } from './format';

const TOTALS = ['participants', 'students', 'hands', 'chat', 'boardOps', 'pollAnswers', 'problems', 'help'] as const;

/** One class's report: its totals, then attendance and activity per person, polls, connection problems and help. */
export function ReportView({ report }: { report: ClassReport }) {
  const { t } = useTranslation();
  const book = reportWordBook(report);
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
        <button type="button" data-testid="report-export" onClick={() => saveCsv(reportCsv(report), reportFileStem(report.classId, report.title))}>
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

      <ReportTable
        id="report-people"
        title={t('reports.section.people')}
        columns={[
          { label: t('reports.people.name') },
          { label: t('reports.people.role') },
          { label: t('reports.people.joined') },
          { label: t('reports.people.left') },
          { label: t('reports.people.minutes'), numeric: true },
          { label: t('reports.people.joins'), numeric: true },
          { label: t('reports.people.hands'), numeric: true },
          { label: t('reports.people.chat'), numeric: true },
          { label: t('reports.people.board'), numeric: true },
          { label: t('reports.people.polls'), numeric: true },
          { label: t('reports.people.quiz'), numeric: true },
        ]}
      >
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
      </ReportTable>

      <ReportTable
        id="report-polls"
        title={t('reports.section.polls')}
        empty={t('reports.polls.none')}
        columns={[
          { label: t('reports.polls.title') },
          { label: t('reports.polls.kind') },
          { label: t('reports.polls.respondents'), numeric: true },
          { label: t('reports.polls.accuracy'), numeric: true },
          { label: t('reports.polls.questions') },
        ]}
      >
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
      </ReportTable>

      <ReportTable
        id="report-problems"
        title={t('reports.section.problems')}
        empty={t('reports.problems.none')}
        columns={[
          { label: t('reports.problems.tag') },
          { label: t('reports.problems.who') },
          { label: t('reports.problems.from') },
          { label: t('reports.problems.lasted'), numeric: true },
        ]}
      >
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
      </ReportTable>

      <ReportTable
        id="report-help"
        title={t('reports.section.help')}
        empty={t('reports.help.none')}
        columns={[
          { label: t('reports.help.from') },
          { label: t('reports.help.topic') },
          { label: t('reports.help.created') },
          { label: t('reports.help.status') },
          { label: t('reports.help.remedies') },
          { label: t('reports.help.reason') },
        ]}
      >
        {report.help.map((h) => (
          <tr key={h.requestId} data-testid="report-help" data-status={h.status}>
            <td>{h.from.name}</td>
            <td>{t(`supervise.help.topics.${h.topic}`)}</td>
            <td>{when(h.createdAt)}</td>
            <td>
              {t(`reports.helpStatus.${h.status}`)}
              {h.claimedBy && <span className="report-muted"> · {inWords(h.claimedBy, t, book)}</span>}
            </td>
            <td>{h.remedies.map((r) => inWords(r, t, book)).join(', ')}</td>
            <td>{inWords(h.reason, t, book)}</td>
          </tr>
        ))}
      </ReportTable>
    </article>
  );
}

interface Column {
  label: string;
  /** Right-aligned figures. */
  numeric?: boolean;
}

/** One section of a report: its heading, then its table, or `empty` when it has no rows. */
function ReportTable({ id, title, empty, columns, children }: { id: string; title: string; empty?: string; columns: Column[]; children: ReactNode[] }) {
  return (
    <section aria-labelledby={id}>
      <h4 id={id}>{title}</h4>
      {empty !== undefined && children.length === 0 ? (
        <p className="report-muted">{empty}</p>
      ) : (
        <div className="report-scroll">
          <table className="report-table">
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.label} scope="col" className={column.numeric ? 'num' : undefined}>
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{children}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}
