import type { MethodOf, ParamsOf, ResultOf, RPC } from '../../shared/protocol';
import type { LinkBatch, PersonRole, TrackedPublication } from '../link/messages';

/** One share of each link batch: a store (or a feature's stores) kept current, and forgotten at sign-out. */
export interface BatchApplier {
  apply(batch: LinkBatch): void;
  reset(): void;
}

/** Who signed in, as far as the console knows. */
export interface SessionUser {
  id: string;
  name: string;
  /** Unknown (null) after a plain-password sign-in to a remote broker. */
  role: PersonRole | null;
  classes: '*' | string[] | null;
}

/** The backend's HTTP side, for courseware downloads and uploads. */
export interface SessionEndpoints {
  /** '' for the page's own origin. */
  httpBase: string;
  /** The session's current token (it changes when refreshed). */
  token(): string;
}

type Reports = (typeof RPC)['reports'];

/** Calls a reports method through its shared contract (the result is parsed by it before it resolves). */
export type ReportsPort = <M extends MethodOf<Reports>>(method: M, params: ParamsOf<Reports, M>) => Promise<ResultOf<Reports, M>>;

type Dispatcher = (typeof RPC)['dispatcher'];
export type DispatcherMethod = MethodOf<Dispatcher>;

/** What a supervisor's features get from the Session: the dispatcher, whispers, and the watched class's detail. */
export interface SupervisorPort {
  /** Calls a dispatcher method through its shared contract; a malformed result rejects with RpcFailure('invalid-response'). */
  dispatcher<M extends DispatcherMethod>(method: M, params: ParamsOf<Dispatcher, M>): Promise<ResultOf<Dispatcher, M>>;
  /** A QoS 1 message to a class the supervisor need not have open (a whisper); returns its outbox id. */
  publish(classId: string, publication: TrackedPublication): string;
  /** Receives one class's telemetry and tags (its detail is open) in the batches; null stops it. */
  watchClass(classId: string | null): void;
}
