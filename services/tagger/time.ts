/**
 * Event-time constants shared by the tagger's windows (see docs/operations.md, "Tagger"). Windows are aligned to
 * epoch multiples: a 30 s tumbling window ends on a multiple of 30 s, a sliding window (30 s long, every 15 s) on a
 * multiple of 15 s. Both are built from 15 s panes, so each pane is aggregated once and read by two windows.
 */
export const PANE_MS = 15_000;
export const WINDOW_MS = 30_000;
/** The watermark trails the newest event time of a class by this much; a window closes when it passes the end. */
export const ALLOWED_LATENESS_MS = 10_000;
/** Events stamped further than this ahead of the tagger's clock are set aside as "future". */
export const FUTURE_TOLERANCE_MS = 5_000;

/** Start of the 15 s pane holding `t`. */
export function paneStart(t: number): number {
  return Math.floor(t / PANE_MS) * PANE_MS;
}

/** True when a window ending at `end` is also a 30 s tumbling window. */
export function isTumblingEnd(end: number): boolean {
  return end % WINDOW_MS === 0;
}
