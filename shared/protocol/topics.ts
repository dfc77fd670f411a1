import { isId } from './ids';

/**
 * The topic tree of protocol v1. Every topic is `<root>/v1/<path>`; the paths below are the only ones that exist.
 * Topics are built and parsed here and nowhere else.
 */
export const PROTOCOL_VERSION = 1;
export const DEFAULT_ROOT = 'classroom';

export const TOPIC_PATTERNS = {
  /** Retained summary of one class, published by the directory service. */
  classSummary: 'directory/classes/{classId}',
  /** Class summaries as they change, in order and not retained: what a console holding the whole list follows. */
  directoryChanges: 'directory/changes',
  /** Retained presence of one participant; the broker publishes the last will when the connection dies. */
  presence: 'class/{classId}/presence/{userId}',
  /** A teacher's class control (start, end), from that teacher. */
  classControl: 'class/{classId}/control/{userId}',
  /** A request to a backend service, from the user in the last segment. */
  serviceRequest: 'svc/{service}/req/{userId}',
  /** Responses to one session's requests. */
  reply: 'user/{userId}/reply/{sessionId}',
  /** Round-trip probe a session sends to itself. */
  ping: 'user/{userId}/ping/{sessionId}',
  /** Something a service tells one user (a chat message rejected, a command refused). */
  notice: 'user/{userId}/notice',

  /** Committed whiteboard records from one user, with that user's sequence number. */
  boardOps: 'class/{classId}/board/ops/{userId}',
  /** A stroke while it is being drawn; superseded by the committed record. */
  boardLive: 'class/{classId}/board/live/{userId}',
  /** The laser pointer: ephemeral, never stored. */
  laser: 'class/{classId}/board/laser/{userId}',
  /** Retained, compacted state of one page, kept by the board service for late joiners and resync. */
  boardSnapshot: 'class/{classId}/board/snapshot/{pageId}',
  /** Retained courseware and page list with the current page, set by the teacher. */
  course: 'class/{classId}/course',
  /** Retained classroom state set by the teacher: drawing rights, chat mutes, stars, timers. */
  room: 'class/{classId}/room',
  /** A chat message after moderation, published by the moderation service. */
  chat: 'class/{classId}/chat/messages',
  /** Retained recent chat, kept by the moderation service for late joiners. */
  chatHistory: 'class/{classId}/chat/history',
  /** A command to one participant (mute, remove, resync, and the supervisors' remedies). */
  command: 'class/{classId}/command/{userId}',
  /** A participant's answer to a command. */
  commandAck: 'class/{classId}/ack/{userId}',
  /** Retained raised hand of one participant. */
  hand: 'class/{classId}/hand/{userId}',
  /** Retained: which page and board version a participant holds, for the roster's sync column. */
  boardSync: 'class/{classId}/sync/{userId}',
  /** Client telemetry for the tag system. */
  telemetry: 'class/{classId}/telemetry/{userId}',
  /** A help request from one participant's help button, with diagnostics. */
  help: 'class/{classId}/help/{userId}',
  /** A supervisor's private message to one participant. */
  whisper: 'class/{classId}/whisper/{userId}',
  /** Retained media configuration of a class (P2P or SFU, the network lines), set by the backend. */
  classConfig: 'class/{classId}/config',
  /** Peer-to-peer media signalling from `fromUserId` to `toUserId`. */
  rtc: 'class/{classId}/rtc/{toUserId}/{fromUserId}',
  /** Retained media state of one participant: mic, camera, screen share and whether the link is up. */
  mediaState: 'class/{classId}/media/{userId}',
  /** Retained: whether the class is being recorded, set by the recorder service. */
  recording: 'class/{classId}/recording',
  /** Retained state of one poll or quiz (questions, open or closed, shown results), set by the poll service. */
  poll: 'class/{classId}/polls/{pollId}',
  /** Retained live tally of one poll, for the class's teachers and supervisors only, set by the poll service. */
  pollTally: 'class/{classId}/polls/{pollId}/tally',
  /** Retained: what the poll service recorded for one student, and their quiz result; only that student reads it. */
  pollReceipt: 'class/{classId}/polls/{pollId}/receipt/{userId}',
  /** Retained breakout groups of a class (who is in which group, the timer, the teacher's broadcast), set by the breakouts service. */
  breakouts: 'class/{classId}/breakouts',

  /** Retained tags the tagger holds for one class. */
  classTags: 'supervise/tags/{classId}',
  /** Retained one-line health of one class, for the class wall. */
  classHealth: 'supervise/health/{classId}',
  /** Retained state of one help request, kept by the dispatcher. */
  helpState: 'supervise/help/{requestId}',
  /** Retained headline figures for supervisors. */
  supervisorMetrics: 'supervise/metrics',

  /** Retained releases, rings, halts and the health gate's halts, published by the release service. */
  releaseState: 'releases/state',
  /** Retained installs per version and ring, now and over time, published by the release service. */
  releaseAdoption: 'releases/adoption',
  /** Retained health per released version and ring, as the health gate judges it. */
  releaseHealth: 'releases/health',
} as const;

export type TopicKind = keyof typeof TOPIC_PATTERNS;
type ParamNames<P extends string> = P extends `${string}{${infer N}}${infer Rest}` ? N | ParamNames<Rest> : never;
export type TopicParams<K extends TopicKind> = { [N in ParamNames<(typeof TOPIC_PATTERNS)[K]>]: string };

export interface ParsedTopic<K extends TopicKind = TopicKind> {
  kind: K;
  params: TopicParams<K>;
}

export class TopicError extends Error {}

const SEGMENTS: Record<TopicKind, string[]> = Object.fromEntries(
  Object.entries(TOPIC_PATTERNS).map(([kind, pattern]) => [kind, pattern.split('/')]),
) as Record<TopicKind, string[]>;

function isParam(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

/** Each kind's topic shape, grouped by its number of levels in SEGMENTS' order, so a topic is read against few. */
interface TopicShape {
  kind: TopicKind;
  literals: [number, string][];
  params: [number, string][];
}
const SHAPES_BY_LENGTH = new Map<number, TopicShape[]>();
for (const [kind, segments] of Object.entries(SEGMENTS) as [TopicKind, string[]][]) {
  const shape: TopicShape = { kind, literals: [], params: [] };
  segments.forEach((segment, i) => (isParam(segment) ? shape.params.push([i, segment.slice(1, -1)]) : shape.literals.push([i, segment])));
  const shapes = SHAPES_BY_LENGTH.get(segments.length) ?? [];
  shapes.push(shape);
  SHAPES_BY_LENGTH.set(segments.length, shapes);
}

export function prefix(root = DEFAULT_ROOT): string {
  return `${root}/v${PROTOCOL_VERSION}`;
}

/** Builds a concrete topic. Every parameter must be an id, so no caller can smuggle in wildcards or levels. */
export function topic<K extends TopicKind>(kind: K, params: TopicParams<K>, root = DEFAULT_ROOT): string {
  const values = params as Record<string, string>;
  const path = SEGMENTS[kind].map((segment) => {
    if (!isParam(segment)) return segment;
    const value = values[segment.slice(1, -1)];
    if (!isId(value)) throw new TopicError(`${kind}: ${segment} must be an id, got ${JSON.stringify(value)}`);
    return value;
  });
  return `${prefix(root)}/${path.join('/')}`;
}

/**
 * Builds a subscription filter: parameters given as ids are fixed, parameters left out become `+`.
 */
export function filter<K extends TopicKind>(kind: K, params: Partial<TopicParams<K>> = {}, root = DEFAULT_ROOT): string {
  const values = params as Record<string, string | undefined>;
  const path = SEGMENTS[kind].map((segment) => {
    if (!isParam(segment)) return segment;
    const value = values[segment.slice(1, -1)];
    if (value === undefined) return '+';
    if (!isId(value)) throw new TopicError(`${kind}: ${segment} must be an id, got ${JSON.stringify(value)}`);
    return value;
  });
  return `${prefix(root)}/${path.join('/')}`;
}

/** Parses a concrete topic. Anything outside the v1 tree, or with a parameter that is not an id, is `null`. */
export function parseTopic(name: string, root = DEFAULT_ROOT): ParsedTopic | null {
  const head = `${prefix(root)}/`;
  if (!name.startsWith(head)) return null;
  const parts = name.slice(head.length).split('/');
  for (const shape of SHAPES_BY_LENGTH.get(parts.length) ?? []) {
    if (!shape.literals.every(([i, text]) => parts[i] === text)) continue;
    if (!shape.params.every(([i]) => isId(parts[i]))) continue;
    const params: Record<string, string> = {};
    for (const [i, param] of shape.params) params[param] = parts[i]!;
    return { kind: shape.kind, params } as ParsedTopic;
  }
  return null;
}

/** True when `topicName` is matched by the MQTT subscription `filterText`. */
export function matchesFilter(filterText: string, topicName: string): boolean {
  const f = filterText.split('/');
  const t = topicName.split('/');
  if (topicName.startsWith('$') && !filterText.startsWith('$')) return false;
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length) return false;
    if (f[i] !== '+' && f[i] !== t[i]) return false;
  }
  return f.length === t.length;
}

/**
 * True when every topic the `requested` filter can match is also matched by `allowed`. This is how a subscription
 * with wildcards is checked against an ACL entry: `+` in a request is only covered by `+` or `#` in the entry.
 */
export function filterCovers(allowed: string, requested: string): boolean {
  const a = allowed.split('/');
  const r = requested.split('/');
  for (let i = 0; i < a.length; i++) {
    if (a[i] === '#') return true;
    if (i >= r.length) return false;
    if (r[i] === '#') return false;
    if (a[i] === '+') continue;
    if (r[i] === '+' || a[i] !== r[i]) return false;
  }
  return a.length === r.length;
}
