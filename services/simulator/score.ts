import type { HelpState } from '../../shared/protocol/supervision';
import { PROBLEM_TAGS, type TagId } from '../../shared/tags/catalogue';
import type { FaultRecord } from './faults';
import type { GroundTruthSnapshot } from './ground-truth';

/** The tagger's windows (docs/protocol.md): 30 s tumbling, closed 10 s after their end. */
const WINDOW_MS = 30_000;
const LATENESS_MS = 10_000;

/** One problem tag as published in a ClassTags message. */
export interface ObservedTag {
  classId: string;
  userId: string | null;
  tag: TagId;
  since: number;
}

export interface ScoreInput {
  truth: GroundTruthSnapshot;
  /** Every problem-tag entry of every ClassTags received (repeats are fine: episodes are counted once). */
  tags: readonly ObservedTag[];
  /** The latest HelpState of each request. */
  helpStates: readonly HelpState[];
  /** When observation stopped. */
  until: number;
}

/**
 * The auto-handling score. Fields (the last line of `npm run sim:score`):
 * - `helpRequests`: help requests the simulated participants sent (including repeats, redeliveries, healthy and invalid);
 * - `autoResolvedRate`: of the first help requests about fixable faults, the share the dispatcher auto-resolved;
 * - `medianAutoResolveS`: median seconds from sending such a request to its auto-resolution;
 * - `falseResolutions`: requests marked resolved (automatically or not) while their fault was still present;
 * - `tagPrecision`: of the problem-tag episodes published, the share that match an injected fault;
 * - `tagRecall`: of the detectable faults, the share matched by at least one published episode.
 * An episode is a distinct (class, user, tag, since). It matches a fault with the same class, user and tag when its
 * `since` lies between 30 s (one window) before the fault started and the moment the fault ended. A fault is
 * detectable when it spanned a whole aligned 30 s window that closed (window end + 10 s) before observation stopped.
 * Rates are null when there is nothing to divide by.
 */
export interface Score {
  helpRequests: number;
  autoResolvedRate: number | null;
  medianAutoResolveS: number | null;
  falseResolutions: number;
  tagPrecision: number | null;
  tagRecall: number | null;
  /** Median seconds from a fault's actual fix (the client recovered) to its request's auto-resolution: detection lag. */
  medianFixToResolveS: number | null;
  faults: number;
  fixableHelpRequests: number;
  autoResolved: number;
  /** Final status of every help request the dispatcher kept, by status. */
  statuses: Record<string, number>;
  tagEpisodes: number;
  matchedEpisodes: number;
  detectableFaults: number;
  detectedFaults: number;
}

const PROBLEMS = new Set<TagId>(PROBLEM_TAGS);

export function episodesOf(tags: readonly ObservedTag[]): ObservedTag[] {
  const episodes = new Map<string, ObservedTag>();
  for (const tag of tags) {
    if (!PROBLEMS.has(tag.tag)) continue;
    episodes.set(`${tag.classId}/${tag.userId ?? ''}/${tag.tag}/${tag.since}`, tag);
  }
  return [...episodes.values()];
}

export function matches(episode: ObservedTag, fault: FaultRecord): boolean {
  return episode.classId === fault.classId && episode.userId === fault.userId && episode.tag === fault.tag
    && episode.since >= fault.injectedAt - WINDOW_MS && episode.since <= (fault.fixedAt ?? Number.POSITIVE_INFINITY);
}

export function detectable(fault: FaultRecord, until: number): boolean {
  const firstWindow = Math.ceil(fault.injectedAt / WINDOW_MS) * WINDOW_MS;
  const end = firstWindow + WINDOW_MS;
  return end <= (fault.fixedAt ?? until) && end + LATENESS_MS <= until;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function tenths(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}

/** Requests marked resolved (automatically or not) while the fault they were sent about was still present. */
export function falselyResolved(truth: GroundTruthSnapshot, helpStates: readonly HelpState[]): { state: HelpState; fault: FaultRecord; sentAt: number }[] {
  const faults = new Map(truth.faults.map((f) => [f.id, f]));
  const sent = new Map(truth.help.filter((h) => h.faultId).map((h) => [h.id, { fault: faults.get(h.faultId!)!, sentAt: h.at }]));
  return helpStates.flatMap((state) => {
    if ((state.status !== 'auto-resolved' && state.status !== 'resolved') || state.resolvedAt === null) return [];
    const request = sent.get(state.id);
    if (!request || (request.fault.fixedAt !== null && request.fault.fixedAt <= state.resolvedAt)) return [];
    return [{ state, ...request }];
  });
}

export function score({ truth, tags, helpStates, until }: ScoreInput): Score {
  const faults = new Map(truth.faults.map((f) => [f.id, f]));
  const states = new Map(helpStates.map((s) => [s.id, s]));

  const fixableFirsts = truth.help.filter((h) => h.kind === 'fault' && h.faultId && faults.get(h.faultId)?.fixable);
  const autoResolved = fixableFirsts.filter((h) => states.get(h.id)?.status === 'auto-resolved');
  const resolveSeconds = autoResolved.map((h) => (states.get(h.id)!.resolvedAt! - h.at) / 1000);
  const afterFixSeconds = autoResolved.flatMap((h) => {
    const fixedAt = faults.get(h.faultId!)!.fixedAt;
    return fixedAt === null ? [] : [(states.get(h.id)!.resolvedAt! - fixedAt) / 1000];
  });

  const falseResolutions = falselyResolved(truth, helpStates).length;

  const episodes = episodesOf(tags);
  const matched = episodes.filter((e) => truth.faults.some((f) => matches(e, f)));
  const detectableFaults = truth.faults.filter((f) => detectable(f, until));
  const detected = detectableFaults.filter((f) => episodes.some((e) => matches(e, f)));

  const statuses: Record<string, number> = {};
  for (const state of helpStates) statuses[state.status] = (statuses[state.status] ?? 0) + 1;

  return {
    helpRequests: truth.help.length,
    autoResolvedRate: ratio(autoResolved.length, fixableFirsts.length),
    medianAutoResolveS: tenths(median(resolveSeconds)),
    falseResolutions,
    tagPrecision: ratio(matched.length, episodes.length),
    tagRecall: ratio(detected.length, detectableFaults.length),
    medianFixToResolveS: tenths(median(afterFixSeconds)),
    faults: truth.faults.length,
    fixableHelpRequests: fixableFirsts.length,
    autoResolved: autoResolved.length,
    statuses,
    tagEpisodes: episodes.length,
    matchedEpisodes: matched.length,
    detectableFaults: detectableFaults.length,
    detectedFaults: detected.length,
  };
}
