/**
 * One participant's clock offset: their clock minus the tagger's, estimated from each message's `at` (stamped by the
 * console when it sends) against when the message arrives here. The network only ever delays a message, so
 * `at - arrival` is the offset minus that message's delay; the largest of the last few is the offset less the
 * smallest delay among them. Messages held back (a console that lost the broker, a delayed delivery) only lower their
 * own figure and do not move the estimate; a console whose clock is corrected mid-class is followed within a few
 * messages.
 */
const KEPT = 8;
/** Figures older than this (arrival time) are not used: a corrected clock must not be held to its old offset. */
const KEPT_MS = 60_000;

export class ClockOffset {
  private readonly figures: { offset: number; arrival: number }[] = [];

  /** Notes a message stamped `at` that arrived at `arrival`; returns the offset to subtract from its event times. */
  note(at: number, arrival: number): number {
    this.figures.push({ offset: at - arrival, arrival });
    while (this.figures.length > KEPT || this.figures[0]!.arrival < arrival - KEPT_MS) this.figures.shift();
    return this.offset;
  }

  get offset(): number {
    let best = Number.NEGATIVE_INFINITY;
    for (const { offset } of this.figures) if (offset > best) best = offset;
    return Number.isFinite(best) ? best : 0;
  }
}
