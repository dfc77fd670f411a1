import type { MediaState } from '../../shared/protocol';

/** RTCPeerConnection.connectionState, and how long it has been that way is the watchdog's business. */
export type ConnectionState = RTCPeerConnectionState;

/** What one connection looks like to the people on it. */
export interface LinkHistory {
  state: ConnectionState;
  /** It has been connected at least once: losing it now is an interruption, not a slow start. */
  wasConnected: boolean;
}

/**
 * This participant's link in its MediaState: interrupted while any connection that worked is down, connecting
 * while any is still being set up, connected otherwise (also when nobody else is there yet).
 */
export function aggregateLink(links: LinkHistory[], started: boolean): MediaState['link'] {
  if (!started) return 'off';
  if (links.some((l) => l.wasConnected && l.state !== 'connected')) return 'interrupted';
  if (links.some((l) => l.state !== 'connected')) return 'connecting';
  return 'connected';
}

/** How a tile shows someone's link: the local connection to them first, then what they say about themselves. */
export function tileLink(local: LinkHistory | undefined, remote: MediaState | undefined): MediaState['link'] {
  if (local?.wasConnected && local.state !== 'connected') return 'interrupted';
  if (remote?.link === 'interrupted') return 'interrupted';
  if (local?.state === 'connected') return 'connected';
  if (local) return 'connecting';
  return remote?.link ?? 'off';
}
