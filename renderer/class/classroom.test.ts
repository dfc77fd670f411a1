import { describe, expect, it } from 'vitest';
import type { ClassMessage } from '../link/messages';
import { applyClassTraffic, emptyClassroom, grantAnswersHand, handQueue, isBehind } from './classroom';
import { emptyRoom } from './roomEdits';

const root = 'classroom/v1/class/class-0001';

function presence(userId: string, online: boolean, claimed = userId): ClassMessage {
  return {
    ok: true,
    kind: 'presence',
    topic: `${root}/presence/${userId}`,
    params: { classId: 'class-0001', userId },
    message: { v: 1, userId: claimed, name: `Name ${claimed}`, role: 'student', online, device: 'Pad', ts: 1 },
  };
}

function hand(userId: string, raised: boolean, at: number): ClassMessage {
  return { ok: true, kind: 'hand', topic: `${root}/hand/${userId}`, params: { classId: 'class-0001', userId }, message: { v: 1, raised, at } };
}

function chat(id: string, ts: number): ClassMessage {
  return {
    ok: true,
    kind: 'chat',
    topic: `${root}/chat/messages`,
    params: { classId: 'class-0001' },
    message: { v: 1, id, from: { id: 'student1', name: 'S', role: 'student' }, text: `<b>${id}</b>`, moderation: 'clean', ts },
  };
}

describe('classroom state from class traffic', () => {
  it('tracks presence by the topic, not by what a payload claims, and keeps devices across updates', () => {
    let state = applyClassTraffic(emptyClassroom(), [presence('student1', true), presence('student2', true, 'student1')]);
    expect([...state.roster.keys()]).toEqual(['student1']);
    state = applyClassTraffic(state, [presence('student1', false)]);
    expect(state.roster.get('student1')).toMatchObject({ online: false, device: 'Pad' });
  });

  it('queues raised hands oldest first and drops lowered ones', () => {
    const state = applyClassTraffic(emptyClassroom(), [
      presence('a', true),
      presence('b', true),
      presence('c', true),
      hand('b', true, 20),
      hand('a', true, 30),
      hand('c', true, 10),
      hand('c', false, 40),
    ]);
    expect(handQueue(state.roster).map((p) => p.userId)).toEqual(['b', 'a']);
  });

  it('merges chat history and live messages once each, in time order', () => {
    const history: ClassMessage = {
      ok: true,
      kind: 'chatHistory',
      topic: `${root}/chat/history`,
      params: { classId: 'class-0001' },
      message: { v: 1, messages: [(chat('m1', 1) as Extract<ClassMessage, { kind: 'chat' }>).message, (chat('m2', 2) as Extract<ClassMessage, { kind: 'chat' }>).message] },
    };
    const state = applyClassTraffic(emptyClassroom(), [chat('m3', 3), chat('m2', 2), history]);
    expect(state.chat.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
  });

  it('returns the same state when a batch changes nothing it keeps', () => {
    const state = emptyClassroom();
    const laser: ClassMessage = {
      ok: true,
      kind: 'laser',
      topic: `${root}/board/laser/t`,
      params: { classId: 'class-0001', userId: 't' },
      message: { v: 1, pageId: 'p', x: 1, y: 1, on: true },
    };
    expect(applyClassTraffic(state, [laser])).toBe(state);
  });

  it('flags a participant behind the teacher on revision or page', () => {
    const teacher = { v: 1 as const, pageId: 'p1', revision: 10, unsent: 0, at: 1 };
    const entry = (pageId: string, revision: number) => ({
      userId: 's', name: 's', role: 'student' as const, online: true, device: null, appVersion: null, hand: null,
      sync: { v: 1 as const, pageId, revision, unsent: 0, at: 1 },
    });
    expect(isBehind(entry('p1', 10), teacher)).toBe(false);
    expect(isBehind(entry('p1', 9), teacher)).toBe(true);
    expect(isBehind(entry('p2', 10), teacher)).toBe(true);
  });

  it('takes a grant of drawing as the answer to a raised hand, but not a hand raised while already granted', () => {
    const granted = { ...emptyRoom('teacher1'), drawing: ['s1'], ts: 20 };
    const raised = { v: 1 as const, raised: true, at: 10 };
    expect(grantAnswersHand(false, granted, raised, 's1')).toBe(true);
    expect(grantAnswersHand(true, granted, raised, 's1')).toBe(false);
    expect(grantAnswersHand(false, { ...granted, drawing: [] }, raised, 's1')).toBe(false);
    expect(grantAnswersHand(false, granted, { ...raised, raised: false }, 's1')).toBe(false);
    // The first room after joining: the grant answers a hand raised before it was published.
    expect(grantAnswersHand(null, granted, raised, 's1')).toBe(true);
    expect(grantAnswersHand(null, granted, { ...raised, at: 30 }, 's1')).toBe(false);
  });
});
