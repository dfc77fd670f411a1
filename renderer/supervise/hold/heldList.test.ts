import { describe, expect, it } from 'vitest';
import { AlertBook, CLEARED_VISIBLE_MS } from '../alerts/alertBook';
import { helpQueue } from '../help/queue';
import { health, helpState } from '../testing/samples';
import { HeldList, lookupBy } from './heldList';

interface Item {
  id: string;
  state: string;
}
const idOf = (item: Item) => item.id;
const item = (id: string, state = 'open'): Item => ({ id, state });
const shown = <T>(held: HeldList<T>, latest: (key: string) => T | undefined) => Array.from({ length: held.length }, (_, i) => held.itemAt(i, latest)!);

describe('a held list', () => {
  it('keeps every item in its place, showing each as it is now', () => {
    const held = new HeldList([item('a'), item('b'), item('c')], idOf);
    const now = [item('c', 'urgent'), item('b'), item('a', 'done')];
    expect(shown(held, lookupBy(now, idOf))).toEqual([item('a', 'done'), item('b'), item('c', 'urgent')]);
  });

  it('keeps an item that left in the last state it was drawn in, marked gone, and shows it again if it comes back', () => {
    const held = new HeldList([item('a'), item('b')], idOf, (gone) => ({ ...gone, state: `${gone.state}, gone` }));
    expect(shown(held, lookupBy([item('a'), item('b', 'resolved')], idOf))).toEqual([item('a'), item('b', 'resolved')]);
    const left = shown(held, lookupBy([item('a')], idOf));
    expect(left).toEqual([item('a'), item('b', 'resolved, gone')]);
    // The same object each time, so a memoised row does not redraw.
    expect(held.itemAt(1, () => undefined)).toBe(left[1]);
    expect(shown(held, lookupBy([item('a'), item('b', 'open again')], idOf))[1]).toEqual(item('b', 'open again'));
    expect(held.itemAt(2, () => undefined)).toBeUndefined();
  });

  it('names the items that came since, in the current order', () => {
    const held = new HeldList([item('b'), item('d')], idOf);
    expect(held.arrivals([item('a'), item('b'), item('c'), item('d')]).map(idOf)).toEqual(['a', 'c']);
    expect(new HeldList<Item>([], idOf).arrivals([item('a')]).map(idOf)).toEqual(['a']);
  });

  it('keeps an alert the supervisor acknowledges in its place, where unheld it would drop below the open ones', () => {
    const book = new AlertBook();
    book.noteHealth(undefined, health('class-a', [{ tag: 'stream.audio-stuck', userId: 's', since: 10 }]), 1_000);
    book.noteHealth(undefined, health('class-b', [{ tag: 'course.not-synced', userId: 's', since: 20 }]), 1_000);
    book.noteHealth(undefined, health('class-c', [{ tag: 'course.not-synced', userId: 's', since: 30 }]), 1_000);
    const held = new HeldList(book.list(), (a) => a.id);
    book.acknowledge(book.list()[0]!.id, 2_000);
    // The oldest warning clears, and a new critical comes.
    book.noteHealth(health('class-b', [{ tag: 'course.not-synced', userId: 's', since: 20 }]), health('class-b'), 3_000);
    book.noteHealth(undefined, health('class-d', [{ tag: 'stream.cant-hear', userId: 's', since: 40 }]), 3_000);
    const live = book.list();
    expect(live.map((a) => a.classId)).toEqual(['class-d', 'class-c', 'class-a', 'class-b']);
    expect(shown(held, lookupBy(live, (a) => a.id)).map((a) => [a.classId, a.acknowledgedAt !== null, a.clearedAt !== null])).toEqual([
      ['class-a', true, false],
      ['class-b', false, true],
      ['class-c', false, false],
    ]);
    expect(held.arrivals(live).map((a) => a.classId)).toEqual(['class-d']);
    // Swept from the book, the cleared alert stays in its place as it was last drawn.
    book.sweep(3_000 + CLEARED_VISIBLE_MS);
    expect(held.itemAt(1, lookupBy(book.list(), (a) => a.id))).toMatchObject({ classId: 'class-b', clearedAt: 3_000 });
  });

  it('keeps a help request that is claimed or resolved in its place in the queue, with its new status', () => {
    const byId = new Map([
      ['r1', helpState('r1', { status: 'manual', createdAt: 100 })],
      ['r2', helpState('r2', { status: 'manual', createdAt: 200 })],
      ['r3', helpState('r3', { status: 'manual', createdAt: 300 })],
    ]);
    const held = new HeldList(helpQueue(byId, 'open', 'me'), (s) => s.id);
    byId.set('r1', helpState('r1', { status: 'claimed', createdAt: 100 }));
    byId.set('r2', helpState('r2', { status: 'resolved', createdAt: 200, resolvedAt: 900 }));
    byId.set('r4', helpState('r4', { status: 'escalated', createdAt: 400 }));
    const live = helpQueue(byId, 'open', 'me');
    expect(live.map((s) => s.id)).toEqual(['r4', 'r3', 'r1']);
    expect(shown(held, (id) => byId.get(id)).map((s) => [s.id, s.status])).toEqual([
      ['r1', 'claimed'],
      ['r2', 'resolved'],
      ['r3', 'manual'],
    ]);
    expect(held.arrivals(live).map((s) => s.id)).toEqual(['r4']);
  });
});
