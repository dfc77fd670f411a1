import type { ChatMessage, Course, Hand } from '../../shared/protocol';
import type { PollState } from '../../shared/protocol/polls';
import type { RecordedEntry, RecordedKind, RecordingBreak } from '../../shared/protocol/recording';

/** A class message of the recording, with its time on the timeline (ms from the recording's start). */
export interface TimedMessage {
  at: number;
  kind: RecordedKind;
  params: Record<string, string>;
  message: unknown;
  /** Written as the class's retained state when recording started or resumed, not as it happened. */
  state: boolean;
}

/** A page turn, a raised hand, a chat line, a poll launched, a poll closed. */
export type MarkerKind = 'page' | 'hand' | 'chat' | 'poll' | 'pollClosed';

export interface Marker {
  at: number;
  kind: MarkerKind;
  /** Plain text for the marker's tooltip (a chat line, a page title); never HTML. */
  label: string;
}

/** Markers of one kind close together on the timeline, shown as one: the first of them, how many, and the last's time. */
export interface MarkerGroup extends Marker {
  count: number;
  until: number;
}

/** A timeline holds about this many marker places per kind: closer markers of a kind are grouped. */
const MARKER_SLOTS = 60;

/**
 * Groups each kind's markers that fall within 1/60 of the recording of the first of a group: an hour's class has
 * hundreds of chat lines, whose dots covered the timeline and were as many stops for the keyboard.
 */
export function groupMarkers(markers: readonly Marker[], durationMs: number, slots = MARKER_SLOTS): MarkerGroup[] {
  const reach = Math.max(1, durationMs) / slots;
  const open = new Map<MarkerKind, MarkerGroup>();
  const groups: MarkerGroup[] = [];
  for (const marker of [...markers].sort((a, b) => a.at - b.at)) {
    const group = open.get(marker.kind);
    if (group && marker.at - group.at < reach) {
      group.count++;
      group.until = marker.at;
      continue;
    }
    const next = { ...marker, count: 1, until: marker.at };
    open.set(marker.kind, next);
    groups.push(next);
  }
  return groups;
}

/** Where the recorder was away (restarted) or the teacher had paused the recording. */
export interface Gap {
  from: number;
  to: number;
  kind: 'recorder-away' | 'paused';
}

export interface Timeline {
  /** The recording's zero, in ms since the epoch. */
  startedAt: number;
  durationMs: number;
  messages: TimedMessage[];
  markers: Marker[];
  gaps: Gap[];
  /** Where the file stops being readable, as a time on the timeline; null when it is whole. */
  breaksAt: { at: number; detail: RecordingBreak } | null;
}

/**
 * The recording as a timeline: its class messages with times from its start, markers for page turns, raised hands,
 * chat, polls launched and closed, and gaps where the recorder was away or the recording paused.
 */
export function buildTimeline(entries: readonly RecordedEntry[], broken: RecordingBreak | null): Timeline {
  const startedAt = entries[0]?.t ?? 0;
  const messages: TimedMessage[] = [];
  const markers: Marker[] = [];
  const gaps: Gap[] = [];
  let currentPage: string | null = null;
  /** Each poll's state as the recording last showed it, to mark its launch and its close once each. */
  const polls = new Map<string, PollState['state']>();
  let pausedAt: number | null = null;
  for (const entry of entries) {
    const at = Math.max(0, entry.t - startedAt);
    switch (entry.k) {
      case '$start':
        if (pausedAt !== null) gaps.push({ from: pausedAt, to: at, kind: 'paused' });
        pausedAt = null;
        break;
      case '$stop':
        pausedAt = at;
        break;
      case '$resume':
        gaps.push({ from: Math.max(0, entry.from - startedAt), to: at, kind: 'recorder-away' });
        break;
      default: {
        const state = entry.state === true;
        messages.push({ at, kind: entry.k, params: entry.p, message: entry.m, state });
        const marker = entry.k === 'poll' ? pollMarker(entry.m as PollState, state, polls) : markerOf(entry.k, entry.m, state, currentPage);
        if (entry.k === 'course') currentPage = (entry.m as Course).current;
        if (marker) markers.push({ at, ...marker });
      }
    }
  }
  const last = entries.at(-1);
  const durationMs = last ? Math.max(0, last.t - startedAt) : 0;
  return { startedAt, durationMs, messages, markers, gaps, breaksAt: broken ? { at: durationMs, detail: broken } : null };
}

function markerOf(kind: RecordedKind, message: unknown, state: boolean, currentPage: string | null): Omit<Marker, 'at'> | null {
  switch (kind) {
    case 'course': {
      const course = message as Course;
      if (course.current === currentPage) return null;
      const index = course.pages.findIndex((p) => p.id === course.current);
      const title = course.pages[index]?.title;
      return { kind: 'page', label: `${index + 1}${title ? ` ${title}` : ''}` };
    }
    case 'hand':
      return !state && (message as Hand).raised ? { kind: 'hand', label: '' } : null;
    case 'chat': {
      const chat = message as ChatMessage;
      return { kind: 'chat', label: `${chat.from.name}: ${chat.text}` };
    }
    default:
      return null;
  }
}

/**
 * A poll's launch (the first time it is seen open as it happens) and its close (the first time it is seen closed);
 * a poll already running when recording started is marked only when it closes.
 */
function pollMarker(poll: PollState, state: boolean, polls: Map<string, PollState['state']>): Omit<Marker, 'at'> | null {
  const before = polls.get(poll.id);
  polls.set(poll.id, poll.state);
  if (before === poll.state) return null;
  if (poll.state === 'open') return state ? null : { kind: 'poll', label: poll.title };
  return before === undefined && state ? null : { kind: 'pollClosed', label: poll.title };
}

/** The number of messages at or before `at` (binary search: messages are in time order). */
export function messagesUpTo(timeline: Timeline, at: number): number {
  const { messages } = timeline;
  let low = 0;
  let high = messages.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (messages[mid]!.at <= at) low = mid + 1;
    else high = mid;
  }
  return low;
}
