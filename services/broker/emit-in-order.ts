import type { Aedes, AedesPublishPacket, Client } from 'aedes';

type Done = (error?: Error | null) => void;
type Publish = (packet: AedesPublishPacket, client: Client | null | Done, done?: Done) => void;
type Emit = (packet: AedesPublishPacket, done?: Done) => void;

interface Internals {
  publish: Publish;
  /** Aedes' message counter: each publish numbers its message `counter + 1` as it begins (aedes-packet). */
  counter: number;
  id: string;
  mq: { emit: Emit };
}

/**
 * Makes `aedes` hand messages to its subscribers in the order it numbered them.
 *
 * Aedes numbers a message as its publish begins, stores it (retained store, queues of persistent sessions) and only
 * then emits it to subscribers, and a connected client drops any message numbered below one it has already had
 * (lib/client.js, dedupe). With an asynchronous store such as LevelDB, the storage of one message can finish before
 * that of a message numbered earlier; the earlier one was then dropped by every connected subscriber and reached a
 * persistent session only when it reconnected. Here each message waits at the emitter until every message numbered
 * before it has been emitted (or its publish failed); storage still runs concurrently.
 */
export function emitInOrder(aedes: Aedes): void {
  const broker = aedes as unknown as Internals;
  /** Publishes begun and not yet emitted, by number, in the order they began (so the first is the lowest). */
  const inFlight = new Map<number, { packet: AedesPublishPacket; done?: Done } | null>();
  const publish = broker.publish.bind(aedes);
  const emit = broker.mq.emit.bind(broker.mq);

  const release = () => {
    for (const [counter, held] of inFlight) {
      if (held === null) return;
      inFlight.delete(counter);
      emit(held.packet, held.done);
    }
  };

  broker.publish = (packet, client, done) => {
    const callback = typeof client === 'function' ? client : done;
    // A packet that carries its number already was numbered by an earlier publish; it is not numbered again.
    const counter = (packet as { brokerCounter?: number }).brokerCounter ? null : broker.counter + 1;
    if (counter !== null) inFlight.set(counter, null);
    const finished: Done = (error) => {
      // A publish that failed before it was emitted must not hold back the ones after it.
      if (counter !== null && inFlight.get(counter) === null && broker.counter >= counter) {
        inFlight.delete(counter);
        release();
      }
      callback?.(error);
    };
    publish(packet, typeof client === 'function' ? null : client, finished);
  };

  broker.mq.emit = (packet, done) => {
    const counter = packet.brokerCounter;
    if (packet.brokerId !== broker.id || !inFlight.has(counter)) return emit(packet, done);
    inFlight.set(counter, { packet, done });
    release();
  };
}
