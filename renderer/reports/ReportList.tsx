import { useTranslation } from 'react-i18next';
import type { ReportSummary } from '../../shared/protocol/reports';
import { when } from './format';

interface ReportListProps {
  reports: readonly ReportSummary[];
  onOpen(classId: string): void;
}

/** Every report the signed-in user may read, newest first, each with its retention. */
export function ReportList({ reports, onOpen }: ReportListProps) {
  const { t } = useTranslation();
  return (
    <div className="report-scroll">
      <table className="report-table" data-testid="report-list">
        <thead>
          <tr>
            <th scope="col">{t('reports.list.class')}</th>
            <th scope="col">{t('reports.list.teacher')}</th>
            <th scope="col">{t('reports.list.state')}</th>
            <th scope="col">{t('reports.list.started')}</th>
            <th scope="col">{t('reports.list.ended')}</th>
            <th scope="col" className="num">{t('reports.list.people')}</th>
            <th scope="col">{t('reports.list.kept')}</th>
            <th scope="col">{t('reports.list.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((r) => (
            <tr key={r.classId} data-testid="report-list-row" data-class-id={r.classId}>
              <td>
                <span className="report-title">{r.title}</span> <span className="report-id">{r.classId}</span>
              </td>
              <td>{r.teacher?.name ?? ''}</td>
              <td>
                <span className={`state-badge state-${r.state}`}>{t(`reports.state.${r.state}`)}</span>
              </td>
              <td>{when(r.startedAt)}</td>
              <td>{when(r.endedAt)}</td>
              <td className="num">{r.participants}</td>
              <td>{when(r.expiresAt)}</td>
              <td>
                <button type="button" className="small" data-testid="report-open" onClick={() => onOpen(r.classId)}>
                  {t('reports.open')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
