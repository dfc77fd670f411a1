import type { Decoded } from './codec';
import type { TopicKind } from './topics';

/**
 * Which people a message says it comes from. A person may only publish messages naming themselves: the broker
 * refuses anything else from people, and the board service and every console ignore board records that name
 * someone other than their sender. Services publish on behalf of the system and are not bound by this.
 */
export function namedAuthors(decoded: Decoded): string[] {
  switch (decoded.kind) {
    case 'room':
    case 'course':
    case 'command':
      return [decoded.message.by];
    case 'boardOps':
      return [...new Set(decoded.message.records.map((record) => record.by))];
    case 'help':
    case 'whisper':
      return [decoded.message.from.id];
    case 'presence':
      return [decoded.message.userId];
    default:
      return [];
  }
}

/** Kinds whose payload names its author (see `namedAuthors`): the broker validates these from people. */
export const AUTHORED_KINDS: ReadonlySet<TopicKind> = new Set(['room', 'course', 'command', 'boardOps', 'help', 'whisper', 'presence']);

/**
 * Retained kinds a person may clear (publish an empty retained payload) on their own topic: state about themselves
 * that has no meaning once they are gone. Everything else retained is cleared only by the backend.
 */
export const PERSON_CLEARABLE_KINDS: ReadonlySet<TopicKind> = new Set(['presence', 'hand', 'boardSync', 'mediaState']);
