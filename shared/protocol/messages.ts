import { z } from 'zod';
import { Id } from './ids';
import { CLASS_ROLES } from '../auth/claims';
import { ElementRecord } from '../whiteboard/element';
import { MAX_COURSE_PAGES } from './assets';

/** Every payload is a JSON object with `v`, the protocol version it was written for. */
const v1 = z.literal(1);
const timestamp = z.number().int().nonnegative();
const label = z.string().min(1).max(120);

export const ClassState = z.enum(['scheduled', 'live', 'ended']);
export type ClassState = z.infer<typeof ClassState>;

export const ClassSummary = z.object({
  v: v1,
  id: Id,
  title: label,
  teacher: z.object({ id: Id, name: label }),
  state: ClassState,
  region: z.string().max(32),
  startsAt: timestamp,
  presence: z.object({ teachers: z.number().int().nonnegative(), students: z.number().int().nonnegative() }),
  capacity: z.number().int().positive().max(10_000),
  updatedAt: timestamp,
  /** When its teacher ended the class; only on an ended class whose end the directory saw. */
  endedAt: timestamp.optional(),
  /** Until when its teacher may reopen the ended class: a `start` before then turns it live again. */
  reopenUntil: timestamp.optional(),
});
export type ClassSummary = z.infer<typeof ClassSummary>;

/**
 * Most summaries in one directory page or change message: 1,000 classes are one page (a summary is about 300 bytes;
 * the directory also keeps each page within the reply's size).
 */
export const MAX_SUMMARIES_PER_MESSAGE = 2_500;

/**
 * Summaries that changed, as the directory published them: a console holding the whole list (from the directory's
 * `list` pages) follows it with these instead of one retained message per class. `epoch` names one run of the
 * directory service; `seq` counts its change messages within that run, one by one, so a console can tell a gap.
 */
export const DirectoryChanges = z.object({
  v: v1,
  epoch: Id,
  seq: z.number().int().nonnegative(),
  summaries: z.array(ClassSummary).max(MAX_SUMMARIES_PER_MESSAGE),
});
export type DirectoryChanges = z.infer<typeof DirectoryChanges>;

export const Presence = z.object({
  v: v1,
  userId: Id,
  name: label,
  role: z.enum(CLASS_ROLES),
  online: z.boolean(),
  device: z.string().max(80).optional(),
  appVersion: z.string().max(40).optional(),
  ts: timestamp,
});
export type Presence = z.infer<typeof Presence>;

export const ClassControl = z.object({
  v: v1,
  action: z.enum(['start', 'end']),
  /** Lets the sender recognise its own change when the directory echoes it back. */
  requestId: Id,
  ts: timestamp,
});
export type ClassControl = z.infer<typeof ClassControl>;

export const RpcRequest = z.object({
  v: v1,
  /** Correlation id: the response carries the same id. */
  id: Id,
  method: z.string().regex(/^[a-z][a-zA-Z0-9.]{0,63}$/),
  /** The session id segment of the requester's reply topic. */
  replyTo: Id,
  params: z.unknown(),
  /** The requester stops waiting at this time; a service may skip work that can no longer be answered. */
  deadline: timestamp,
});
export type RpcRequest = z.infer<typeof RpcRequest>;

export const RpcError = z.object({ code: z.string().max(64), message: z.string().max(500) });
export type RpcError = z.infer<typeof RpcError>;

export const RpcResponse = z.discriminatedUnion('ok', [
  z.object({ v: v1, id: Id, ok: z.literal(true), result: z.unknown() }),
  z.object({ v: v1, id: Id, ok: z.literal(false), error: RpcError }),
]);
export type RpcResponse = z.infer<typeof RpcResponse>;

export const Ping = z.object({ v: v1, seq: z.number().int().nonnegative(), sentAt: timestamp });
export type Ping = z.infer<typeof Ping>;

// ---- Teaching a class -------------------------------------------------------------------------------------------

/**
 * How far a participant's help request has come, as its sender sees it: `received` (sent and checked), `fixing` (a
 * remedy is being tried), `waiting` (it waits for a supervisor), `supervisor` (a supervisor is on it), `resolved`.
 */
export const HELP_PROGRESS = ['received', 'fixing', 'waiting', 'supervisor', 'resolved'] as const;
export type HelpProgress = (typeof HELP_PROGRESS)[number];

/**
 * How a resolved help request ended, as its sender is told: `remedied` (an automatic remedy fixed it), `resolved` (a
 * supervisor resolved it with the problem gone), `closed` (a supervisor closed it while the problem was still tagged).
 */
export const HELP_OUTCOMES = ['remedied', 'resolved', 'closed'] as const;
export type HelpOutcome = (typeof HELP_OUTCOMES)[number];

export const Notice = z.object({
  v: v1,
  kind: z.enum(['chat-rejected', 'chat-replaced', 'chat-muted', 'command-refused', 'removed', 'help-progress']),
  /** The id of what the notice is about (a chat message, a command, a help request). */
  ref: Id.optional(),
  text: z.string().max(500),
  /** With `help-progress`: where the help request `ref` stands. */
  progress: z.enum(HELP_PROGRESS).optional(),
  /** With `help-progress` `resolved`: how it ended. Optional within v1 (older dispatchers leave it out). */
  outcome: z.enum(HELP_OUTCOMES).optional(),
  ts: timestamp,
});
export type Notice = z.infer<typeof Notice>;

export const BoardOps = z.object({
  v: v1,
  pageId: Id,
  /**
   * The sender's board session: one per opened board, so a reload or a second window is a new one. Optional within
   * v1; ops without it are numbered per user, as if the user had one session.
   */
  session: Id.optional(),
  /** Sequence number per sender session, starting at 1; a receiver that sees it skip resyncs from the snapshot. */
  seq: z.number().int().positive(),
  records: z.array(ElementRecord).min(1).max(100),
});
export type BoardOps = z.infer<typeof BoardOps>;

export const BoardLive = z.object({
  v: v1,
  pageId: Id,
  /** The sending board session, as in BoardOps: a second window of the same user shows its own strokes. */
  session: Id.optional(),
  strokeId: Id,
  kind: z.enum(['pen', 'highlighter']),
  stroke: z.string().regex(/^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/),
  strokeWidth: z.number().min(0.5).max(100),
  /** Index (in numbers, not pairs) of the first point carried here within the whole stroke. */
  from: z.number().int().nonnegative(),
  /** Flat absolute x,y pairs. */
  points: z.array(z.number().finite()).max(4_000),
});
export type BoardLive = z.infer<typeof BoardLive>;

export const Laser = z.object({
  v: v1,
  pageId: Id,
  /** The pointing board session, as in BoardOps: each window of a user has its own laser. */
  session: Id.optional(),
  x: z.number().finite(),
  y: z.number().finite(),
  on: z.boolean(),
});
export type Laser = z.infer<typeof Laser>;

export const BoardSnapshot = z.object({
  v: v1,
  pageId: Id,
  elements: z.array(ElementRecord).max(50_000),
  /**
   * The last sequence number of each sender session that the snapshot includes, keyed `<userId>/<session>` (or
   * `<userId>` for ops without a session).
   */
  seqs: z.record(z.string().regex(/^[A-Za-z0-9_-]{1,64}(\/[A-Za-z0-9_-]{1,64})?$/), z.number().int().nonnegative()),
  takenAt: timestamp,
});
export type BoardSnapshot = z.infer<typeof BoardSnapshot>;

export const CoursePage = z.object({
  id: Id,
  kind: z.enum(['blank', 'pdf', 'image']),
  /** Courseware asset id (served by the backend's asset store); empty for a blank page. */
  asset: Id.or(z.literal('')),
  /** Page number within a PDF asset, from 1. */
  page: z.number().int().positive().max(10_000).default(1),
  title: z.string().max(120).default(''),
});
export type CoursePage = z.infer<typeof CoursePage>;

export const Course = z.object({
  v: v1,
  /** Incremented by every change; receivers keep the highest. */
  version: z.number().int().nonnegative(),
  pages: z.array(CoursePage).min(1).max(MAX_COURSE_PAGES),
  current: Id,
  by: Id,
  ts: timestamp,
});
export type Course = z.infer<typeof Course>;

export const Room = z.object({
  v: v1,
  version: z.number().int().nonnegative(),
  /** Students allowed to draw; teachers always may. */
  drawing: z.array(Id).max(500),
  chatMutedAll: z.boolean(),
  chatMuted: z.array(Id).max(500),
  stars: z.record(Id, z.number().int().nonnegative().max(100_000)),
  removed: z.array(Id).max(500),
  startedAt: timestamp.nullable(),
  countdownEndsAt: timestamp.nullable(),
  by: Id,
  ts: timestamp,
});
export type Room = z.infer<typeof Room>;

export const ChatMessage = z.object({
  v: v1,
  id: Id,
  from: z.object({ id: Id, name: label, role: z.enum(CLASS_ROLES) }),
  /** Plain text; always rendered as text. */
  text: z.string().min(1).max(500),
  moderation: z.enum(['clean', 'replaced']),
  ts: timestamp,
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const ChatHistory = z.object({ v: v1, messages: z.array(ChatMessage).max(100) });
export type ChatHistory = z.infer<typeof ChatHistory>;

export const COMMAND_ACTIONS = [
  'mute', 'unmute', 'remove', 'resync-board', 'reload-courseware', 'restart-media', 'switch-line',
] as const;
export const Command = z.object({
  v: v1,
  id: Id,
  action: z.enum(COMMAND_ACTIONS),
  by: Id,
  params: z.record(z.string(), z.union([z.string().max(500), z.number(), z.boolean()])).default({}),
  ts: timestamp,
});
export type Command = z.infer<typeof Command>;

export const CommandAck = z.object({
  v: v1,
  commandId: Id,
  ok: z.boolean(),
  detail: z.string().max(500).default(''),
  ts: timestamp,
});
export type CommandAck = z.infer<typeof CommandAck>;

export const Hand = z.object({ v: v1, raised: z.boolean(), at: timestamp });
export type Hand = z.infer<typeof Hand>;

export const BoardSync = z.object({
  v: v1,
  pageId: Id,
  /** Sum of the page's record versions: equal on peers that hold the same page state, and never decreasing. */
  revision: z.number().int().nonnegative(),
  /** Local ops not yet acknowledged by the broker. */
  unsent: z.number().int().nonnegative(),
  at: timestamp,
});
export type BoardSync = z.infer<typeof BoardSync>;

/** When the event happened (event time, for the tagger's windows); the message's `at` when left out. */
const eventAt = { at: timestamp.optional() };
const ratio = z.number().min(0).max(1);
export const MEDIA_LINK_STATES = ['new', 'connecting', 'connected', 'disconnected', 'failed', 'closed'] as const;

export const TelemetryEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('entry'), ...eventAt, step: z.enum(['token', 'broker', 'snapshot', 'courseware', 'media', 'ready']), ms: z.number().nonnegative() }),
  z.object({ type: z.literal('init'), ...eventAt, component: z.enum(['media', 'messaging', 'courseware', 'board']), ok: z.boolean(), error: z.string().max(300).optional() }),
  z.object({ type: z.literal('courseware'), ...eventAt, asset: Id, page: z.number().int().positive().optional(), ok: z.boolean(), ms: z.number().nonnegative(), error: z.string().max(300).optional() }),
  z.object({ type: z.literal('board-lag'), ...eventAt, lagMs: z.number().nonnegative(), pendingOps: z.number().int().nonnegative() }),
  /** A drawing attempt on the board: refused or failed attempts while drawing is granted are what "can't draw" means. */
  z.object({ type: z.literal('draw'), ...eventAt, ok: z.boolean(), reason: z.string().max(120).optional() }),
  /**
   * One media stream over the last stats interval: what this participant sends (`send`) or receives from `peer`
   * (`receive`). `enabled` is the user's own switch (mic or camera on); `audioLevel` is 0..1.
   */
  z.object({
    type: z.literal('media'),
    ...eventAt,
    direction: z.enum(['send', 'receive']),
    kind: z.enum(['audio', 'video']),
    peer: Id.optional(),
    enabled: z.boolean(),
    link: z.enum(MEDIA_LINK_STATES),
    bitrateKbps: z.number().nonnegative().max(1_000_000),
    lossPct: z.number().min(0).max(100),
    jitterMs: z.number().nonnegative(),
    rttMs: z.number().nonnegative().optional(),
    /** Frames encoded (send) or decoded (receive) during the interval. */
    frames: z.number().int().nonnegative().optional(),
    audioLevel: ratio.optional(),
    /**
     * RTP packets sent (send) or received (receive) during the interval. Audio with silence suppression (DTX) still
     * sends a few packets a second while the person is quiet; a stream that carries nothing sends none. Optional
     * within v1.
     */
    packets: z.number().int().nonnegative().optional(),
    /** How long the interval these figures cover was, in ms (about 5,000; longer when the console was throttled). Optional within v1. */
    intervalMs: z.number().int().nonnegative().max(3_600_000).optional(),
    /** Receive video: how long the picture was frozen during the interval (getStats' freeze duration), in ms. Optional within v1. */
    frozenMs: z.number().nonnegative().max(3_600_000).optional(),
  }),
]);
export type TelemetryEvent = z.infer<typeof TelemetryEvent>;

export const Telemetry = z.object({
  v: v1,
  /** Unique per message, so a redelivered or replayed batch is recognised and counted once. */
  id: Id.optional(),
  at: timestamp,
  events: z.array(TelemetryEvent).min(1).max(50),
});
export type Telemetry = z.infer<typeof Telemetry>;
