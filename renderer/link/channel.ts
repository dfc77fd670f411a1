import type { MethodOf, ParamsOf, ResultOf, RPC, ServiceName } from '../../shared/protocol';
import type { ClassCleared, ClassKind, ClassMessage, LivePublication, TrackedPublication } from './messages';

/** A decoded message of the given kinds of one class, as the link worker validated it (never validated again). */
export type ClassMessageOf<K extends ClassKind> = Extract<ClassMessage, { kind: K }>;

export type ServiceContractOf<S extends ServiceName> = (typeof RPC)[S];

/**
 * The port an open class's features (board, media, help, chat, polls, breakouts) use to reach the class. The session
 * makes one per open class; a feature takes the channel it is given and never looks for the link itself. Everything
 * on it is already scoped to the class and the signed-in user.
 */
export interface ClassChannel {
  readonly classId: string;
  /** The signed-in user: the sender of everything published here. */
  readonly userId: string;

  /**
   * A QoS 1 message kept in the link's outbox until the broker acknowledges it, across reconnects. Returns its outbox
   * id. The class's own retained state (`course`, `room`) is also handed to this channel's listeners at once, so the
   * publisher's view does not wait for the broker (nor for the network to come back); the broker's copy that follows
   * is the same version, which every listener keeps only once.
   */
  publish(publication: TrackedPublication): string;
  /** Best effort: sent now when connected, dropped otherwise (live strokes, laser, telemetry, media signalling). */
  fire(publication: LivePublication): void;
  /**
   * Calls a backend service method through its shared contract (shared/protocol/rpc). The result is checked against
   * the contract before it is returned: a malformed one rejects with RpcFailure('invalid-response'), never a cast.
   */
  request<S extends ServiceName, M extends MethodOf<ServiceContractOf<S>>>(
    service: S,
    method: M,
    params: ParamsOf<ServiceContractOf<S>, M>,
    timeoutMs?: number,
  ): Promise<ResultOf<ServiceContractOf<S>, M>>;

  /**
   * Calls `listener` with each batch (one per animation frame at most) of this class's messages of `kinds`, in the
   * order they arrived; retained state comes first, coalesced to the newest per topic. A listener that comes late
   * (the board loads lazily) is handed at once the class's current retained state of its kinds and the stream
   * messages of its kinds that nobody had listened to yet. Returns the unsubscribe.
   */
  listen<K extends ClassKind>(kinds: readonly K[], listener: (messages: ClassMessageOf<K>[]) => void): () => void;
  /** Retained topics of this class that were cleared (an empty retained payload). Returns the unsubscribe. */
  onCleared(listener: (cleared: ClassCleared[]) => void): () => void;
  /** Outbox ids the broker acknowledged, or that were refused before being queued (with why). Returns the unsubscribe. */
  onSettled(listener: (settled: { acknowledged: string[]; rejected: { id: string; message: string }[] }) => void): () => void;
  /** Called with true when the link is connected and false when it is not (at once with the current state). */
  onConnected(listener: (connected: boolean) => void): () => void;
}
