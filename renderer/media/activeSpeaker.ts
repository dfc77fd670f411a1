/** Levels below this are silence or background noise (0..1, as getStats and RTP audio levels report them). */
export const SPEAKING_LEVEL = 0.02;
/** A new speaker must lead for this long before the highlight moves, so it does not flicker between two people. */
const HOLD_MS = 800;
/** Someone not heard for this long is no longer speaking; pauses between words are shorter. */
const SILENCE_MS = 2 * HOLD_MS;

/**
 * Picks the active speaker from audio levels sampled over time: the loudest person above the speaking level, once
 * they have led for a moment. Each person's last moment of speech is kept, so the highlight survives pauses between
 * words but leaves someone who went quiet, even while others speak in short bursts. Pure: time comes with the samples.
 */
export class ActiveSpeaker {
  private current: string | null = null;
  private candidate: { id: string; since: number } | null = null;
  private readonly heard = new Map<string, number>();

  /** Feeds one sample of everybody's level; returns the speaker to highlight, or null when nobody speaks. */
  update(levels: ReadonlyMap<string, number>, now: number): string | null {
    let loudest: string | null = null;
    let loudestLevel = SPEAKING_LEVEL;
    for (const [id, level] of levels) {
      if (level <= SPEAKING_LEVEL) continue;
      this.heard.set(id, now);
      if (level > loudestLevel) {
        loudest = id;
        loudestLevel = level;
      }
    }
    for (const id of [...this.heard.keys()]) if (!levels.has(id)) this.heard.delete(id);
    const quiet = (id: string) => now - (this.heard.get(id) ?? -Infinity) > SILENCE_MS;
    if (this.current !== null && quiet(this.current)) this.current = null;
    if (this.candidate && now - (this.heard.get(this.candidate.id) ?? -Infinity) > HOLD_MS) this.candidate = null;
    if (loudest !== null && loudest !== this.current) {
      if (this.candidate?.id !== loudest) this.candidate = { id: loudest, since: now };
      if (this.current === null || now - this.candidate.since >= HOLD_MS) {
        this.current = loudest;
        this.candidate = null;
      }
    }
    return this.current;
  }
}
