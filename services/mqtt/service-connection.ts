import { connect, type MqttClient } from 'mqtt';
import { serviceClientId, serviceUserId } from '../../shared/auth/client-id';
import type { Outbound } from '../../shared/protocol/codec';

export interface ServiceConnectionOptions {
  url: string;
  /** The service's name: it connects as user `svc-<name>` with client id `svc-<name>` (or `svc-<name>-<instance>`). */
  service: string;
  /** Set when the service runs as several instances, each with a session of its own. */
  instance?: string;
  /**
   * Mints a fresh token for the service `name`; called at start and then every `refreshEveryMs`, so reconnects never
   * use an expired one.
   */
  token(name: string): Promise<string>;
  refreshEveryMs: number;
  /**
   * Keep the broker-side session (and its subscriptions) while disconnected, so QoS 1 messages published meanwhile
   * are queued for this service instead of lost. Services that receive users' commands need it.
   */
  persistentSession?: boolean;
  /** Filters subscribed at QoS 1 on every connection. */
  subscriptions: string[];
  /** `retained` is true for a message the broker had stored before this subscription, false for a live one. */
  onMessage(topic: string, payload: Buffer, retained: boolean): void;
  /** After every (re)connection, once the subscriptions are in place: the time to republish state. */
  onConnect(): void;
  onError?(error: Error): void;
}

/** How long closing waits for the broker to acknowledge what is in flight before it ends the connection anyway. */
const CLOSE_GRACE_MS = 2_000;

/** How a service reaches the broker: everything but who it is, what it subscribes to and how it reacts. */
export type ServiceLink = Pick<ServiceConnectionOptions, 'url' | 'token' | 'refreshEveryMs' | 'onError'>;

/**
 * A backend service's MQTT connection. It reconnects by itself; on every connection it subscribes again and asks the
 * service to republish what it owns, which brings everyone up to date after an outage. By default the session is
 * clean, so an outage costs the broker no memory; `persistentSession` keeps it for services that must not miss
 * commands sent while they reconnect.
 */
export class ServiceConnection {
  private heldStream: MqttClient['stream'] | null = null;

  private constructor(
    private readonly client: MqttClient,
    private readonly refreshTimer: NodeJS.Timeout,
  ) {}

  static async open(options: ServiceConnectionOptions): Promise<ServiceConnection> {
    const token = () => options.token(options.service);
    const client = connect(options.url, {
      clientId: serviceClientId(options.service, options.instance),
      username: serviceUserId(options.service),
      password: await token(),
      clean: !options.persistentSession,
      protocolVersion: 4,
      reconnectPeriod: 500,
      connectTimeout: 10_000,
      resubscribe: false,
      queueQoSZero: false,
    });
    const refreshTimer = setInterval(() => {
      token().then(
        (token) => (client.options.password = token),
        (error: Error) => options.onError?.(error),
      );
    }, options.refreshEveryMs);
    refreshTimer.unref();

    client.on('message', (topic, payload, packet) => options.onMessage(topic, payload, packet.retain));
    client.on('error', (error) => options.onError?.(error));
    const subscribeThenAnnounce = () => {
      if (options.subscriptions.length === 0) return options.onConnect();
      client.subscribe(options.subscriptions, { qos: 1 }, (error, granted) => {
        const refused = granted?.filter((g) => g.qos === 128).map((g) => g.topic) ?? [];
        if (error || refused.length > 0) {
          options.onError?.(error ?? new Error(`subscriptions refused: ${refused.join(', ')}`));
          return;
        }
        options.onConnect();
      });
    };

    await new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => {
        clearInterval(refreshTimer);
        client.end(true);
        reject(error);
      };
      client.once('error', fail);
      client.once('connect', () => {
        client.off('error', fail);
        resolve();
      });
    });
    client.on('connect', subscribeThenAnnounce);
    subscribeThenAnnounce();
    return new ServiceConnection(client, refreshTimer);
  }

  get connected(): boolean {
    return this.client.connected;
  }

  /** Publishes when connected; returns false (and drops the message) when not. */
  publish(message: Outbound): boolean {
    if (!this.client.connected) return false;
    this.holdWrites();
    const payload = Buffer.from(message.payload.buffer, message.payload.byteOffset, message.payload.byteLength);
    this.client.publish(message.topic, payload, { qos: message.qos, retain: message.retain });
    return true;
  }

  /**
   * Lets what is published while the received packets of one read are handled leave in one write. mqtt.js handles
   * each received packet in a tick of its own and flushes after each, so a service answering a burst (the tagger's
   * first tags and health for thousands of classes) otherwise makes a system call per message: a seventh of the
   * tagger's CPU in its first seconds, profiled at 16,000 classes on Mosquitto. The writes leave once the input of
   * this turn of the event loop is handled.
   */
  private holdWrites(): void {
    const stream = this.client.stream;
    if (this.heldStream === stream) return;
    this.heldStream = stream;
    stream.cork();
    setImmediate(() => {
      this.heldStream = null;
      stream.uncork();
    });
  }

  /**
   * Ends the connection: gracefully (in-flight acknowledgements awaited) for at most `graceMs`, then forced. A
   * service that published a burst, or whose acknowledgements were lost in a broker restart, would otherwise keep its
   * process waiting for ever.
   */
  async close(graceMs = CLOSE_GRACE_MS): Promise<void> {
    clearInterval(this.refreshTimer);
    const client = this.client;
    // A graceful end waits for in-flight acknowledgements, which never come while the broker is down.
    const drained = client.connected && (Object.keys(client.outgoing).length === 0 || (await this.outgoingEmpty(graceMs)));
    await client.endAsync(!drained);
  }

  /** Whether everything in flight is acknowledged within `ms`. */
  private outgoingEmpty(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (empty: boolean) => {
        clearTimeout(timer);
        this.client.off('outgoingEmpty', onEmpty);
        resolve(empty);
      };
      const onEmpty = () => done(true);
      const timer = setTimeout(() => done(false), ms);
      this.client.on('outgoingEmpty', onEmpty);
    });
  }
}
