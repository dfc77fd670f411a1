import { PROBLEM_TAGS, type TagId } from '../../shared/tags/catalogue';
import type { FaultRecord } from './faults';

/**
 * The tag score of the noisy scenario: when tags appeared and cleared (the tagger's publication times) against when
 * each fault was present by ground truth (its episodes). Fields (`npm run sim:score`, prefixed `noisy` where a clean
 * field has the same name):
 * - `noisyPrecision`: of the problem-tag episodes published, the share that appeared while a fault of the same class,
 *   participant and tag was present (from 5 s before one of its episodes began to when it ended);
 * - `noisyRecall`: of the fault episodes lasting 20 s or more (and begun 20 s before observation stopped), the share
 *   matched by a tag episode;
 * - `detectP95S` (and `detectMedianS`): seconds from such an episode's start to its tag's first appearance;
 * - `clearP95S` (and `clearMedianS`): seconds from an episode's end to its tag's clearing, over detected episodes that
 *   ended 30 s before observation stopped (a tag still held then counts as cleared at the end of observation);
 * - `falseTagMinPerClassHour`: minutes of problem tags held outside every matching episode (and the 15 s after its
 *   end), per hour of live class observed;
 * - `appearedAfterEnd`: tag episodes that first appeared within 15 s after their fault's episode had ended (never
 *   within it): a tag that came too late to be of use;
 * - `tagFlaps`: times a tag of a participant came back within 30 s of clearing.
 * Rates are null when there is nothing to divide by.
 */
export interface NoisyScore {
  noisyPrecision: number | null;
  noisyRecall: number | null;
  detectP95S: number | null;
  detectMedianS: number | null;
  clearP95S: number | null;
  clearMedianS: number | null;
  falseTagMinPerClassHour: number | null;
  faultEpisodes: number;
  detectableEpisodes: number;
  detectedEpisodes: number;
  tagEpisodes: number;
  matchedTagEpisodes: number;
  appearedAfterEnd: number;
  tagFlaps: number;
  /** Per fault tag: detectable episodes, detected, and the worst detection (s). */
  byTag: Record<string, { episodes: number; detected: number; worstDetectS: number | null }>;
  /** Problem-tag episodes that matched no fault, by tag. */
  falseByTag: Record<string, number>;
}

/** One ClassTags as published: the class, the tagger's time, and the problem tags it held. */
export interface PublishedTags {
  classId: string;
  ts: number;
  tags: readonly { tag: TagId; userId?: string | null }[];
}

export interface NoisyScoreInput {
  faults: readonly FaultRecord[];
  published: readonly PublishedTags[];
  /** When observation started and stopped. */
  from: number;
  until: number;
  /** Live classes observed, for the per-class-hour rate. */
  liveClasses: number;
}

/** A fault episode: the fault it belongs to, and when it was present. */
export interface Occurrence {
  classId: string;
  userId: string;
  tag: TagId;
  shape: string;
  start: number;
  end: number | null;
}

/** A tag held continuously: from its first publication to the first publication without it (null: still held). */
export interface TagSpan {
  classId: string;
  userId: string;
  tag: TagId;
  from: number;
  to: number | null;
}

const DETECTABLE_MS = 20_000;
const CLEAR_GRACE_MS = 15_000;
const EARLY_MS = 5_000;
const FLAP_MS = 30_000;
const PROBLEMS = new Set<TagId>(PROBLEM_TAGS);

export function occurrencesOf(faults: readonly FaultRecord[]): Occurrence[] {
  return faults.flatMap((f) => {
    const episodes = f.episodes ?? [{ start: f.injectedAt, end: f.fixedAt }];
    return episodes.map((e) => ({ classId: f.classId, userId: f.userId, tag: f.tag, shape: f.shape ?? 'sudden', start: e.start, end: e.end }));
  });
}

/** Problem tags as spans of time, from the sequence of ClassTags each class published. */
export function spansOf(published: readonly PublishedTags[]): TagSpan[] {
  const byClass = new Map<string, PublishedTags[]>();
  for (const p of published) {
    let list = byClass.get(p.classId);
    if (!list) byClass.set(p.classId, (list = []));
    list.push(p);
  }
  const spans: TagSpan[] = [];
  for (const [classId, list] of byClass) {
    list.sort((a, b) => a.ts - b.ts);
    const open = new Map<string, TagSpan>();
    for (const message of list) {
      const now = new Set<string>();
      for (const entry of message.tags) {
        if (!PROBLEMS.has(entry.tag)) continue;
        const key = `${entry.userId ?? ''}|${entry.tag}`;
        now.add(key);
        if (!open.has(key)) {
          const span = { classId, userId: entry.userId ?? '', tag: entry.tag, from: message.ts, to: null };
          open.set(key, span);
          spans.push(span);
        }
      }
      for (const [key, span] of open) {
        if (now.has(key)) continue;
        span.to = message.ts;
        open.delete(key);
      }
    }
  }
  return spans;
}

function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const tenths = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);
const same = (o: Occurrence, s: TagSpan) => o.classId === s.classId && o.userId === s.userId && o.tag === s.tag;

/** Whether a tag span appeared while the occurrence was present (or just before it began). */
export function appearedDuring(span: TagSpan, o: Occurrence): boolean {
  return same(o, span) && span.from >= o.start - EARLY_MS && span.from <= (o.end ?? Number.POSITIVE_INFINITY);
}

export function noisyScore({ faults, published, from, until, liveClasses }: NoisyScoreInput): NoisyScore {
  const occurrences = occurrencesOf(faults).filter((o) => o.start < until);
  const spans = spansOf(published.filter((p) => p.ts <= until));
  const matched = spans.filter((s) => occurrences.some((o) => appearedDuring(s, o)));
  const appearedAfterEnd = spans.filter(
    (s) => !matched.includes(s) && occurrences.some((o) => same(o, s) && o.end !== null && s.from > o.end && s.from <= o.end + CLEAR_GRACE_MS),
  ).length;

  const detectable = occurrences.filter((o) => (o.end ?? until) - o.start >= DETECTABLE_MS && o.start + DETECTABLE_MS <= until && o.start >= from);
  const detectS: number[] = [];
  const clearS: number[] = [];
  const byTag: NoisyScore['byTag'] = {};
  for (const o of detectable) {
    const row = (byTag[o.tag] ??= { episodes: 0, detected: 0, worstDetectS: null });
    row.episodes++;
    const mine = matched.filter((s) => appearedDuring(s, o)).sort((a, b) => a.from - b.from);
    if (mine.length === 0) continue;
    row.detected++;
    const detect = Math.max(0, mine[0]!.from - o.start) / 1000;
    detectS.push(detect);
    row.worstDetectS = Math.max(row.worstDetectS ?? 0, tenths(detect)!);
    if (o.end !== null && o.end + 30_000 <= until) {
      // The tag that held when the episode ended (or the last one before): when it went.
      const last = mine.filter((s) => s.from <= o.end!).at(-1)!;
      const clearedAt = last.to ?? until;
      clearS.push(Math.max(0, clearedAt - o.end) / 1000);
    }
  }

  let falseMs = 0;
  const falseByTag: Record<string, number> = {};
  for (const span of spans) {
    const start = Math.max(span.from, from);
    const end = Math.min(span.to ?? until, until);
    if (end <= start) continue;
    const covers = occurrences.filter((o) => same(o, span)).map((o) => [o.start, (o.end ?? until) + CLEAR_GRACE_MS] as const);
    const outside = uncovered(start, end, covers);
    falseMs += outside;
    if (!matched.includes(span)) falseByTag[span.tag] = (falseByTag[span.tag] ?? 0) + 1;
  }

  let flaps = 0;
  const byKey = new Map<string, TagSpan[]>();
  for (const span of spans) {
    const key = `${span.classId}|${span.userId}|${span.tag}`;
    byKey.set(key, [...(byKey.get(key) ?? []), span]);
  }
  for (const list of byKey.values()) {
    list.sort((a, b) => a.from - b.from);
    for (let i = 1; i < list.length; i++) if (list[i - 1]!.to !== null && list[i]!.from - list[i - 1]!.to! <= FLAP_MS) flaps++;
  }

  const classHours = (liveClasses * Math.max(0, until - from)) / 3_600_000;
  return {
    noisyPrecision: ratio(matched.length, spans.length),
    noisyRecall: ratio(detectS.length, detectable.length),
    detectP95S: tenths(percentile(detectS, 95)),
    detectMedianS: tenths(percentile(detectS, 50)),
    clearP95S: tenths(percentile(clearS, 95)),
    clearMedianS: tenths(percentile(clearS, 50)),
    falseTagMinPerClassHour: classHours > 0 ? Math.round((falseMs / 60_000 / classHours) * 100) / 100 : null,
    faultEpisodes: occurrences.length,
    detectableEpisodes: detectable.length,
    detectedEpisodes: detectS.length,
    tagEpisodes: spans.length,
    matchedTagEpisodes: matched.length,
    appearedAfterEnd,
    tagFlaps: flaps,
    byTag,
    falseByTag,
  };
}

/** How much of [start, end) lies outside every interval of `covers`. */
function uncovered(start: number, end: number, covers: readonly (readonly [number, number])[]): number {
  const inside = [...covers].map(([a, b]) => [Math.max(a, start), Math.min(b, end)] as const).filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let covered = 0;
  let reach = start;
  for (const [a, b] of inside) {
    if (b <= reach) continue;
    covered += b - Math.max(a, reach);
    reach = b;
  }
  return end - start - covered;
}
