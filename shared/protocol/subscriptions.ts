import type { Role } from '../auth/claims';
import { homeClassOf } from './breakouts';
import { filter, topic } from './topics';

type PersonRole = Exclude<Role, 'service'>;

/** What decides a console's subscriptions: who it is, and what it has open. */
export interface SubscriptionState {
  userId: string;
  /** Null when signed in to a remote broker with a password: the role is unknown and the broker's ACL decides. */
  role: PersonRole | null;
  /** Class scope; null when unknown. */
  classes: '*' | string[] | null;
  /** This console's segment of its reply and ping topics (its install id; the topics call it `sessionId`). */
  consoleId: string;
  /** The open class, and the page its course shows (whose retained snapshot it reads). */
  joined: { classId: string; shownPageId: string | null } | null;
  /** Supervisors: the class whose detail is open, whose telemetry and tags they read. */
  watchedClass: string | null;
  root: string;
}

/**
 * Every filter a console subscribes to, per role: the subscription plan. Supervisors see every class: they read the
 * list from the directory's `list` pages and follow `directoryChanges`, instead of one retained summary per class
 * (the broker delivers retained messages one at a time, and 1,000 of them took seconds to arrive). It lives beside the ACL
 * (shared/protocol/acl.ts) and a test checks that the ACL allows every filter it asks for, for every role.
 */
export function consoleFilters(state: SubscriptionState): string[] {
  const { userId, role, classes, consoleId, root } = state;
  const directory =
    role === 'supervisor'
      ? [topic('directoryChanges', {}, root)]
      : Array.isArray(classes)
        ? classes.map((classId) => topic('classSummary', { classId }, root))
        : [filter('classSummary', {}, root)];
  const filters = [
    ...directory,
    topic('reply', { userId, sessionId: consoleId }, root),
    topic('ping', { userId, sessionId: consoleId }, root),
    topic('notice', { userId }, root),
    ...perClassFilters(state),
    ...(role === 'supervisor' ? [topic('supervisorMetrics', {}, root)] : []),
    ...(role === 'admin' || role === 'supervisor' ? releaseFilters(root) : []),
    ...(role === 'supervisor' && state.watchedClass ? watchFilters(state.watchedClass, root) : []),
    ...(state.joined ? classFilters(state, state.joined.classId) : []),
  ];
  // A supervisor observing the class whose detail is open reads its presence for both: once is enough.
  return [...new Set(filters)];
}

/**
 * The filters that bring one retained message per class at once (a supervisor's class health and help states). A
 * console subscribes them after its class list's first page has come: the broker sends a subscription's retained
 * messages before anything later on the connection, and 1,000 classes' health held the list's page back by a second.
 */
export function perClassFilters(state: Pick<SubscriptionState, 'role' | 'root'>): string[] {
  return state.role === 'supervisor' ? supervisionWildcards(state.root) : [];
}

/** Every class's health and every help request's state. */
function supervisionWildcards(root: string): string[] {
  return [filter('classHealth', {}, root), filter('helpState', {}, root)];
}

/**
 * The filters of one retained message per class (a supervisor's health and help states, and the summaries a console
 * reads one by one when it cannot read the directory's pages). A console subscribes them at QoS 0: delivered at QoS 1,
 * every one of them waits in the session's queue of messages in flight, which brokers bound (Mosquitto's
 * `max_queued_messages` and EMQX's `max_mqueue_len`, 1,000 by default) even while the console is connected, so a
 * supervisor of more classes than that got an incomplete wall. The states are retained and the console subscribes them
 * again on every connection, so one missed while it was away comes back as the newest state (docs/decisions.md).
 */
export function perClassWildcards(root: string): string[] {
  return [...supervisionWildcards(root), filter('classSummary', {}, root)];
}

/** A SUBSCRIBE's filters, each with the QoS the console asks for: 0 for the per-class wildcards above, else 1. */
export function subscriptionRequest(filters: readonly string[], root: string): Record<string, { qos: 0 | 1 }> {
  const atZero = new Set(perClassWildcards(root));
  return Object.fromEntries(filters.map((f) => [f, { qos: atZero.has(f) ? 0 : 1 }]));
}

/** What a console subscribes as it connects: every filter but the per-class ones, which follow the class list. */
export function connectFilters(state: SubscriptionState): string[] {
  const later = new Set(perClassFilters(state));
  return consoleFilters(state).filter((f) => !later.has(f));
}

/** The open class's topics this role may read: supervisors get no commands, teachers and supervisors get the acks. */
export function classFilters(state: Pick<SubscriptionState, 'userId' | 'role' | 'joined' | 'root'>, classId: string): string[] {
  const { userId, role, root } = state;
  const shownPageId = state.joined?.classId === classId ? state.joined.shownPageId : null;
  const filters = [
    filter('presence', { classId }, root),
    filter('boardOps', { classId }, root),
    filter('boardLive', { classId }, root),
    filter('laser', { classId }, root),
    ...(shownPageId ? [topic('boardSnapshot', { classId, pageId: shownPageId }, root)] : []),
    filter('course', { classId }, root),
    filter('room', { classId }, root),
    filter('chat', { classId }, root),
    filter('chatHistory', { classId }, root),
    filter('hand', { classId }, root),
    filter('boardSync', { classId }, root),
    topic('classConfig', { classId }, root),
    filter('mediaState', { classId }, root),
    topic('recording', { classId }, root),
    filter('poll', { classId }, root),
    // In a breakout group, the class's groups are still followed: they say when everyone is brought back.
    topic('breakouts', { classId: homeClassOf(classId) }, root),
    filter('rtc', { classId, toUserId: userId }, root),
  ];
  if (role !== 'supervisor') filters.push(topic('command', { classId, userId }, root));
  if (role === 'teacher' || role === 'student') filters.push(topic('whisper', { classId, userId }, root));
  if (role === 'teacher' || role === 'supervisor') filters.push(filter('commandAck', { classId }, root));
  if (role === 'teacher' || role === 'supervisor') filters.push(filter('pollTally', { classId }, root));
  if (role === 'student') filters.push(filter('pollReceipt', { classId, userId }, root));
  return filters;
}

/** A supervisor's open class detail: its live telemetry, its tags and who is in it (presence, for their names). */
export function watchFilters(classId: string, root: string): string[] {
  return [filter('telemetry', { classId }, root), topic('classTags', { classId }, root), filter('presence', { classId }, root)];
}

/** The Releases screen's state: what admins act on and supervisors read. */
export function releaseFilters(root: string): string[] {
  return [topic('releaseState', {}, root), topic('releaseAdoption', {}, root), topic('releaseHealth', {}, root)];
}
