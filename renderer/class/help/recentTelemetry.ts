import type { TelemetryEvent } from '../../../shared/protocol';

/** How far back a help request's diagnostics reach, and how many events they carry at most (the schema's limit). */
export const HELP_STATS_WINDOW_MS = 60_000;
export const HELP_STATS_MAX = 300;

/**
 * The telemetry this console sent recently, each event with its event time, for the help button's diagnostics. A
 * ring: older events and anything beyond the newest HELP_STATS_MAX go.
 */
export class RecentTelemetry {
  private events: TelemetryEvent[] = [];

  /** Events as sent in one telemetry message at `at`; events without their own time take the message's. */
  add(events: readonly TelemetryEvent[], at: number): void {
    for (const event of events) this.events.push(event.at === undefined ? { ...event, at } : event);
    if (this.events.length > HELP_STATS_MAX) this.events.splice(0, this.events.length - HELP_STATS_MAX);
  }

  /** The events of the last `windowMs` before `now`, oldest first. */
  last(now: number, windowMs = HELP_STATS_WINDOW_MS): TelemetryEvent[] {
    this.events = this.events.filter((event) => event.at! >= now - windowMs);
    return [...this.events].sort((a, b) => a.at! - b.at!);
  }
}
