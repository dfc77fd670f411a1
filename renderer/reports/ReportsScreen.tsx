import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/SessionContext';
import { ReportList } from './ReportList';
import { ReportView } from './ReportView';
import { loadReportList, openReport, resetReports, useReports } from './reportsStore';
import './reports.css';

interface ReportsScreenProps {
  /** Opens this class's report at once (a teacher's class list); the list otherwise (supervisors, admins). */
  classId?: string;
  /** Where "back" goes from a report opened by `classId` (the class list). */
  onBack?: () => void;
}

/** Class reports: the list of those this user may read, and one report with its CSV export. */
export function ReportsScreen({ classId, onBack }: ReportsScreenProps) {
  const { t } = useTranslation();
  const session = useSession();
  const port = session.reports;
  const list = useReports((s) => s.list);
  const listError = useReports((s) => s.listError);
  const openId = useReports((s) => s.classId);
  const report = useReports((s) => s.report);
  const reportError = useReports((s) => s.reportError);
  const loading = useReports((s) => s.loading);

  useEffect(() => {
    if (classId) void openReport(port, classId);
    else void loadReportList(port);
    return () => resetReports();
  }, [port, classId]);

  const backToList = () => {
    void openReport(port, null);
    void loadReportList(port);
  };

  return (
    <div className="reports" data-testid="reports-screen">
      <header className="reports-header">
        <h2>{openId && report ? t('reports.reportOf', { title: report.title }) : t('reports.title')}</h2>
        {onBack ? (
          <button type="button" className="small" data-testid="reports-back" onClick={onBack}>
            {t('reports.back')}
          </button>
        ) : (
          openId && (
            <button type="button" className="small" data-testid="reports-back" onClick={backToList}>
              {t('reports.backToList')}
            </button>
          )
        )}
        <button
          type="button"
          className="small"
          data-testid="reports-refresh"
          onClick={() => void (openId ? openReport(port, openId) : loadReportList(port))}
        >
          {t('reports.refresh')}
        </button>
      </header>
      {loading && <p className="report-muted" role="status">{t('reports.loading')}</p>}
      {openId ? (
        <>
          {reportError && (
            <p className={reportError === 'no-report' ? 'report-muted' : 'report-error'} role="alert" data-testid="report-error">
              {reportError === 'no-report' ? t('reports.noReport') : t('reports.failed', { error: reportError })}
            </p>
          )}
          {report && <ReportView report={report} />}
        </>
      ) : (
        <>
          {listError && <p className="report-error" role="alert" data-testid="report-error">{t('reports.failed', { error: listError })}</p>}
          {list && list.length === 0 && <p className="report-muted">{t('reports.none')}</p>}
          {list && list.length > 0 && <ReportList reports={list} onOpen={(id) => void openReport(port, id)} />}
        </>
      )}
    </div>
  );
}
