import { describe, expect, it } from 'vitest';
import type { Room } from '../../shared/protocol';
import { emptyRoom } from './roomEdits';
import { isOwnGrantChange, refusal, type Outgoing, type SendContext } from './sendRules';

const room = (patch: Partial<Room> = {}): Room => ({ ...emptyRoom('teacher1'), version: 3, drawing: ['student1'], stars: { student1: 2 }, ...patch });
const observer = (patch: Partial<SendContext> = {}): SendContext => ({ userId: 'supervisor1', observer: true, room: room(), ended: false, ...patch });
const publish = (publication: Extract<Outgoing, { via: 'publish' }>['publication']): Outgoing => ({ via: 'publish', publication });
const hand: Outgoing = publish({ kind: 'hand', message: { v: 1, raised: true, at: 1 } });
// Only the kind matters to the rules; the payloads are not looked at (except the room's).
const ops: Outgoing = publish({ kind: 'boardOps', message: { v: 1, seq: 1, pageId: 'p1', records: [] } as never });
const chat: Outgoing = { via: 'request', service: 'moderation', method: 'chat.send' };
const laser: Outgoing = { via: 'fire', publication: { kind: 'laser', message: { v: 1, pageId: 'p1', x: 0, y: 0, on: true } } };
const telemetry: Outgoing = { via: 'fire', publication: { kind: 'telemetry', message: { v: 1, id: 'x', at: 1, events: [] } } };
const rtc: Outgoing = { via: 'fire', publication: { kind: 'rtc', to: 'teacher1', message: {} as never } };

describe('what an open class may send', () => {
  it('lets a silent observer send only what receiving needs: media signalling, reads of the board, SFU reception', () => {
    const context = observer();
    for (const outgoing of [hand, ops, chat, laser, telemetry, publish({ kind: 'room', message: room({ chatMutedAll: true }) })]) {
      expect(refusal(context, outgoing)).toBe('observing');
    }
    expect(refusal(context, publish({ kind: 'command', to: 'student1', message: { v: 1, id: 'c', action: 'mute', by: 'supervisor1', params: {}, ts: 1 } }))).toBe('observing');
    expect(refusal(context, { via: 'request', service: 'sfu', method: 'produce' })).toBe('observing');
    expect(refusal(context, rtc)).toBeNull();
    expect(refusal(context, { via: 'request', service: 'board', method: 'snapshot' })).toBeNull();
    expect(refusal(context, { via: 'request', service: 'sfu', method: 'consume' })).toBeNull();
  });

  it('lets an observer take over, and then draw, chat and steer, but never send what their role may not', () => {
    const before = room();
    const takeOver = room({ version: 4, drawing: ['student1', 'supervisor1'], by: 'supervisor1', ts: 9 });
    expect(isOwnGrantChange(before, takeOver, 'supervisor1')).toBe(true);
    expect(refusal(observer({ room: before }), publish({ kind: 'room', message: takeOver }))).toBeNull();
    // Anything else in the same room change is refused.
    expect(refusal(observer({ room: before }), publish({ kind: 'room', message: { ...takeOver, stars: {} } }))).toBe('observing');
    expect(refusal(observer({ room: before }), publish({ kind: 'room', message: { ...takeOver, drawing: ['supervisor1'] } }))).toBe('observing');

    const taking = observer({ room: takeOver });
    expect(refusal(taking, ops)).toBeNull();
    expect(refusal(taking, chat)).toBeNull();
    expect(refusal(taking, publish({ kind: 'room', message: { ...takeOver, chatMutedAll: true } }))).toBeNull();
    // Their role publishes no hands, live strokes, laser or telemetry (the broker would close the connection).
    for (const outgoing of [hand, laser, telemetry]) expect(refusal(taking, outgoing)).toBe('observing');
    // Handing back is the same kind of change.
    expect(refusal(taking, publish({ kind: 'room', message: { ...takeOver, drawing: ['student1'] } }))).toBeNull();
  });

  it('takes over a class that has no room yet', () => {
    const first = { ...emptyRoom('supervisor1'), version: 1, drawing: ['supervisor1'] };
    expect(refusal(observer({ room: null }), publish({ kind: 'room', message: first }))).toBeNull();
  });

  it('closes the board, hands and chat of an ended class to everyone, the teacher too', () => {
    const teacher: SendContext = { userId: 'teacher1', observer: false, room: room(), ended: true };
    for (const outgoing of [ops, hand, chat, laser]) expect(refusal(teacher, outgoing)).toBe('ended');
    expect(refusal(teacher, telemetry)).toBeNull();
    expect(refusal(teacher, publish({ kind: 'room', message: room({ countdownEndsAt: null }) }))).toBeNull();
    expect(refusal({ ...teacher, ended: false }, ops)).toBeNull();
  });
});
