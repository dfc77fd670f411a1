/**
 * Time in the tagger (docs/operations.md, "Tagger"; docs/decisions.md says why there are no windows any more). Every
 * event time is first corrected by its sender's clock offset (clock.ts), so everything below is in the tagger's time.
 * Tags follow each participant's reports as they arrive: a tag is raised by enough bad evidence, cleared by healthy
 * evidence or by its evidence going quiet, and never waits for a window to close.
 */
/** Events older than this after correction say nothing about now: set aside as late. */
export const STALE_MS = 30_000;
/**
 * Only a report at most this old (after correction) raises a tag: evidence arrives 2–3 s after it is observed (the
 * console's batch and the delivery), and older evidence arriving late only continues a run (streak.ts).
 */
export const FRESH_MS = 10_000;
/** Events still stamped further than this ahead of the tagger's clock after correction are set aside as "future". */
export const FUTURE_TOLERANCE_MS = 5_000;
/** A media report that does not say how long it covers is taken to cover this long (the console reports every 5 s). */
export const DEFAULT_INTERVAL_MS = 5_000;
/** Soft evidence (a share lost, a rate fallen) must hold over two reports covering at least this long. */
export const MIN_BAD_MS = 8_000;
/**
 * A failed start-up or load becomes a tag only if no success follows within this (the console retries by itself); a
 * load whose retry fails as well is confirmed at once. "Follows" is judged in the participant's own event time: the
 * failure is confirmed once a message of theirs sent later than this has arrived with no success before it, or, from
 * a participant who sends nothing more, once `BATCH_WAIT_MS` more have passed (a success sent in time has arrived by
 * then). Confirming by the tagger's clock alone raced the success on its way and showed a tag after the fault ended.
 */
export const CONFIRM_MS = 10_000;
/**
 * A console entering again starts its components again, and what failed in its earlier start-up stays shown until the
 * new start-up reports it (a failure again keeps the tag as it was, a success clears it). A component the new entry
 * has not reported this long after it was ready was not started again: its old failure is dropped. Dropping it at the
 * first step instead left a gap in the tag, which read as the remedy having worked.
 */
export const RESTART_REPORT_MS = 15_000;
/** The console sends its telemetry at most 2 s after the first event it holds; this covers that and the delivery. */
export const BATCH_WAIT_MS = 2_500;
/** A drawing or board problem whose evidence stops for this long is over (both report every few seconds while it lasts). */
export const COURSE_QUIET_MS = 12_000;
/** A media tag whose participant sends no evidence about it for this long is dropped (they left or went to the background). */
export const MEDIA_QUIET_MS = 60_000;
