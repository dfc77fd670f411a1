/** A disconnected connection often comes back by itself (consent checks resume); only after this is ICE restarted. */
export const DISCONNECTED_RESTART_MS = 8_000;
/** A connection still being set up after this long is nudged (ICE restart, or a fresh greeting). */
export const SETUP_STUCK_MS = 10_000;
/** At most one ICE restart per this interval. */
export const RESTART_EVERY_MS = 8_000;
/** After this many restarts without connecting, the link is started over with a new session. */
export const MAX_RESTARTS = 4;

export interface LinkCondition {
  state: RTCPeerConnectionState;
  /** How long the connection has been in this state. */
  stateAgeMs: number;
  /** Since the last ICE restart (or nudge); Infinity when there was none. */
  sinceRestartMs: number;
  /** Restarts (and nudges) since the connection was last up. */
  restarts: number;
  polite: boolean;
  /** The other side's offer or answer has been applied: there is something to restart. */
  negotiated: boolean;
}

export type WatchdogAction = 'none' | 'restart-ice' | 'greet' | 'start-over';

/**
 * What to do about a connection that is not up, checked once a second. `disconnected` is given time to come back on
 * its own; `failed` is restarted at once by the impolite side and by the polite side if that did not help; a
 * connection stuck in `new` or `connecting` is restarted (or, when the polite side has heard nothing to answer yet,
 * greets again). After MAX_RESTARTS the link starts over with a new session.
 */
export function watchdogAction(link: LinkCondition): WatchdogAction {
  const due = (() => {
    switch (link.state) {
      case 'connected':
      case 'closed':
        return false;
      case 'disconnected':
        return link.stateAgeMs >= DISCONNECTED_RESTART_MS && link.sinceRestartMs >= RESTART_EVERY_MS;
      case 'failed':
        return link.restarts === 0 ? !link.polite || link.stateAgeMs >= RESTART_EVERY_MS : link.sinceRestartMs >= (link.polite ? 2 : 1) * RESTART_EVERY_MS;
      default:
        return link.stateAgeMs >= SETUP_STUCK_MS && link.sinceRestartMs >= SETUP_STUCK_MS;
    }
  })();
  if (!due) return 'none';
  if (link.restarts >= MAX_RESTARTS) return 'start-over';
  if (link.polite && !link.negotiated) return 'greet';
  return 'restart-ice';
}
