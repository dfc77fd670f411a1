import { KINDS, type BoardSync, type HelpRequest, type TelemetryEvent } from '../../../shared/protocol';

export interface HelpInput {
  id: string;
  from: HelpRequest['from'];
  topic: HelpRequest['topic'];
  text: string;
  appVersion: string;
  device: string;
  /** The recent telemetry, oldest first. */
  stats: TelemetryEvent[];
  /** The course page shown, if any. */
  coursePageId: string | null;
  /** The last board state this console announced, if any. */
  board: BoardSync | null;
  now: number;
}

/** Courseware assets whose latest load in these events failed, newest last. */
export function failedAssets(stats: readonly TelemetryEvent[]): string[] {
  const latest = new Map<string, boolean>();
  for (const event of stats) {
    if (event.type !== 'courseware') continue;
    latest.delete(event.asset);
    latest.set(event.asset, event.ok);
  }
  return [...latest].filter(([, ok]) => !ok).map(([asset]) => asset).slice(-20);
}

/** Room for the envelope and the rest of the request within the help kind's size limit. */
const STATS_BUDGET = KINDS.help.maxBytes - 8 * 1024;

/**
 * What the help button sends: the person's words, and enough about this console (version, device, the last minute
 * of telemetry, the page and board it holds) for a supervisor to understand the problem without asking.
 */
export function buildHelpRequest(input: HelpInput): HelpRequest {
  let stats = input.stats.slice(-300);
  // The oldest events go first when the minute was busy enough to outgrow one message.
  while (stats.length > 0 && JSON.stringify(stats).length > STATS_BUDGET) stats = stats.slice(Math.ceil(stats.length / 10));
  return {
    v: 1,
    id: input.id,
    from: input.from,
    topic: input.topic,
    text: input.text.trim().slice(0, 500),
    diagnostics: {
      appVersion: input.appVersion.slice(0, 40),
      device: input.device.slice(0, 80),
      stats,
      course: { pageId: input.coursePageId, failedAssets: failedAssets(input.stats) },
      board: { pageId: input.board?.pageId ?? null, revision: input.board?.revision ?? 0, unsent: input.board?.unsent ?? 0 },
    },
    ts: input.now,
  };
}
