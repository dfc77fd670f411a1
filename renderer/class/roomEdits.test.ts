import { afterEach, describe, expect, it } from 'vitest';
import type { Room } from '../../shared/protocol';
import { emptyRoom, RoomEdits } from './roomEdits';

const retained: Room = { ...emptyRoom('teacher1'), version: 7, drawing: ['student1'], stars: { student2: 3 }, ts: 1 };
const editors: RoomEdits[] = [];
afterEach(() => editors.splice(0).forEach((e) => e.dispose()));

function editor(current: () => Room | null, waitMs = 60_000) {
  const published: Room[] = [];
  const edits = new RoomEdits(current, (room) => published.push(room), 'teacher1', waitMs);
  editors.push(edits);
  return { edits, published };
}

describe('room edits', () => {
  it('holds an edit made before the retained room arrives, then applies it on top of that room', () => {
    let room: Room | null = null;
    const { edits, published } = editor(() => room);
    edits.edit((r) => ({ chatMuted: [...r.chatMuted, 'student3'] }));
    edits.edit((r) => ({ stars: { ...r.stars, student1: (r.stars.student1 ?? 0) + 1 } }));
    expect(published).toEqual([]);
    expect(edits.waiting).toBe(2);

    room = retained;
    edits.settle();
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ version: 8, drawing: ['student1'], chatMuted: ['student3'], stars: { student1: 1, student2: 3 }, by: 'teacher1' });
  });

  it('publishes at once after the room is known', () => {
    const { edits, published } = editor(() => retained);
    edits.settle();
    expect(published).toEqual([]);
    edits.edit(() => ({ drawing: [] }));
    expect(published).toEqual([expect.objectContaining({ version: 8, drawing: [], stars: { student2: 3 } })]);
  });

  it('builds on an empty room when no room arrives in time (a class never set up)', async () => {
    const { edits, published } = editor(() => null, 30);
    edits.edit(() => ({ drawing: ['student9'] }));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(published).toEqual([expect.objectContaining({ version: 1, drawing: ['student9'], stars: {} })]);
  });
});
