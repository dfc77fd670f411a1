import type { MediaState, TelemetryEvent } from '../../shared/protocol';
import type { StreamFigures } from './stats';

export type MediaEvent = Extract<TelemetryEvent, { type: 'media' }>;

export interface MediaEventsInput {
  /** The person the streams go to or come from. */
  peer: string;
  link: RTCPeerConnectionState;
  streams: StreamFigures[];
  /** This participant's own switches: microphone on, camera (or screen share) on. */
  sending: { audio: boolean; video: boolean };
  /** What the peer says about their media; their streams count as enabled when unknown. */
  remote: MediaState | undefined;
  at: number;
}

/**
 * One telemetry `media` event per stream of one connection, as the tagger reads them: `enabled` is the participant's
 * own switch for what it sends, and the sender's switch (from their MediaState) for what it receives, so a muted
 * microphone is not mistaken for "can't hear".
 */
export function mediaEvents({ peer, link, streams, sending, remote, at }: MediaEventsInput): MediaEvent[] {
  return streams.map((stream) => {
    const enabled =
      stream.direction === 'send'
        ? sending[stream.kind]
        : stream.kind === 'audio'
          ? (remote?.mic ?? true)
          : remote
            ? remote.camera || remote.screen
            : true;
    return {
      type: 'media',
      at,
      direction: stream.direction,
      kind: stream.kind,
      peer,
      enabled,
      link,
      bitrateKbps: Math.min(1_000_000, Math.max(0, stream.bitrateKbps)),
      lossPct: Math.min(100, Math.max(0, stream.lossPct)),
      jitterMs: Math.max(0, stream.jitterMs),
      ...(stream.rttMs !== undefined ? { rttMs: Math.max(0, stream.rttMs) } : {}),
      ...(stream.frames !== undefined ? { frames: Math.max(0, Math.round(stream.frames)) } : {}),
      ...(stream.audioLevel !== undefined ? { audioLevel: Math.min(1, Math.max(0, stream.audioLevel)) } : {}),
      ...(stream.packets !== undefined ? { packets: Math.max(0, Math.round(stream.packets)) } : {}),
      ...(stream.intervalMs !== undefined ? { intervalMs: Math.min(3_600_000, Math.max(0, Math.round(stream.intervalMs))) } : {}),
      ...(stream.frozenMs !== undefined ? { frozenMs: Math.min(3_600_000, Math.max(0, stream.frozenMs)) } : {}),
    };
  });
}
