import { describe, expect, it } from 'vitest';
import { decode, encode } from '../../shared/protocol/codec';
import type { Room } from '../../shared/protocol/messages';
import { topic } from '../../shared/protocol/topics';
import { RoomBook } from './room-book';

function room(version: number, patch: Partial<Room> = {}): Room {
  return {
    v: 1, version, drawing: [], chatMutedAll: false, chatMuted: [], stars: {}, removed: [],
    startedAt: null, countdownEndsAt: null, by: 'teacher1', ts: 1, ...patch,
  };
}

describe('RoomBook', () => {
  it('keeps the highest version, so a stale copy does not revoke a newer grant', () => {
    const book = new RoomBook();
    expect(book.update('class-0001', room(2, { drawing: ['student1'] }))).toBe(true);
    expect(book.update('class-0001', room(1))).toBe(false);
    expect(book.mayDraw('class-0001', { userId: 'student1', teaches: false })).toBe(true);
    expect(book.mayDraw('class-0002', { userId: 'student1', teaches: false })).toBe(false);
  });

  it('says why a user may not chat', () => {
    const book = new RoomBook();
    expect(book.chatRefusal('class-0001', 'student1')).toBeNull();
    book.update('class-0001', room(1, { chatMuted: ['student1'] }));
    expect(book.chatRefusal('class-0001', 'student1')).toBe('muted');
    expect(book.chatRefusal('class-0001', 'student9')).toBeNull();
    book.update('class-0001', room(2, { chatMutedAll: true }));
    expect(book.chatRefusal('class-0001', 'student9')).toBe('muted');
    book.update('class-0001', room(3, { removed: ['student9'] }));
    expect(book.chatRefusal('class-0001', 'student9')).toBe('removed');
    book.clear('class-0001');
    expect(book.chatRefusal('class-0001', 'student9')).toBeNull();
  });

  it('takes decoded messages: rooms and cleared rooms update it, anything else is left to the caller', () => {
    const book = new RoomBook();
    const roomTopic = topic('room', { classId: 'class-0001' });
    const granted = decode(roomTopic, encode('room', roomTopic, room(1, { drawing: ['student1'] })).payload, undefined, true);
    const cleared = decode(roomTopic, new Uint8Array(), undefined, true);
    const handTopic = topic('hand', { classId: 'class-0001', userId: 'student1' });
    const hand = decode(handTopic, encode('hand', handTopic, { v: 1, raised: true, at: 1 }).payload, undefined, true);
    const clearedHand = decode(handTopic, new Uint8Array(), undefined, true);
    if (!granted.ok || !cleared.ok || !hand.ok || !clearedHand.ok) throw new Error('fixtures must decode');

    expect(book.note(hand)).toBe(false);
    expect(book.note(clearedHand)).toBe(false);
    expect(book.note(granted)).toBe(true);
    expect(book.mayDraw('class-0001', { userId: 'student1', teaches: false })).toBe(true);
    expect(book.note(cleared)).toBe(true);
    expect(book.mayDraw('class-0001', { userId: 'student1', teaches: false })).toBe(false);
  });
});
