import { randomUUID } from 'node:crypto';
import type { MqttClient } from 'mqtt';
import { encode, type Outbound } from '../../shared/protocol/codec';
import type { Command, Notice } from '../../shared/protocol/messages';
import type { HelpRequest, HelpState, TagEntry } from '../../shared/protocol/supervision';
import { filter, topic } from '../../shared/protocol/topics';
import { subscribe, serviceLogin, type Clients, type Inbox } from './clients';
import type { BackendInternals, RunningBackend } from '../backend';
import { TestParticipant } from './test-participant';

/** Helpers for the dispatcher's integration tests: a stand-in tagger, help buttons, and clients that answer remedies. */

export function classTags(
  classId: string, tags: Omit<TagEntry, 'evidence'>[], ts = Date.now(), heard: readonly { userId: string; at: number }[] = [],
): Outbound {
  return encode('classTags', topic('classTags', { classId }), {
    v: 1, classId, windowEnd: ts, tags: tags.map((t) => ({ evidence: '', ...t })), setAside: { late: 0, future: 0, duplicate: 0 }, heard: [...heard], ts,
  });
}

/**
 * Publishes tags as the tagger would: it goes on hearing from every participant it has tagged in a class (as the
 * tagger does from one whose problem cleared and who is still in class) until told they fell silent.
 */
export class StandInTagger {
  /** Per class, each participant tagged there, with when they fell silent (null while they are heard). */
  private readonly participants = new Map<string, Map<string, number | null>>();

  tags(classId: string, tags: Omit<TagEntry, 'evidence'>[], ts = Date.now()): Outbound {
    const known = this.known(classId);
    for (const entry of tags) if (entry.userId !== undefined && !known.has(entry.userId)) known.set(entry.userId, null);
    return classTags(classId, tags, ts, [...known].map(([userId, silentSince]) => ({ userId, at: silentSince ?? ts })));
  }

  /** The participant's telemetry stops here: later tags list them as last heard at `at`. */
  silence(classId: string, userId: string, at = Date.now()): void {
    this.known(classId).set(userId, at);
  }

  private known(classId: string): Map<string, number | null> {
    let known = this.participants.get(classId);
    if (!known) this.participants.set(classId, (known = new Map()));
    return known;
  }
}

export function helpRequest(from: HelpRequest['from'], patch: Partial<HelpRequest> = {}): HelpRequest {
  return {
    v: 1, id: `h-${randomUUID().slice(0, 8)}`, from, topic: 'audio', text: 'I cannot hear the teacher',
    diagnostics: {
      appVersion: '0.1.0', device: 'test', stats: [{ type: 'entry', step: 'ready', ms: 900, at: Date.now() - 5_000 }],
      course: { pageId: null, failedAssets: [] }, board: { pageId: null, revision: 0, unsent: 0 },
    },
    ts: Date.now(),
    ...patch,
  };
}

/** A help request on `senderId`'s topic (the request's own `from` by default). */
export function helpMessage(classId: string, request: HelpRequest, senderId = request.from.id): Outbound {
  return encode('help', topic('help', { classId, userId: senderId }), request);
}

export interface TestUser {
  id: string;
  name: string;
  role: 'student' | 'teacher' | 'supervisor';
  token: string;
}

/** A user of its own for one test, so tests never see each other's open requests. */
export async function freshUser(internals: BackendInternals, role: TestUser['role'], classId = 'class-0001'): Promise<TestUser> {
  const id = `${role}-${randomUUID().slice(0, 8)}`;
  const name = `${role} ${id.slice(-4)}`;
  const { token } = await internals.tokens.sign({ sub: id, name, role, classes: role === 'supervisor' ? '*' : [classId] });
  return { id, name, role, token };
}

export function person(user: TestUser): HelpRequest['from'] {
  return { id: user.id, name: user.name, role: user.role };
}

/** Publishes as the backend does (the stand-in tagger, forged or broken messages). */
export async function serviceClient(clients: Clients, backend: RunningBackend): Promise<MqttClient> {
  return clients.connect(backend.mqttUrl, await serviceLogin(backend));
}

export async function publish(client: MqttClient, message: Outbound): Promise<void> {
  await client.publishAsync(message.topic, Buffer.from(message.payload), { qos: message.qos, retain: message.retain });
}

/** A supervisor watching every help request's retained state. */
export class Watcher {
  private constructor(readonly session: TestParticipant) {}

  static async open(clients: Clients, backend: RunningBackend, user?: TestUser): Promise<Watcher> {
    const session = await TestParticipant.open(clients, backend, user?.id ?? 'supervisor1', user?.token);
    await subscribe(session.client, [filter('helpState'), filter('supervisorMetrics')]);
    return new Watcher(session);
  }

  /** The first retained or live state of request `id` that satisfies `done`. */
  async state(id: string, done: (state: HelpState) => boolean, what = 'a state'): Promise<HelpState> {
    const name = topic('helpState', { requestId: id });
    const message = await this.session.inbox.waitFor(
      (m) => m.topic === name && m.payload.length > 0 && done(JSON.parse(m.payload.toString()) as HelpState),
      `${what} of ${id}`,
    );
    return JSON.parse(message.payload.toString()) as HelpState;
  }

  status(id: string, status: HelpState['status']): Promise<HelpState> {
    return this.state(id, (s) => s.status === status, status);
  }

  /** Every state of request `id` seen so far, in order. */
  states(id: string): HelpState[] {
    return this.session.inbox.on(topic('helpState', { requestId: id })).filter((m) => m.payload.length > 0).map((m) => JSON.parse(m.payload.toString()) as HelpState);
  }
}

/** A participant whose client receives commands, answers them as told, and reads its notices. */
export class Participant {
  private constructor(
    readonly session: TestParticipant,
    readonly classId: string,
  ) {}

  static async open(clients: Clients, backend: RunningBackend, user: TestUser, classId = 'class-0001'): Promise<Participant> {
    const session = await TestParticipant.open(clients, backend, user.id, user.token);
    await subscribe(session.client, [topic('command', { classId, userId: user.id }), topic('notice', { userId: user.id })]);
    return new Participant(session, classId);
  }

  get inbox(): Inbox {
    return this.session.inbox;
  }

  /** Presses help: the request goes out on this participant's own topic, whatever it says inside. */
  async help(request: HelpRequest): Promise<void> {
    await this.session.send(helpMessage(this.classId, request, this.session.userId));
  }

  /** The next command (after `seen` earlier ones) addressed to this participant. */
  async command(seen = 0): Promise<Command> {
    const name = topic('command', { classId: this.classId, userId: this.session.userId });
    await this.inbox.waitFor(() => this.inbox.on(name).length > seen, `command #${seen + 1} to ${this.session.userId}`);
    return JSON.parse(this.inbox.on(name)[seen]!.payload.toString()) as Command;
  }

  commands(): Command[] {
    return this.inbox.on(topic('command', { classId: this.classId, userId: this.session.userId })).map((m) => JSON.parse(m.payload.toString()) as Command);
  }

  async ack(command: Command, ok = true, detail = ''): Promise<void> {
    const { classId } = this;
    await this.session.send(encode('commandAck', topic('commandAck', { classId, userId: this.session.userId }), { v: 1, commandId: command.id, ok, detail, ts: Date.now() }));
  }

  notices(ref: string): Notice[] {
    return this.inbox.on(topic('notice', { userId: this.session.userId })).map((m) => JSON.parse(m.payload.toString()) as Notice).filter((n) => n.ref === ref);
  }

  async progress(ref: string, progress: Notice['progress']): Promise<void> {
    await this.inbox.waitFor(() => this.notices(ref).some((n) => n.progress === progress), `progress ${progress} of ${ref}`);
  }
}

export function rpcError(response: { ok: boolean; error?: { code: string; message: string } }): { code: string; message: string } {
  if (response.ok || !response.error) throw new Error('expected a refusal');
  return response.error;
}
