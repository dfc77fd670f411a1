import mqemitter, { type MQEmitter } from 'mqemitter';

/**
 * The bus Aedes delivers publishes on. Aedes's own caps deliveries in flight at 100 and queues the rest; when the
 * queue drains, each delivery that completes at once (a topic nobody follows) starts the next one inside itself,
 * so a backlog of tens of thousands (10,000 classes republishing after a broker restart) overflowed the stack and
 * took the backend down. Without the cap nothing is queued here: each publish is handed on as it comes, in the order
 * it comes, and a slow subscriber still holds back only its publisher (Aedes waits for delivery before the next).
 */
export function deliveryBus(): MQEmitter {
  // Empty topic levels match wildcards, as MQTT requires [MQTT-4.7.1-3] (Aedes sets the same on its own bus).
  return mqemitter({ concurrency: 0, matchEmptyLevels: true });
}
