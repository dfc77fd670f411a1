import { Aedes, type AedesPublishPacket, type Client } from 'aedes';
import type { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { BrokerAccess, RetainedSource } from './access';
import { deliveryBus } from './delivery-bus';
import { ackAfterStore } from './durable-ack';
import { emitInOrder } from './emit-in-order';
import { DEFAULT_OFFLINE_QUEUE_CAP, OfflineQueueCap, type OfflineQueueStats } from './offline-queue-cap';
import { guarded } from './packet-guard';
import type { PersistenceProvider } from './persistence';

export interface BrokerHostOptions {
  host: string;
  /** Port of the plain MQTT listener; 0 lets the OS choose on the first start, later starts reuse it. */
  mqttPort: number;
  access: BrokerAccess;
  persistence: PersistenceProvider;
  /**
   * Send a QoS 1 PUBACK only once the message is in the persistence (retained store, queues of persistent sessions),
   * so an acknowledged message survives a killed process (services/broker/durable-ack.ts). Default true; false is
   * Aedes' own order, PUBACK first, kept for benchmarks.
   */
  ackAfterStore?: boolean;
  /** Messages at most in the queue of a persistent session whose client is away (services/broker/offline-queue-cap.ts). */
  offlineQueueCap?: number;
  onError?(error: Error): void;
}

export interface BrokerStats {
  connectedClients: number;
  offlineQueue: OfflineQueueStats;
}

export type SpyListener = (packet: AedesPublishPacket) => void;

/**
 * Owns one Aedes instance at a time and its TCP listener, and can stop and start it again on the same port with
 * the same persistence. WebSocket connections arrive through `handle()` from the HTTP server.
 */
export class BrokerHost {
  private aedes: Aedes | null = null;
  private server: Server | null = null;
  private port: number;
  private readonly connections = new Set<Duplex>();
  private transition: Promise<void> = Promise.resolve();
  /** Outlives broker restarts, so its drop counters do. */
  private readonly offlineQueues: OfflineQueueCap;

  constructor(private readonly options: BrokerHostOptions) {
    this.port = options.mqttPort;
    this.offlineQueues = new OfflineQueueCap(options.offlineQueueCap ?? DEFAULT_OFFLINE_QUEUE_CAP);
  }

  get running(): boolean {
    return this.aedes !== null;
  }

  get mqttPort(): number {
    return this.port;
  }

  get connectedClients(): number {
    return this.aedes?.connectedClients ?? 0;
  }

  stats(): BrokerStats {
    return { connectedClients: this.connectedClients, offlineQueue: this.offlineQueues.stats() };
  }

  start(): Promise<void> {
    return this.serialise(() => this.doStart());
  }

  stop(): Promise<void> {
    return this.serialise(() => this.doStop());
  }

  /** Hands a connection (a TCP socket or a WebSocket stream) to the broker, or drops it while the broker is down. */
  handle(stream: Duplex, request?: IncomingMessage): void {
    if (!this.aedes) {
      stream.destroy();
      return;
    }
    this.connections.add(stream);
    stream.once('close', () => this.connections.delete(stream));
    this.aedes.handle(guarded(stream), request);
  }

  /**
   * Receives every message matching `filter` inside the process, bypassing the ACL: for tests that must see what no
   * client may see (such as `$SYS`). Lasts until the returned function is called or the broker stops.
   */
  spy(filter: string, listener: SpyListener): () => void {
    const aedes = this.aedes;
    if (!aedes) throw new Error('the broker is not running');
    const deliver = (packet: AedesPublishPacket, done: () => void) => {
      listener(packet);
      done();
    };
    aedes.subscribe(filter, deliver, () => {});
    return () => aedes.unsubscribe(filter, deliver, () => {});
  }

  private serialise(step: () => Promise<void>): Promise<void> {
    const next = this.transition.then(step);
    this.transition = next.catch(() => {});
    return next;
  }

  private async doStart(): Promise<void> {
    if (this.aedes) return;
    const persistence = await this.options.persistence.open();
    this.offlineQueues.attach(persistence);
    await this.options.access.restoreRooms(persistence as unknown as RetainedSource);
    const aedes = await Aedes.createBroker({
      persistence,
      mq: deliveryBus(),
      ...this.options.access.hooks(),
      connectTimeout: 10_000,
      // Client ids such as console-<userId>-<installId> are longer than MQTT 3.1's 23 characters.
      maxClientsIdLength: 256,
    });
    aedes.on('clientDisconnect', (client: Client) => this.options.access.forget(client));
    this.offlineQueues.watch(aedes);
    // Before ackAfterStore, whose early publishes must go through it too.
    emitInOrder(aedes);
    if (this.options.ackAfterStore ?? true) ackAfterStore(aedes);
    // Aedes emits 'error' for persistence failures; its typings only list client-level errors.
    (aedes as EventEmitter).on('error', (error: Error) => this.options.onError?.(error));
    const server = createServer((socket: Socket) => this.handle(socket));
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(this.port, this.options.host, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      await this.options.persistence.release();
      throw error;
    }
    const address = server.address();
    if (address && typeof address === 'object') this.port = address.port;
    this.server = server;
    this.aedes = aedes;
  }

  private async doStop(): Promise<void> {
    const aedes = this.aedes;
    const server = this.server;
    if (!aedes || !server) return;
    this.aedes = null;
    this.server = null;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    await new Promise<void>((resolve) => aedes.close(() => resolve()));
    for (const connection of this.connections) connection.destroy();
    this.connections.clear();
    await closed;
    await this.options.persistence.release();
  }
}
