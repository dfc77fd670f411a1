import { randomUUID } from 'node:crypto';
import type { MqttClient } from 'mqtt';
import { encode, type Outbound } from '../../shared/protocol/codec';
import type { Room, RpcResponse } from '../../shared/protocol/messages';
import { topic } from '../../shared/protocol/topics';
import type { RunningBackend } from '../backend';
import { Inbox, subscribe, type Clients } from './clients';

/** A signed-in person for integration tests: an MQTT connection with a reply topic and a way to call a service. */
export class TestParticipant {
  private constructor(
    readonly userId: string,
    readonly client: MqttClient,
    /** The last segment of its reply topic (the protocol's session id), sent as `replyTo`. */
    readonly replyTo: string,
  ) {}

  /** Signs in a demo account, or connects with `token` (one signed for a user who is not a demo account). */
  static async open(clients: Clients, backend: RunningBackend, userId: string, token?: string): Promise<TestParticipant> {
    let password = token;
    if (password === undefined) {
      const issued = await backend.issueToken(userId, 'demo');
      if (!issued.ok) throw new Error(issued.message);
      password = issued.token.token;
    }
    const client = await clients.connect(backend.mqttUrl, { username: userId, password });
    const sessionId = `s-${randomUUID().slice(0, 8)}`;
    await subscribe(client, [topic('reply', { userId, sessionId })]);
    return new TestParticipant(userId, client, sessionId);
  }

  get inbox(): Inbox {
    return Inbox.of(this.client);
  }

  /** Sends a request and waits for its response (or throws after `timeoutMs`). */
  async call(service: string, method: string, params: unknown, timeoutMs = 5_000): Promise<RpcResponse> {
    const id = randomUUID();
    const requestTopic = topic('serviceRequest', { service, userId: this.userId });
    const request = encode('serviceRequest', requestTopic, { v: 1, id, method, replyTo: this.replyTo, params, deadline: Date.now() + timeoutMs });
    await this.send(request);
    const replyTopic = topic('reply', { userId: this.userId, sessionId: this.replyTo });
    const reply = await Promise.race([
      this.inbox.waitFor((m) => m.topic === replyTopic && (JSON.parse(m.payload.toString()) as RpcResponse).id === id, `a reply to ${method}`),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs).unref()),
    ]);
    if (!reply) throw new Error(`${service}.${method} timed out`);
    return JSON.parse(reply.payload.toString()) as RpcResponse;
  }

  async send(message: Outbound): Promise<void> {
    await this.client.publishAsync(message.topic, Buffer.from(message.payload), { qos: message.qos, retain: message.retain });
  }
}

export function roomMessage(classId: string, version: number, patch: Partial<Room> = {}): Outbound {
  return encode('room', topic('room', { classId }), {
    v: 1, version, drawing: [], chatMutedAll: false, chatMuted: [], stars: {}, removed: [],
    startedAt: null, countdownEndsAt: null, by: 'teacher1', ts: Date.now(), ...patch,
  });
}
