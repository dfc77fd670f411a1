import type { MediaLine } from '../../shared/protocol';
import type { RosterEntry } from '../class/classroom';
import type { ClassMessage } from '../link/messages';
import type { OutgoingTracks } from './LocalMedia';
import type { StatsSample } from './stats';

/** One remote person this console exchanges media with. */
export interface RemotePeer {
  userId: string;
  state: RTCPeerConnectionState;
  /** Connected at least once: losing it now is an interruption. */
  wasConnected: boolean;
  /** The other side takes part (it answered); someone who never started media is listed but not engaged. */
  engaged: boolean;
  /** What arrives from them (their audio and video tracks, as they come). */
  stream: MediaStream;
  /** Their audio level now, 0..1, from the RTP headers (cheap enough to poll for the speaker highlight). */
  audioLevel(): number;
  sample(): Promise<StatsSample | null>;
  /** Which line (ICE servers) the connection uses now. */
  lineId: string | null;
}

/** How media flows: peer-to-peer connections, or transports to the SFU. MediaCall drives either the same way. */
export interface MediaTransport {
  peers(): RemotePeer[];
  start(): void;
  /** The class's roster changed: who is here decides whom to connect to. */
  setRoster(roster: ReadonlyMap<string, RosterEntry>): void;
  /** Signalling and other class traffic meant for the transport. */
  receive(message: ClassMessage): void;
  /** The outgoing tracks changed (mute, camera, device switch, screen share): replaced without renegotiation. */
  setTracks(tracks: OutgoingTracks): void;
  /** Uses another line's ICE servers from now on and restarts ICE on every connection. */
  setLine(line: MediaLine): void;
  /** Recreates every connection; the outgoing tracks stay. */
  restart(): void;
  stop(): void;
}

/** What a transport tells the call. */
export interface TransportEvents {
  /** A connection's state or tracks changed. */
  changed(): void;
  note(level: 'info' | 'warning', text: string): void;
}
