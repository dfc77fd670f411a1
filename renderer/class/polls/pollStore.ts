import { create } from 'zustand';
import type { PollReceipt, PollState, PollTally } from '../../../shared/protocol';

export interface PollError {
  code: string;
  detail: string;
}

export interface PollsState {
  /** The open class's polls by id, as the poll service published them. */
  polls: Record<string, PollState>;
  /** Live tallies (teachers and supervisors only: students cannot subscribe to them). */
  tallies: Record<string, PollTally>;
  /** This student's own receipts: what the service recorded and, after a quiz, the result. */
  receipts: Record<string, PollReceipt>;
  /** The last refusal or failure of an action, by poll id ('' for a launch): its code and the service's words. */
  errors: Record<string, PollError>;
}

export const emptyPolls = (): PollsState => ({ polls: {}, tallies: {}, receipts: {}, errors: {} });

/** The open class's polls and quizzes. */
export const usePolls = create<PollsState>(() => emptyPolls());

export function notePolls(polls: readonly PollState[]): void {
  if (polls.length === 0) return;
  usePolls.setState((s) => ({ polls: { ...s.polls, ...Object.fromEntries(polls.map((p) => [p.id, p])) } }));
}

export function noteTallies(tallies: readonly PollTally[]): void {
  if (tallies.length === 0) return;
  usePolls.setState((s) => ({ tallies: { ...s.tallies, ...Object.fromEntries(tallies.map((t) => [t.pollId, t])) } }));
}

export function noteReceipts(receipts: readonly PollReceipt[]): void {
  if (receipts.length === 0) return;
  usePolls.setState((s) => ({ receipts: { ...s.receipts, ...Object.fromEntries(receipts.map((r) => [r.pollId, r])) } }));
}

export function noteError(pollId: string, error: PollError | null): void {
  usePolls.setState((s) => {
    const { [pollId]: _gone, ...rest } = s.errors;
    return { errors: error === null ? rest : { ...rest, [pollId]: error } };
  });
}

/** Polls newest first. */
export function newestFirst(polls: Record<string, PollState>): PollState[] {
  return Object.values(polls).sort((a, b) => b.launchedAt - a.launchedAt);
}
