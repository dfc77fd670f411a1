/** "0:07", "4:05", "1:02:03": elapsed time for SLA timers, never negative. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** SLA bands: within target, close to it, or past it. */
export const SLA_WARN_MS = 2 * 60_000;
export const SLA_BREACH_MS = 5 * 60_000;

export function slaBand(elapsedMs: number): 'ok' | 'warn' | 'breach' {
  if (elapsedMs >= SLA_BREACH_MS) return 'breach';
  return elapsedMs >= SLA_WARN_MS ? 'warn' : 'ok';
}
