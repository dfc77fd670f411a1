import type { HelpState, HelpStatus, SupervisorMetrics } from '../../shared/protocol/supervision';

export const ENDED_STATUSES: ReadonlySet<HelpStatus> = new Set(['auto-resolved', 'resolved']);

export function isEnded(state: Pick<HelpState, 'status'>): boolean {
  return ENDED_STATUSES.has(state.status);
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The supervisors' headline figures over the requests the dispatcher holds (open ones, and ended ones until it
 * forgets them). `escalated` counts what waits for a person: escalated and manual requests nobody has claimed.
 */
export function computeMetrics(requests: Iterable<Pick<HelpState, 'status' | 'createdAt' | 'resolvedAt'>>, liveClasses: number, now: number): SupervisorMetrics {
  let openHelp = 0;
  let escalated = 0;
  let auto = 0;
  let ended = 0;
  const durations: number[] = [];
  for (const request of requests) {
    if (isEnded(request)) {
      ended++;
      if (request.status === 'auto-resolved') auto++;
      if (request.resolvedAt !== null) durations.push(Math.max(0, request.resolvedAt - request.createdAt) / 1000);
    } else {
      openHelp++;
      if (request.status === 'escalated' || request.status === 'manual') escalated++;
    }
  }
  const resolve = median(durations);
  return {
    v: 1,
    liveClasses,
    openHelp,
    escalated,
    autoResolvedRate: ended === 0 ? 0 : auto / ended,
    medianResolveS: resolve === null ? null : Math.round(resolve * 10) / 10,
    at: now,
  };
}
