import type { ClassControl, ClassState } from '../../shared/protocol/messages';

/** How long after its end a class may be reopened by its teacher, unless the directory is told otherwise. */
export const DEFAULT_REOPEN_GRACE_MS = 15 * 60_000;

/** A class's state as the directory keeps it: when it ended, if its teacher ended it (null otherwise). */
export interface ClassStateRecord {
  state: ClassState;
  endedAt: number | null;
}

/**
 * The class state machine. `start` turns a scheduled class live, and an ended class live again while it is within the
 * reopen grace after its teacher ended it; `end` ends a scheduled or live class. Returns the next record, or null
 * when the command changes nothing (it is then ignored). A class that was ended before the directory knew when (in
 * the catalogue, say) cannot be reopened.
 */
export function nextClassState(current: ClassStateRecord, action: ClassControl['action'], now: number, graceMs: number): ClassStateRecord | null {
  if (action === 'end') return current.state === 'ended' ? null : { state: 'ended', endedAt: now };
  if (current.state === 'scheduled') return { state: 'live', endedAt: null };
  if (current.state === 'ended' && current.endedAt !== null && now <= current.endedAt + graceMs) return { state: 'live', endedAt: null };
  return null;
}

/** Until when an ended class may be reopened; null for a class that is not ended or cannot be reopened. */
export function reopenUntil(record: ClassStateRecord, graceMs: number): number | null {
  return record.state === 'ended' && record.endedAt !== null ? record.endedAt + graceMs : null;
}
