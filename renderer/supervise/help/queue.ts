import type { HelpState, HelpStatus } from '../../../shared/protocol';
import { TAGS, severityRank } from '../../../shared/tags/catalogue';

/** Requests a person must act on: nobody could fix them automatically, or somebody holds them. */
const PERSON: ReadonlySet<HelpStatus> = new Set(['manual', 'escalated', 'claimed']);
const OPEN: ReadonlySet<HelpStatus> = new Set(['received', 'manual', 'remedy-pending', 'escalated', 'claimed']);

export function needsPerson(status: HelpStatus): boolean {
  return PERSON.has(status);
}

export function isOpen(status: HelpStatus): boolean {
  return OPEN.has(status);
}

export type QueueFilter = 'person' | 'mine' | 'open' | 'all';

/** How urgent a request is: escalated first, then the worst tag it carries. */
function urgency(state: HelpState): number {
  const status = state.status === 'escalated' ? 3 : state.status === 'manual' ? 2 : state.status === 'claimed' ? 1 : 0;
  let worst = 0;
  for (const entry of state.tags) worst = Math.max(worst, severityRank(TAGS[entry.tag].severity));
  return status * 10 + worst;
}

/**
 * The help queue: by default what needs a person, most urgent and then longest waiting first; ended requests only
 * under `all`, newest first.
 */
export function helpQueue(byId: ReadonlyMap<string, HelpState>, filter: QueueFilter, me: string): HelpState[] {
  const rows: HelpState[] = [];
  for (const state of byId.values()) {
    if (filter === 'person' && !needsPerson(state.status)) continue;
    if (filter === 'mine' && state.claimedBy?.id !== me) continue;
    if (filter === 'open' && !isOpen(state.status)) continue;
    rows.push(state);
  }
  return rows.sort((a, b) => {
    const ended = Number(!isOpen(a.status)) - Number(!isOpen(b.status));
    if (ended !== 0) return ended;
    if (!isOpen(a.status)) return (b.resolvedAt ?? b.updatedAt) - (a.resolvedAt ?? a.updatedAt);
    return urgency(b) - urgency(a) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);
  });
}
