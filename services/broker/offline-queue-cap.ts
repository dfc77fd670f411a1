import type { Aedes, Client } from 'aedes';
import type { AedesPersistence } from 'aedes-persistence';

export const DEFAULT_OFFLINE_QUEUE_CAP = 1_000;

export interface OfflineQueueStats {
  /** Messages at most in the queue of a persistent session whose client is away. */
  cap: number;
  /** Messages not queued for an away session because its queue was full, since this process started. */
  dropped: number;
  droppedBySession: Record<string, number>;
}

interface Subscriber {
  clientId: string;
}

/** The queue methods of both persistences (aedes-persistence, aedes-persistence-level) as Aedes 1.2 calls them. */
interface OutgoingQueues {
  outgoingEnqueue(sub: Subscriber, packet: unknown): Promise<void>;
  outgoingEnqueueCombi(subs: Subscriber[], packet: unknown): Promise<unknown>;
  outgoingClearMessageId(client: { id: string }, packet: unknown): Promise<unknown>;
  outgoingStream(client: { id: string }): AsyncIterable<unknown>;
}

/** What is known of one session's queue in the persistence. */
class SessionQueue {
  /** Messages in the queue; known only while its client is away, counted when the first message waits for it. */
  length: number | null = null;
  /** Changed by the client's connecting: a count that started before no longer holds. */
  generation = 0;
  /** Writes to the queue under way; a count waits until there are none, and new writes wait for the count. */
  writing = 0;
  counting: Promise<void> | null = null;
  private quiet: (() => void)[] = [];

  idle(): boolean {
    return this.length === null && this.writing === 0 && this.counting === null;
  }

  untilQuiet(): Promise<void> {
    return this.writing === 0 ? Promise.resolve() : new Promise((resolve) => this.quiet.push(resolve));
  }

  wrote(change: number): void {
    if (this.length !== null) this.length = Math.max(0, this.length + change);
    if (--this.writing === 0) for (const resolve of this.quiet.splice(0)) resolve();
  }
}

/**
 * Bounds the queue of each persistent session whose client is not connected: a QoS 1 message beyond `cap` is not
 * queued for that session (the newest is dropped, as Mosquitto's max_queued_messages does) and is counted. Connected
 * clients are not capped here: their messages are delivered as they come, and the queue only holds those in flight.
 *
 * It wraps the persistence's queue methods, so it works the same for the in-memory and the LevelDB persistence. A
 * session's length is counted from the persistence (its outgoing stream) the first time a message arrives for it
 * while its client is away, then followed write by write until the client connects again. The drop counters outlive
 * broker restarts inside the process; the lengths are counted afresh for each broker instance.
 */
export class OfflineQueueCap {
  private dropped = 0;
  private readonly droppedBySession = new Map<string, number>();
  private sessions = new Map<string, SessionQueue>();
  private readonly connected = new Set<string>();
  private readonly wrapped = new WeakSet<object>();

  constructor(readonly cap: number) {
    if (!Number.isInteger(cap) || cap < 1) throw new Error(`an offline queue cap is a whole number of at least 1, got ${cap}`);
  }

  /** Caps the queues of `persistence` for the broker about to open on it (the in-memory store is reopened as is). */
  attach(persistence: AedesPersistence): void {
    this.sessions = new Map();
    this.connected.clear();
    if (this.wrapped.has(persistence)) return;
    this.wrapped.add(persistence);
    const queues = persistence as unknown as OutgoingQueues;
    const enqueue = queues.outgoingEnqueue.bind(queues);
    const clear = queues.outgoingClearMessageId.bind(queues);
    const stream = queues.outgoingStream.bind(queues);
    const count = async (clientId: string) => {
      let length = 0;
      for await (const _message of stream({ id: clientId })) length++;
      return length;
    };
    queues.outgoingEnqueue = (sub, packet) => this.write(sub.clientId, 1, () => enqueue(sub, packet));
    queues.outgoingClearMessageId = (client, packet) => this.write(client.id, -1, () => clear(client, packet));
    // Aedes queues each published QoS 1 message for the persistent sessions it matches through this one call.
    queues.outgoingEnqueueCombi = async (subs, packet) => {
      const away = new Set<string>();
      await Promise.all(
        subs.map((sub) => {
          if (this.connected.has(sub.clientId)) return this.write(sub.clientId, 1, () => enqueue(sub, packet));
          // However many of its subscriptions match, an away session is queued the message once.
          if (away.has(sub.clientId)) return undefined;
          away.add(sub.clientId);
          return this.enqueueAway(sub.clientId, () => enqueue(sub, packet), count);
        }),
      );
    };
  }

  /** Follows which clients are connected to the broker instance. */
  watch(aedes: Aedes): void {
    aedes.on('client', (client: Client) => {
      this.connected.add(client.id);
      // Its queue is being emptied now: the length is counted again the next time it is away.
      const session = this.sessions.get(client.id);
      if (!session) return;
      session.length = null;
      session.generation++;
      this.forgetIfIdle(client.id, session);
    });
    aedes.on('clientDisconnect', (client: Client) => this.connected.delete(client.id));
  }

  stats(): OfflineQueueStats {
    return { cap: this.cap, dropped: this.dropped, droppedBySession: Object.fromEntries(this.droppedBySession) };
  }

  private session(clientId: string): SessionQueue {
    let session = this.sessions.get(clientId);
    if (!session) this.sessions.set(clientId, (session = new SessionQueue()));
    return session;
  }

  private forgetIfIdle(clientId: string, session: SessionQueue): void {
    if (session.idle() && this.sessions.get(clientId) === session) this.sessions.delete(clientId);
  }

  /** A count of the session's queue under way, which writes to that queue wait for. */
  private counting(clientId: string): Promise<void> | null {
    return this.sessions.get(clientId)?.counting ?? null;
  }

  /**
   * One write to a session's queue: an enqueue counts itself in as it begins (taken back if it fails), a clear once
   * it has found its message. When no count is under way it begins synchronously, so a caller's check of the length
   * and the write's counting in happen in one step.
   */
  private async write<T>(clientId: string, change: 1 | -1, operation: () => Promise<T>): Promise<T> {
    for (let pending = this.counting(clientId); pending; pending = this.counting(clientId)) await pending.catch(() => {});
    const session = this.session(clientId);
    session.writing++;
    if (change > 0 && session.length !== null) session.length++;
    let result: T | undefined;
    let done = false;
    try {
      result = await operation();
      done = true;
      return result;
    } finally {
      if (change > 0) session.wrote(done ? 0 : -1);
      else session.wrote(done && result ? -1 : 0);
      this.forgetIfIdle(clientId, session);
    }
  }

  /** Queues a message for a session whose client is away, unless its queue is full; counts the queue first if need be. */
  private async enqueueAway(clientId: string, enqueue: () => Promise<void>, count: (clientId: string) => Promise<number>): Promise<void> {
    for (;;) {
      const pending = this.counting(clientId);
      if (pending) {
        await pending;
        continue;
      }
      if (this.connected.has(clientId)) break;
      const session = this.session(clientId);
      if (session.length === null) {
        session.counting = this.count(session, () => count(clientId));
        continue;
      }
      if (session.length >= this.cap) {
        this.drop(clientId);
        return;
      }
      break;
    }
    await this.write(clientId, 1, enqueue);
  }

  private async count(session: SessionQueue, count: () => Promise<number>): Promise<void> {
    const generation = session.generation;
    try {
      await session.untilQuiet();
      const length = await count();
      // A client that connected meanwhile may be emptying its queue: then the length stays unknown.
      if (session.generation === generation) session.length = length;
    } finally {
      session.counting = null;
    }
  }

  private drop(clientId: string): void {
    this.dropped++;
    this.droppedBySession.set(clientId, (this.droppedBySession.get(clientId) ?? 0) + 1);
  }
}
