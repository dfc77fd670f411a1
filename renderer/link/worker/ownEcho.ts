/** Payloads remembered at most, and their bytes at most: the oldest are forgotten first. */
export const OWN_ECHO_ENTRIES = 256;
export const OWN_ECHO_BYTES = 4 * 1024 * 1024;

interface Sent {
  key: string;
  payload: Uint8Array;
}

/**
 * The payloads this console published recently on its own topics, so their echo can be dropped before it is parsed.
 * MQTT 3.1.1 has no "no local" option: a broker sends every publisher its own messages back when it subscribes to
 * their topic, and a busy board would decode and validate all of its own ops a second time only to ignore them. An
 * inbound payload is an echo when its topic is one this console published on and its bytes equal a payload it
 * published there. Another window of the same user publishes on the same topic but with other bytes (its board
 * session id differs), so its messages still arrive. Bounded by entries and bytes; an echo of a payload already
 * forgotten is decoded as before and ignored further on (the board skips its own session's ops).
 */
export class OwnEcho {
  private readonly topics = new Map<string, number>();
  private readonly byKey = new Map<string, Uint8Array[]>();
  private readonly order: Sent[] = [];
  private head = 0;
  private bytes = 0;

  constructor(
    private readonly maxEntries = OWN_ECHO_ENTRIES,
    private readonly maxBytes = OWN_ECHO_BYTES,
  ) {}

  sent(topic: string, payload: Uint8Array): void {
    const key = keyOf(topic, payload);
    const same = this.byKey.get(key);
    // A resend after a reconnect is the same bytes (the outbox keeps them encoded): remembered once.
    if (same?.includes(payload)) return;
    if (same) same.push(payload);
    else this.byKey.set(key, [payload]);
    this.topics.set(topic, (this.topics.get(topic) ?? 0) + 1);
    this.order.push({ key, payload });
    this.bytes += payload.byteLength;
    while (this.order.length - this.head > this.maxEntries || (this.bytes > this.maxBytes && this.order.length - this.head > 1)) this.forgetOldest();
    if (this.head > 1024) {
      this.order.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Whether `payload` on `topic` is one this console published (and is still remembered). Cheap for other topics. */
  isEcho(topic: string, payload: Uint8Array): boolean {
    if (!this.topics.has(topic)) return false;
    const candidates = this.byKey.get(keyOf(topic, payload));
    return candidates !== undefined && candidates.some((sent) => sameBytes(sent, payload));
  }

  get size(): number {
    return this.order.length - this.head;
  }

  private forgetOldest(): void {
    const oldest = this.order[this.head++]!;
    this.bytes -= oldest.payload.byteLength;
    const same = this.byKey.get(oldest.key)!;
    same.splice(same.indexOf(oldest.payload), 1);
    if (same.length === 0) this.byKey.delete(oldest.key);
    const topic = oldest.key.slice(0, oldest.key.indexOf('\n'));
    const count = (this.topics.get(topic) ?? 1) - 1;
    if (count === 0) this.topics.delete(topic);
    else this.topics.set(topic, count);
  }
}

/** Topic, length and an FNV-1a hash of the bytes: equal payloads have equal keys, and unequal ones rarely do. */
function keyOf(topic: string, payload: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < payload.length; i++) hash = Math.imul(hash ^ payload[i]!, 0x01000193);
  return `${topic}\n${payload.byteLength}\n${hash >>> 0}`;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
