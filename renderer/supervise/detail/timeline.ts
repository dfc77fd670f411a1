import type { HelpState, TelemetryEvent } from '../../../shared/protocol';
import type { TagId } from '../../../shared/tags/catalogue';
import type { AuditEntry, TagChange } from '../help/dispatcherClient';

export type TimelineEntry =
  | { kind: 'tag'; at: number; tag: TagId; userId?: string; change: 'appeared' | 'cleared'; evidence: string }
  | { kind: 'action'; at: number; action: string; actor: string; detail: string; requestId?: string }
  | { kind: 'telemetry'; at: number; userId: string; event: TelemetryEvent };

/** Entries a timeline shows at most: the newest. */
export const TIMELINE_MAX = 300;

/**
 * A class's story, newest first: tags appearing and clearing and the dispatcher's and supervisors' actions (from the
 * dispatcher), and the telemetry its help requests carried (from their diagnostics).
 */
export function buildTimeline(changes: readonly TagChange[], actions: readonly AuditEntry[], requests: Iterable<HelpState>): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const c of changes) entries.push({ kind: 'tag', at: c.at, tag: c.tag, userId: c.userId, change: c.change, evidence: c.evidence });
  for (const a of actions) entries.push({ kind: 'action', at: a.at, action: a.action, actor: a.actor.id, detail: a.detail, requestId: a.requestId });
  const seen = new Set<string>();
  for (const request of requests) {
    for (const event of request.diagnostics?.stats ?? []) {
      const at = event.at ?? request.createdAt;
      // Two requests from one person carry overlapping minutes of stats; each event is shown once.
      const key = `${request.from.id}|${at}|${JSON.stringify(event)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push({ kind: 'telemetry', at, userId: request.from.id, event });
    }
  }
  return entries.sort((a, b) => b.at - a.at).slice(0, TIMELINE_MAX);
}
