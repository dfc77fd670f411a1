import type { Room } from '../../shared/protocol';
import type { LivePublication, TrackedPublication } from '../link/messages';
import { emptyRoom } from './roomEdits';

/** Something a feature of the open class is about to send on its channel. */
export type Outgoing =
  | { via: 'publish'; publication: TrackedPublication }
  | { via: 'fire'; publication: LivePublication }
  | { via: 'request'; service: string; method: string };

/** What decides whether it may go: who is sending, and the class as this console knows it. */
export interface SendContext {
  userId: string;
  /** A supervisor observing the class. */
  observer: boolean;
  /** The class's current room (drawing grants), or null before it is known. */
  room: Room | null;
  /** The directory says the class has ended. */
  ended: boolean;
}

/** Why something was not sent: each is a line a person can read in diagnostics. */
export type Refusal = 'observing' | 'ended';

/**
 * What a silent observer's console may send: only what receiving the class needs, and nothing any person in it sees.
 * Media signalling (`rtc`) goes to the one console whose audio and video it receives; the SFU's methods other than
 * producing set up reception; the board service's snapshot is a read.
 */
const OBSERVER_FIRES: ReadonlySet<LivePublication['kind']> = new Set(['rtc']);
const OBSERVER_REQUESTS: ReadonlySet<string> = new Set([
  'board snapshot',
  'sfu join',
  'sfu transport.create',
  'sfu transport.connect',
  'sfu transport.restartIce',
  'sfu producers',
  'sfu consume',
  'sfu consumer.resume',
  'sfu leave',
]);

/**
 * What a supervisor who took over may also send: what their role may publish (shared/protocol/acl.ts: drawing,
 * courseware, the room, commands) and chat. Live strokes and the laser are not among them: the broker refuses them to
 * supervisors, and refusing a publish costs the connection.
 */
const TAKEN_OVER_PUBLISHES: ReadonlySet<TrackedPublication['kind']> = new Set(['boardOps', 'course', 'room', 'command']);

/** What nobody sends into an ended class: the board is read-only, hands stay down and chat is closed. */
const CLOSED_BY_END: ReadonlySet<string> = new Set(['boardOps', 'boardLive', 'laser', 'hand', 'moderation chat.send']);

/** A supervisor takes over through the room: it grants them drawing, as it grants a student. */
export function takesPart(context: Pick<SendContext, 'userId' | 'room'>): boolean {
  return context.room?.drawing.includes(context.userId) ?? false;
}

/**
 * The one change of the room an observer may publish without having taken over: adding or removing themselves from
 * the drawing grants (taking over, handing back), with every other field as the class has it.
 */
export function isOwnGrantChange(before: Room | null, after: Room, userId: string): boolean {
  const was = before ?? emptyRoom(userId);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const others = (room: Room) => room.drawing.filter((id) => id !== userId);
  return (
    same(others(was), others(after)) &&
    same(was.chatMuted, after.chatMuted) &&
    same(was.removed, after.removed) &&
    same(was.stars, after.stars) &&
    was.chatMutedAll === after.chatMutedAll &&
    was.startedAt === after.startedAt &&
    was.countdownEndsAt === after.countdownEndsAt
  );
}

/** Whether `outgoing` may be sent in `context`; null when it may, otherwise why not. */
export function refusal(context: SendContext, outgoing: Outgoing): Refusal | null {
  const name = outgoing.via === 'request' ? `${outgoing.service} ${outgoing.method}` : outgoing.publication.kind;
  if (context.ended && CLOSED_BY_END.has(name)) return 'ended';
  if (!context.observer) return null;
  if (outgoing.via === 'fire') return OBSERVER_FIRES.has(outgoing.publication.kind) ? null : 'observing';
  if (outgoing.via === 'request') {
    if (OBSERVER_REQUESTS.has(name)) return null;
    return takesPart(context) && name === 'moderation chat.send' ? null : 'observing';
  }
  const { publication } = outgoing;
  if (publication.kind === 'room' && isOwnGrantChange(context.room, publication.message, context.userId)) return null;
  return takesPart(context) && TAKEN_OVER_PUBLISHES.has(publication.kind) ? null : 'observing';
}
