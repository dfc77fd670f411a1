import type { ClassHealth, ClassState, ClassSummary } from '../../../shared/protocol';
import { VersionedMap } from '../../state/versionedMap';
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

/** What a wall is computed from. */
interface WallInputs {
  health: ReadonlyMap<string, ClassHealth>;
  summaries: ReadonlyMap<string, ClassSummary>;
  query: WallQuery;
  now: number;
}

/** The last wall, and what it was computed from. */
interface LastWall extends WallInputs {
  rows: WallRow[];
  /** Its rows with a warning or a critical problem. */
  problems: number;
}

const isProblem = (row: WallRow) => row.severity === 'warning' || row.severity === 'critical';

/** Above this share of classes changed since the last wall, rebuilding it whole is cheaper than patching it. */
const PATCH_LIMIT = 1 / 8;

/**
 * What the wall keeps between passes: a row per class, rebuilt only when that class's health or summary changed
 * (the others keep their identity, so memoised rows skip them), and the last wall, which a pass patches when only a
 * few classes changed.
 */
export class WallRowCache {
  private readonly entries = new Map<string, CacheEntry>();
  /** Rows built with a health, and with a summary: a map that lost one shows as fewer matches than these. */
  private withHealth = 0;
  private withSummary = 0;
  private pass = 0;
  last: LastWall | null = null;

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
    return this.put(classId, health, summary);
  }

  /** Forgets classes this pass did not see (they are gone), so the cache never outgrows the wall. */
  endPass(seen: number): void {
    if (this.entries.size === seen) return;
    for (const [classId, entry] of this.entries) if (entry.pass !== this.pass) this.drop(classId);
  }

  /**
   * The classes whose health or summary is not the one their row was built from (new, changed and gone ones), or
   * null when more than `limit` did: no row is built. A map that is a newer version of the one the last wall was built
   * from (VersionedMap) names its changed classes; any other map is compared entry by entry.
   */
  changedSince(
    health: ReadonlyMap<string, ClassHealth>,
    summaries: ReadonlyMap<string, ClassSummary>,
    limit: number,
    before: { health: ReadonlyMap<string, ClassHealth>; summaries: ReadonlyMap<string, ClassSummary> } | null = null,
  ): Set<string> | null {
    const changed = new Set<string>();
    const healthChanges = before ? changesBetween(before.health, health) : null;
    const summaryChanges = before ? changesBetween(before.summaries, summaries) : null;
    for (const classId of healthChanges ?? []) changed.add(classId);
    for (const classId of summaryChanges ?? []) changed.add(classId);
    if (changed.size > limit) return null;
    let healthSeen = 0;
    let summariesSeen = 0;
    if (!healthChanges) {
      for (const [classId, h] of health) {
        const entry = this.entries.get(classId);
        if (entry?.health) healthSeen++;
        if (!entry || entry.health !== h) changed.add(classId);
        if (changed.size > limit) return null;
      }
    }
    if (!summaryChanges) {
      for (const [classId, s] of summaries) {
        const entry = this.entries.get(classId);
        if (entry?.summary) summariesSeen++;
        if (!entry || entry.summary !== s) changed.add(classId);
        if (changed.size > limit) return null;
      }
    }
    // Fewer rows built with a health (or summary) found in the map than there are: some left it. Find which.
    const healthLeft = !healthChanges && healthSeen < this.withHealth;
    const summariesLeft = !summaryChanges && summariesSeen < this.withSummary;
    if (healthLeft || summariesLeft) {
      for (const [classId, entry] of this.entries) {
        if ((healthLeft && entry.health && !health.has(classId)) || (summariesLeft && entry.summary && !summaries.has(classId))) changed.add(classId);
      }
      if (changed.size > limit) return null;
    }
    return changed;
  }

  /** The cached row of a class (the one the last wall holds, if it passed the filter). */
  cachedRow(classId: string): WallRow | undefined {
    return this.entries.get(classId)?.row;
  }

  /** A class's new row outside a full pass; null when the class is gone. */
  rebuild(classId: string, health: ClassHealth | undefined, summary: ClassSummary | undefined): WallRow | null {
    if (!health && !summary) {
      this.drop(classId);
      return null;
    }
    return this.put(classId, health, summary);
  }

  private put(classId: string, health: ClassHealth | undefined, summary: ClassSummary | undefined): WallRow {
    this.drop(classId);
    const row = buildRow(classId, health, summary);
    this.entries.set(classId, { health, summary, row, pass: this.pass });
    if (health) this.withHealth++;
    if (summary) this.withSummary++;
    return row;
  }

  private drop(classId: string): void {
    const entry = this.entries.get(classId);
    if (!entry) return;
    if (entry.health) this.withHealth--;
    if (entry.summary) this.withSummary--;
    this.entries.delete(classId);
  }
}

/** The keys changed between two versions of a map: none when it is the same map; null when it cannot say. */
function changesBetween<V>(before: ReadonlyMap<string, V>, after: ReadonlyMap<string, V>): ReadonlySet<string> | null {
  if (before === after) return new Set();
  return after instanceof VersionedMap ? after.changedSince(before) : null;
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

/** Whether a row passes the wall's query. */
function matcher(query: WallQuery, now: number): (row: WallRow) => boolean {
  const teacher = query.teacher.trim().toLowerCase();
  const text = query.text.trim().toLowerCase();
  return (row) => {
    if (row.state !== 'live') return false;
    if (!severityMatches(row, query.severity)) return false;
    if (query.tag !== 'any' && !row.problems.some((p) => p.tag === query.tag)) return false;
    if (query.minDurationMs > 0 && (row.since === null || now - row.since < query.minDurationMs)) return false;
    if (query.region && row.region !== query.region) return false;
    if (query.appVersion && row.appVersion !== query.appVersion) return false;
    if (teacher && !row.teacherName.toLowerCase().includes(teacher) && !row.teacherId.toLowerCase().includes(teacher)) return false;
    if (text && !row.title.toLowerCase().includes(text) && !row.classId.toLowerCase().includes(text)) return false;
    return true;
  };
}

/**
 * The wall: every live class, filtered and sorted. Classes come from both the tagger's health and the directory's
 * summaries, so a live class shows even before its first health. With a cache, a wall where few classes changed
 * since the last one is patched (each changed row moved by binary search) instead of rebuilt: a burst of health
 * updates then costs what the changed classes cost, not what 10,000 cost.
 */
export function wallRows(
  health: ReadonlyMap<string, ClassHealth>,
  summaries: ReadonlyMap<string, ClassSummary>,
  query: WallQuery,
  now: number,
  cache: WallRowCache = new WallRowCache(),
): WallRow[] {
  const inputs: WallInputs = { health, summaries, query, now };
  const last = cache.last;
  let wall: { rows: WallRow[]; problems: number } | null = null;
  if (last && last.query === query && last.now === now) {
    if (last.health === health && last.summaries === summaries) return last.rows;
    const changed = cache.changedSince(health, summaries, Math.max(16, (health.size + summaries.size) * PATCH_LIMIT), last);
    if (changed) wall = patch(last, changed, inputs, cache);
  }
  wall ??= rebuildWall(inputs, cache);
  cache.last = { ...inputs, ...wall };
  return wall.rows;
}

/** How many rows of the cache's last wall have a warning or a critical problem. */
export function wallProblems(cache: WallRowCache): number {
  return cache.last?.problems ?? 0;
}

function rebuildWall({ health, summaries, query, now }: WallInputs, cache: WallRowCache): { rows: WallRow[]; problems: number } {
  const matches = matcher(query, now);
  const rows: WallRow[] = [];
  let seen = 0;
  let problems = 0;
  const consider = (row: WallRow | null) => {
    if (!row) return;
    seen++;
    if (!matches(row)) return;
    rows.push(row);
    if (isProblem(row)) problems++;
  };
  cache.beginPass();
  // The previous order first: the sort (TimSort) takes near-linear time on input that is mostly in order already,
  // which a wall where a few classes changed since the last frame is.
  for (const previous of cache.last?.rows ?? []) {
    const h = health.get(previous.classId);
    const s = summaries.get(previous.classId);
    if (h || s) consider(cache.row(previous.classId, h, s));
  }
  for (const [classId, h] of health) consider(cache.row(classId, h, summaries.get(classId)));
  for (const [classId, s] of summaries) consider(cache.row(classId, health.get(classId), s));
  cache.endPass(seen);
  rows.sort(comparator(query.sort, query.reverse));
  return { rows, problems };
}

/** The last wall with the changed classes' rows taken out and their new rows put in place, and its problem count. */
function patch(previous: LastWall, changed: ReadonlySet<string>, { health, summaries, query, now }: WallInputs, cache: WallRowCache): { rows: WallRow[]; problems: number } {
  const compare = comparator(query.sort, query.reverse);
  const matches = matcher(query, now);
  const rows = previous.rows.slice();
  let problems = previous.problems;
  for (const classId of changed) {
    const old = cache.cachedRow(classId);
    if (old) {
      const at = lowerBound(rows, old, compare);
      if (rows[at] === old) {
        rows.splice(at, 1);
        if (isProblem(old)) problems--;
      }
    }
    const row = cache.rebuild(classId, health.get(classId), summaries.get(classId));
    if (row && matches(row)) {
      rows.splice(lowerBound(rows, row, compare), 0, row);
      if (isProblem(row)) problems++;
    }
  }
  return { rows, problems };
}

/** The first index whose row does not sort before `row`. */
function lowerBound(rows: readonly WallRow[], row: WallRow, compare: (a: WallRow, b: WallRow) => number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(rows[mid]!, row) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
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
