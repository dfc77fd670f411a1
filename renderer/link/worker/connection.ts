// The browser build of mqtt.js has only a default export.
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { AuthFailure } from '../../../shared/auth/claims';
import { consoleClientId } from '../../../shared/auth/client-id';
import { encode, topic, type Outbound, type Ping } from '../../../shared/protocol';
import type { BackoffOptions, ConnectionStatus, DiagnosticNote, LinkConfig } from '../messages';
import { DEFAULT_BACKOFF, backoffDelay } from './backoff';

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
const MAX_TIMER_MS = 2 ** 31 - 1;
/** How long a clean disconnect (to change the last will) may take before the new connection opens anyway. */
const REWILL_WAIT_MS = 2_000;

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

/** What the connection asks of the link it serves, and tells it. */
export interface ConnectionHooks {
  /** Every filter a new connection subscribes to. */
  filters(): string[];
  /** The filters of a SUBSCRIBE, each with the QoS to ask for. */
  subscription(filters: string[]): Record<string, { qos: 0 | 1 }>;
  /** The last will a new connection carries, and a key naming it (the class its presence is in). */
  will(): { key: string | undefined; outbound: Outbound | null };
  /** Connected and subscribed, with a will that is still right: send what waits. */
  ready(): void;
  message(topic: string, payload: Uint8Array, retained: boolean): void;
  status(status: ConnectionStatus): void;
  note(level: DiagnosticNote['level'], text: string): void;
  needToken(): void;
  /** The link stopped for good (signed out, refused, unreachable): nothing sent now will be answered. */
  ended(): void;
}

export interface ConnectionClock {
  /** Monotonic milliseconds, for round trips and silence. */
  now(): number;
  random(): number;
}

/**
 * One mqtt.js client at a time and everything about keeping it: connecting with the current token, reconnecting
 * with backoff, noticing a dead link through its own pings, refreshing the token before it expires, moving the last
 * will, and subscribing without racing an unsubscribe of the same filters. It knows nothing of classes or messages.
 */
export class BrokerConnection {
  private config: LinkConfig | null = null;
  private client: MqttClient | null = null;
  /** Bumped for every new mqtt.js client, so events of a client that was replaced are ignored. */
  private generation = 0;
  private state: ConnectionStatus = { state: 'idle', attempt: 0, rttMs: null, failure: null, detail: '' };
  private connectedOnce = false;
  private online = true;
  /** The will key of the current connection. */
  private willKey: string | undefined;

  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private tokenWaitTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private tokenRequested = false;
  private awaitingToken = false;
  private pingSeq = 0;
  /** When the current connection last received anything (clock.now()). */
  private lastHeardAt = 0;
  private readonly pingsInFlight = new Map<number, number>();
  /** Filters whose UNSUBSCRIBE is in flight on the current connection, and when it settles. */
  private readonly unsubscribing = new Map<string, Promise<void>>();

  constructor(
    private readonly hooks: ConnectionHooks,
    private readonly clock: ConnectionClock,
  ) {}

  get status(): ConnectionStatus {
    return this.state;
  }

  /** The client is connected: publishes go out now. */
  get isOpen(): boolean {
    return this.client?.connected === true;
  }

  /** Connected and subscribed. */
  get isReady(): boolean {
    return this.isOpen && this.state.state === 'connected';
  }

  /** The id segment of this console's reply and ping topics: stable per installation, like the MQTT client id. */
  get consoleId(): string {
    return this.config?.installId ?? 'none';
  }

  start(config: LinkConfig): void {
    if (this.config) this.teardown();
    this.config = config;
    this.connectedOnce = false;
    this.scheduleRefresh();
    this.setStatus({ state: 'connecting', attempt: 0, failure: null, detail: '' });
    this.attempt();
  }

  /** Ends the connection for good, after `goodbye` (offline presence) when connected, and stops retrying. */
  stop(goodbye: Outbound | null): void {
    const client = this.client;
    if (client?.connected) {
      if (goodbye) this.publishOn(client, goodbye);
      client.end(false);
      this.client = null;
      this.generation++;
    }
    this.teardown();
    this.setStatus({ state: 'closed', attempt: 0, failure: null, detail: '' });
  }

  /** Publishes now when the client is connected; returns false otherwise. `done` hears the PUBACK (or the error). */
  publish(outbound: Outbound, done?: (error?: Error) => void): boolean {
    const client = this.client;
    if (!client?.connected) return false;
    this.publishOn(client, outbound, done);
    return true;
  }

  /**
   * The browser says the network went away or came back. Offline, the connection is dropped at once instead of
   * waiting for keepalive to notice, and no retries run; online again, the next attempt starts immediately.
   */
  setOnline(online: boolean): void {
    if (this.online === online) return;
    this.online = online;
    const state = this.state.state;
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

  /**
   * A fresh token is used from the next connect on; the current connection stays as it is. A connection the broker
   * refused after it had been up (a backend that restarted without its signing keys) tries again with it at once,
   * keeping its subscriptions, its class and what waits to be sent.
   */
  acceptToken(token: string, expiresAt: number | null): void {
    if (!this.config) return;
    this.config.token = token;
    this.config.tokenExpiresAt = expiresAt;
    this.tokenRequested = false;
    this.scheduleRefresh();
    if (this.awaitingToken) this.stopWaitingForToken();
    else if (this.state.state === 'refused' && this.connectedOnce) {
      this.setStatus({ state: 'reconnecting', attempt: 1, failure: null, detail: '' });
      this.attempt();
    }
  }

  tokenUnavailable(message: string): void {
    this.hooks.note('warning', `token refresh failed: ${message}`);
    this.tokenRequested = false;
    if (this.awaitingToken) this.stopWaitingForToken();
  }

  /** Whether the will of the current connection names something else than the will wanted now. */
  get willIsStale(): boolean {
    return this.hooks.will().key !== this.willKey;
  }

  /**
   * MQTT fixes the last will when a connection opens, so presence moves to another class by reconnecting. The old
   * connection ends with DISCONNECT (after its in-flight messages), which discards its will instead of publishing it.
   */
  renewWill(): void {
    const client = this.client;
    if (!client) return;
    this.generation++;
    this.client = null;
    this.stopPing();
    let reopened = false;
    const reopen = () => {
      if (reopened) return;
      reopened = true;
      clearTimeout(fallback);
      if (this.config && !this.client && this.online && this.state.state === 'connected') this.open(this.config);
    };
    const fallback = setTimeout(reopen, REWILL_WAIT_MS);
    client.end(false, {}, reopen);
  }

  /**
   * Subscribes once no unsubscribe of the same filters is still in flight: a broker may handle an UNSUBSCRIBE and a
   * later SUBSCRIBE of the same filter concurrently (Aedes does), and the unsubscribe can then remove the new
   * subscription, so a class left and opened again at once would go silent. `wanted` says whether the filters are
   * still wanted when the wait ends. Without a connection, the next connection subscribes them with the rest.
   */
  subscribe(filters: string[], wanted: () => boolean = () => true): void {
    const client = this.client;
    if (!client?.connected) return;
    const generation = this.generation;
    const inFlight = [...new Set(filters.flatMap((f) => this.unsubscribing.get(f) ?? []))];
    if (inFlight.length > 0) {
      void Promise.all(inFlight).then(() => {
        if (generation === this.generation && client === this.client && wanted()) this.subscribe(filters, wanted);
      });
      return;
    }
    client.subscribe(this.hooks.subscription(filters), (error, granted) => {
      if (generation !== this.generation) return;
      if (error) this.hooks.note('error', `subscribe failed: ${error.message}`);
      for (const grant of granted ?? []) {
        if (grant.qos === 128) this.hooks.note('warning', `the broker refused the subscription ${grant.topic}`);
      }
    });
  }

  unsubscribe(filters: string[]): void {
    const client = this.client;
    if (!client?.connected) return;
    const done = new Promise<void>((resolve) => client.unsubscribe(filters, () => resolve()));
    for (const f of filters) this.unsubscribing.set(f, done);
    void done.then(() => {
      for (const f of filters) if (this.unsubscribing.get(f) === done) this.unsubscribing.delete(f);
    });
  }

  /** One of this console's pings came back: the round trip is measured. */
  pong(ping: Ping): void {
    const sentAt = this.pingsInFlight.get(ping.seq);
    if (sentAt === undefined) return;
    this.pingsInFlight.delete(ping.seq);
    this.setStatus({ rttMs: Math.max(0, Math.round(this.clock.now() - sentAt)) });
  }

  // ---- lifecycle -------------------------------------------------------------------------------------------------

  private teardown(): void {
    this.dropClient();
    clearTimeout(this.retryTimer);
    clearTimeout(this.refreshTimer);
    clearTimeout(this.tokenWaitTimer);
    this.awaitingToken = false;
    this.tokenRequested = false;
    this.hooks.ended();
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
    const will = this.hooks.will();
    this.willKey = will.key;
    const last = will.outbound;
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
      ...(last ? { will: { topic: last.topic, payload: last.payload as never, qos: last.qos, retain: last.retain } } : {}),
    };
    const client = mqtt.connect(config.url, options);
    this.client = client;
    const current = () => generation === this.generation;
    client.on('connect', () => current() && this.onConnected(client, generation));
    client.on('message', (name, payload, packet) => {
      if (!current()) return;
      this.lastHeardAt = this.clock.now();
      this.hooks.message(name, payload, packet.retain);
    });
    client.on('error', (error) => current() && this.onError(error));
    client.on('close', () => current() && this.onClosed());
  }

  private onConnected(client: MqttClient, generation: number): void {
    this.connectedOnce = true;
    clearTimeout(this.retryTimer);
    client.subscribe(this.hooks.subscription(this.hooks.filters()), (error, granted) => {
      if (generation !== this.generation) return;
      if (error) {
        this.hooks.note('error', `subscribe failed: ${error.message}`);
        return;
      }
      for (const grant of granted ?? []) {
        if (grant.qos === 128) this.hooks.note('warning', `the broker refused the subscription ${grant.topic}`);
      }
      this.setStatus({ state: 'connected', attempt: 0, failure: null, detail: '' });
      // A class was opened while this connection was being set up: its will names another class.
      if (this.willIsStale) {
        this.renewWill();
        return;
      }
      this.hooks.ready();
      this.startPing(client);
    });
  }

  private onError(error: Error): void {
    const code = (error as { code?: unknown }).code;
    const refusal = typeof code === 'number' ? REFUSALS[code] : undefined;
    if (!refusal) {
      this.setStatus({ detail: error.message });
      this.hooks.note('warning', error.message);
      return;
    }
    let failure: AuthFailure = refusal === 'not-authorized' ? 'not-authorized' : refusal === 'client-id' ? 'client-id-refused' : 'broker-refused';
    if (refusal === 'credentials' && this.tokenExpiresWithin(0)) failure = 'token-expired';
    this.teardown();
    this.hooks.note('error', `the broker refused the connection: ${error.message}`);
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
        detail: this.state.detail || 'the connection closed before the broker answered',
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
    const attempt = this.state.state === 'reconnecting' ? this.state.attempt + 1 : 1;
    const backoff: BackoffOptions = { ...DEFAULT_BACKOFF, ...this.config?.backoff };
    const delay = backoffDelay(attempt, () => this.clock.random(), backoff);
    this.setStatus({ state: 'reconnecting', attempt });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.attempt(), delay);
  }

  private setStatus(patch: Partial<ConnectionStatus>): void {
    this.state = { ...this.state, ...patch };
    if (patch.state && patch.state !== 'connected') this.state.rttMs = null;
    this.hooks.status(this.state);
  }

  private publishOn(client: MqttClient, outbound: Outbound, done?: (error?: Error) => void): void {
    client.publish(outbound.topic, outbound.payload as never, { qos: outbound.qos, retain: outbound.retain }, done);
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
    this.hooks.needToken();
  }

  // ---- dead-link detection ---------------------------------------------------------------------------------------

  private startPing(client: MqttClient): void {
    this.stopPing();
    const interval = this.config?.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS;
    const silentLimit = Math.max(SILENT_LINK_MIN_MS, SILENT_LINK_INTERVALS * interval);
    this.lastHeardAt = this.clock.now();
    const send = () => {
      const config = this.config;
      if (!client.connected || !config) return;
      const silentFor = this.clock.now() - this.lastHeardAt;
      if (this.pingsInFlight.size > 0 && silentFor > silentLimit) {
        this.hooks.note('warning', `nothing from the broker for ${Math.round(silentFor / 1_000)} s, not even pings: the connection is treated as lost`);
        this.onClosed();
        return;
      }
      const seq = ++this.pingSeq;
      this.pingsInFlight.set(seq, this.clock.now());
      if (this.pingsInFlight.size > 8) this.pingsInFlight.delete(this.pingsInFlight.keys().next().value as number);
      const name = topic('ping', { userId: config.userId, sessionId: this.consoleId }, config.root);
      this.publishOn(client, encode('ping', name, { v: 1, seq, sentAt: Date.now() }));
    };
    send();
    this.pingTimer = setInterval(send, interval);
  }

  private stopPing(): void {
    clearInterval(this.pingTimer);
    this.pingTimer = undefined;
    this.pingsInFlight.clear();
  }
}
