import { useNow } from '../state/now';
import { formatDuration, slaBand } from './duration';

/** Time since `since`, coloured by SLA band; ticks with the console's shared clock. */
export function SlaTimer({ since, testId = 'sla-timer' }: { since: number; testId?: string }) {
  const now = useNow((s) => s.now);
  const elapsed = Math.max(0, now - since);
  return (
    <span className={`sla sla-${slaBand(elapsed)}`} data-testid={testId} data-since={since}>
      {formatDuration(elapsed)}
    </span>
  );
}
