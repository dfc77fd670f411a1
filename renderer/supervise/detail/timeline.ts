import type { AuditEntry, HelpState, TagChange, TelemetryEvent } from '../../../shared/protocol';
import type { TagId } from '../../../shared/tags/catalogue';
import type { WatchedEvent } from '../state/telemetry';

export type TimelineEntry =
  | { kind: 'tag'; at: number; tag: TagId; userId?: string; change: 'appeared' | 'cleared'; evidence: string }
  | { kind: 'action'; at: number; action: string; actor: string; actorKind: AuditEntry['actor']['kind']; detail: string; requestId?: string }
  | { kind: 'telemetry'; at: number; userId: string; event: TelemetryEvent };

/** Entries a timeline shows at most: the newest. */
export const TIMELINE_MAX = 300;
/** Telemetry entries at most, so a class reporting every second does not push its tags and actions out. */
export const TIMELINE_TELEMETRY_MAX = 100;

/**
 * A class's story, newest first: tags appearing and clearing and the dispatcher's and supervisors' actions (from the
 * dispatcher), and telemetry: what arrived live while the detail is open, and what its help requests carried.
 */
export function buildTimeline(
  changes: readonly TagChange[],
  actions: readonly AuditEntry[],
  requests: Iterable<HelpState>,
  live: readonly WatchedEvent[] = [],
): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const c of changes) entries.push({ kind: 'tag', at: c.at, tag: c.tag, userId: c.userId, change: c.change, evidence: c.evidence });
  for (const a of actions) entries.push({ kind: 'action', at: a.at, action: a.action, actor: a.actor.id, actorKind: a.actor.kind, detail: a.detail, requestId: a.requestId });
  const telemetry: TimelineEntry[] = [];
  const seen = new Set<string>();
  const add = (userId: string, at: number, event: TelemetryEvent) => {
    // Help requests carry overlapping minutes of stats, which also arrived live; each event is shown once.
    const key = `${userId}|${at}|${JSON.stringify(event)}`;
    if (seen.has(key)) return;
    seen.add(key);
    telemetry.push({ kind: 'telemetry', at, userId, event });
  };
  for (const w of live) add(w.userId, w.at, w.event);
  for (const request of requests) for (const event of request.diagnostics?.stats ?? []) add(request.from.id, event.at ?? request.createdAt, event);
  telemetry.sort((a, b) => b.at - a.at);
  entries.push(...telemetry.slice(0, TIMELINE_TELEMETRY_MAX));
  return entries.sort((a, b) => b.at - a.at).slice(0, TIMELINE_MAX);
}
