import { create } from 'zustand';
import type { HelpOutcome, HelpProgress, HelpRequest } from '../../../shared/protocol';

/**
 * Where this participant's latest help request stands: `sending` until the broker has it, `sent` until the dispatcher
 * says more, then the dispatcher's progress; `failed` when it could not be sent.
 */
export type HelpStage = 'sending' | 'sent' | 'failed' | HelpProgress;

export interface HelpRequestStatus {
  id: string;
  topic: HelpRequest['topic'];
  stage: HelpStage;
  /** Why it failed. */
  detail: string;
  /** Once resolved: how it ended, when the dispatcher said. */
  outcome?: HelpOutcome;
}

export const useHelpRequest = create<{ current: HelpRequestStatus | null }>(() => ({ current: null }));

/** A request that still waits for something: the button offers no second one meanwhile. */
export function isOpen(status: HelpRequestStatus | null): boolean {
  return status !== null && status.stage !== 'resolved' && status.stage !== 'failed';
}
