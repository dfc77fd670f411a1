import { CLASS_ROLES } from '../../shared/auth/claims';
import { encode, type DropCounter } from '../../shared/protocol/codec';
import type { ChatMessage } from '../../shared/protocol/messages';
import { RPC, type ChatSendResult, type ParsedParamsOf } from '../../shared/protocol/rpc/index';
import { topic } from '../../shared/protocol/topics';
import { requesterIn, type ClaimsLookup } from '../classroom/requester';
import { RoomBook } from '../classroom/room-book';
import { RpcRefusal } from '../host/refusal';
import { ServiceHost } from '../host/service-host';
import type { ServiceLink } from '../mqtt/service-connection';
import { WordFilter, type ModerationOptions } from './word-filter';

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
  private readonly rooms = new RoomBook();
  private readonly histories = new Map<string, ChatMessage[]>();
  private readonly answers = new Map<string, ChatSendResult>();
  private readonly words: WordFilter;
  private readonly host: ServiceHost<typeof RPC.moderation>;

  constructor(private readonly options: ModerationServiceOptions) {
    this.words = new WordFilter(options.moderation);
    this.host = new ServiceHost(
      {
        name: 'moderation',
        // Requests sent while the service reconnects wait for it; those whose deadline passed meanwhile are skipped.
        persistentSession: true,
        subscriptions: ['room', 'chatHistory'],
        handlers: {
          room: ({ params, message }) => void this.rooms.update(params.classId, message),
          // Only the copy stored before this service connected; live copies are this service's own publishes.
          chatHistory: ({ params, message, retained }) => {
            if (retained) this.restore(params.classId, message.messages);
          },
        },
        cleared: { room: ({ classId }) => this.rooms.clear(classId) },
        rpc: { contract: RPC.moderation, methods: { 'chat.send': (params, sender) => this.send(sender, params) } },
      },
      { link: options.link, root: options.root, onError: options.onError },
    );
  }

  static async start(options: ModerationServiceOptions): Promise<ModerationService> {
    const service = new ModerationService(options);
    await service.start();
    return service;
  }

  get running(): boolean {
    return this.host.running;
  }

  /** Messages dropped at the edge. */
  get drops(): DropCounter {
    return this.host.drops;
  }

  start(): Promise<void> {
    return this.host.start();
  }

  /** Takes the service off the broker (for tests of "moderation unavailable"); `start()` brings it back. */
  stop(): Promise<void> {
    return this.host.stop();
  }

  history(classId: string): readonly ChatMessage[] {
    return this.histories.get(classId) ?? [];
  }

  private restore(classId: string, messages: ChatMessage[]): void {
    const byId = new Map((this.histories.get(classId) ?? []).map((m) => [m.id, m]));
    for (const message of messages) if (!byId.has(message.id)) byId.set(message.id, message);
    const merged = [...byId.values()].sort((a, b) => a.ts - b.ts).slice(-CHAT_HISTORY_LENGTH);
    this.histories.set(classId, merged);
  }

  private send(userId: string, { classId, id, text }: ParsedParamsOf<typeof RPC.moderation, 'chat.send'>): ChatSendResult {
    const claims = requesterIn(this.options.claimsOf, userId, classId);
    const role = CLASS_ROLES.find((r) => r === claims.role);
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
    this.host.publish(encode('chat', topic('chat', { classId }, root), message));
    this.host.publish(encode('chatHistory', topic('chatHistory', { classId }, root), { v: 1, messages: history }));
  }

  private remember(key: string, result: ChatSendResult): void {
    this.answers.set(key, result);
    if (this.answers.size > REMEMBERED_ANSWERS) this.answers.delete(this.answers.keys().next().value!);
  }
}
