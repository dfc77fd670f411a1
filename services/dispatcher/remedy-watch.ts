import type { ClassTags, HelpState, RemedyAttempt } from '../../shared/protocol/supervision';
import { stillTagged } from './coverage';

/**
 * The rules that decide what became of a request's remedies, as pure functions of its state, the class's tags and
 * the time: when a command timed out, when tags prove a remedy worked, when they prove it did not.
 */

/** The id the dispatcher signs its own remedies and audit entries with. */
export const DISPATCHER_ID = 'dispatcher';

export function isAutomatic(attempt: RemedyAttempt): boolean {
  return attempt.by === DISPATCHER_ID;
}

export function withAttempts(state: HelpState, attempts: readonly RemedyAttempt[]): HelpState {
  const byId = new Map(attempts.map((a) => [a.commandId, a]));
  return { ...state, remedies: state.remedies.map((r) => byId.get(r.commandId) ?? r) };
}

/** The command of a `remedy-pending` request's automatic attempt that was refused or never acknowledged, if any. */
export function automaticFailure(state: HelpState): RemedyAttempt | undefined {
  if (state.status !== 'remedy-pending') return undefined;
  return state.remedies.find((r) => isAutomatic(r) && (r.outcome === 'refused' || r.outcome === 'no-ack'));
}

function lastAck(attempts: readonly RemedyAttempt[]): number {
  return Math.max(...attempts.map((r) => r.ackedAt ?? Number.MAX_SAFE_INTEGER));
}

/** A participant last heard from this long before the class's newest event is not taken as still there. */
export const HEARD_FRESH_MS = 15_000;

function tagsGone(state: HelpState, tags: ClassTags | undefined): tags is ClassTags {
  return tags !== undefined && state.tags.length > 0 && !state.tags.some((entry) => stillTagged(entry, tags));
}

/**
 * Whether every participant of the request's tags was heard from after `after`, and lately: a tag that went because
 * its participant left or fell silent (their evidence went quiet) is not a remedy that worked. Tags that hold
 * entries but list nobody as heard come from a tagger older than `heard`, and are taken as they are.
 */
function stillHeard(state: HelpState, tags: ClassTags, after: number): boolean {
  if (tags.heard.length === 0) return tags.tags.length > 0;
  const heardAt = new Map(tags.heard.map((h) => [h.userId, h.at]));
  return state.tags.every((entry) => {
    if (entry.userId === undefined) return true;
    const at = heardAt.get(entry.userId);
    return at !== undefined && at > after && tags.windowEnd - at <= HEARD_FRESH_MS;
  });
}

/**
 * True when these tags prove the automatic attempt worked: every command was carried out, and tags published after
 * the last acknowledgement hold none of the request's (tag, participant) entries while its participants are still
 * heard from.
 */
export function automaticCleared(state: HelpState, tags: ClassTags | undefined): boolean {
  if (state.status !== 'remedy-pending' || !tagsGone(state, tags)) return false;
  const automatic = state.remedies.filter(isAutomatic);
  if (automatic.length === 0 || !automatic.every((r) => r.outcome === 'acked')) return false;
  const acked = lastAck(automatic);
  return tags.ts > acked && stillHeard(state, tags, acked);
}

/** A supervisor's carried-out remedies that these tags, published after each one, prove worked. */
export function clearedByPeople(state: HelpState, tags: ClassTags | undefined): RemedyAttempt[] {
  if (!tagsGone(state, tags)) return [];
  return state.remedies
    .filter((r) => !isAutomatic(r) && r.outcome === 'acked' && r.ackedAt !== undefined && tags.ts > r.ackedAt && stillHeard(state, tags, r.ackedAt))
    .map((r) => ({ ...r, outcome: 'cleared' }));
}

export interface WatchClock {
  now: number;
  ackTimeoutMs: number;
  pendingWindowMs: number;
  /** When an attempt's acknowledgement is overdue (later than `sentAt + ackTimeoutMs` after a restart). */
  ackDeadline(attempt: RemedyAttempt): number;
}

/**
 * Attempts whose time ran out: commands not acknowledged in time (`no-ack`), and carried-out remedies whose tags are
 * still there a pending window after the acknowledgement (`not-cleared`). The automatic attempt's window runs from
 * its last acknowledgement, since its commands work together.
 */
export function overdue(state: HelpState, clock: WatchClock, present: string): RemedyAttempt[] {
  const { now, pendingWindowMs } = clock;
  const changed: RemedyAttempt[] = [];
  const stillThere = `${present} still tagged ${pendingWindowMs / 1000} s after it was carried out`.slice(0, 300);
  for (const r of state.remedies) {
    if (r.outcome === 'pending' && now >= clock.ackDeadline(r)) {
      changed.push({ ...r, outcome: 'no-ack', detail: `no acknowledgement within ${clock.ackTimeoutMs / 1000} s (offline or not responding)` });
    } else if (r.outcome === 'acked' && !isAutomatic(r) && state.tags.length > 0 && now >= r.ackedAt! + pendingWindowMs) {
      changed.push({ ...r, outcome: 'not-cleared', detail: stillThere });
    }
  }
  if (state.status === 'remedy-pending') {
    const automatic = state.remedies.filter(isAutomatic);
    if (automatic.every((r) => r.outcome === 'acked') && now >= lastAck(automatic) + pendingWindowMs) {
      for (const r of automatic) changed.push({ ...r, outcome: 'not-cleared', detail: stillThere });
    }
  }
  return changed;
}
