// The browser build of mqtt.js has only a default export.
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { AuthFailure } from '../../../shared/auth/claims';
import { consoleClientId } from '../../../shared/auth/client-id';
import { classOutbound } from '../../../shared/protocol/outbound';
import { classFilters, consoleFilters, watchFilters, type SubscriptionState } from '../../../shared/protocol/subscriptions';
import {
  DEFAULT_ROOT,
  DropCounter,
  decode,
  encode,
  topic,
  KINDS,
  type ClassSummary,
  type Outbound,
  type Ping,
  type RpcResponse,
} from '../../../shared/protocol';
import type {
  BackoffOptions,
  ClassCleared,
  ClassKind,
  ClassMessage,
  ConnectionStatus,
  JoinOptions,
  LivePublication,
  DiagnosticNote,
  LinkBatch,
  LinkCommand,
  LinkConfig,
  LinkEvent,
  OutboxItem,
  SupervisionKind,
  SupervisionMessage,
  TelemetryMessage,
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
/**
 * A connection that has heard nothing from the broker (not even its own pings) for this many ping intervals, and at
 * least SILENT_LINK_MIN_MS, is treated as lost: a network that drops silently would otherwise be noticed only by the
 * MQTT keepalive, after about one and a half keepalive periods.
 */
const SILENT_LINK_INTERVALS = 2;
const SILENT_LINK_MIN_MS = 5_000;
/** Ask for a fresh token this long before expiry at most (or a fifth of its lifetime, when that is shorter). */
const REFRESH_LEAD_MS = 60_000;
/** How long a reconnect waits for a fresh token before trying with the one it has. */
const TOKEN_WAIT_MS = 5_000;
const MAX_NOTES_PER_BATCH = 100;
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Telemetry messages of the watched class kept for the next batch at most; beyond it the oldest go. */
const MAX_TELEMETRY = 500;
/** Class messages kept for the next batch at most; beyond it the oldest go (the board notices the gap and resyncs). */
const MAX_CLASS_STREAM = 20_000;
/** How long a clean disconnect (to change the last will) may take before the new connection opens anyway. */
const REWILL_WAIT_MS = 2_000;

const CLASS_KINDS: ReadonlySet<string> = new Set<ClassKind>([
  'presence', 'boardOps', 'boardLive', 'laser', 'boardSnapshot', 'course', 'room', 'chat', 'chatHistory', 'command',
  'commandAck', 'hand', 'boardSync', 'notice', 'whisper', 'classConfig', 'rtc', 'mediaState',
]);

const SUPERVISION_KINDS: ReadonlySet<string> = new Set<SupervisionKind>(['classHealth', 'classTags', 'helpState', 'supervisorMetrics']);

/** CONNACK codes that no retry can fix: MQTT 3.1.1 (1-5) and their MQTT 5 counterparts. */
const REFUSALS: Record<number, 'credentials' | 'not-authorized' | 'client-id' | 'rejected'> = {
  1: 'rejected',
  2: 'client-id',
  4: 'credentials',
  5: 'not-authorized',
  133: 'client-id',
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
  /** When the current connection last received anything (env.now()). */
  private lastHeardAt = 0;
  private readonly pingsInFlight = new Map<number, number>();

  /** The class this console has open, if any. */
  private joined: { classId: string; options: JoinOptions } | null = null;
  /**
   * The joined class's shown page (its course's `current`), the one page whose retained board snapshot is read: a
   * joiner decoding every page's snapshot (thousands of elements each) waited for pages nobody shows.
   */
  private shownPage: { classId: string; pageId: string; courseVersion: number } | null = null;
  /** The class named by the current connection's last will. */
  private willClassId: string | undefined;
  private readonly pendingRetained = new Map<string, ClassMessage | ClassCleared>();
  private pendingStream: ClassMessage[] = [];
  private pendingAcknowledged: string[] = [];
  private streamOverflow = 0;

  /** Newest supervision message (or clearing) per topic since the last batch. */
  private readonly pendingSupervision = new Map<string, SupervisionMessage | ClassCleared>();
  /** The class whose detail a supervisor has open (its telemetry and tags), and its telemetry since the last batch. */
  private watchedClass: string | null = null;
  /** Filters whose UNSUBSCRIBE is in flight on the current connection, and when it settles. */
  private readonly unsubscribing = new Map<string, Promise<void>>();
  private pendingTelemetry: TelemetryMessage[] = [];
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
      case 'fire':
        this.fire(command.classId, command.publication);
        break;
      case 'join':
        this.join(command.classId, command.options);
        break;
      case 'leave':
        this.leave(command.classId);
        break;
      case 'watchClass':
        this.watchClass(command.classId);
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
    this.joined = null;
    this.clearClassTraffic();
    this.pendingSupervision.clear();
    this.watchedClass = null;
    this.pendingTelemetry = [];
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
    // Unsubscribes of an earlier connection are settled or moot: nothing waits for them on this one.
    this.unsubscribing.clear();
    this.willClassId = this.presenceClass();
    const will = this.presence(false);
    const options: IClientOptions = {
      clientId: consoleClientId(config.userId, config.installId),
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
      // A class was opened while this connection was being set up: its will names another class.
      if (this.presenceClass() !== this.willClassId) {
        this.changeWill(client);
        return;
      }
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
    let failure: AuthFailure = refusal === 'not-authorized' ? 'not-authorized' : refusal === 'client-id' ? 'client-id-refused' : 'broker-refused';
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
      // Encoding checks the message now, so a bad one is refused at once instead of sitting in the outbox.
      const outbound = this.outboundFor(action, id);
      const replaces = outbound.retain ? outbound.topic : undefined;
      item = this.outbox.add(id, action, Date.now(), replaces);
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
      outbound = this.outboundFor(item.action, item.id);
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
        this.pendingAcknowledged.push(item.id);
        this.schedule();
      }
    });
  }

  private outboundFor(action: UserAction, id: string): Outbound {
    const config = this.config;
    if (!config) throw new Error('not signed in');
    const root = this.root;
    const userId = config.userId;
    if (action.kind === 'classControl') {
      const { classId } = action;
      return encode('classControl', topic('classControl', { classId, userId }, root), {
        v: 1,
        action: action.action,
        requestId: id,
        ts: Date.now(),
      });
    }
    return classOutbound(action.classId, action.publication, userId, root);
  }

  /** QoS 0: sent now when connected, otherwise dropped (a live stroke or laser position is worthless later). */
  private fire(classId: string, publication: LivePublication): void {
    const client = this.client;
    const config = this.config;
    if (!config || !client?.connected || this.status.state !== 'connected') return;
    let outbound: Outbound;
    try {
      outbound = classOutbound(classId, publication, config.userId, this.root);
    } catch (error) {
      this.note('warning', `a ${publication.kind} message was not sent: ${(error as Error).message}`);
      return;
    }
    client.publish(outbound.topic, outbound.payload as never, { qos: outbound.qos, retain: outbound.retain });
  }

  // ---- the open class --------------------------------------------------------------------------------------------

  /** Opens a class: subscribes to its traffic and, for teachers and students, moves presence and last will to it. */
  private join(classId: string, options: JoinOptions): void {
    if (!this.config) return;
    if (this.joined && this.joined.classId !== classId) this.leave(this.joined.classId);
    const already = this.joined?.classId === classId;
    this.joined = { classId, options };
    if (!already) {
      this.clearClassTraffic();
      this.shownPage = null;
    }
    const client = this.client;
    if (!client?.connected || this.status.state !== 'connected') return;
    if (this.presenceClass() !== this.willClassId) {
      this.changeWill(client);
      return;
    }
    if (!already) this.subscribe(client, this.classFilters(classId), () => this.joined?.classId === classId);
    const hello = this.presence(true);
    if (hello) client.publish(hello.topic, hello.payload as never, { qos: hello.qos, retain: hello.retain });
  }

  private leave(classId: string): void {
    if (this.joined?.classId !== classId) return;
    const filters = this.classFilters(classId);
    const goodbye = this.presence(false);
    this.joined = null;
    this.shownPage = null;
    this.clearClassTraffic();
    const client = this.client;
    if (!client?.connected) return;
    this.unsubscribe(client, filters);
    if (this.presenceClass() !== this.willClassId) {
      if (goodbye) client.publish(goodbye.topic, goodbye.payload as never, { qos: goodbye.qos, retain: goodbye.retain });
      this.changeWill(client);
    }
  }

  /**
   * MQTT fixes the last will when a connection opens, so presence moves to another class by reconnecting. The old
   * connection ends with DISCONNECT (after its in-flight messages), which discards its will instead of publishing it.
   */
  private changeWill(client: MqttClient): void {
    this.generation++;
    this.client = null;
    this.stopPing();
    let reopened = false;
    const reopen = () => {
      if (reopened) return;
      reopened = true;
      clearTimeout(fallback);
      if (this.config && !this.client && this.online && this.status.state === 'connected') this.open(this.config);
    };
    const fallback = setTimeout(reopen, REWILL_WAIT_MS);
    client.end(false, {}, reopen);
  }

  /**
   * Subscribes once no unsubscribe of the same filters is still in flight: a broker may handle an UNSUBSCRIBE and a
   * later SUBSCRIBE of the same filter concurrently (Aedes does), and the unsubscribe can then remove the new
   * subscription, so a class left and opened again at once would go silent. `wanted` says whether the filters are
   * still wanted when the wait ends.
   */
  private subscribe(client: MqttClient, filters: string[], wanted: () => boolean = () => true): void {
    const generation = this.generation;
    const inFlight = [...new Set(filters.flatMap((f) => this.unsubscribing.get(f) ?? []))];
    if (inFlight.length > 0) {
      void Promise.all(inFlight).then(() => {
        if (generation === this.generation && client === this.client && client.connected && wanted()) this.subscribe(client, filters, wanted);
      });
      return;
    }
    client.subscribe(filters, { qos: 1 }, (error, granted) => {
      if (generation !== this.generation) return;
      if (error) this.note('error', `subscribe failed: ${error.message}`);
      for (const grant of granted ?? []) {
        if (grant.qos === 128) this.note('warning', `the broker refused the subscription ${grant.topic}`);
      }
    });
  }

  private unsubscribe(client: MqttClient, filters: string[]): void {
    const done = new Promise<void>((resolve) => client.unsubscribe(filters, () => resolve()));
    for (const f of filters) this.unsubscribing.set(f, done);
    void done.then(() => {
      for (const f of filters) if (this.unsubscribing.get(f) === done) this.unsubscribing.delete(f);
    });
  }

  /** The open class's topics this console reads (the subscription plan, shared/protocol/subscriptions.ts). */
  private classFilters(classId: string): string[] {
    return this.config ? classFilters(this.subscriptionState(), classId) : [];
  }

  private subscriptionState(): SubscriptionState {
    const config = this.config!;
    return {
      userId: config.userId,
      role: config.role,
      classes: config.classes,
      sessionId: this.sessionId,
      joined: this.joined ? { classId: this.joined.classId, shownPageId: this.shownPage?.classId === this.joined.classId ? this.shownPage.pageId : null } : null,
      watchedClass: this.watchedClass,
      root: this.root,
    };
  }

  private clearClassTraffic(): void {
    this.pendingRetained.clear();
    this.pendingStream = [];
    this.streamOverflow = 0;
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

  /**
   * MQTT allows one last will per connection, so a console is present in one class: the class it has open, or else
   * the first in its scope. Supervisors, and anyone observing, publish no presence.
   */
  private presenceClass(): string | undefined {
    const config = this.config;
    if (!config || (config.role !== 'teacher' && config.role !== 'student')) return undefined;
    if (this.joined) return this.joined.options.observer ? undefined : this.joined.classId;
    return Array.isArray(config.classes) ? config.classes[0] : undefined;
  }

  private presence(online: boolean): Outbound | null {
    const config = this.config;
    const classId = this.presenceClass();
    if (!config || !classId || (config.role !== 'teacher' && config.role !== 'student')) return null;
    const options = this.joined?.classId === classId ? this.joined.options : null;
    return encode('presence', topic('presence', { classId, userId: config.userId }, this.root), {
      v: 1,
      userId: config.userId,
      name: config.name,
      role: config.role,
      online,
      ...(options?.device ? { device: options.device } : {}),
      ...(options?.appVersion ? { appVersion: options.appVersion } : {}),
      ts: Date.now(),
    });
  }

  private startPing(client: MqttClient): void {
    this.stopPing();
    const interval = this.config?.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS;
    const silentLimit = Math.max(SILENT_LINK_MIN_MS, SILENT_LINK_INTERVALS * interval);
    this.lastHeardAt = this.env.now();
    const send = () => {
      if (!client.connected || !this.config) return;
      const silentFor = this.env.now() - this.lastHeardAt;
      if (this.pingsInFlight.size > 0 && silentFor > silentLimit) {
        this.note('warning', `nothing from the broker for ${Math.round(silentFor / 1_000)} s, not even pings: the connection is treated as lost`);
        this.onClosed();
        return;
      }
      const seq = ++this.pingSeq;
      this.pingsInFlight.set(seq, this.env.now());
      if (this.pingsInFlight.size > 8) this.pingsInFlight.delete(this.pingsInFlight.keys().next().value as number);
      const name = topic('ping', { userId: this.config.userId, sessionId: this.sessionId }, this.root);
      const outbound = encode('ping', name, { v: 1, seq, sentAt: Date.now() });
      client.publish(outbound.topic, outbound.payload as never, { qos: outbound.qos });
    };
    send();
    this.pingTimer = setInterval(send, interval);
  }

  private stopPing(): void {
    clearInterval(this.pingTimer);
    this.pingTimer = undefined;
    this.pingsInFlight.clear();
  }

  // ---- inbound ---------------------------------------------------------------------------------------------------

  private onMessage(name: string, payload: Uint8Array, retained: boolean): void {
    this.lastHeardAt = this.env.now();
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
        } else if (SUPERVISION_KINDS.has(decoded.parsed.kind)) {
          this.onSupervision(decoded);
        } else if (this.joined && decoded.parsed.params.classId === this.joined.classId) {
          this.pendingRetained.set(decoded.topic, decoded);
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
        if (CLASS_KINDS.has(decoded.kind)) this.onClassMessage(decoded as ClassMessage);
        else if (SUPERVISION_KINDS.has(decoded.kind)) this.onSupervision(decoded as SupervisionMessage);
        else if (decoded.kind === 'telemetry' && decoded.params.classId === this.watchedClass) {
          this.pendingTelemetry.push(decoded);
          if (this.pendingTelemetry.length > MAX_TELEMETRY) this.pendingTelemetry.shift();
          this.schedule();
        }
        break;
    }
  }

  private onClassMessage(message: ClassMessage): void {
    if (message.kind !== 'notice') {
      // Traffic of a class left a moment ago can still be on its way.
      if (!this.joined || message.params.classId !== this.joined.classId) return;
    }
    if (message.kind === 'course') this.followPage(message.params.classId, message.message.current, message.message.version);
    if (KINDS[message.kind].retain) {
      this.pendingRetained.delete(message.topic);
      this.pendingRetained.set(message.topic, message);
    } else {
      this.pendingStream.push(message);
      if (this.pendingStream.length > MAX_CLASS_STREAM) {
        this.pendingStream.shift();
        this.streamOverflow++;
      }
    }
    this.schedule();
  }

  /** Reads the retained board snapshot of the page the course shows now, instead of the page shown before. */
  private followPage(classId: string, pageId: string, courseVersion: number): void {
    const shown = this.shownPage;
    if (shown?.classId === classId && courseVersion < shown.courseVersion) return;
    if (shown?.classId === classId && shown.pageId === pageId) {
      shown.courseVersion = courseVersion;
      return;
    }
    const root = this.root;
    const before = shown?.classId === classId ? topic('boardSnapshot', { classId, pageId: shown.pageId }, root) : null;
    this.shownPage = { classId, pageId, courseVersion };
    // Without a connection, the next one subscribes it with the class's other filters.
    const client = this.client;
    if (!client?.connected) return;
    if (before) this.unsubscribe(client, [before]);
    this.subscribe(client, [topic('boardSnapshot', { classId, pageId }, root)], () => this.shownPage?.classId === classId && this.shownPage.pageId === pageId);
  }

  private onSupervision(message: SupervisionMessage | ClassCleared): void {
    this.pendingSupervision.delete(message.topic);
    this.pendingSupervision.set(message.topic, message);
    this.schedule();
  }

  /**
   * Supervisors: subscribes one class's telemetry and tags (its detail is open) instead of the class watched before
   * (none with null). Tags are read per class on demand: the wall needs only health, and every class's tags would
   * double what a console of 10,000 classes receives.
   */
  private watchClass(classId: string | null): void {
    const config = this.config;
    if (!config || config.role !== 'supervisor' || classId === this.watchedClass) return;
    const before = this.watchedClass;
    this.watchedClass = classId;
    this.pendingTelemetry = [];
    const client = this.client;
    if (!client?.connected || this.status.state !== 'connected') return;
    if (before) this.unsubscribe(client, this.watchFilters(before));
    if (classId) this.subscribe(client, this.watchFilters(classId), () => this.watchedClass === classId);
  }

  private watchFilters(classId: string): string[] {
    return watchFilters(classId, this.root);
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
    if (this.pendingAcknowledged.length > 0) {
      batch.acknowledged = this.pendingAcknowledged;
      this.pendingAcknowledged = [];
    }
    if (this.dropsDirty) {
      batch.drops = {
        counts: { ...this.drops.counts },
        total: this.drops.total,
        recent: this.drops.recent().map(({ reason, topic: name, detail }) => ({ reason, topic: name, detail })),
      };
    }
    if (this.pendingRetained.size > 0 || this.pendingStream.length > 0) {
      batch.classMessages = [...this.pendingRetained.values(), ...this.pendingStream];
      this.pendingRetained.clear();
      this.pendingStream = [];
    }
    if (this.pendingTelemetry.length > 0) {
      batch.telemetry = this.pendingTelemetry;
      this.pendingTelemetry = [];
    }
    if (this.pendingSupervision.size > 0) {
      batch.supervision = [...this.pendingSupervision.values()];
      this.pendingSupervision.clear();
    }
    if (this.streamOverflow > 0) {
      this.note('warning', `${this.streamOverflow} class messages were dropped: the screen fell behind`);
      this.streamOverflow = 0;
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
    return this.config ? consoleFilters(this.subscriptionState()) : [];
  }
}
