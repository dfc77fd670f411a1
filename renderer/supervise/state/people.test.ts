import { beforeEach, describe, expect, it } from 'vitest';
import { topic } from '../../../shared/protocol';
import { health, helpState } from '../testing/samples';
import { applySupervision, resetSupervision } from './apply';
import { MAX_PEOPLE, PeopleUpdate, usePeople } from './people';

beforeEach(() => resetSupervision());

describe('the people a supervisor sees', () => {
  it('are learnt from class health, help requests and the watched class presence, in one update per batch', () => {
    let updates = 0;
    const stop = usePeople.subscribe(() => updates++);
    applySupervision([
      {
        ok: true, kind: 'classHealth', params: { classId: 'class-a' }, topic: topic('classHealth', { classId: 'class-a' }),
        message: health('class-a', [{ tag: 'stream.cant-hear', userId: 's-1', name: 'Grace V.', role: 'student', since: 1 }]),
      },
      {
        ok: true, kind: 'helpState', params: { requestId: 'r1' }, topic: topic('helpState', { requestId: 'r1' }),
        message: helpState('r1', { claimedBy: { id: 'supervisor2', name: 'Supervisor Two' } }),
      },
      {
        ok: true, kind: 'presence', params: { classId: 'class-a', userId: 's-2' }, topic: topic('presence', { classId: 'class-a', userId: 's-2' }),
        message: { v: 1, userId: 's-2', name: 'Zhou P.', role: 'student', online: true, ts: 1 },
      },
    ]);
    stop();
    expect(updates).toBe(1);
    const byId = usePeople.getState().byId;
    expect(byId.get('t-class-a')).toEqual({ name: 'Teacher class-a', role: 'teacher' });
    expect(byId.get('s-1')).toEqual({ name: 'Grace V.', role: 'student' });
    expect(byId.get('student1')).toEqual({ name: 'Student One', role: 'student' });
    expect(byId.get('supervisor2')).toEqual({ name: 'Supervisor Two', role: 'supervisor' });
    expect(byId.get('s-2')).toEqual({ name: 'Zhou P.', role: 'student' });
  });

  it('leave the store as it is when a batch says nothing new, and forget the oldest beyond the cap', () => {
    const first = new PeopleUpdate();
    first.note('a', 'A', 'student');
    first.commit();
    const before = usePeople.getState().byId;
    const again = new PeopleUpdate();
    again.note('a', 'A', undefined);
    again.note('b', undefined, 'student');
    again.commit();
    expect(usePeople.getState().byId).toBe(before);

    const many = new PeopleUpdate();
    for (let i = 0; i < MAX_PEOPLE + 5; i++) many.note(`u${i}`, `U${i}`, null);
    many.commit();
    const byId = usePeople.getState().byId;
    expect(byId.size).toBe(MAX_PEOPLE);
    expect(byId.has('a')).toBe(false);
    expect(byId.get(`u${MAX_PEOPLE + 4}`)).toEqual({ name: `U${MAX_PEOPLE + 4}`, role: null });
  });
});
