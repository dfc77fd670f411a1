import { describe, expect, it } from 'vitest';
import { Outbox } from './outbox';

const start = { kind: 'classControl', classId: 'class-0001', action: 'start' } as const;

describe('outbox', () => {
  it('keeps an action until it is acknowledged, in the order it was taken', () => {
    const outbox = new Outbox();
    outbox.add('a', start, 1);
    outbox.add('b', { ...start, action: 'end' }, 2);
    expect(outbox.pending().map((item) => item.id)).toEqual(['a', 'b']);
    expect(outbox.acknowledge('a')).toBe(true);
    expect(outbox.acknowledge('a')).toBe(false);
    expect(outbox.pending().map((item) => item.id)).toEqual(['b']);
  });

  it('refuses a new action when full instead of dropping an old one', () => {
    const outbox = new Outbox(2);
    outbox.add('a', start, 1);
    outbox.add('b', start, 2);
    expect(() => outbox.add('c', start, 3)).toThrow(/already waiting/);
    expect(outbox.pending().map((item) => item.id)).toEqual(['a', 'b']);
  });
});
