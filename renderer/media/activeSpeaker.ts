/** Levels below this are silence or background noise (0..1, as getStats and RTP audio levels report them). */
export const SPEAKING_LEVEL = 0.02;
/** A new speaker must lead for this long before the highlight moves, so it does not flicker between two people. */
const HOLD_MS = 800;

/**
 * Picks the active speaker from audio levels sampled over time: the loudest person above the speaking level, once
 * they have been loudest for a moment. Pure: time comes in with the samples.
 */
export class ActiveSpeaker {
  private current: string | null = null;
  private candidate: { id: string; since: number } | null = null;
  private lastHeard = 0;

  /** Feeds one sample of everybody's level; returns the speaker to highlight, or null when nobody speaks. */
  update(levels: ReadonlyMap<string, number>, now: number): string | null {
    let loudest: string | null = null;
    let loudestLevel = SPEAKING_LEVEL;
    for (const [id, level] of levels) {
      if (level > loudestLevel) {
        loudest = id;
        loudestLevel = level;
      }
    }
    if (loudest === null) {
      this.candidate = null;
      // Pauses between words keep the highlight; a longer silence clears it.
      if (this.current !== null && now - this.lastHeard > 2 * HOLD_MS) this.current = null;
      return this.current;
    }
    this.lastHeard = now;
    if (loudest === this.current) {
      this.candidate = null;
      return this.current;
    }
    if (this.candidate?.id !== loudest) this.candidate = { id: loudest, since: now };
    if (this.current === null || now - this.candidate.since >= HOLD_MS) {
      this.current = loudest;
      this.candidate = null;
    }
    return this.current;
  }
}
