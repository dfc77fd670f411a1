import { describe, expect, it } from 'vitest';
import { SequenceTracker, senderKey } from './sequence';

describe('SequenceTracker', () => {
  it('tells next, duplicate and gap apart per sender key', () => {
    const seqs = new SequenceTracker();
    const tab1 = senderKey('teacher1', 'tab-1');
    const tab2 = senderKey('teacher1', 'tab-2');
    expect(seqs.observe(tab1, 1)).toBe('next');
    expect(seqs.observe(tab1, 2)).toBe('next');
    expect(seqs.observe(tab2, 1)).toBe('next');
    expect(seqs.observe(tab1, 2)).toBe('duplicate');
    expect(seqs.observe(tab2, 3)).toBe('gap');
    expect(senderKey('student1')).toBe('student1');
  });

  it('remembers a bounded number of senders, forgetting the one heard from least recently', () => {
    const seqs = new SequenceTracker(3);
    seqs.observe('a', 1);
    seqs.observe('b', 1);
    seqs.observe('c', 1);
    seqs.observe('a', 2);
    seqs.observe('d', 1);
    expect(seqs.size).toBe(3);
    expect(seqs.behind('a', 2)).toBe(false);
    // b was forgotten: its numbers start from the baseline again.
    expect(seqs.behind('b', 1)).toBe(true);
  });
});
