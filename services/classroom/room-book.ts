import type { Cleared, Decoded } from '../../shared/protocol/codec';
import type { Room } from '../../shared/protocol/messages';
import { mayDraw, type Drawer } from '../../shared/protocol/room-rules';

/**
 * The current `room` of each class, as its retained message says: the highest `version` wins, so a stale retained
 * copy arriving after a newer live one changes nothing. The broker, the board service and the moderation service each
 * keep one, fed by what they see on `class/+/room`.
 */
export class RoomBook {
  private readonly rooms = new Map<string, Room>();

  /** Returns true when `room` became the class's current room. */
  update(classId: string, room: Room): boolean {
    const current = this.rooms.get(classId);
    if (current && current.version >= room.version) return false;
    this.rooms.set(classId, room);
    return true;
  }

  /**
   * Takes any decoded message; a room (or a cleared retained room) updates the book. Returns true when the message
   * was about a room, so a service's dispatch can stop there.
   */
  note(message: Decoded | Cleared): boolean {
    if (message.kind === 'cleared') {
      if (message.parsed.kind !== 'room') return false;
      this.clear(message.parsed.params.classId!);
      return true;
    }
    if (message.kind !== 'room') return false;
    this.update(message.params.classId, message.message);
    return true;
  }

  /** The retained room was cleared (an empty payload): the class is back to no grants and no mutes. */
  clear(classId: string): void {
    this.rooms.delete(classId);
  }

  get(classId: string): Room | undefined {
    return this.rooms.get(classId);
  }

  /** The shared drawing rule (shared/protocol/room-rules.ts) against this class's current room. */
  mayDraw(classId: string, drawer: Drawer): boolean {
    return mayDraw(this.rooms.get(classId), drawer);
  }

  /** Why this user may not chat in the class, or null when they may. */
  chatRefusal(classId: string, userId: string): 'muted' | 'removed' | null {
    const room = this.rooms.get(classId);
    if (!room) return null;
    if (room.removed.includes(userId)) return 'removed';
    if (room.chatMutedAll || room.chatMuted.includes(userId)) return 'muted';
    return null;
  }
}
