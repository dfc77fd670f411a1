import type { BoardSync, ChatMessage, CommandAck, Course, Hand, Notice, Presence, Room } from '../../shared/protocol';
import type { ClassCleared, ClassMessage } from '../link/messages';

/** One person in the roster: what their presence, hand and sync topics last said. */
export interface RosterEntry {
  userId: string;
  name: string;
  role: Presence['role'];
  online: boolean;
  device: string | null;
  appVersion: string | null;
  hand: Hand | null;
  sync: BoardSync | null;
}

/** How the sender's own chat message fared; others' messages are always delivered (moderated) text. */
export type ChatStatus = 'sending' | 'delivered' | 'replaced' | 'rejected' | 'unavailable';

export interface ChatEntry {
  id: string;
  fromId: string;
  fromName: string;
  text: string;
  moderation: ChatMessage['moderation'];
  ts: number;
}

export interface ClassroomState {
  roster: ReadonlyMap<string, RosterEntry>;
  course: Course | null;
  room: Room | null;
  /** Delivered chat, oldest first, at most MAX_CHAT. */
  chat: ChatEntry[];
  notices: Notice[];
  acks: CommandAck[];
}

export const MAX_CHAT = 200;
const MAX_NOTICES = 20;
const MAX_ACKS = 50;

export const emptyClassroom = (): ClassroomState => ({ roster: new Map(), course: null, room: null, chat: [], notices: [], acks: [] });

function personFor(roster: Map<string, RosterEntry>, userId: string): RosterEntry {
  return (
    roster.get(userId) ?? { userId, name: userId, role: 'student', online: false, device: null, appVersion: null, hand: null, sync: null }
  );
}

function addChat(chat: ChatEntry[], message: ChatMessage): ChatEntry[] {
  if (chat.some((entry) => entry.id === message.id)) return chat;
  const entry: ChatEntry = {
    id: message.id,
    fromId: message.from.id,
    fromName: message.from.name,
    text: message.text,
    moderation: message.moderation,
    ts: message.ts,
  };
  return [...chat, entry].sort((a, b) => a.ts - b.ts).slice(-MAX_CHAT);
}

/**
 * Applies one batch of class traffic to the classroom state and returns the new state (the old one is untouched).
 * Retained course and room keep the highest version; chat is deduplicated by id, since history and live messages
 * overlap. Board traffic is not handled here: it goes to the board.
 */
export function applyClassTraffic(state: ClassroomState, messages: (ClassMessage | ClassCleared)[]): ClassroomState {
  let roster: Map<string, RosterEntry> | null = null;
  const mutableRoster = () => (roster ??= new Map(state.roster));
  let { course, room, chat, notices, acks } = state;
  for (const message of messages) {
    if (message.kind === 'cleared') {
      const { kind, params } = message.parsed;
      const userId = params.userId;
      if (!userId) continue;
      if (kind === 'presence') mutableRoster().delete(userId);
      else if ((kind === 'hand' || kind === 'boardSync') && mutableRoster().has(userId)) {
        mutableRoster().set(userId, { ...personFor(mutableRoster(), userId), [kind === 'hand' ? 'hand' : 'sync']: null });
      }
      continue;
    }
    switch (message.kind) {
      case 'presence': {
        const p = message.message;
        // The topic names the person; a payload claiming to be someone else is not trusted.
        if (p.userId !== message.params.userId) break;
        const before = personFor(mutableRoster(), p.userId);
        mutableRoster().set(p.userId, {
          ...before,
          name: p.name,
          role: p.role,
          online: p.online,
          device: p.device ?? before.device,
          appVersion: p.appVersion ?? before.appVersion,
        });
        break;
      }
      case 'hand': {
        const userId = message.params.userId;
        mutableRoster().set(userId, { ...personFor(mutableRoster(), userId), hand: message.message });
        break;
      }
      case 'boardSync': {
        const userId = message.params.userId;
        mutableRoster().set(userId, { ...personFor(mutableRoster(), userId), sync: message.message });
        break;
      }
      case 'course':
        if (!course || message.message.version > course.version) course = message.message;
        break;
      case 'room':
        if (!room || message.message.version > room.version) room = message.message;
        break;
      case 'chat':
        chat = addChat(chat, message.message);
        break;
      case 'chatHistory':
        for (const entry of message.message.messages) chat = addChat(chat, entry);
        break;
      case 'notice':
        notices = [...notices, message.message].slice(-MAX_NOTICES);
        break;
      case 'commandAck':
        acks = [...acks, message.message].slice(-MAX_ACKS);
        break;
      default:
        break;
    }
  }
  if (!roster && course === state.course && room === state.room && chat === state.chat && notices === state.notices && acks === state.acks) {
    return state;
  }
  return { roster: roster ?? state.roster, course, room, chat, notices, acks };
}

/** Raised hands, oldest first: the order the teacher answers them in. */
export function handQueue(roster: ReadonlyMap<string, RosterEntry>): RosterEntry[] {
  return [...roster.values()]
    .filter((entry) => entry.hand?.raised && entry.online)
    .sort((a, b) => (a.hand?.at ?? 0) - (b.hand?.at ?? 0));
}

/** A participant is behind when they hold the teacher's page at a lower revision, or another page. */
export function isBehind(entry: RosterEntry, reference: BoardSync | null): boolean {
  if (!entry.sync || !reference) return false;
  return entry.sync.pageId !== reference.pageId || entry.sync.revision < reference.revision;
}

/**
 * Whether a grant of drawing answers this person's raised hand, so their console lowers it: the room grants them
 * drawing now and did not when last seen, or, for the first room seen (after joining), the hand went up before the
 * room that grants them was published. A hand raised while already allowed to draw stays up.
 */
export function grantAnswersHand(wasGranted: boolean | null, room: Room, hand: Hand | null, userId: string): boolean {
  if (!hand?.raised || !room.drawing.includes(userId)) return false;
  return wasGranted === null ? hand.at <= room.ts : !wasGranted;
}
