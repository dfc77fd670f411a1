/**
 * Time as the board sees it. The model runs without the DOM, so it is handed a clock: the mounted board gets the
 * browser's timers (mount.ts), tests and the convergence fuzz a clock that moves only when told.
 */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
