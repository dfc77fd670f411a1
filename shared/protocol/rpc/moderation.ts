import { z } from 'zod';
import { Id } from '../ids';
import { method } from './contract';

/** Why a chat message was not delivered. */
export const CHAT_REFUSALS = ['muted', 'removed', 'sensitive-word'] as const;

export const ChatSendResult = z.discriminatedUnion('status', [
  z.object({ status: z.enum(['delivered', 'replaced']), text: z.string().max(500) }),
  z.object({ status: z.literal('rejected'), reason: z.enum(CHAT_REFUSALS), text: z.string().max(500) }),
]);
export type ChatSendResult = z.infer<typeof ChatSendResult>;

/** The `moderation` service: chat goes through it, filtered, and it keeps each class's recent history. */
export const MODERATION = {
  'chat.send': method(
    z.object({ classId: Id, id: Id, text: z.string().max(500) }),
    ChatSendResult,
    'sends a chat message to the class after the word filter; retried ids are answered the same and delivered once',
  ),
} as const;
