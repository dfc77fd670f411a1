import { Readable } from 'node:stream';
import aedesPacket from 'aedes-packet';
import type { AedesPersistence } from 'aedes-persistence';

/** aedes-packet's module is the constructor itself; its typings describe it as a namespace holding a function. */
const Packet = aedesPacket as unknown as new (original: object) => QueuedPacket;

/** What Aedes keeps of a QoS 1 (or 2) message on its way to a persistent session. */
interface QueuedPacket {
  brokerId?: string;
  brokerCounter?: number;
  messageId?: number;
}

/**
 * One session's queue of messages on their way, in order, with the two look-ups Aedes makes on every acknowledgement
 * (by the broker's number for the message, by the packet id it was sent with) indexed instead of scanned.
 */
class SessionQueue {
  private nextKey = 0;
  /** Queue order is insertion order. */
  private readonly entries = new Map<number, QueuedPacket>();
  private readonly byBrokerNumber = new Map<string, number[]>();
  private readonly byMessageId = new Map<number, number[]>();

  get size(): number {
    return this.entries.size;
  }

  push(packet: QueuedPacket): void {
    const key = this.nextKey++;
    this.entries.set(key, packet);
    this.index(key, packet);
  }

  /**
   * As aedes-persistence's memory queue: the first message, in queue order, that is this one (same broker id and
   * number: it takes the packet id it is sent with), or that went out under the same packet id from another broker
   * id (a PUBREL taking its PUBLISH's place: replaced).
   */
  update(packet: QueuedPacket): boolean {
    const same = this.byBrokerNumber.get(numberOf(packet))?.[0];
    const other = this.first(this.byMessageId.get(packet.messageId!), (queued) => queued.brokerId !== packet.brokerId);
    if (same === undefined && other === undefined) return false;
    const key = same !== undefined && (other === undefined || same < other) ? same : other!;
    const queued = this.entries.get(key)!;
    this.unindex(key, queued);
    if (key === same) {
      queued.messageId = packet.messageId;
      this.index(key, queued);
    } else {
      this.entries.set(key, packet);
      this.index(key, packet);
    }
    return true;
  }

  /** Takes out the first message sent under this packet id. */
  clear(messageId: number | undefined): QueuedPacket | undefined {
    const key = this.byMessageId.get(messageId!)?.[0];
    if (key === undefined) return undefined;
    const queued = this.entries.get(key)!;
    this.unindex(key, queued);
    this.entries.delete(key);
    return queued;
  }

  snapshot(): QueuedPacket[] {
    return [...this.entries.values()];
  }

  private first(keys: number[] | undefined, accept: (queued: QueuedPacket) => boolean): number | undefined {
    return keys?.find((key) => accept(this.entries.get(key)!));
  }

  private index(key: number, packet: QueuedPacket): void {
    insertInOrder(this.byBrokerNumber, numberOf(packet), key);
    if (packet.messageId !== undefined) insertInOrder(this.byMessageId, packet.messageId, key);
  }

  private unindex(key: number, packet: QueuedPacket): void {
    remove(this.byBrokerNumber, numberOf(packet), key);
    if (packet.messageId !== undefined) remove(this.byMessageId, packet.messageId, key);
  }
}

function numberOf(packet: QueuedPacket): string {
  return `${packet.brokerId}\u0000${packet.brokerCounter}`;
}

function insertInOrder<K>(index: Map<K, number[]>, id: K, key: number): void {
  const keys = index.get(id);
  if (!keys) {
    index.set(id, [key]);
    return;
  }
  let at = keys.length;
  while (at > 0 && keys[at - 1]! > key) at--;
  keys.splice(at, 0, key);
}

function remove<K>(index: Map<K, number[]>, id: K, key: number): void {
  const keys = index.get(id);
  if (!keys) return;
  const at = keys.indexOf(key);
  if (at >= 0) keys.splice(at, 1);
  if (keys.length === 0) index.delete(id);
}

interface OutgoingMethods {
  outgoingEnqueue(sub: { clientId: string }, packet: unknown): Promise<void>;
  outgoingEnqueueCombi(subs: { clientId: string }[], packet: unknown): Promise<void>;
  outgoingUpdate(client: { id: string }, packet: unknown): Promise<void>;
  outgoingClearMessageId(client: { id: string }, packet: unknown): Promise<unknown>;
  outgoingStream(client: { id: string }): Readable;
}

/**
 * Gives aedes-persistence's in-memory store indexed outgoing queues. It scans a session's whole queue for each
 * acknowledgement and each packet id it assigns, so a session with n messages on their way costs O(n) per message:
 * the embedded backend's own services, each sent tens of thousands of retained summaries and presences as a large
 * catalogue starts, took minutes to work through them, and every console signing in waited behind them. The
 * behaviour is the store's own (same matches, same order, same errors); only the look-ups are indexed. Aedes calls
 * these methods without callbacks (it awaits their promises), as it does every persistence method here.
 */
export function indexOutgoingQueues<P extends AedesPersistence>(persistence: P): P {
  const queues = new Map<string, SessionQueue>();
  const queueOf = (clientId: string) => {
    let queue = queues.get(clientId);
    if (!queue) queues.set(clientId, (queue = new SessionQueue()));
    return queue;
  };
  const methods: OutgoingMethods = {
    async outgoingEnqueue(sub, packet) {
      queueOf(sub.clientId).push(new Packet(packet as object));
    },
    async outgoingEnqueueCombi(subs, packet) {
      for (const sub of subs) queueOf(sub.clientId).push(new Packet(packet as object));
    },
    async outgoingUpdate(client, packet) {
      if (!queueOf(client.id).update(packet as QueuedPacket)) throw new Error('no such packet');
    },
    async outgoingClearMessageId(client, packet) {
      const queue = queues.get(client.id);
      const cleared = queue?.clear((packet as QueuedPacket).messageId);
      if (queue?.size === 0) queues.delete(client.id);
      return cleared;
    },
    outgoingStream(client) {
      return Readable.from(queues.get(client.id)?.snapshot() ?? []);
    },
  };
  return Object.assign(persistence, methods);
}
