import { mayDraw as roomAllowsDrawing, type Room } from '../../../shared/protocol';
import type { BoardParticipant } from '../contract';

/** Why the local user may not draw right now; null when they may. */
export type DrawBlock = 'observer' | 'no-grant' | 'removed' | 'no-page';

/**
 * The shared drawing rule (shared/protocol/room-rules.ts) as a console sees it: the class's teacher is the one its
 * summary names. Every receiver applies it to every sender, so the board stays protected on brokers that cannot
 * check drawing rights themselves.
 */
export function mayDraw(userId: string, teacherId: string, room: Room | null): boolean {
  return roomAllowsDrawing(room, { userId, teaches: userId === teacherId });
}

export function drawBlock(participant: BoardParticipant, teacherId: string, room: Room | null, hasPage: boolean): DrawBlock | null {
  if (!hasPage) return 'no-page';
  if (room?.removed.includes(participant.userId)) return 'removed';
  if (mayDraw(participant.userId, teacherId, room)) return null;
  return participant.observer ? 'observer' : 'no-grant';
}

/** The class's current room as this board knows it, and who it lets draw. */
export class DrawingRights {
  private room: Room | null = null;

  constructor(
    private readonly participant: BoardParticipant,
    private readonly teacherId: string,
  ) {}

  /**
   * Takes a room unless it is older than the one held. Returns the users who could draw before and cannot now (their
   * live strokes and laser go), or null when the room was older and ignored.
   */
  update(room: Room): string[] | null {
    if (this.room && room.version < this.room.version) return null;
    const previous = this.room;
    this.room = room;
    return (previous?.drawing ?? []).filter((userId) => !this.allows(userId));
  }

  allows(userId: string): boolean {
    return mayDraw(userId, this.teacherId, this.room);
  }

  block(hasPage: boolean): DrawBlock | null {
    return drawBlock(this.participant, this.teacherId, this.room, hasPage);
  }
}
