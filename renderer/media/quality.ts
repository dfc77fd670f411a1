import type { StreamFigures } from './stats';

export type Quality = 'good' | 'fair' | 'poor' | 'none';

/** What a tile's quality details show for one connection: what arrives from that person, and the round trip. */
export interface PeerFigures {
  bitrateKbps: number;
  lossPct: number;
  jitterMs: number;
  rttMs: number | null;
  framesDecoded: number;
  framesPerSecond: number;
  audioLevel: number;
  /** The local candidate type in use: host (direct), srflx, prflx or relay. */
  path: string | null;
}

/** Sums what arrives on a connection into the figures a person reads: total bitrate, worst loss and jitter. */
export function peerFigures(streams: StreamFigures[], intervalMs: number, path: string | null): PeerFigures {
  const received = streams.filter((s) => s.direction === 'receive');
  const video = received.find((s) => s.kind === 'video');
  const audio = received.find((s) => s.kind === 'audio');
  const rtts = streams.map((s) => s.rttMs).filter((v): v is number => v !== undefined);
  return {
    bitrateKbps: Math.round(received.reduce((sum, s) => sum + s.bitrateKbps, 0)),
    lossPct: Math.max(0, ...received.map((s) => s.lossPct)),
    jitterMs: Math.max(0, ...received.map((s) => s.jitterMs)),
    rttMs: rtts.length > 0 ? Math.max(...rtts) : null,
    framesDecoded: video?.framesTotal ?? 0,
    framesPerSecond: video?.frames !== undefined && intervalMs > 0 ? Math.round((video.frames * 1000) / intervalMs) : 0,
    audioLevel: audio?.audioLevel ?? 0,
    path,
  };
}

/**
 * One word for a connection, from the figures a person would notice first: loss breaks audio, round trip delays
 * answers, jitter makes speech choppy. Thresholds follow common VoIP guidance (ITU-T G.114 for delay).
 */
export function qualityOf(figures: PeerFigures | null, connected: boolean): Quality {
  if (!connected || !figures) return 'none';
  const rtt = figures.rttMs ?? 0;
  if (figures.lossPct > 10 || rtt > 600 || figures.jitterMs > 100) return 'poor';
  if (figures.lossPct > 3 || rtt > 300 || figures.jitterMs > 50) return 'fair';
  return 'good';
}
