import type { AuthFailure, Role } from '../../shared/auth/claims';
import type { ClassSummary, Cleared, Decoded, DropReason, RpcError } from '../../shared/protocol';

/**
 * Messages between the UI thread (LinkClient) and the link worker (LinkCore). Everything here is structured-clone
 * friendly: plain objects, arrays and primitives only.
 */

export type PersonRole = Exclude<Role, 'service'>;

export interface BackoffOptions {
  /** Ceiling of the first retry; each later retry doubles it. */
  baseMs: number;
  /** The ceiling never grows past this. */
  capMs: number;
}

export interface LinkConfig {
  /** ws:// or wss:// URL of the broker's MQTT-over-WebSocket endpoint. */
  url: string;
  userId: string;
  name: string;
  /** `null` when signed in to a remote broker with a plain password: the token's claims are unknown. */
  role: PersonRole | null;
  /** Class scope; `null` when unknown, in which case the broker's ACL decides what arrives. */
  classes: '*' | string[] | null;
  /** MQTT password: a JWT from the classroom backend, or a remote broker's password. */
  token: string;
  /** When the token expires (epoch ms); `null` for credentials that do not expire or cannot be refreshed. */
  tokenExpiresAt: number | null;
  installId: string;
  root?: string;
  backoff?: Partial<BackoffOptions>;
  pingIntervalMs?: number;
}

export type LinkState =
  | 'idle'
  | 'connecting'
  | 'connected'
  | 'reconnecting'
  | 'offline'
  | 'refused'
  | 'unreachable'
  | 'closed';

export interface ConnectionStatus {
  state: LinkState;
  /** Number of the reconnect attempt under way or scheduled; 0 while connected. */
  attempt: number;
  /** Last measured round trip through the broker, in ms. */
  rttMs: number | null;
  /** Why the broker refused the credentials, when state is 'refused' or 'unreachable'. */
  failure: AuthFailure | null;
  /** One line for the diagnostics panel (the last transport error, for instance). */
  detail: string;
}

export type { LivePublication, TrackedPublication } from '../../shared/protocol/outbound';
import type { LivePublication, TrackedPublication } from '../../shared/protocol/outbound';

/** A user action that must reach the broker; kept until the broker acknowledges it (PUBACK). */
export type UserAction =
  | { kind: 'classControl'; classId: string; action: 'start' | 'end' }
  | { kind: 'publish'; classId: string; publication: TrackedPublication };

/** What a console that joined a class says about itself in its presence. */
export interface JoinOptions {
  /** Supervisors observe: no presence, no commands, nothing published about themselves. */
  observer: boolean;
  device?: string;
  appVersion?: string;
}

/** The kinds of class traffic handed to the open class (and notices addressed to this user). */
export type ClassKind =
  | 'presence'
  | 'boardOps'
  | 'boardLive'
  | 'laser'
  | 'boardSnapshot'
  | 'course'
  | 'room'
  | 'chat'
  | 'chatHistory'
  | 'command'
  | 'commandAck'
  | 'hand'
  | 'boardSync'
  | 'notice'
  | 'whisper'
  | 'classConfig'
  | 'rtc'
  | 'poll'
  | 'pollTally'
  | 'pollReceipt'
  | 'mediaState'
  | 'recording'
  | 'breakouts';

export type ClassMessage = Extract<Decoded, { kind: ClassKind }>;
/**
 * What supervisors receive from the tagger and the dispatcher, and the presence of the class whose detail is open
 * (who is in it, by name): all retained, one message per topic.
 */
export type SupervisionKind = 'classHealth' | 'classTags' | 'helpState' | 'supervisorMetrics' | 'presence';
export type SupervisionMessage = Extract<Decoded, { kind: SupervisionKind }>;
/** Release state, adoption and health, for admins and supervisors (the Releases screen): retained, one per topic. */
export type ReleaseKind = 'releaseState' | 'releaseAdoption' | 'releaseHealth';
export type ReleaseMessage = Extract<Decoded, { kind: ReleaseKind }>;
/** A participant's telemetry, for a supervisor watching one class's detail. */
export type TelemetryMessage = Extract<Decoded, { kind: 'telemetry' }>;

/** A retained class topic was cleared (an empty retained payload): a hand lowered for good, a snapshot removed. */
export type ClassCleared = Cleared;

export interface OutboxItem {
  id: string;
  action: UserAction;
  queuedAt: number;
}

export interface DiagnosticNote {
  at: number;
  level: 'info' | 'warning' | 'error';
  text: string;
}

export interface DropNote {
  reason: DropReason;
  topic: string;
  detail: string;
}

export interface DropSnapshot {
  counts: Record<DropReason, number>;
  total: number;
  recent: DropNote[];
}

/** What changed since the previous batch. Fields that did not change are absent. */
export interface LinkBatch {
  /** Latest summary per class (coalesced: only the newest of several updates to one class). */
  summaries: ClassSummary[];
  /** Classes whose retained summary was cleared. */
  cleared: string[];
  status?: ConnectionStatus;
  outbox?: OutboxItem[];
  drops?: DropSnapshot;
  notes?: DiagnosticNote[];
  /**
   * Traffic of the joined class: retained state (presence, course, room, hands, sync, chat history, snapshots) first,
   * coalesced to the newest per topic, then board ops, live strokes, laser, chat, commands and notices in arrival
   * order, never coalesced.
   */
  classMessages?: (ClassMessage | ClassCleared)[];
  /**
   * Supervisors only: class health, help requests and metrics (and the watched class's tags) that changed since the
   * previous batch, coalesced to the newest per topic (a cleared topic is a Cleared entry).
   */
  supervision?: (SupervisionMessage | Cleared)[];
  /** Supervisors only: telemetry of the class whose detail is open (watchClass), in arrival order. */
  telemetry?: TelemetryMessage[];
  releases?: ReleaseMessage[];
  /** Outbox ids the broker acknowledged since the previous batch. */
  acknowledged?: string[];
}

/**
 * How a request ended. A result is checked against its method's contract (shared/protocol/rpc) in the worker, so
 * `result` is the parsed result; one that does not fit the contract ends as `invalid-response`. A `remote` failure
 * carries the service's own error code and words.
 */
export type RequestOutcome =
  | { ok: true; result: unknown }
  | { ok: false; code: 'timeout' | 'disconnected' | 'invalid-request' | 'invalid-response'; message: string }
  | { ok: false; code: 'remote'; message: string; remote: RpcError };

/** UI thread → worker. */
export type LinkCommand =
  | { type: 'connect'; config: LinkConfig }
  | { type: 'token'; token: string; expiresAt: number | null }
  | { type: 'tokenUnavailable'; message: string }
  | { type: 'act'; id: string; action: UserAction }
  | { type: 'fire'; classId: string; publication: LivePublication }
  | { type: 'join'; classId: string; options: JoinOptions }
  | { type: 'leave'; classId: string }
  /** Supervisors: receive one class's telemetry and tags (its detail is open), or none with null. */
  | { type: 'watchClass'; classId: string | null }
  | { type: 'request'; id: string; service: string; method: string; params: unknown; timeoutMs: number }
  | { type: 'online'; online: boolean }
  /** The UI thread applied the last batch: the worker posts the next one (one batch in flight at a time). */
  | { type: 'applied' }
  | { type: 'disconnect' };

/** Worker → UI thread. */
export type LinkEvent =
  | { type: 'batch'; batch: LinkBatch }
  | { type: 'needToken' }
  | { type: 'settled'; id: string; outcome: RequestOutcome }
  | { type: 'actionRejected'; id: string; message: string };
