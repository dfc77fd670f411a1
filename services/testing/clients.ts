import { connect, type IClientOptions, type IClientPublishOptions, type MqttClient } from 'mqtt';
import { SERVICE_PREFIX, consoleClientId, serviceUserId } from '../../shared/auth/client-id';

export interface Credentials {
  username: string;
  password: string;
}

export interface Received {
  topic: string;
  payload: Buffer;
  qos: number;
  retain: boolean;
}

const WAIT_MS = 5_000;

const inboxes = new WeakMap<MqttClient, Inbox>();

/** Messages a client has received, in order, with a way to wait for one. */
export class Inbox {
  readonly messages: Received[] = [];
  private waiters: { match: (m: Received) => boolean; resolve: (m: Received) => void }[] = [];

  /**
   * The inbox of a client. Clients from `Clients.connect` get theirs before CONNACK, so nothing a broker sends right
   * after connecting (queued messages of a persistent session) is missed.
   */
  static of(client: MqttClient): Inbox {
    let inbox = inboxes.get(client);
    if (!inbox) inboxes.set(client, (inbox = new Inbox(client)));
    return inbox;
  }

  private constructor(client: MqttClient) {
    client.on('message', (topic, payload, packet) => {
      const message = { topic, payload, qos: packet.qos, retain: packet.retain };
      this.messages.push(message);
      this.waiters = this.waiters.filter((w) => (w.match(message) ? (w.resolve(message), false) : true));
    });
  }

  on(topic: string): Received[] {
    return this.messages.filter((m) => m.topic === topic);
  }

  waitFor(match: (m: Received) => boolean, what: string): Promise<Received> {
    const seen = this.messages.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter = { match, resolve: (m: Received) => (clearTimeout(timer), resolve(m)) };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out waiting for ${what}; received ${this.messages.map((m) => m.topic).join(', ') || 'nothing'}`));
      }, WAIT_MS);
      this.waiters.push(waiter);
    });
  }

  waitForTopic(topic: string): Promise<Received> {
    return this.waitFor((m) => m.topic === topic, `a message on ${topic}`);
  }
}

/** Why a connection was refused: the CONNACK return code. */
export class Refused extends Error {
  constructor(readonly code: number) {
    super(`connection refused with CONNACK ${code}`);
  }
}

/**
 * A fresh client id that belongs to `username` (shared/auth/client-id.ts): `svc-<name>-<random>` for a service,
 * `console-<user>-<random>` for a person. Brokers refuse an id that belongs to someone else.
 */
export function ownClientId(username: string): string {
  const random = Math.random().toString(36).slice(2, 10);
  return username.startsWith(SERVICE_PREFIX) ? `${username}-t${random}` : consoleClientId(username, `t${random}`);
}

/** Opens clients for one test and closes every one of them afterwards. */
export class Clients {
  private readonly open = new Set<MqttClient>();

  /** Connects without retrying; rejects with `Refused` when the broker says no. */
  connect(url: string, credentials: Credentials, options: IClientOptions = {}): Promise<MqttClient> {
    const client = connect(url, {
      protocolVersion: 4,
      reconnectPeriod: 0,
      connectTimeout: WAIT_MS,
      clientId: ownClientId(credentials.username),
      ...credentials,
      ...options,
    });
    this.open.add(client);
    Inbox.of(client);
    // Errors after the connection (a broker closing it) are outcomes the tests look at, not crashes.
    client.on('error', () => {});
    return new Promise((resolve, reject) => {
      client.once('connect', () => resolve(client));
      client.once('error', (error: Error & { code?: unknown }) => {
        client.end(true);
        reject(typeof error.code === 'number' ? new Refused(error.code) : error);
      });
      // A broker may close the socket instead of answering CONNECT.
      client.once('close', () => reject(new Error('connection closed before CONNACK')));
    });
  }

  /** The CONNACK code of a refused connection; fails the test if the connection is accepted. */
  async refusal(url: string, credentials: Credentials, options: IClientOptions = {}): Promise<number> {
    try {
      await this.connect(url, credentials, options);
    } catch (error) {
      if (error instanceof Refused) return error.code;
      throw error;
    }
    throw new Error(`the broker accepted ${credentials.username}`);
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.open].map((client) => new Promise<void>((resolve) => client.end(true, {}, () => resolve()))));
    this.open.clear();
  }
}

/**
 * Subscribes and returns the granted QoS per filter, 128 for a refused one. mqtt.js rejects when any filter is
 * refused, with the SUBACK attached; both outcomes are results here.
 */
export async function subscribe(client: MqttClient, filters: string[], qos: 0 | 1 = 1): Promise<number[]> {
  try {
    const granted = await client.subscribeAsync(filters, { qos });
    return granted.map((g) => g.qos);
  } catch (error) {
    const granted = (error as { packet?: { granted?: number[] } }).packet?.granted;
    if (granted) return granted;
    throw error;
  }
}

/**
 * Publishes and waits for the broker's answer: 'acked' for a PUBACK (QoS 1) or a written QoS 0 packet, 'closed' when
 * the broker closed the connection instead. A broker may drop a refused publish silently (Mosquitto) or disconnect
 * its sender (Aedes); both keep the message from everyone else, which is what the tests check.
 */
export function publishOutcome(client: MqttClient, topic: string, payload: string | Buffer, options: IClientPublishOptions = { qos: 1 }): Promise<'acked' | 'closed'> {
  if (!client.connected) return Promise.resolve('closed');
  return new Promise((resolve) => {
    const closed = () => resolve('closed');
    client.once('close', closed);
    client.publish(topic, payload, options, (error) => {
      client.off('close', closed);
      resolve(error ? 'closed' : 'acked');
    });
  });
}

/**
 * Resolves once the broker has answered a round trip on this connection, so any message it had routed to the client
 * before has arrived. Used before asserting that something was not delivered.
 */
export async function barrier(client: MqttClient): Promise<void> {
  if (!client.connected) return;
  await client.unsubscribeAsync('classroom/v1/barrier/none');
}

/** The service identity tests connect as, where a test plays a backend service or watches the whole tree. */
export const TEST_SERVICE = 'tester';

/**
 * Credentials and an own client id for the service `name` on a backend: what a test needs to connect as a service.
 * With `clientId` given, that id is used instead (a persistent session the test reconnects to).
 */
export async function serviceLogin(
  backend: { serviceToken(name: string): Promise<string> },
  options: { name?: string; clientId?: string } = {},
): Promise<Credentials & { clientId: string }> {
  const username = serviceUserId(options.name ?? TEST_SERVICE);
  return { username, password: await backend.serviceToken(options.name ?? TEST_SERVICE), clientId: options.clientId ?? ownClientId(username) };
}
