import { z } from 'zod';
import { PERSON_ROLES } from '../../shared/auth/claims';
import { DropCounter, decode, encode } from '../../shared/protocol/codec';
import { Id } from '../../shared/protocol/ids';
import type { ChatMessage, RpcRequest } from '../../shared/protocol/messages';
import { filter, topic } from '../../shared/protocol/topics';
import { RoomBook } from '../classroom/room-book';
import { answer, paramsOf, requesterIn, RpcRefusal, type ClaimsLookup } from '../classroom/rpc';
import { ServiceConnection, type ServiceLink } from '../mqtt/service-connection';
import { WordFilter, type ModerationOptions } from './word-filter';

/** Params of `moderation` / `chat.send`. */
export const ChatSendParams = z.object({ classId: Id, id: Id, text: z.string().max(500) });

export type ChatSendResult =
  | { status: 'delivered' | 'replaced'; text: string }
  | { status: 'rejected'; reason: 'muted' | 'removed' | 'sensitive-word'; text: string };

/** Messages kept in each class's retained chat history. */
export const CHAT_HISTORY_LENGTH = 50;
/** Answers remembered per sender and message id, so a retried request is answered the same and delivered once. */
const REMEMBERED_ANSWERS = 2_000;

export interface ModerationServiceOptions {
  link: ServiceLink;
  root: string;
  claimsOf: ClaimsLookup;
  moderation: ModerationOptions;
  onError?(error: unknown): void;
}

/**
 * Chat goes through here before anyone sees it: a participant asks `chat.send`, the service checks the class's room
 * (mutes, removals) and the sensitive-word list, then publishes the message on the class's chat topic and keeps the
 * retained history. When the service is down, requests time out at the sender and nothing is delivered unmoderated.
 */
export class ModerationService {
  readonly drops = new DropCounter();
  private readonly rooms = new RoomBook();
  private readonly histories = new Map<string, ChatMessage[]>();
  private readonly answers = new Map<string, ChatSendResult>();
  private readonly words: WordFilter;
  private connection: ServiceConnection | null = null;

  constructor(private readonly options: ModerationServiceOptions) {
    this.words = new WordFilter(options.moderation);
  }

  static async start(options: ModerationServiceOptions): Promise<ModerationService> {
    const service = new ModerationService(options);
    await service.start();
    return service;
  }

  get running(): boolean {
    return this.connection !== null;
  }

  async start(): Promise<void> {
    if (this.connection) return;
    const { root } = this.options;
    this.connection = await ServiceConnection.open({
      ...this.options.link,
      service: 'moderation',
      // Requests sent while the service reconnects wait for it; those whose deadline passed meanwhile are skipped.
      persistentSession: true,
      subscriptions: [filter('room', {}, root), filter('chatHistory', {}, root), filter('serviceRequest', { service: 'moderation' }, root)],
      onMessage: (topicName, payload, retained) => this.receive(topicName, payload, retained),
      onConnect: () => {},
    });
  }

  /** Takes the service off the broker (for tests of "moderation unavailable"); `start()` brings it back. */
  async stop(): Promise<void> {
    const connection = this.connection;
    this.connection = null;
    await connection?.close();
  }

  history(classId: string): readonly ChatMessage[] {
    return this.histories.get(classId) ?? [];
  }

  private receive(topicName: string, payload: Buffer, retained: boolean): void {
    const decoded = decode(topicName, payload, this.options.root, retained);
    if (!decoded.ok) return this.drops.add(decoded);
    if (this.rooms.note(decoded) || decoded.kind === 'cleared') return;
    switch (decoded.kind) {
      case 'chatHistory':
        // Only the copy stored before this service connected; live copies are this service's own publishes.
        if (retained) this.restore(decoded.params.classId, decoded.message.messages);
        return;
      case 'serviceRequest':
        return this.request(decoded.params.userId, decoded.message);
      default:
        return;
    }
  }

  private restore(classId: string, messages: ChatMessage[]): void {
    const byId = new Map((this.histories.get(classId) ?? []).map((m) => [m.id, m]));
    for (const message of messages) if (!byId.has(message.id)) byId.set(message.id, message);
    const merged = [...byId.values()].sort((a, b) => a.ts - b.ts).slice(-CHAT_HISTORY_LENGTH);
    this.histories.set(classId, merged);
  }

  private request(userId: string, request: RpcRequest): void {
    answer(this.connection, this.options.root, 'moderation', userId, request, {
      'chat.send': (sender, params) => this.send(sender, params),
    }, this.options.onError);
  }

  private send(userId: string, params: unknown): ChatSendResult {
    const { classId, id, text } = paramsOf(ChatSendParams, params);
    const claims = requesterIn(this.options.claimsOf, userId, classId);
    const role = PERSON_ROLES.find((r) => r === claims.role);
    if (!role) throw new RpcRefusal('forbidden', 'only people chat');
    if (text.trim().length === 0) throw new RpcRefusal('bad-params', 'text: the message is empty');

    const key = `${classId}/${userId}/${id}`;
    const remembered = this.answers.get(key);
    if (remembered) return remembered;

    const refusal = this.rooms.chatRefusal(classId, userId);
    const verdict = this.words.check(text);
    let result: ChatSendResult;
    if (refusal) result = { status: 'rejected', reason: refusal, text };
    else if (verdict.status === 'rejected') result = { status: 'rejected', reason: 'sensitive-word', text };
    else {
      const message: ChatMessage = {
        v: 1,
        id,
        from: { id: userId, name: claims.name, role },
        text: verdict.text,
        moderation: verdict.status,
        ts: Date.now(),
      };
      this.deliver(classId, message);
      result = { status: verdict.status === 'clean' ? 'delivered' : 'replaced', text: verdict.text };
    }
    this.remember(key, result);
    return result;
  }

  private deliver(classId: string, message: ChatMessage): void {
    const history = [...(this.histories.get(classId) ?? []), message].slice(-CHAT_HISTORY_LENGTH);
    this.histories.set(classId, history);
    const { root } = this.options;
    this.connection?.publish(encode('chat', topic('chat', { classId }, root), message));
    this.connection?.publish(encode('chatHistory', topic('chatHistory', { classId }, root), { v: 1, messages: history }));
  }

  private remember(key: string, result: ChatSendResult): void {
    this.answers.set(key, result);
    if (this.answers.size > REMEMBERED_ANSWERS) this.answers.delete(this.answers.keys().next().value!);
  }
}
