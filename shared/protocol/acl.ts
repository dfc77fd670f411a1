import { inScope, type Claims, type Role } from '../auth/claims';
import { isId } from './ids';
import { KINDS } from './kinds';
import { DEFAULT_ROOT, parseTopic, prefix } from './topics';

export type Action = 'publish' | 'subscribe';

/**
 * One ACL entry, as a path below `<root>/v1/`. Placeholders: `{sub}` is the token's user id, `{class}` any class in
 * the token's scope; `+` and `#` are the MQTT wildcards.
 */
export interface AclRule {
  action: Action;
  path: string;
  why: string;
}

const everyone: AclRule[] = [
  { action: 'subscribe', path: 'user/{sub}/#', why: 'replies and probes addressed to this user' },
  { action: 'publish', path: 'user/{sub}/ping/+', why: 'round-trip probe to itself' },
  { action: 'publish', path: 'svc/+/req/{sub}', why: 'requests to services, signed by the topic' },
];

/** What every participant of a class may read: the class, but not other participants' commands or telemetry. */
const classReader = (scope: '{class}' | '+'): AclRule[] => [
  { action: 'subscribe', path: `class/${scope}/presence/+`, why: 'who is in the class' },
  { action: 'subscribe', path: `class/${scope}/board/#`, why: 'whiteboard ops, live strokes, laser and snapshots' },
  { action: 'subscribe', path: `class/${scope}/course`, why: 'courseware pages and the current page' },
  { action: 'subscribe', path: `class/${scope}/room`, why: 'drawing rights, mutes, stars and timers' },
  { action: 'subscribe', path: `class/${scope}/chat/+`, why: 'moderated chat and its recent history' },
  { action: 'subscribe', path: `class/${scope}/hand/+`, why: 'raised hands' },
  { action: 'subscribe', path: `class/${scope}/sync/+`, why: 'which page and board revision each participant holds' },
  { action: 'subscribe', path: `class/${scope}/config`, why: 'how media flows in the class and its network lines' },
  { action: 'subscribe', path: `class/${scope}/media/+`, why: "participants' mic, camera and link state" },
  { action: 'subscribe', path: `class/${scope}/recording`, why: 'whether the class is being recorded' },
  { action: 'subscribe', path: `class/${scope}/polls/+`, why: 'polls and quizzes: questions, state and the results shown to the class' },
  { action: 'subscribe', path: `class/${scope}/breakouts`, why: "breakout groups: who is in which group, the timer and the teacher's broadcast" },
];

/** Peer-to-peer media: signalling is addressed to one user and signed by the sender's id in the topic. */
const signalling = (scope: '{class}' | '+'): AclRule[] => [
  { action: 'publish', path: `class/${scope}/rtc/+/{sub}`, why: 'own media signalling to another participant' },
  { action: 'subscribe', path: `class/${scope}/rtc/{sub}/+`, why: 'media signalling addressed to this user' },
];

const participant: AclRule[] = [
  ...everyone,
  { action: 'subscribe', path: 'directory/classes/{class}', why: 'summaries of classes in scope' },
  ...classReader('{class}'),
  { action: 'subscribe', path: 'class/{class}/command/{sub}', why: 'commands addressed to this participant' },
  { action: 'publish', path: 'class/{class}/presence/{sub}', why: 'own presence and last will' },
  { action: 'publish', path: 'class/{class}/board/ops/{sub}', why: 'own committed drawing (the broker also checks drawing rights)' },
  { action: 'publish', path: 'class/{class}/board/live/{sub}', why: 'own stroke in progress (drawing rights checked)' },
  { action: 'publish', path: 'class/{class}/board/laser/{sub}', why: 'own laser pointer (drawing rights checked)' },
  { action: 'publish', path: 'class/{class}/hand/{sub}', why: 'own raised hand' },
  { action: 'publish', path: 'class/{class}/sync/{sub}', why: 'own page and board revision' },
  { action: 'publish', path: 'class/{class}/ack/{sub}', why: 'answers to commands' },
  { action: 'publish', path: 'class/{class}/telemetry/{sub}', why: 'own telemetry' },
  { action: 'publish', path: 'class/{class}/help/{sub}', why: 'own help request' },
  { action: 'publish', path: 'class/{class}/media/{sub}', why: 'own mic, camera and link state' },
  { action: 'subscribe', path: 'class/{class}/whisper/{sub}', why: "a supervisor's private messages to this user" },
  { action: 'subscribe', path: 'class/{class}/polls/+/receipt/{sub}', why: 'own recorded answers and quiz results' },
  ...signalling('{class}'),
];

/** Teachers and supervisors steer a class: its courseware, its room state and commands to its participants. */
const steering = (scope: '{class}' | '+'): AclRule[] => [
  { action: 'publish', path: `class/${scope}/course`, why: 'set courseware and turn pages' },
  { action: 'publish', path: `class/${scope}/room`, why: 'grant drawing, mute chat, award stars, timers' },
  { action: 'publish', path: `class/${scope}/command/+`, why: 'commands to participants' },
  { action: 'subscribe', path: `class/${scope}/ack/+`, why: 'answers to commands' },
  { action: 'subscribe', path: `class/${scope}/polls/+/tally`, why: "polls' live tallies (named only when the poll is not anonymous)" },
];

/** Release state, adoption and health, published by the release service alone; changed by admins over HTTP. */
const releaseReader: AclRule = { action: 'subscribe', path: 'releases/+', why: 'release state, adoption and health (the Releases screen)' };

/** The ACL table of protocol v1; docs/protocol.md prints it. Anything not listed is denied. */
export const ACL: Record<Role, AclRule[]> = {
  student: participant,
  teacher: [
    ...participant,
    { action: 'publish', path: 'class/{class}/control/{sub}', why: 'start and end own classes' },
    ...steering('{class}'),
  ],
  supervisor: [
    ...everyone,
    { action: 'subscribe', path: 'directory/classes/+', why: 'every class' },
    { action: 'subscribe', path: 'directory/changes', why: 'every class as it changes, after the whole list from the directory' },
    ...classReader('+'),
    { action: 'subscribe', path: 'class/+/telemetry/+', why: 'telemetry of every class' },
    { action: 'publish', path: 'class/+/board/ops/{sub}', why: 'draw after taking over (receivers check the grant)' },
    ...steering('+'),
    { action: 'subscribe', path: 'supervise/#', why: 'tags, class health, help requests and metrics' },
    { action: 'publish', path: 'class/+/whisper/+', why: 'whisper to one participant' },
    ...signalling('+'),
    releaseReader,
  ],
  // IT: releases are changed over HTTP (docs/protocol.md, "HTTP API"); no class, no supervision topics.
  admin: [...everyone, releaseReader],
  service: [
    { action: 'subscribe', path: '#', why: 'backend services see the whole tree' },
    { action: 'publish', path: '#', why: 'backend services publish on behalf of the system' },
  ],
};

export type AclDecision = { allowed: true } | { allowed: false; why: string };

/**
 * Decides whether the bearer of `claims` may publish to a topic or subscribe to a filter. Only the `<root>/v1/`
 * tree is reachable; `$SYS` and every other root are denied to all roles.
 */
export function authorize(claims: Claims, action: Action, topicOrFilter: string, root = DEFAULT_ROOT): AclDecision {
  const head = `${prefix(root)}/`;
  if (!topicOrFilter.startsWith(head)) return { allowed: false, why: `outside ${head}` };
  const parts = topicOrFilter.slice(head.length).split('/');
  if (action === 'publish' && parts.some((p) => p === '+' || p === '#')) {
    return { allowed: false, why: 'wildcards in a published topic' };
  }
  for (const rule of ACL[claims.role]) {
    if (rule.action === action && matchRule(rule.path.split('/'), parts, claims, action)) return { allowed: true };
  }
  return { allowed: false, why: `no ${action} rule for role ${claims.role}` };
}

/** A published message may only be retained where its kind is retained, so nobody can plant stale state. */
export function retainAllowed(topicName: string, root = DEFAULT_ROOT): boolean {
  const parsed = parseTopic(topicName, root);
  return parsed !== null && KINDS[parsed.kind].retain;
}

function matchRule(rule: string[], parts: string[], claims: Claims, action: Action): boolean {
  for (let i = 0; i < rule.length; i++) {
    const want = rule[i]!;
    if (want === '#') return true;
    const got = parts[i];
    if (got === undefined) return false;
    if (got === '#') return false;
    if (want === '+') {
      if (action === 'publish' && !isId(got)) return false;
      continue;
    }
    if (want === '{sub}') {
      if (got !== claims.sub) return false;
    } else if (want === '{class}') {
      if (got === '+') {
        if (claims.classes !== '*') return false;
      } else if (!isId(got) || !inScope(claims, got)) {
        return false;
      }
    } else if (got !== want) {
      return false;
    }
  }
  return rule.length === parts.length;
}
