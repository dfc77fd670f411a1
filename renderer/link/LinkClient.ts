import { DEFAULT_RPC_TIMEOUT_MS, RpcFailure } from '../../shared/protocol';
import { applyBatch } from '../state/apply';
import { addNote } from '../state/diagnostics';
import type {
  ClassCleared,
  ClassMessage,
  ConnectionStatus,
  JoinOptions,
  LinkCommand,
  LinkConfig,
  LinkEvent,
  LivePublication,
  TrackedPublication,
  UserAction,
} from './messages';

export type ClassTrafficListener = (messages: (ClassMessage | ClassCleared)[]) => void;
export type AcknowledgedListener = (ids: string[]) => void;
export type RejectionListener = (id: string, message: string) => void;

export type FreshToken = { token: string; expiresAt: number } | { error: string };

/** Where the worker's "I need a fresh token" goes: main over IPC, or the backend's /api/refresh. */
export type TokenRefresher = () => Promise<FreshToken>;

const SETTLED_STATES: ReadonlySet<ConnectionStatus['state']> = new Set(['connected', 'refused', 'unreachable', 'closed']);

/** The UI thread's end of the link worker: typed commands in, batches applied to the stores out. */
export class LinkClient {
  private readonly requests = new Map<string, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private outcomeWaiters: ((status: ConnectionStatus) => void)[] = [];
  private readonly classListeners = new Set<ClassTrafficListener>();
  private readonly rejectionListeners = new Set<RejectionListener>();
  private readonly acknowledgedListeners = new Set<AcknowledgedListener>();
  /** After disconnect() the worker's last batches no longer belong to the UI (the next session may be starting). */
  private detached = false;

  constructor(
    private readonly worker: Worker,
    private readonly refreshToken: TokenRefresher | null,
  ) {
    worker.addEventListener('message', (event: MessageEvent<LinkEvent>) => this.receive(event.data));
    worker.addEventListener('error', (event) => {
      addNote({ at: Date.now(), level: 'error', text: `link worker failed: ${event.message}` });
    });
    // Workers do not always hear the page's network events, so the page passes them on.
    window.addEventListener('online', this.onNetworkChange);
    window.addEventListener('offline', this.onNetworkChange);
  }

  private readonly onNetworkChange = () => this.send({ type: 'online', online: navigator.onLine });

  static spawn(refreshToken: TokenRefresher | null): LinkClient {
    const worker = new Worker(new URL('./worker/link.worker.ts', import.meta.url), { type: 'module', name: 'link' });
    return new LinkClient(worker, refreshToken);
  }

  connect(config: LinkConfig): void {
    this.send({ type: 'connect', config });
    if (!navigator.onLine) this.onNetworkChange();
  }

  /** Resolves with the first settled status: connected, or why not. */
  outcome(): Promise<ConnectionStatus> {
    return new Promise((resolve) => this.outcomeWaiters.push(resolve));
  }

  /** Queues a user action; it is delivered after reconnects until the broker acknowledges it. */
  act(action: UserAction): string {
    const id = crypto.randomUUID();
    this.send({ type: 'act', id, action });
    return id;
  }

  /** A QoS 1 class message, kept in the outbox (and counted as unsent) until the broker acknowledges it. */
  publish(classId: string, publication: TrackedPublication): string {
    return this.act({ kind: 'publish', classId, publication });
  }

  /** A QoS 0 class message: live strokes, laser, telemetry. Dropped while offline. */
  fire(classId: string, publication: LivePublication): void {
    this.send({ type: 'fire', classId, publication });
  }

  /** Opens a class: its traffic arrives through onClassTraffic until leave(). */
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

  /** Calls back with each batch of the open class's messages; returns the unsubscribe function. */
  onClassTraffic(listener: ClassTrafficListener): () => void {
    this.classListeners.add(listener);
    return () => this.classListeners.delete(listener);
  }

  /** Calls back with the outbox ids the broker acknowledged; returns the unsubscribe function. */
  onAcknowledged(listener: AcknowledgedListener): () => void {
    this.acknowledgedListeners.add(listener);
    return () => this.acknowledgedListeners.delete(listener);
  }

  /** Calls back when an action or publication was refused before it was queued (invalid, or the outbox is full). */
  onRejected(listener: RejectionListener): () => void {
    this.rejectionListeners.add(listener);
    return () => this.rejectionListeners.delete(listener);
  }

  request(service: string, method: string, params: unknown, timeoutMs = DEFAULT_RPC_TIMEOUT_MS): Promise<unknown> {
    const id = crypto.randomUUID();
    return new Promise((resolve, reject) => {
      this.requests.set(id, { resolve, reject });
      this.send({ type: 'request', id, service, method, params, timeoutMs });
    });
  }

  disconnect(): void {
    this.detached = true;
    this.send({ type: 'disconnect' });
  }

  dispose(): void {
    window.removeEventListener('online', this.onNetworkChange);
    window.removeEventListener('offline', this.onNetworkChange);
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
        applyBatch(event.batch);
        const traffic = event.batch.classMessages;
        if (traffic) for (const listener of this.classListeners) listener(traffic);
        const acknowledged = event.batch.acknowledged;
        if (acknowledged) for (const listener of this.acknowledgedListeners) listener(acknowledged);
        const status = event.batch.status;
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
        else pending.reject(new RpcFailure(outcome.code, outcome.message));
        break;
      }
      case 'actionRejected':
        addNote({ at: Date.now(), level: 'error', text: `an action was not queued: ${event.message}` });
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
