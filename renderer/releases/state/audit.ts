import { create } from 'zustand';
import type { ReleaseApi, ReleaseAuditEntry } from '../releaseApi';

/** The release audit log as last read from the release service (over HTTP, after each change it announces). */
export const useReleaseAudit = create<{ entries: readonly ReleaseAuditEntry[]; error: string | null }>(() => ({ entries: [], error: null }));

let reading: Promise<void> | null = null;
let again = false;

/** Reads the log again; a call while a read is under way reads once more after it, never twice at once. */
export function refreshAudit(api: ReleaseApi): Promise<void> {
  if (reading) {
    again = true;
    return reading;
  }
  reading = (async () => {
    do {
      again = false;
      try {
        useReleaseAudit.setState({ entries: await api.audit(), error: null });
      } catch (error) {
        useReleaseAudit.setState({ error: error instanceof Error ? error.message : String(error) });
      }
    } while (again);
  })().finally(() => (reading = null));
  return reading;
}

export function resetAudit(): void {
  useReleaseAudit.setState({ entries: [], error: null });
}
