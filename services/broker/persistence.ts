import memoryPersistence, { type AedesPersistence } from 'aedes-persistence';
import { indexOutgoingQueues } from './outgoing-queue';

/**
 * Where the broker keeps retained messages, subscriptions of persistent sessions, queued QoS 1 messages and wills.
 * A provider outlives one broker instance, so `restartBroker()` reopens a broker on the same state.
 */
export interface PersistenceProvider {
  readonly kind: 'memory' | 'level';
  /** The persistence for the next broker instance. */
  open(): Promise<AedesPersistence>;
  /** Called once a broker instance has closed. */
  release(): Promise<void>;
  /** Called when the backend shuts down for good. */
  close(): Promise<void>;
}

interface OutgoingQueue {
  outgoingEnqueue(sub: { clientId: string }, packet: unknown): Promise<void>;
  outgoingUpdate(client: { id: string }, packet: unknown): Promise<void>;
}

/**
 * Aedes tracks each QoS 1 message to a persistent session in the outgoing queue, which it fills from the
 * persistence's subscription index while live delivery goes through its emitter. A session that subscribes while
 * messages are flowing can be in the emitter before it is in the index; Aedes then fails to find the message it is
 * delivering ("no such packet") and drops the connection, and the console reconnects. The message is genuinely
 * owed to the session, so it is queued there and the update goes on.
 */
export function queueLateDeliveries<P extends AedesPersistence>(persistence: P): P {
  const queue = persistence as unknown as OutgoingQueue;
  const update = queue.outgoingUpdate.bind(queue);
  queue.outgoingUpdate = async (client, packet) => {
    try {
      await update(client, packet);
    } catch (error) {
      if ((error as Error | undefined)?.message !== 'no such packet') throw error;
      await queue.outgoingEnqueue({ clientId: client.id }, packet);
      await update(client, packet);
    }
  };
  return persistence;
}

function destroy(persistence: AedesPersistence): Promise<void> {
  // Both persistences are async underneath: without a callback, destroy() returns a promise.
  return Promise.resolve(persistence.destroy() as unknown as Promise<void> | undefined);
}

/** One in-memory store kept across broker restarts; gone when the process ends. */
export function inMemory(): PersistenceProvider {
  let store: AedesPersistence | null = null;
  return {
    kind: 'memory',
    async open() {
      store ??= queueLateDeliveries(indexOutgoingQueues(memoryPersistence()));
      return store;
    },
    async release() {},
    async close() {
      if (store) await destroy(store);
      store = null;
    },
  };
}

/**
 * A level database in `dir`. Each broker instance opens it and the close releases it, exactly as a restarted
 * process would. `level` is loaded only here, so its native binding is never needed for in-memory mode.
 */
export function onDisk(dir: string): PersistenceProvider {
  let store: AedesPersistence | null = null;
  return {
    kind: 'level',
    async open() {
      if (store) return store;
      const [{ Level }, { default: levelPersistence }] = await Promise.all([import('level'), import('aedes-persistence-level')]);
      const db = new Level(dir);
      await db.open();
      store = queueLateDeliveries(levelPersistence(db));
      return store;
    },
    async release() {
      if (store) await destroy(store);
      store = null;
    },
    async close() {
      await this.release();
    },
  };
}
