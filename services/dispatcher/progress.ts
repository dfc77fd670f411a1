import type { HelpOutcome, HelpProgress } from '../../shared/protocol/messages';
import type { HelpState, HelpStatus } from '../../shared/protocol/supervision';

/** The words a forced resolution's reason carries (methods.ts writes them; outcomeOf reads them). */
export const STILL_TAGGED = ' while still tagged';

/** What the sender of a help request is told about it: less than a supervisor sees, and in their terms. */
export function progressOf(status: HelpStatus): HelpProgress {
  switch (status) {
    case 'received':
      return 'received';
    case 'remedy-pending':
      return 'fixing';
    case 'manual':
    case 'escalated':
      return 'waiting';
    case 'claimed':
      return 'supervisor';
    case 'auto-resolved':
    case 'resolved':
      return 'resolved';
  }
}

/** How an ended request ended, for its sender; undefined while it is open. */
export function outcomeOf(state: Pick<HelpState, 'status' | 'reason'>): HelpOutcome | undefined {
  if (state.status === 'auto-resolved') return 'remedied';
  if (state.status === 'resolved') return state.reason.includes(STILL_TAGGED) ? 'closed' : 'resolved';
  return undefined;
}

/** The notice's text, for clients that show it as it is (the console words it from `progress` itself). */
export const PROGRESS_TEXT: Record<HelpProgress, string> = {
  received: 'Your help request was received.',
  fixing: 'Trying an automatic fix.',
  waiting: 'Waiting for a supervisor.',
  supervisor: 'A supervisor is on it.',
  resolved: 'Resolved.',
};

/** The text of a `resolved` notice, by how it ended. */
export const OUTCOME_TEXT: Record<HelpOutcome, string> = {
  remedied: 'Fixed automatically.',
  resolved: 'Resolved by a supervisor.',
  closed: 'Closed by a supervisor; the problem may still be there.',
};
