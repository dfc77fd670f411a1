import type { z } from 'zod';
import { KINDS, type MessageOf } from './kinds';
import { DEFAULT_ROOT, parseTopic, type TopicKind, type TopicParams } from './topics';
import { utf8Decode, utf8Encode } from './text';

/** Why an inbound message was dropped. Each reason has its own counter in the diagnostics panel. */
export const DROP_REASONS = ['unknown-topic', 'unexpected-retain', 'oversized', 'not-utf8', 'not-json', 'unknown-version', 'schema'] as const;
export type DropReason = (typeof DROP_REASONS)[number];

export type Decoded =
  { [K in TopicKind]: { ok: true; kind: K; params: TopicParams<K>; message: MessageOf<K>; topic: string } }[TopicKind];

export interface Dropped {
  ok: false;
  reason: DropReason;
  topic: string;
  /** One line for the diagnostics panel; never contains the raw payload. */
  detail: string;
}

/** An empty retained payload clears a retained message; it is not a message of any kind. */
export interface Cleared {
  ok: true;
  kind: 'cleared';
  topic: string;
  parsed: { kind: TopicKind; params: Record<string, string> };
}

/**
 * Validates an inbound message at the edge: topic, size, encoding, JSON, version and schema, in that order, so the
 * cheap checks run first and an oversized payload is never parsed. `retained` is the packet's retain flag: a retained
 * message on a kind that is never retained was planted (brokers like Mosquitto cannot forbid it) and is dropped.
 */
export function decode(topicName: string, payload: Uint8Array, root = DEFAULT_ROOT, retained = false): Decoded | Dropped | Cleared {
  const parsed = parseTopic(topicName, root);
  if (!parsed) return drop('unknown-topic', topicName, 'topic is not part of protocol v1');
  const spec = KINDS[parsed.kind];
  if (retained && !spec.retain) return drop('unexpected-retain', topicName, `${parsed.kind} is never retained`);
  if (payload.byteLength === 0 && spec.retain) {
    return { ok: true, kind: 'cleared', topic: topicName, parsed };
  }
  if (payload.byteLength > spec.maxBytes) {
    return drop('oversized', topicName, `${payload.byteLength} bytes exceeds the ${spec.maxBytes}-byte limit of ${parsed.kind}`);
  }
  let text: string;
  try {
    text = utf8Decode(payload);
  } catch {
    return drop('not-utf8', topicName, 'payload is not valid UTF-8');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return drop('not-json', topicName, 'payload is not JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return drop('schema', topicName, 'payload is not a JSON object');
  }
  const version = (json as { v?: unknown }).v;
  if (version !== 1) return drop('unknown-version', topicName, `version ${JSON.stringify(version)} is not supported`);
  const result = (spec.schema as z.ZodType).safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    return drop('schema', topicName, `${parsed.kind}: ${issue ? `${issue.path.join('.') || '(root)'} ${issue.message}` : 'invalid'}`);
  }
  return { ok: true, kind: parsed.kind, params: parsed.params, message: result.data, topic: topicName } as Decoded;
}

function drop(reason: DropReason, topic: string, detail: string): Dropped {
  return { ok: false, reason, topic, detail };
}

export interface Outbound {
  topic: string;
  payload: Uint8Array;
  qos: 0 | 1;
  retain: boolean;
}

/**
 * Encodes an outbound message with the QoS and retain setting of its kind. The message is validated too, so a bug
 * in a sender fails loudly at the sender instead of being dropped by every receiver.
 */
export function encode<K extends TopicKind>(kind: K, topicName: string, message: MessageOf<K>): Outbound {
  const spec = KINDS[kind];
  const checked = (spec.schema as z.ZodType).parse(message);
  const payload = utf8Encode(JSON.stringify(checked));
  if (payload.byteLength > spec.maxBytes) {
    throw new RangeError(`${kind}: ${payload.byteLength} bytes exceeds the ${spec.maxBytes}-byte limit`);
  }
  return { topic: topicName, payload, qos: spec.qos, retain: spec.retain };
}

/** Counts dropped messages by reason and keeps the most recent diagnostics in a bounded ring. */
export class DropCounter {
  readonly counts: Record<DropReason, number> = Object.fromEntries(DROP_REASONS.map((r) => [r, 0])) as Record<DropReason, number>;
  private readonly ring: Dropped[] = [];
  constructor(private readonly capacity = 50) {}

  add(dropped: Dropped): void {
    this.counts[dropped.reason]++;
    this.ring.push(dropped);
    if (this.ring.length > this.capacity) this.ring.shift();
  }

  get total(): number {
    return DROP_REASONS.reduce((sum, r) => sum + this.counts[r], 0);
  }

  recent(): readonly Dropped[] {
    return this.ring;
  }
}
