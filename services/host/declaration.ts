import type { Dropped } from '../../shared/protocol/codec';
import type { MessageOf } from '../../shared/protocol/kinds';
import type { MethodOf, ParsedParamsOf, ResultOf, ServiceContract } from '../../shared/protocol/rpc/contract';
import type { TopicKind, TopicParams } from '../../shared/protocol/topics';

/** Requests are the host's business: a service declares methods, never a handler for them. */
export type HandledKind = Exclude<TopicKind, 'serviceRequest'>;

/** One decoded, validated message of kind K, as its handler gets it. */
export interface Incoming<K extends TopicKind> {
  params: TopicParams<K>;
  message: MessageOf<K>;
  topic: string;
  /** True when the broker had stored it before this subscription (a retained message), false for a live one. */
  retained: boolean;
}

export type MessageHandlers = { [K in HandledKind]?: (incoming: Incoming<K>) => void };

/** What to do when a retained message of kind K is cleared (an empty retained payload), by its topic's params. */
export type ClearedHandlers = { [K in TopicKind]?: (params: TopicParams<K>) => void };

/**
 * One RPC method, against its contract: it gets the params already parsed by the contract's `params` schema and the
 * requester's user id (the last segment of the request topic, pinned to the token by the ACL), and returns (or
 * resolves to) what the contract's `result` says. Throwing an RpcRefusal refuses the request.
 */
export type MethodHandler<C extends ServiceContract, M extends MethodOf<C>> = (
  params: ParsedParamsOf<C, M>,
  userId: string,
) => ResultOf<C, M> | Promise<ResultOf<C, M>>;

export type MethodTable<C extends ServiceContract> = { [M in MethodOf<C>]: MethodHandler<C, M> };

export interface Timer {
  everyMs: number;
  run(): void;
}

/**
 * A backend service as the host runs it: who it is, what it subscribes to, what it does with each kind of message
 * and each request, and what it does when it connects. The host owns everything else (ServiceHost).
 */
export interface ServiceDeclaration<C extends ServiceContract = ServiceContract> {
  /** It connects as user `svc-<name>`, and answers requests on `svc/<name>/req/+` when it has `rpc`. */
  name: string;
  /** Set when the service runs as several instances (tagger shards: `<i>-of-<N>`); the client id is `svc-<name>-<instance>`. */
  instance?: string;
  /** Keep the broker-side session while away, so QoS 1 messages sent meanwhile wait for it (users' commands). */
  persistentSession?: boolean;
  /** Every message of these kinds, subscribed in this order at QoS 1 on every connection. */
  subscriptions: readonly HandledKind[];
  /** Looks at a message before it is decoded; false skips it (another shard's class, say) at the cost of a topic check. */
  admit?(topic: string, retained: boolean): boolean;
  handlers?: MessageHandlers;
  cleared?: ClearedHandlers;
  /** After a malformed message has been counted, for a service that still acts on what it can read (help). */
  onDropped?(dropped: Dropped, payload: Buffer): void;
  /** Its RPC methods, implemented against its contract in shared/protocol/rpc. */
  rpc?: { contract: C; methods: MethodTable<C> };
  /** Before connecting, on every start (loading a store). */
  onStart?(): Promise<void> | void;
  /** After every (re)connection, once the subscriptions are in place: the time to republish what the service owns. */
  onConnect?(): void;
  /** Run while the service runs, from its first connection to its stop. */
  timers?: readonly Timer[];
  /** After disconnecting, on every stop (flushing a store, clearing timers of its own). */
  onStop?(): Promise<void> | void;
}
