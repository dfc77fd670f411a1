import type { ClassHealth, ClassState, ClassSummary } from '../../../shared/protocol';
import { TAGS, severityRank, type Severity, type TagId } from '../../../shared/tags/catalogue';

/** One class on the wall: its health when the tagger has published one, else what the directory says. */
export interface WallRow {
  classId: string;
  title: string;
  teacherId: string;
  teacherName: string;
  region: string;
  appVersion: string;
  state: ClassState;
  /** `unknown` until the tagger has published this class's health. */
  severity: Severity | 'unknown';
  problems: ClassHealth['problems'];
  /** When the oldest current problem started (event time), or null without problems. */
  since: number | null;
}

export type SeverityFilter = 'all' | 'problems' | 'critical' | 'warning' | 'ok';
export type SortKey = 'severity' | 'duration' | 'title' | 'teacher' | 'region' | 'appVersion';

export interface WallQuery {
  severity: SeverityFilter;
  tag: TagId | 'any';
  /** Problems lasting at least this long; 0 for any. */
  minDurationMs: number;
  /** Matched against the teacher's name and id. */
  teacher: string;
  region: string;
  appVersion: string;
  /** Matched against the title and the class id. */
  text: string;
  sort: SortKey;
  /** Flips the sort's natural order (worst first, longest first, A to Z). */
  reverse: boolean;
}

export const DEFAULT_QUERY: WallQuery = {
  severity: 'all',
  tag: 'any',
  minDurationMs: 0,
  teacher: '',
  region: '',
  appVersion: '',
  text: '',
  sort: 'severity',
  reverse: false,
};

const UNKNOWN_RANK = -1;

function rankOf(severity: WallRow['severity']): number {
  return severity === 'unknown' ? UNKNOWN_RANK : severityRank(severity);
}

interface CacheEntry {
  health: ClassHealth | undefined;
  summary: ClassSummary | undefined;
  row: WallRow;
  /** The pass that last saw this class. */
  pass: number;
}

/**
 * What the wall keeps between passes: a row per class, rebuilt only when that class's health or summary changed
 * (the others keep their identity, so memoised rows skip them), and the last pass's order.
 */
export class WallRowCache {
  private readonly entries = new Map<string, CacheEntry>();
  private pass = 0;
  /** The classes the previous pass showed, in its order. */
  order: string[] = [];

  beginPass(): void {
    this.pass++;
  }

  /** The row of a class for this pass; null when the class was already seen in this pass. */
  row(classId: string, health: ClassHealth | undefined, summary: ClassSummary | undefined): WallRow | null {
    const hit = this.entries.get(classId);
    if (hit?.pass === this.pass) return null;
    if (hit && hit.health === health && hit.summary === summary) {
      hit.pass = this.pass;
      return hit.row;
    }
    const row = buildRow(classId, health, summary);
    this.entries.set(classId, { health, summary, row, pass: this.pass });
    return row;
  }

  /** Forgets classes this pass did not see (they are gone), so the cache never outgrows the wall. */
  endPass(seen: number): void {
    if (this.entries.size === seen) return;
    for (const [classId, entry] of this.entries) if (entry.pass !== this.pass) this.entries.delete(classId);
  }
}

function buildRow(classId: string, health: ClassHealth | undefined, summary: ClassSummary | undefined): WallRow {
  const problems = health?.problems ?? [];
  let since: number | null = null;
  for (const problem of problems) if (TAGS[problem.tag].severity !== 'ok' && (since === null || problem.since < since)) since = problem.since;
  const teacher = health?.teacher ?? summary?.teacher ?? null;
  return {
    classId,
    title: health?.title || summary?.title || classId,
    teacherId: teacher?.id ?? '',
    teacherName: teacher?.name ?? '',
    region: health?.region || summary?.region || '',
    appVersion: health?.appVersion ?? '',
    // The directory knows first when a class starts or ends.
    state: summary?.state ?? health?.state ?? 'live',
    severity: health ? health.severity : 'unknown',
    problems,
    since,
  };
}

/**
 * The wall: every live class, filtered and sorted. Classes come from both the tagger's health and the directory's
 * summaries, so a live class shows even before its first health.
 */
export function wallRows(
  health: ReadonlyMap<string, ClassHealth>,
  summaries: ReadonlyMap<string, ClassSummary>,
  query: WallQuery,
  now: number,
  cache: WallRowCache = new WallRowCache(),
): WallRow[] {
  const teacher = query.teacher.trim().toLowerCase();
  const text = query.text.trim().toLowerCase();
  const rows: WallRow[] = [];
  let seen = 0;
  const consider = (row: WallRow | null) => {
    if (!row) return;
    seen++;
    if (row.state !== 'live') return;
    if (!severityMatches(row, query.severity)) return;
    if (query.tag !== 'any' && !row.problems.some((p) => p.tag === query.tag)) return;
    if (query.minDurationMs > 0 && (row.since === null || now - row.since < query.minDurationMs)) return;
    if (query.region && row.region !== query.region) return;
    if (query.appVersion && row.appVersion !== query.appVersion) return;
    if (teacher && !row.teacherName.toLowerCase().includes(teacher) && !row.teacherId.toLowerCase().includes(teacher)) return;
    if (text && !row.title.toLowerCase().includes(text) && !row.classId.toLowerCase().includes(text)) return;
    rows.push(row);
  };
  cache.beginPass();
  // The previous order first: the sort (TimSort) takes near-linear time on input that is mostly in order already,
  // which a wall where a few classes changed since the last frame is.
  for (const classId of cache.order) {
    const h = health.get(classId);
    const s = summaries.get(classId);
    if (h || s) consider(cache.row(classId, h, s));
  }
  for (const [classId, h] of health) consider(cache.row(classId, h, summaries.get(classId)));
  for (const [classId, s] of summaries) consider(cache.row(classId, health.get(classId), s));
  cache.endPass(seen);
  rows.sort(comparator(query.sort, query.reverse));
  cache.order = rows.map((row) => row.classId);
  return rows;
}

function severityMatches(row: WallRow, filter: SeverityFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'problems':
      return rankOf(row.severity) > severityRank('ok');
    default:
      return row.severity === filter;
  }
}

const byId = (a: WallRow, b: WallRow) => (a.classId < b.classId ? -1 : a.classId > b.classId ? 1 : 0);
/** Longest-lasting problem first; classes without problems after. */
const byDuration = (a: WallRow, b: WallRow) => (a.since ?? Number.MAX_SAFE_INTEGER) - (b.since ?? Number.MAX_SAFE_INTEGER);
/** Newest problem first; classes without problems still after. */
const byDurationReversed = (a: WallRow, b: WallRow) => (b.since ?? -1) - (a.since ?? -1);
const bySeverity = (a: WallRow, b: WallRow) => rankOf(b.severity) - rankOf(a.severity);
/** Plain code-unit order: a locale-aware compare is too slow for 10,000 rows sorted every frame. */
const byText = (pick: (row: WallRow) => string) => (a: WallRow, b: WallRow) => {
  const x = pick(a);
  const y = pick(b);
  return x < y ? -1 : x > y ? 1 : byId(a, b);
};

function comparator(sort: SortKey, reverse: boolean): (a: WallRow, b: WallRow) => number {
  const flip = (compare: (a: WallRow, b: WallRow) => number) => (reverse ? (a: WallRow, b: WallRow) => compare(b, a) : compare);
  switch (sort) {
    case 'severity': {
      const severity = flip(bySeverity);
      return (a, b) => severity(a, b) || byDuration(a, b) || byId(a, b);
    }
    case 'duration': {
      const duration = reverse ? byDurationReversed : byDuration;
      return (a, b) => duration(a, b) || bySeverity(a, b) || byId(a, b);
    }
    case 'title':
      return flip(byText((row) => row.title));
    case 'teacher':
      return flip(byText((row) => row.teacherName));
    case 'region':
      return flip(byText((row) => row.region));
    case 'appVersion':
      return flip(byText((row) => row.appVersion));
  }
}

/** The distinct regions and app versions of all classes (not only the shown ones), for the filter menus. */
export function facets(health: ReadonlyMap<string, ClassHealth>, summaries: ReadonlyMap<string, ClassSummary>): { regions: string[]; appVersions: string[] } {
  const regions = new Set<string>();
  const appVersions = new Set<string>();
  for (const h of health.values()) {
    if (h.region) regions.add(h.region);
    if (h.appVersion) appVersions.add(h.appVersion);
  }
  for (const summary of summaries.values()) if (summary.region) regions.add(summary.region);
  return { regions: [...regions].sort(), appVersions: [...appVersions].sort() };
}
