import { describe, expect, it } from 'vitest';
import { health, helpState } from '../testing/samples';
import { AlertBook, CLEARED_VISIBLE_MS, MAX_ALERTS } from './alertBook';

describe('alerts', () => {
  it('are raised for new warning and critical problems only, once each, and cleared when the problem goes', () => {
    const book = new AlertBook();
    const first = health('class-a', [{ tag: 'stream.cant-hear', userId: 's1', since: 100 }]);
    expect(book.noteHealth(undefined, first, 1_000).map((a) => [a.tag, a.severity, a.since])).toEqual([['stream.cant-hear', 'critical', 100]]);
    // The same problem in a later health is not news.
    const second = health('class-a', [{ tag: 'stream.cant-hear', userId: 's1', since: 100 }, { tag: 'course.not-synced', userId: 's1', since: 900 }]);
    expect(book.noteHealth(first, second, 2_000).map((a) => a.tag)).toEqual(['course.not-synced']);
    const third = health('class-a', [{ tag: 'course.not-synced', userId: 's1', since: 900 }]);
    expect(book.noteHealth(second, third, 3_000)).toEqual([]);
    const cleared = book.list().find((a) => a.tag === 'stream.cant-hear');
    expect(cleared?.clearedAt).toBe(3_000);
    // A problem that comes back is raised again.
    expect(book.noteHealth(third, second, 4_000).map((a) => a.tag)).toEqual(['stream.cant-hear']);
  });

  it('list the open unacknowledged ones first, worst and longest waiting first', () => {
    const book = new AlertBook();
    book.noteHealth(undefined, health('class-a', [{ tag: 'course.not-synced', since: 10 }]), 1_000);
    book.noteHealth(undefined, health('class-b', [{ tag: 'stream.cant-hear', userId: 's', since: 50 }]), 1_000);
    book.noteHealth(undefined, health('class-c', [{ tag: 'stream.audio-stuck', userId: 's', since: 20 }]), 1_000);
    expect(book.list().map((a) => a.classId)).toEqual(['class-c', 'class-b', 'class-a']);
    book.acknowledge(book.list()[0]!.id, 2_000);
    expect(book.list().map((a) => [a.classId, a.acknowledgedAt])).toEqual([
      ['class-b', null],
      ['class-a', null],
      ['class-c', 2_000],
    ]);
    expect(book.acknowledgeAll(3_000)).toBe(true);
    expect(book.list().every((a) => a.acknowledgedAt !== null)).toBe(true);
  });

  it('follow help requests: waiting raises, escalation raises again as critical, claiming clears', () => {
    const book = new AlertBook();
    const raised = book.noteHelp(helpState('r1', { status: 'manual' }), 'r1', 1_000, 'Algebra');
    expect(raised.map((a) => [a.kind, a.severity, a.title])).toEqual([['help', 'warning', 'Algebra']]);
    book.acknowledge('help:r1', 1_500);
    expect(book.noteHelp(helpState('r1', { status: 'manual', updatedAt: 2 }), 'r1', 1_600, 'Algebra')).toEqual([]);
    const escalated = book.noteHelp(helpState('r1', { status: 'escalated' }), 'r1', 2_000, 'Algebra');
    expect(escalated.map((a) => [a.severity, a.acknowledgedAt])).toEqual([['critical', null]]);
    expect(book.noteHelp(helpState('r1', { status: 'claimed' }), 'r1', 3_000, 'Algebra')).toEqual([]);
    expect(book.list()[0]?.clearedAt).toBe(3_000);
    expect(book.noteHelp(helpState('r2', { status: 'remedy-pending' }), 'r2', 3_000, 'Algebra')).toEqual([]);
  });

  it('let cleared alerts go after a while, and never hold more than the cap', () => {
    const book = new AlertBook();
    const sick = health('class-a', [{ tag: 'stream.cant-hear', userId: 's', since: 1 }]);
    book.noteHealth(undefined, sick, 0);
    book.noteHealth(sick, health('class-a'), 10);
    book.sweep(10 + CLEARED_VISIBLE_MS - 1);
    expect(book.list()).toHaveLength(1);
    book.sweep(10 + CLEARED_VISIBLE_MS);
    expect(book.list()).toHaveLength(0);

    for (let i = 0; i < MAX_ALERTS + 20; i++) book.noteHealth(undefined, health(`class-${i}`, [{ tag: 'entry.slow', userId: 's', since: i }]), i);
    book.sweep(MAX_ALERTS + 20);
    expect(book.list()).toHaveLength(MAX_ALERTS);
    expect(book.dropped).toBe(20);
  });
});
