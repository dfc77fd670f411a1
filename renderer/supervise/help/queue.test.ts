import { describe, expect, it } from 'vitest';
import { helpState } from '../testing/samples';
import { helpQueue } from './queue';

const requests = new Map(
  [
    helpState('waiting-old', { status: 'manual', createdAt: 1 }),
    helpState('waiting-new', { status: 'manual', createdAt: 5 }),
    helpState('escalated', { status: 'escalated', createdAt: 9 }),
    helpState('mine', { status: 'claimed', claimedBy: { id: 'sup1', name: 'S' }, createdAt: 2 }),
    helpState('theirs', { status: 'claimed', claimedBy: { id: 'sup2', name: 'T' }, createdAt: 3 }),
    helpState('auto', { status: 'remedy-pending', createdAt: 4 }),
    helpState('done', { status: 'resolved', resolvedAt: 50, createdAt: 0 }),
  ].map((s) => [s.id, s]),
);
const ids = (filter: Parameters<typeof helpQueue>[1]) => helpQueue(requests, filter, 'sup1').map((s) => s.id);

describe('the help queue', () => {
  it('shows what needs a person, escalated first, then the longest waiting', () => {
    expect(ids('person')).toEqual(['escalated', 'waiting-old', 'waiting-new', 'mine', 'theirs']);
  });

  it('shows my claims, everything open, or everything with the ended last', () => {
    expect(ids('mine')).toEqual(['mine']);
    expect(ids('open')).toEqual(['escalated', 'waiting-old', 'waiting-new', 'mine', 'theirs', 'auto']);
    expect(ids('all').at(-1)).toBe('done');
  });
});
