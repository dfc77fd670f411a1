import { encode, type Outbound } from './codec';
import type { MessageOf } from './kinds';
import { topic } from './topics';

/**
 * A class message that must reach the broker (QoS 1). Its topic is built here: the sender segment is always the
 * signed-in user, except where the last segment names the participant it is addressed to (`to`).
 */
export type TrackedPublication =
  | { kind: 'boardOps'; message: MessageOf<'boardOps'> }
  | { kind: 'course'; message: MessageOf<'course'> }
  | { kind: 'room'; message: MessageOf<'room'> }
  | { kind: 'hand'; message: MessageOf<'hand'> }
  | { kind: 'boardSync'; message: MessageOf<'boardSync'> }
  | { kind: 'command'; to: string; message: MessageOf<'command'> }
  | { kind: 'commandAck'; message: MessageOf<'commandAck'> }
  | { kind: 'whisper'; to: string; message: MessageOf<'whisper'> }
  | { kind: 'mediaState'; message: MessageOf<'mediaState'> }
  | { kind: 'help'; message: MessageOf<'help'> };

/**
 * A class message sent best effort: dropped while offline, never queued. Media signalling (`rtc`, to one participant)
 * goes at its kind's QoS 1 but is not kept either: an offer from before a reconnect is worthless, and is renegotiated.
 */
export type LivePublication =
  | { kind: 'boardLive'; message: MessageOf<'boardLive'> }
  | { kind: 'laser'; message: MessageOf<'laser'> }
  | { kind: 'telemetry'; message: MessageOf<'telemetry'> }
  | { kind: 'rtc'; to: string; message: MessageOf<'rtc'> };

/** Encodes a class publication by `userId` with its kind's topic, QoS and retain setting. Throws if it is invalid. */
export function classOutbound(classId: string, publication: TrackedPublication | LivePublication, userId: string, root: string): Outbound {
  switch (publication.kind) {
    case 'boardOps':
      return encode('boardOps', topic('boardOps', { classId, userId }, root), publication.message);
    case 'course':
      return encode('course', topic('course', { classId }, root), publication.message);
    case 'room':
      return encode('room', topic('room', { classId }, root), publication.message);
    case 'hand':
      return encode('hand', topic('hand', { classId, userId }, root), publication.message);
    case 'boardSync':
      return encode('boardSync', topic('boardSync', { classId, userId }, root), publication.message);
    case 'command':
      return encode('command', topic('command', { classId, userId: publication.to }, root), publication.message);
    case 'commandAck':
      return encode('commandAck', topic('commandAck', { classId, userId }, root), publication.message);
    case 'whisper':
      return encode('whisper', topic('whisper', { classId, userId: publication.to }, root), publication.message);
    case 'mediaState':
      return encode('mediaState', topic('mediaState', { classId, userId }, root), publication.message);
    case 'help':
      return encode('help', topic('help', { classId, userId }, root), publication.message);
    case 'boardLive':
      return encode('boardLive', topic('boardLive', { classId, userId }, root), publication.message);
    case 'laser':
      return encode('laser', topic('laser', { classId, userId }, root), publication.message);
    case 'telemetry':
      return encode('telemetry', topic('telemetry', { classId, userId }, root), publication.message);
    case 'rtc':
      return encode('rtc', topic('rtc', { classId, toUserId: publication.to, fromUserId: userId }, root), publication.message);
  }
}
