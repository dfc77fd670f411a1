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

  it('leaves someone who went quiet, even while another speaks in short bursts', () => {
    const speaker = new ActiveSpeaker();
    expect(speaker.update(new Map([['s', 0.3], ['t', 0]]), 0)).toBe('s');
    // The student mutes; the teacher's voice comes in bursts with gaps between them.
    let now = 0;
    let shown: string | null = 's';
    for (let burst = 0; burst < 10; burst++) {
      now += 250;
      shown = speaker.update(new Map([['s', 0], ['t', burst % 2 === 0 ? 0.2 : 0]]), now);
    }
    expect(shown).toBe('t');
  });
});
