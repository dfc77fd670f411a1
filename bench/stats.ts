/** Figures for the benchmarks' printed lines. An empty sample gives NaN, which JSON prints as null. */

/** Nearest-rank percentile (p from 0 to 100) of the values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** The lower median, in whole milliseconds (the figures the runs-based benchmarks print). */
export const medianMs = (values: readonly number[]) => Math.round(percentile(values, 50));

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
