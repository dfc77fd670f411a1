// The browser build of mqtt.js has only a default export.
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { AuthFailure } from '../../../shared/auth/claims';
import {
  DEFAULT_ROOT,
  DropCounter,
  decode,
  encode,
  filter,
  topic,
  type ClassSummary,
  type Outbound,
  type Ping,
  type RpcResponse,
} from '../../../shared/protocol';
import type {
  BackoffOptions,
  ConnectionStatus,
  DiagnosticNote,
  LinkBatch,
  LinkCommand,
  LinkConfig,
  LinkEvent,
  OutboxItem,
  RequestOutcome,
  UserAction,
} from '../messages';
import { DEFAULT_BACKOFF, backoffDelay } from './backoff';
import { Outbox } from './outbox';
import { PendingRequests } from './requests';

/** What the core needs from the place it runs in: a dedicated worker in the app, plain Node in tests. */
export interface LinkEnvironment {
  post(event: LinkEvent): void;
  /** Calls back once, before the next frame is painted (or soon, where there are no frames). */
  requestFrame(callback: () => void): void;
  /** Monotonic milliseconds, for round-trip times. */
  now(): number;
  random(): number;
}

const DEFAULT_PING_INTERVAL_MS = 5_000;
const CONNECT_TIMEOUT_MS = 10_000;
const KEEPALIVE_SECONDS = 15;
/** Ask for a fresh token this long before expiry at most (or a fifth of its lifetime, when that is shorter). */
const REFRESH_LEAD_MS = 60_000;
/** How long a reconnect waits for a fresh token before trying with the one it has. */
const TOKEN_WAIT_MS = 5_000;
const MAX_NOTES_PER_BATCH = 100;
const MAX_TIMER_MS = 2 ** 31 - 1;

/** CONNACK codes that no retry can fix: MQTT 3.1.1 (1-5) and their MQTT 5 counterparts. */
const REFUSALS: Record<number, 'credentials' | 'not-authorized' | 'rejected'> = {
  1: 'rejected',
  2: 'rejected',
  4: 'credentials',
  5: 'not-authorized',
  133: 'rejected',
  134: 'credentials',
  135: 'not-authorized',
};

/**
 * The console's connection to the broker, independent of where it runs. It owns one mqtt.js client at a time and
 * its own reconnect schedule, keeps user actions until the broker acknowledges them, validates every inbound
 * message, and hands the UI one coalesced batch per frame.
 */
export class LinkCore {
  private config: LinkConfig | null = null;
  private client: MqttClient | null = null;
  /** Bumped for every new mqtt.js client, so events of a client that was replaced are ignored. */
  private generation = 0;
  private status: ConnectionStatus = { state: 'idle', attempt: 0, rttMs: null, failure: null, detail: '' };
  private connectedOnce = false;
  private online = true;

  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private tokenWaitTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private tokenRequested = false;
  private awaitingToken = false;

  private readonly outbox = new Outbox();
  private readonly requests = new PendingRequests();
  private readonly drops = new DropCounter(50);
  private pingSeq = 0;
  private readonly pingsInFlight = new Map<number, number>();

  private readonly pendingSummaries = new Map<string, ClassSummary>();
  private readonly pendingCleared = new Set<string>();
  private pendingNotes: DiagnosticNote[] = [];
  private statusDirty = false;
  private outboxDirty = false;
  private dropsDirty = false;
  private flushScheduled = false;

  constructor(private readonly env: LinkEnvironment) {}

  handle(command: LinkCommand): void {
    switch (command.type) {
      case 'connect':
        this.start(command.config);
        break;
      case 'token':
        this.acceptToken(command.token, command.expiresAt);
        break;
      case 'tokenUnavailable':
        this.note('warning', `token refresh failed: ${command.message}`);
        this.tokenRequested = false;
        if (this.awaitingToken) this.stopWaitingForToken();
        break;
      case 'act':
        this.act(command.id, command.action);
        break;
      case 'request':
        this.request(command.id, command.service, command.method, command.params, command.timeoutMs);
        break;
      case 'online':
        this.setOnline(command.online);
        break;
      case 'disconnect':
        this.stop();
        break;
    }
  }

  // ---- lifecycle -------------------------------------------------------------------------------------------------

  private start(config: LinkConfig): void {
    if (this.config) this.teardown();
    this.config = { ...config };
    this.connectedOnce = false;
    this.scheduleRefresh();
    this.setStatus({ state: 'connecting', attempt: 0, failure: null, detail: '' });
    this.attempt();
  }

  /** Signs out: says goodbye (offline presence), ends the session and stops retrying. */
  private stop(): void {
    const client = this.client;
    if (client?.connected) {
      const goodbye = this.presence(false);
      if (goodbye) client.publish(goodbye.topic, goodbye.payload as never, { qos: goodbye.qos, retain: goodbye.retain });
      client.end(false);
      this.client = null;
      this.generation++;
    }
    this.teardown();
    this.setStatus({ state: 'closed', attempt: 0, failure: null, detail: '' });
  }

  private teardown(): void {
    this.dropClient();
    clearTimeout(this.retryTimer);
    clearTimeout(this.refreshTimer);
    clearTimeout(this.tokenWaitTimer);
    this.awaitingToken = false;
    this.tokenRequested = false;
    this.requests.failAll('disconnected', 'the connection was closed');
  }

  /**
   * The browser says the network went away or came back. Offline, the connection is dropped at once instead of
   * waiting for keepalive to notice, and no retries run; online again, the next attempt starts immediately.
   */
  private setOnline(online: boolean): void {
    if (this.online === online) return;
    this.online = online;
    const state = this.status.state;
    if (!online && (state === 'connected' || state === 'reconnecting' || state === 'connecting')) {
      clearTimeout(this.retryTimer);
      this.dropClient();
      this.setStatus({ state: 'offline', attempt: 0, detail: 'the network is offline' });
    } else if (online && state === 'offline') {
      clearTimeout(this.retryTimer);
      this.setStatus({ state: this.connectedOnce ? 'reconnecting' : 'connecting', attempt: this.connectedOnce ? 1 : 0 });
      this.attempt();
    }
  }

  /** Forgets the current mqtt.js client; its late events are ignored. */
  private dropClient(): void {
    this.generation++;
    this.client?.end(true);
    this.client = null;
    this.stopPing();
  }

  /** Starts a connection attempt now, after a fresh token when the current one is about to expire. */
  private attempt(): void {
    if (!this.config) return;
    if (!this.online) {
      this.setStatus({ state: 'offline', detail: 'the network is offline' });
      return;
    }
    if (this.tokenExpiresWithin(5_000)) {
      this.awaitingToken = true;
      this.requestToken();
      this.tokenWaitTimer = setTimeout(() => this.stopWaitingForToken(), TOKEN_WAIT_MS);
      return;
    }
    this.open(this.config);
  }

  private stopWaitingForToken(): void {
    clearTimeout(this.tokenWaitTimer);
    this.awaitingToken = false;
    if (this.config && !this.client) this.open(this.config);
  }

  private open(config: LinkConfig): void {
    const generation = ++this.generation;
    const will = this.presence(false);
    const options: IClientOptions = {
      clientId: `console-${config.userId}-${config.installId}`,
      username: config.userId,
      password: config.token,
      clean: false,
      protocolVersion: 4,
      reconnectPeriod: 0,
      connectTimeout: CONNECT_TIMEOUT_MS,
      keepalive: KEEPALIVE_SECONDS,
      resubscribe: false,
      queueQoSZero: false,
      ...(will ? { will: { topic: will.topic, payload: will.payload as never, qos: will.qos, retain: will.retain } } : {}),
    };
    const client = mqtt.connect(config.url, options);
    this.client = client;
    const current = () => generation === this.generation;
    client.on('connect', () => current() && this.onConnected(client, generation));
    client.on('message', (name, payload, packet) => current() && this.onMessage(name, payload, packet.retain));
    client.on('error', (error) => current() && this.onError(error));
    client.on('close', () => current() && this.onClosed());
  }

  private onConnected(client: MqttClient, generation: number): void {
    this.connectedOnce = true;
    clearTimeout(this.retryTimer);
    client.subscribe(this.filters(), { qos: 1 }, (error, granted) => {
      if (generation !== this.generation) return;
      if (error) {
        this.note('error', `subscribe failed: ${error.message}`);
        return;
      }
      for (const grant of granted ?? []) {
        if (grant.qos === 128) this.note('warning', `the broker refused the subscription ${grant.topic}`);
      }
      this.setStatus({ state: 'connected', attempt: 0, failure: null, detail: '' });
      const hello = this.presence(true);
      if (hello) client.publish(hello.topic, hello.payload as never, { qos: hello.qos, retain: hello.retain });
      for (const item of this.outbox.pending()) this.publishAction(client, item);
      this.startPing(client);
    });
  }

  private onError(error: Error): void {
    const code = (error as { code?: unknown }).code;
    const refusal = typeof code === 'number' ? REFUSALS[code] : undefined;
    if (!refusal) {
      this.setStatus({ detail: error.message });
      this.note('warning', error.message);
      return;
    }
    let failure: AuthFailure = refusal === 'not-authorized' ? 'not-authorized' : 'broker-refused';
    if (refusal === 'credentials' && this.tokenExpiresWithin(0)) failure = 'token-expired';
    this.teardown();
    this.note('error', `the broker refused the connection: ${error.message}`);
    this.setStatus({ state: 'refused', attempt: 0, failure, detail: error.message });
  }

  private onClosed(): void {
    this.dropClient();
    if (!this.connectedOnce) {
      this.teardown();
      this.setStatus({
        state: 'unreachable',
        attempt: 0,
        failure: 'backend-unreachable',
        detail: this.status.detail || 'the connection closed before the broker answered',
      });
      return;
    }
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (!this.online) {
      this.setStatus({ state: 'offline', detail: 'the network is offline' });
      return;
    }
    const attempt = this.status.state === 'reconnecting' ? this.status.attempt + 1 : 1;
    const backoff: BackoffOptions = { ...DEFAULT_BACKOFF, ...this.config?.backoff };
    const delay = backoffDelay(attempt, () => this.env.random(), backoff);
    this.setStatus({ state: 'reconnecting', attempt });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.attempt(), delay);
  }

  // ---- tokens ----------------------------------------------------------------------------------------------------

  private tokenExpiresWithin(ms: number): boolean {
    const expiresAt = this.config?.tokenExpiresAt;
    return expiresAt != null && Date.now() + ms >= expiresAt;
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    const expiresAt = this.config?.tokenExpiresAt;
    if (expiresAt == null) return;
    const lifetime = expiresAt - Date.now();
    const lead = Math.min(REFRESH_LEAD_MS, Math.max(1_000, lifetime / 5));
    const wait = Math.min(MAX_TIMER_MS, Math.max(0, lifetime - lead));
    this.refreshTimer = setTimeout(() => this.requestToken(), wait);
  }

  private requestToken(): void {
    if (this.tokenRequested) return;
    this.tokenRequested = true;
    this.env.post({ type: 'needToken' });
  }

  /** A fresh token is used from the next connect on; the current connection stays as it is. */
  private acceptToken(token: string, expiresAt: number): void {
    if (!this.config) return;
    this.config.token = token;
    this.config.tokenExpiresAt = expiresAt;
    this.tokenRequested = false;
    this.scheduleRefresh();
    if (this.awaitingToken) this.stopWaitingForToken();
  }

  // ---- outbound --------------------------------------------------------------------------------------------------

  private act(id: string, action: UserAction): void {
    let item: OutboxItem;
    try {
      item = this.outbox.add(id, action, Date.now());
    } catch (error) {
      this.env.post({ type: 'actionRejected', id, message: (error as Error).message });
      return;
    }
    this.outboxDirty = true;
    this.schedule();
    if (this.client?.connected && this.status.state === 'connected') this.publishAction(this.client, item);
  }

  private publishAction(client: MqttClient, item: OutboxItem): void {
    const config = this.config;
    if (!config) return;
    let outbound: Outbound;
    try {
      const { classId, action } = item.action;
      outbound = encode('classControl', topic('classControl', { classId, userId: config.userId }, this.root), {
        v: 1,
        action,
        requestId: item.id,
        ts: Date.now(),
      });
    } catch (error) {
      this.outbox.acknowledge(item.id);
      this.outboxDirty = true;
      this.env.post({ type: 'actionRejected', id: item.id, message: (error as Error).message });
      return;
    }
    client.publish(outbound.topic, outbound.payload as never, { qos: outbound.qos, retain: outbound.retain }, (error) => {
      // Without an error the broker acknowledged it (PUBACK). With one, it stays queued for the next connect.
      if (error) return;
      if (this.outbox.acknowledge(item.id)) {
        this.outboxDirty = true;
        this.schedule();
      }
    });
  }

  private request(id: string, service: string, method: string, params: unknown, timeoutMs: number): void {
    const settle = (outcome: RequestOutcome) => this.env.post({ type: 'settled', id, outcome });
    const config = this.config;
    const client = this.client;
    if (!config || !client?.connected) {
      settle({ ok: false, code: 'disconnected', message: 'not connected to the broker' });
      return;
    }
    let outbound: Outbound;
    try {
      outbound = encode('serviceRequest', topic('serviceRequest', { service, userId: config.userId }, this.root), {
        v: 1,
        id,
        method,
        replyTo: this.sessionId,
        params,
        deadline: Date.now() + timeoutMs,
      });
    } catch (error) {
      settle({ ok: false, code: 'invalid-request', message: (error as Error).message });
      return;
    }
    this.requests.start(id, timeoutMs, settle);
    client.publish(outbound.topic, outbound.payload as never, { qos: outbound.qos }, (error) => {
      if (error) this.requests.fail(id, 'disconnected', `the request was not sent: ${error.message}`);
    });
  }

  private presence(online: boolean): Outbound | null {
    const config = this.config;
    if (!config || (config.role !== 'teacher' && config.role !== 'student')) return null;
    // MQTT allows one last will per connection, so a console is present in one class: the first in its scope.
    const classId = Array.isArray(config.classes) ? config.classes[0] : undefined;
    if (!classId) return null;
    return encode('presence', topic('presence', { classId, userId: config.userId }, this.root), {
      v: 1,
      userId: config.userId,
      name: config.name,
      role: config.role,
      online,
      ts: Date.now(),
    });
  }

  private startPing(client: MqttClient): void {
    this.stopPing();
    const send = () => {
      if (!client.connected || !this.config) return;
      const seq = ++this.pingSeq;
      this.pingsInFlight.set(seq, this.env.now());
      if (this.pingsInFlight.size > 8) this.pingsInFlight.delete(this.pingsInFlight.keys().next().value as number);
      const name = topic('ping', { userId: this.config.userId, sessionId: this.sessionId }, this.root);
      const outbound = encode('ping', name, { v: 1, seq, sentAt: Date.now() });
      client.publish(outbound.topic, outbound.payload as never, { qos: outbound.qos });
    };
    send();
    this.pingTimer = setInterval(send, this.config?.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS);
  }

  private stopPing(): void {
    clearInterval(this.pingTimer);
    this.pingTimer = undefined;
    this.pingsInFlight.clear();
  }

  // ---- inbound ---------------------------------------------------------------------------------------------------

  private onMessage(name: string, payload: Uint8Array, retained: boolean): void {
    const decoded = decode(name, payload, this.root, retained);
    if (!decoded.ok) {
      this.drops.add(decoded);
      this.dropsDirty = true;
      this.schedule();
      return;
    }
    switch (decoded.kind) {
      case 'cleared':
        if (decoded.parsed.kind === 'classSummary') {
          const classId = decoded.parsed.params.classId as string;
          this.pendingSummaries.delete(classId);
          this.pendingCleared.add(classId);
          this.schedule();
        }
        break;
      case 'classSummary':
        if (decoded.message.id !== decoded.params.classId) {
          this.drops.add({ ok: false, reason: 'schema', topic: name, detail: `summary of ${decoded.message.id} on another class's topic` });
          this.dropsDirty = true;
        } else {
          this.pendingCleared.delete(decoded.message.id);
          this.pendingSummaries.set(decoded.message.id, decoded.message);
        }
        this.schedule();
        break;
      case 'reply':
        this.onReply(decoded.params.sessionId, decoded.message);
        break;
      case 'ping':
        this.onPing(decoded.params.sessionId, decoded.message);
        break;
      default:
        break;
    }
  }

  private onReply(sessionId: string, response: RpcResponse): void {
    if (sessionId !== this.sessionId) return;
    if (!this.requests.resolve(response)) this.note('info', `ignored a reply to request ${response.id}: it was already settled`);
  }

  private onPing(sessionId: string, ping: Ping): void {
    if (sessionId !== this.sessionId) return;
    const sentAt = this.pingsInFlight.get(ping.seq);
    if (sentAt === undefined) return;
    this.pingsInFlight.delete(ping.seq);
    this.setStatus({ rttMs: Math.max(0, Math.round(this.env.now() - sentAt)) });
  }

  // ---- batching to the UI ----------------------------------------------------------------------------------------

  private setStatus(patch: Partial<ConnectionStatus>): void {
    this.status = { ...this.status, ...patch };
    if (patch.state && patch.state !== 'connected') this.status.rttMs = null;
    this.statusDirty = true;
    this.schedule();
  }

  private note(level: DiagnosticNote['level'], text: string): void {
    this.pendingNotes.push({ at: Date.now(), level, text });
    if (this.pendingNotes.length > MAX_NOTES_PER_BATCH) this.pendingNotes.shift();
    this.schedule();
  }

  private schedule(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    this.env.requestFrame(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch: LinkBatch = { summaries: [...this.pendingSummaries.values()], cleared: [...this.pendingCleared] };
    this.pendingSummaries.clear();
    this.pendingCleared.clear();
    if (this.statusDirty) batch.status = { ...this.status };
    if (this.outboxDirty) batch.outbox = this.outbox.pending();
    if (this.dropsDirty) {
      batch.drops = {
        counts: { ...this.drops.counts },
        total: this.drops.total,
        recent: this.drops.recent().map(({ reason, topic: name, detail }) => ({ reason, topic: name, detail })),
      };
    }
    if (this.pendingNotes.length > 0) batch.notes = this.pendingNotes;
    this.pendingNotes = [];
    this.statusDirty = this.outboxDirty = this.dropsDirty = false;
    this.env.post({ type: 'batch', batch });
  }

  // ---- helpers ---------------------------------------------------------------------------------------------------

  private get root(): string {
    return this.config?.root ?? DEFAULT_ROOT;
  }

  /** The reply and ping topics of this console's session. Stable per installation, like the MQTT client id. */
  private get sessionId(): string {
    return this.config?.installId ?? 'none';
  }

  private filters(): string[] {
    const config = this.config;
    if (!config) return [];
    const root = this.root;
    const directory =
      Array.isArray(config.classes) && config.role !== 'supervisor'
        ? config.classes.map((classId) => topic('classSummary', { classId }, root))
        : [filter('classSummary', {}, root)];
    return [
      ...directory,
      topic('reply', { userId: config.userId, sessionId: this.sessionId }, root),
      topic('ping', { userId: config.userId, sessionId: this.sessionId }, root),
    ];
  }
}
