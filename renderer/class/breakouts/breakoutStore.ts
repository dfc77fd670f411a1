import { create } from 'zustand';
import type { BreakoutState } from '../../../shared/protocol';

export interface BreakoutError {
  code: string;
  detail: string;
}

export interface BreakoutsState {
  /** The class whose breakout groups these are (the open class, or the class of the open group). */
  classId: string | null;
  /** The class's current or last round, as the breakouts service published it. */
  round: BreakoutState | null;
  /** The group a teacher or supervisor is visiting (its class id), or null in the class itself. */
  visiting: string | null;
  /** The last refusal or failure of an action, with the service's words. */
  error: BreakoutError | null;
}

const empty = (classId: string | null): BreakoutsState => ({ classId, round: null, visiting: null, error: null });

/** The open class's breakout groups. It outlives the class screen of a group, so moving between rooms keeps it. */
export const useBreakouts = create<BreakoutsState>(() => empty(null));

/** Starts following a class; another class's groups (and any visit) are forgotten. */
export function followClass(classId: string | null): void {
  if (useBreakouts.getState().classId !== classId) useBreakouts.setState(empty(classId));
}

export function noteRound(round: BreakoutState): void {
  const { classId, round: current } = useBreakouts.getState();
  if (round.classId !== classId) return;
  if (current && (current.round > round.round || (current.round === round.round && current.updatedAt > round.updatedAt))) return;
  useBreakouts.setState({ round });
}

export function visit(groupClassId: string | null): void {
  useBreakouts.setState({ visiting: groupClassId });
}

export function noteBreakoutError(error: BreakoutError | null): void {
  useBreakouts.setState({ error });
}
