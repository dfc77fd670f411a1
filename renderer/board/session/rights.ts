import type { Room } from '../../../shared/protocol';
import type { BoardParticipant } from '../contract';

/** Why the local user may not draw right now; null when they may. */
export type DrawBlock = 'observer' | 'no-grant' | 'removed' | 'no-page';

/**
 * Who may change the board: the class's teacher always, anyone else only while the room lists them in `drawing`
 * (that is also how a supervisor takes over). Every receiver applies this to every sender, so the board stays
 * protected on brokers that cannot check drawing rights themselves.
 */
export function mayDraw(userId: string, teacherId: string, room: Room | null): boolean {
  if (room?.removed.includes(userId)) return false;
  return userId === teacherId || (room?.drawing.includes(userId) ?? false);
}

export function drawBlock(participant: BoardParticipant, teacherId: string, room: Room | null, hasPage: boolean): DrawBlock | null {
  if (!hasPage) return 'no-page';
  if (room?.removed.includes(participant.userId)) return 'removed';
  if (mayDraw(participant.userId, teacherId, room)) return null;
  return participant.observer ? 'observer' : 'no-grant';
}
