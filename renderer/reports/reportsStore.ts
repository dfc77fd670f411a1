import { create } from 'zustand';
import type { ClassReport, ReportSummary } from '../../shared/protocol/reports';
import { RpcFailure } from '../../shared/protocol/rpc/failure';
import type { ReportsPort } from '../session/ports';

/** The Reports screen's state: the list, the open report, and why either failed to load. */
export interface ReportsStore {
  list: ReportSummary[] | null;
  listError: string | null;
  /** The class whose report is open (null shows the list). */
  classId: string | null;
  report: ClassReport | null;
  /** `no-report`, or the words of another failure. */
  reportError: string | null;
  loading: boolean;
}

const EMPTY: ReportsStore = { list: null, listError: null, classId: null, report: null, reportError: null, loading: false };

export const useReports = create<ReportsStore>(() => EMPTY);

const codeOf = (error: unknown): string | null => (error instanceof RpcFailure && error.code === 'remote' ? (error.remote?.code ?? null) : null);
const words = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function loadReportList(port: ReportsPort): Promise<void> {
  useReports.setState({ loading: true, listError: null });
  try {
    const { reports } = await port('list', {});
    useReports.setState({ list: reports, loading: false });
  } catch (error) {
    useReports.setState({ listError: words(error), loading: false });
  }
}

/** Opens a class's report (null goes back to the list). */
export async function openReport(port: ReportsPort, classId: string | null): Promise<void> {
  useReports.setState({ classId, report: null, reportError: null, loading: classId !== null });
  if (classId === null) return;
  try {
    const report = await port('get', { classId });
    if (useReports.getState().classId === classId) useReports.setState({ report, loading: false });
  } catch (error) {
    if (useReports.getState().classId !== classId) return;
    useReports.setState({ reportError: codeOf(error) === 'no-report' ? 'no-report' : words(error), loading: false });
  }
}

export function resetReports(): void {
  useReports.setState(EMPTY);
}
