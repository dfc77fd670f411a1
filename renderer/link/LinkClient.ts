import { DEFAULT_RPC_TIMEOUT_MS, RpcFailure, type MethodOf, type ParamsOf, type ResultOf, type ServiceName } from '../../shared/protocol';
import type { ServiceContractOf } from './channel';
import type { ConnectionStatus, JoinOptions, LinkBatch, LinkCommand, LinkConfig, LinkEvent, LivePublication, TrackedPublication, UserAction } from './messages';

export type BatchListener = (batch: LinkBatch) => void;
export type RejectionListener = (id: string, message: string) => void;

export type FreshToken = { token: string; expiresAt: number } | { error: string };

/** Where the worker's "I need a fresh token" goes: main over IPC, or the backend's /api/refresh. */
export type TokenRefresher = () => Promise<FreshToken>;

/** The worker as the client uses it (a fake one in unit tests). */
export type LinkWorker = Pick<Worker, 'postMessage' | 'addEventListener' | 'terminate'>;

const newLinkWorker = () => new Worker(new URL('./worker/link.worker.ts', import.meta.url), { type: 'module', name: 'link' });

/** A worker started ahead of the next sign-in (LinkClient.prewarm); taken by the next spawn. */
let warmWorker: Worker | null = null;

const SETTLED_STATES: ReadonlySet<ConnectionStatus['state']> = new Set(['connected', 'refused', 'unreachable', 'closed']);

/**
 * The UI thread's end of the link worker: typed commands in, batches out to whoever listens (the Session). It holds
 * no state of its own beyond pending requests, and touches no store.
 */
export class LinkClient {
  private readonly requests = new Map<string, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private outcomeWaiters: ((status: ConnectionStatus) => void)[] = [];
  private readonly batchListeners = new Set<BatchListener>();
  private readonly rejectionListeners = new Set<RejectionListener>();
  private readonly failureListeners = new Set<(message: string) => void>();
  private stopWatchingNetwork: () => void = () => undefined;
  private lastStatus: ConnectionStatus | null = null;
  /** After disconnect() the worker's last batches no longer belong to the UI (the next session may be starting). */
  private detached = false;

  constructor(
    private readonly worker: LinkWorker,
    private readonly refreshToken: TokenRefresher | null,
  ) {
    worker.addEventListener('message', (event: MessageEvent<LinkEvent>) => this.receive(event.data));
    worker.addEventListener('error', (event: ErrorEvent) => {
      for (const listener of this.failureListeners) listener(`link worker failed: ${event.message}`);
    });
  }

  /**
   * Starts the next session's worker now, so fetching, compiling and starting it (its schemas, the MQTT client)
   * happens while the connect screen waits for the person rather than after the sign-in click. An idle worker posts
   * nothing until it is told to connect.
   */
  static prewarm(): void {
    if (typeof Worker === 'undefined') return;
    warmWorker ??= newLinkWorker();
  }

  static spawn(refreshToken: TokenRefresher | null): LinkClient {
    const worker = warmWorker ?? newLinkWorker();
    warmWorker = null;
    const client = new LinkClient(worker, refreshToken);
    // Workers do not always hear the page's network events, so the page passes them on.
    const onNetworkChange = () => client.send({ type: 'online', online: navigator.onLine });
    window.addEventListener('online', onNetworkChange);
    window.addEventListener('offline', onNetworkChange);
    client.stopWatchingNetwork = () => {
      window.removeEventListener('online', onNetworkChange);
      window.removeEventListener('offline', onNetworkChange);
    };
    return client;
  }

  connect(config: LinkConfig): void {
    this.send({ type: 'connect', config });
    if (typeof navigator !== 'undefined' && !navigator.onLine) this.send({ type: 'online', online: false });
  }

  /** Whether the link was connected in the latest batch. */
  get connected(): boolean {
    return this.lastStatus?.state === 'connected';
  }

  /** Resolves with the first settled status: connected, or why not. */
  outcome(): Promise<ConnectionStatus> {
    return new Promise((resolve) => this.outcomeWaiters.push(resolve));
  }

  /** Queues a user action; it is delivered after reconnects until the broker acknowledges it. Returns its outbox id. */
  act(action: UserAction): string {
    const id = crypto.randomUUID();
    this.send({ type: 'act', id, action });
    return id;
  }

  /** A QoS 1 class message, kept in the outbox (and counted as unsent) until the broker acknowledges it. */
  publish(classId: string, publication: TrackedPublication): string {
    return this.act({ kind: 'publish', classId, publication });
  }

  /** A best-effort class message: live strokes, laser, telemetry, signalling. Dropped while offline. */
  fire(classId: string, publication: LivePublication): void {
    this.send({ type: 'fire', classId, publication });
  }

  /** Opens a class: its traffic arrives in the batches until leave(). */
  join(classId: string, options: JoinOptions): void {
    this.send({ type: 'join', classId, options });
  }

  leave(classId: string): void {
    this.send({ type: 'leave', classId });
  }

  /** Supervisors: receive one class's telemetry and tags in the batches (its detail is open); null stops it. */
  watchClass(classId: string | null): void {
    this.send({ type: 'watchClass', classId });
  }

  /**
   * Calls a service method through its shared contract. The worker checks the params and parses the result with the
   * method's result schema before it settles, so what resolves here is the contract's result type. A result that
   * does not fit rejects with RpcFailure('invalid-response'); a service's refusal with RpcFailure('remote'), carrying
   * its code and words.
   */
  request<S extends ServiceName, M extends MethodOf<ServiceContractOf<S>>>(
    service: S,
    method: M,
    params: ParamsOf<ServiceContractOf<S>, M>,
    timeoutMs = DEFAULT_RPC_TIMEOUT_MS,
  ): Promise<ResultOf<ServiceContractOf<S>, M>> {
    const id = crypto.randomUUID();
    return new Promise((resolve, reject) => {
      this.requests.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.send({ type: 'request', id, service, method, params, timeoutMs });
    });
  }

  /** Calls back with every batch the worker posts; returns the unsubscribe function. */
  onBatch(listener: BatchListener): () => void {
    this.batchListeners.add(listener);
    return () => this.batchListeners.delete(listener);
  }

  /** Calls back when an action or publication was refused before it was queued (invalid, or the outbox is full). */
  onRejected(listener: RejectionListener): () => void {
    this.rejectionListeners.add(listener);
    return () => this.rejectionListeners.delete(listener);
  }

  /** Calls back when the worker itself failed. */
  onFailure(listener: (message: string) => void): () => void {
    this.failureListeners.add(listener);
    return () => this.failureListeners.delete(listener);
  }

  /**
   * A token got by signing in again: used from the next connect on, and at once when the broker had refused the
   * connection; what waited to be sent goes out once it connects.
   */
  renewToken(token: string, expiresAt: number | null): void {
    this.send({ type: 'token', token, expiresAt });
  }

  /** Says goodbye (offline presence, DISCONNECT); the worker's later batches are ignored. */
  disconnect(): void {
    this.detached = true;
    this.send({ type: 'disconnect' });
  }

  dispose(): void {
    this.stopWatchingNetwork();
    this.worker.terminate();
    for (const { reject } of this.requests.values()) reject(new RpcFailure('disconnected', 'signed out'));
    this.requests.clear();
  }

  private send(command: LinkCommand): void {
    this.worker.postMessage(command);
  }

  private receive(event: LinkEvent): void {
    if (this.detached) return;
    switch (event.type) {
      case 'batch': {
        const status = event.batch.status;
        if (status) this.lastStatus = status;
        try {
          for (const listener of this.batchListeners) listener(event.batch);
        } finally {
          // The worker holds the next batch until this one is applied (LinkCommand 'applied').
          this.send({ type: 'applied' });
        }
        if (status && SETTLED_STATES.has(status.state) && this.outcomeWaiters.length > 0) {
          const waiters = this.outcomeWaiters;
          this.outcomeWaiters = [];
          for (const resolve of waiters) resolve(status);
        }
        break;
      }
      case 'needToken':
        void this.supplyToken();
        break;
      case 'settled': {
        const pending = this.requests.get(event.id);
        if (!pending) break;
        this.requests.delete(event.id);
        const { outcome } = event;
        if (outcome.ok) pending.resolve(outcome.result);
        else if (outcome.code === 'invalid-request') pending.reject(new TypeError(outcome.message));
        else if (outcome.code === 'remote') pending.reject(new RpcFailure('remote', outcome.message, outcome.remote));
        else pending.reject(new RpcFailure(outcome.code, outcome.message));
        break;
      }
      case 'actionRejected':
        for (const listener of this.rejectionListeners) listener(event.id, event.message);
        break;
    }
  }

  private async supplyToken(): Promise<void> {
    if (!this.refreshToken) {
      this.send({ type: 'tokenUnavailable', message: 'this sign-in cannot be refreshed' });
      return;
    }
    const fresh = await this.refreshToken().catch((error: unknown) => ({ error: String(error) }));
    if ('error' in fresh) this.send({ type: 'tokenUnavailable', message: fresh.error });
    else this.send({ type: 'token', token: fresh.token, expiresAt: fresh.expiresAt });
  }
}
