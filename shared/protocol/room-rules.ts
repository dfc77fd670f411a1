import type { Room } from './messages';

/** Who is asking to draw: a user, and whether they teach the class (as each runtime knows it). */
export interface Drawer {
  userId: string;
  teaches: boolean;
}

/**
 * Who may change a class's board: nobody the room lists as removed; otherwise its teachers always, anyone else only
 * while the room grants them drawing (that is also how a supervisor takes over). The broker, the board service and
 * every console apply this one rule, so a board stays protected whichever of them a message meets first.
 */
export function mayDraw(room: Room | null | undefined, drawer: Drawer): boolean {
  if (room?.removed.includes(drawer.userId)) return false;
  return drawer.teaches || (room?.drawing.includes(drawer.userId) ?? false);
}

/** Removes a participant from the class: listed as removed, and their drawing grant is withdrawn with it. */
export function removeFromClass(room: Room, userId: string): Pick<Room, 'removed' | 'drawing'> {
  return {
    removed: room.removed.includes(userId) ? room.removed : [...room.removed, userId],
    drawing: room.drawing.filter((id) => id !== userId),
  };
}

/** Lets a removed participant back in; drawing comes back only with a new grant. */
export function allowBack(room: Room, userId: string): Pick<Room, 'removed'> {
  return { removed: room.removed.filter((id) => id !== userId) };
}
