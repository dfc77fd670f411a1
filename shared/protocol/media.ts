import { z } from 'zod';
import { Id } from './ids';

/** Messages of the media side: class media configuration, peer-to-peer signalling and each participant's media state. */
const v1 = z.literal(1);
const timestamp = z.number().int().nonnegative();

export const IceServer = z.object({
  urls: z.union([z.string().max(300), z.array(z.string().max(300)).min(1).max(8)]),
  username: z.string().max(200).optional(),
  credential: z.string().max(200).optional(),
});
export type IceServer = z.infer<typeof IceServer>;

/** One network line: a set of STUN/TURN servers. "Switch line" moves a participant to another one. */
export const MediaLine = z.object({
  id: Id,
  label: z.string().max(80),
  iceServers: z.array(IceServer).max(8),
  /** `relay` sends media only through the line's TURN servers (RTCConfiguration.iceTransportPolicy); `all` by default. */
  policy: z.enum(['all', 'relay']).optional(),
});
export type MediaLine = z.infer<typeof MediaLine>;

/** Retained, per class, set by the backend: how media flows in this class. */
export const ClassConfig = z.object({
  v: v1,
  media: z.object({
    /** `p2p` for 1-on-1 classes that need only a broker; `sfu` when the SFU service carries the media. */
    mode: z.enum(['p2p', 'sfu']),
    lines: z.array(MediaLine).min(1).max(8),
  }),
  ts: timestamp,
});
export type ClassConfig = z.infer<typeof ClassConfig>;

/**
 * Peer-to-peer signalling from one participant to another. `session` identifies the sender's media session, so a
 * message from an earlier session (late, replayed) is recognised and ignored; `seq` orders messages within it.
 */
export const RtcSignal = z.object({
  v: v1,
  session: Id,
  /** The receiver's session this answers, when known; anything addressed to another session is ignored. */
  to: Id.optional(),
  seq: z.number().int().positive(),
  kind: z.enum(['hello', 'offer', 'answer', 'candidate', 'bye']),
  sdp: z.string().max(60_000).optional(),
  candidate: z
    .object({ candidate: z.string().max(1000), sdpMid: z.string().max(64).nullable(), sdpMLineIndex: z.number().int().nonnegative().nullable() })
    .optional(),
  /** The line (ICE servers) the sender uses now. */
  line: Id.optional(),
  /**
   * When the sender's window joined the call (its MediaState.since, later than the person's earlier windows whatever
   * the device clocks say). Sessions of different windows are ordered by it, not by `ts`. Optional within v1.
   */
  since: timestamp.optional(),
  ts: timestamp,
});
export type RtcSignal = z.infer<typeof RtcSignal>;

/** Retained, per participant: what the others should show on this participant's tile. */
export const MediaState = z.object({
  v: v1,
  mic: z.boolean(),
  camera: z.boolean(),
  screen: z.boolean(),
  /** `interrupted`: the participant's media connection is down and recovering. */
  link: z.enum(['off', 'connecting', 'connected', 'interrupted']),
  /**
   * The window (console) that carries this person's media, and when it joined the call. A person's media is in one
   * window at a time: one that sees a later window of the same person join hands its media over. Optional within v1.
   */
  session: Id.optional(),
  since: timestamp.optional(),
  ts: timestamp,
});
export type MediaState = z.infer<typeof MediaState>;
