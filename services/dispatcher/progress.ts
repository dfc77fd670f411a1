import type { HelpProgress } from '../../shared/protocol/messages';
import type { HelpStatus } from '../../shared/protocol/supervision';

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

/** The notice's text, for clients that show it as it is (the console words it from `progress` itself). */
export const PROGRESS_TEXT: Record<HelpProgress, string> = {
  received: 'Your help request was received.',
  fixing: 'Trying an automatic fix.',
  waiting: 'Waiting for a supervisor.',
  supervisor: 'A supervisor is on it.',
  resolved: 'Resolved.',
};
