/** How bench:monitor's backend phase picks the number of classes of its next step. */

export interface SearchStep {
  classes: number;
  keptUp: boolean;
}

export interface SearchBounds {
  /** The first step's classes. */
  first: number;
  /** Never more classes than this. */
  max: number;
  /** The search ends once the most classes kept up and the fewest not kept up are this close. */
  resolution: number;
}

/** Steps in the middle of a gap are rounded to this many classes. */
const ROUND_TO = 100;

/**
 * The classes of the next step, or null when the search is over: doubling from `first` until a step is not kept up
 * (or `max` was kept up), then halving the gap between the most classes kept up and the fewest not kept up until it
 * is `resolution` or less. Steps are independent measurements, so a step only ever lands inside that gap.
 */
export function nextClasses(steps: readonly SearchStep[], { first, max, resolution }: SearchBounds): number | null {
  if (steps.length === 0) return Math.min(first, max);
  const kept = Math.max(0, ...steps.filter((s) => s.keptUp).map((s) => s.classes));
  const failed = Math.min(Infinity, ...steps.filter((s) => !s.keptUp).map((s) => s.classes));
  if (failed === Infinity) return kept >= max ? null : Math.min(max, kept * 2);
  if (failed - kept <= resolution) return null;
  const middle = Math.round((kept + failed) / 2 / ROUND_TO) * ROUND_TO;
  return middle > kept && middle < failed ? middle : null;
}
