import type { Verdict } from './rules';
import { MIN_BAD_MS } from './time';

/**
 * One signal of one participant (their microphone, their camera, what they receive from a teacher, their board) as a
 * run of report verdicts in event time. The tag is raised by one hard bad report or by soft ones covering at least
 * `MIN_BAD_MS` over two reports or more, and holds from where that bad run began; a healthy report clears it (two for
 * audio, where a single one can be a blip). A weak bad report (a rate fallen, not yet failing) begins or continues a
 * run but never raises the tag itself: a fade is a weak report followed by a failing one; once the tag is held, a weak
 * report counts towards clearing it (the stream is coming back). A healthy report before the tag is raised breaks
 * the run. Reports older than the newest one already folded in are ignored: a verdict is about now, and an older one
 * cannot undo a newer one.
 */
export class Streak {
  /** Where the current run of bad reports began (the start of the first one's interval); null without one. */
  private badFrom: number | null = null;
  private badCount = 0;
  private good = 0;
  lastBadAt = Number.NEGATIVE_INFINITY;
  /** Newest report folded in (any verdict, including none), and newest that said something. */
  lastAt = Number.NEGATIVE_INFINITY;
  private lastJudgedAt = Number.NEGATIVE_INFINITY;
  held = false;
  since = 0;
  evidence = '';
  /** When the tag last cleared (for a participant's "normal" since). */
  clearedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly goodNeeded: number) {}

  /**
   * Folds in a report at `at` covering `intervalMs` before it. Returns true when the tag was raised or cleared. A
   * report at the same time as one already judged is the same report again (a batch sent twice, a teacher's report
   * per student connection) and is ignored. Only a `fresh` report raises the tag: an old one arriving late (a console
   * that lost the broker sends what it held all at once) continues the run, and the next fresh bad report raises it;
   * raising on it would show a tag that the newer reports behind it may already have ended.
   */
  add(at: number, intervalMs: number, verdict: Verdict, fresh = true): boolean {
    if (at < this.lastAt || (at === this.lastJudgedAt && verdict !== null)) return false;
    this.lastAt = at;
    if (verdict === null) return false;
    this.lastJudgedAt = at;
    // Once the tag is held, a weak report is a stream carrying most of what it should again: it counts towards clearing.
    if (verdict.bad && !(verdict.weak && this.held)) {
      this.good = 0;
      if (this.badFrom === null) {
        this.badFrom = at - intervalMs;
        this.badCount = 0;
      }
      this.badCount++;
      this.lastBadAt = at;
      this.evidence = verdict.evidence;
      if (this.held || verdict.weak || !fresh) return false;
      if (!verdict.hard && (this.badCount < 2 || at - this.badFrom < MIN_BAD_MS)) return false;
      this.held = true;
      this.since = this.badFrom;
      return true;
    }
    if (!this.held) {
      this.badFrom = null;
      return false;
    }
    if (++this.good < this.goodNeeded) return false;
    return this.release(at);
  }

  /** Breaks a run of bad reports that has not raised the tag (the reports were explained by something else). */
  interrupt(): void {
    if (!this.held) this.badFrom = null;
  }

  /** Takes over a tag published before (a restart): it holds until healthy reports or quiet end it. */
  restore(since: number, evidence: string, at: number): void {
    this.held = true;
    this.since = since;
    this.badFrom = since;
    this.badCount = 2;
    this.evidence = evidence;
    this.lastBadAt = at;
    this.lastAt = at;
  }

  /** Ends the tag (healthy evidence, or none for too long). */
  release(at: number): boolean {
    const was = this.held;
    this.held = false;
    this.badFrom = null;
    this.badCount = 0;
    this.good = 0;
    if (was) this.clearedAt = at;
    return was;
  }
}
