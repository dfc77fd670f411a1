import type { BackoffOptions } from '../messages';

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 15_000 };

/** The largest delay before reconnect attempt `attempt` (1-based): base doubled per attempt, never above the cap. */
export function backoffCeiling(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  return Math.min(options.capMs, options.baseMs * 2 ** exponent);
}

/**
 * Exponential backoff with full jitter: a uniformly random delay between 0 and the ceiling, so that thousands of
 * consoles cut off by the same broker restart do not all come back in the same instant.
 */
export function backoffDelay(attempt: number, random: () => number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  return Math.floor(random() * backoffCeiling(attempt, options));
}
