import { describe, expect, it } from 'vitest';
import { ActiveSpeaker } from './activeSpeaker';

describe('ActiveSpeaker', () => {
  it('highlights the loudest speaker once they lead for a moment, and keeps them through short pauses', () => {
    const speaker = new ActiveSpeaker();
    expect(speaker.update(new Map([['t', 0.3], ['s', 0.01]]), 0)).toBe('t');
    // The student talks louder; the highlight moves only after the hold time.
    expect(speaker.update(new Map([['t', 0.1], ['s', 0.4]]), 100)).toBe('t');
    expect(speaker.update(new Map([['t', 0.1], ['s', 0.4]]), 1_000)).toBe('s');
    // A short pause keeps the highlight, a long silence clears it.
    expect(speaker.update(new Map([['t', 0], ['s', 0]]), 1_500)).toBe('s');
    expect(speaker.update(new Map([['t', 0], ['s', 0]]), 3_000)).toBeNull();
  });

  it('ignores background noise', () => {
    expect(new ActiveSpeaker().update(new Map([['t', 0.01]]), 0)).toBeNull();
  });
});
