import { create } from 'zustand';
import type { UpdateStatus } from '../../shared/ipc/contract';
import { desktopUpdates } from '../platform/updates';
import { reportClassState } from './classState';

/** The desktop updater's latest status (null until main answered, and always in browser mode). */
export const useUpdateStatus = create<{ status: UpdateStatus | null; desktop: boolean }>(() => ({ status: null, desktop: false }));

/**
 * In the desktop app: follows the updater's status and reports the class state to main, for as long as the console
 * runs. In browser mode it does nothing. Returns the function that stops it.
 */
export function startDesktopUpdates(): () => void {
  const updates = desktopUpdates();
  if (!updates) return () => {};
  useUpdateStatus.setState({ desktop: true });
  const stopStatus = updates.onStatus((status) => useUpdateStatus.setState({ status }));
  void updates.status().then((status) => useUpdateStatus.setState({ status }), () => {});
  const stopReports = reportClassState((report) => updates.setClassState(report));
  return () => {
    stopStatus();
    stopReports();
  };
}
