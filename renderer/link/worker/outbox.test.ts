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

describe('outbox with replaceable state', () => {
  const room = (version: number) =>
    ({
      kind: 'publish',
      classId: 'class-0001',
      publication: {
        kind: 'hand',
        message: { v: 1, raised: version % 2 === 1, at: version },
      },
    }) as const;

  it('keeps only the newest pending message for a retained topic, and nothing it superseded', () => {
    const outbox = new Outbox();
    outbox.add('a', start, 1);
    outbox.add('h1', room(1), 2, 'hand');
    outbox.add('h2', room(2), 3, 'hand');
    expect(outbox.pending().map((item) => item.id)).toEqual(['a', 'h2']);
    // The superseded message may still be acknowledged by the broker: that changes nothing.
    expect(outbox.acknowledge('h1')).toBe(false);
    expect(outbox.acknowledge('h2')).toBe(true);
    outbox.add('h3', room(3), 4, 'hand');
    expect(outbox.pending().map((item) => item.id)).toEqual(['a', 'h3']);
  });
});
