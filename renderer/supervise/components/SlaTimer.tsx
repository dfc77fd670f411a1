import { useLayoutEffect, useRef } from 'react';
import { useNow } from '../state/now';
import { formatDuration, slaBand } from './duration';

/**
 * Time since `since`, coloured by SLA band; ticks with the console's shared clock.
 *
 * The tick writes the text and band straight into the span instead of re-rendering: a busy wall shows hundreds of
 * timers (rows, alerts, help requests), and each tick re-rendered every one of them.
 */
export function SlaTimer({ since, testId = 'sla-timer' }: { since: number; testId?: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const span = ref.current;
    if (!span) return;
    const paint = (now: number) => paintSlaTimer(span, now - since);
    paint(useNow.getState().now);
    return useNow.subscribe(({ now }) => paint(now));
  }, [since]);
  return <span ref={ref} className="sla" data-testid={testId} data-since={since} />;
}

/** Writes only what changed, so a tick that leaves the text as it was costs no layout. */
export function paintSlaTimer(span: HTMLElement, elapsedMs: number): void {
  // Both read a start a little in the future as no time at all.
  const text = formatDuration(elapsedMs);
  if (span.textContent !== text) span.textContent = text;
  const className = `sla sla-${slaBand(elapsedMs)}`;
  if (span.className !== className) span.className = className;
}
