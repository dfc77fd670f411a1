import type { Aedes, Client, PublishPacket } from 'aedes';

type Done = (error?: Error | null) => void;
/** Aedes' publish as Aedes itself calls it, with the publishing client (its typings leave the client out). */
type Publish = (packet: PublishPacket, client: Client | null | Done, done?: Done) => void;

/**
 * Makes `aedes` acknowledge a client's QoS 1 PUBLISH only once the message is in the persistence: the retained
 * store and the queues of persistent sessions.
 *
 * Aedes 1.2 writes the PUBACK first and publishes afterwards (lib/handlers/publish.js, enqueuePublish), so a process
 * killed in between loses a message its sender was told is safe. Aedes calls the authorizePublish hook just before
 * that step, with the very packet object it publishes afterwards. So once the hook allows a client's QoS 1 packet,
 * the packet is published here (retained store, session queues, delivery, the `published` hook and the 'publish'
 * event) and only then is Aedes told to go on; its own publish of that same object, after the PUBACK, is skipped.
 * Each packet is therefore published exactly once, and its PUBACK is written after its storage has completed.
 *
 * Each of these publishes begins in a setImmediate callback of its own, exactly when Aedes' would have begun (in the
 * setImmediate callback of its PUBACK's write). That timing matters: Aedes numbers a message as its publish begins,
 * and a receiving client drops any message numbered below one it already has (lib/client.js, dedupe), so messages
 * must reach the emitter in the order they were numbered. Node drains promise callbacks after each setImmediate
 * callback, so with the in-memory persistence each publish reaches the emitter before the next one begins, and a QoS 0
 * message that arrived in the same network read goes first, as before. Started at once instead, a retained message
 * or one queued for an away session (more storage steps) would be overtaken by the next and dropped by subscribers.
 */
export function ackAfterStore(aedes: Aedes): void {
  const publishedEarly = new WeakSet<PublishPacket>();
  const broker = aedes as unknown as { publish: Publish };
  const publish: Publish = broker.publish.bind(aedes);
  const authorize = aedes.authorizePublish;

  const publishStored = (client: Client, packet: PublishPacket, done: Done) =>
    publish(packet, client, (failure) => {
      if (failure) return done(failure);
      publishedEarly.add(packet);
      done(null);
    });

  aedes.authorizePublish = (client, packet, done) => {
    authorize.call(aedes, client, packet, (error) => {
      // Wills of clients that are gone (client null), QoS 0 and QoS 2 (stored before its PUBREC already) go on as usual.
      if (error || client === null || packet.qos !== 1) return done(error);
      setImmediate(publishStored, client, packet, done);
    });
  };

  broker.publish = (packet, client, done) => {
    if (publishedEarly.delete(packet)) {
      const callback = typeof client === 'function' ? client : done;
      return callback?.(null);
    }
    publish(packet, client, done);
  };
}
