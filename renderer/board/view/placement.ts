/** A run of new items that all go before the same position of an ordered list. */
export interface InsertionRun<T> {
  /** Position in the list as it was before any of the runs was inserted. */
  index: number;
  items: T[];
}

/**
 * Where new items go in a list kept in paint order, found by binary search. `incoming` must be in paint order itself;
 * consecutive items that land at the same position form one run, so a page of thousands of new elements is one
 * insertion instead of thousands. Insert the runs from the last to the first, and each index stays valid.
 * `before(existing, item)`: the existing item paints before the new one.
 */
export function insertionRuns<T>(size: number, at: (index: number) => T, incoming: readonly T[], before: (existing: T, item: T) => boolean): InsertionRun<T>[] {
  const runs: InsertionRun<T>[] = [];
  let lo = 0;
  for (const item of incoming) {
    // Items come in order, so each one's position is at or after the previous one's.
    let hi = size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(at(mid), item)) lo = mid + 1;
      else hi = mid;
    }
    const last = runs[runs.length - 1];
    if (last && last.index === lo) last.items.push(item);
    else runs.push({ index: lo, items: [item] });
  }
  return runs;
}
