import type { ClassState, ClassSummary } from '../../shared/protocol';

export type StateFilter = ClassState | 'all';

/** The classes the list shows: matching the filter text and state, in class-id order. */
export function visibleClasses(byId: ReadonlyMap<string, ClassSummary>, text: string, state: StateFilter): ClassSummary[] {
  const needle = text.trim().toLowerCase();
  const rows: ClassSummary[] = [];
  for (const summary of byId.values()) {
    if (state !== 'all' && summary.state !== state) continue;
    if (needle && !matches(summary, needle)) continue;
    rows.push(summary);
  }
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function matches(summary: ClassSummary, needle: string): boolean {
  return (
    summary.title.toLowerCase().includes(needle) ||
    summary.id.toLowerCase().includes(needle) ||
    summary.teacher.name.toLowerCase().includes(needle) ||
    summary.region.toLowerCase().includes(needle)
  );
}
