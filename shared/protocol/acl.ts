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

const participant: AclRule[] = [
  ...everyone,
  { action: 'subscribe', path: 'directory/classes/{class}', why: 'summaries of classes in scope' },
  { action: 'subscribe', path: 'class/{class}/presence/+', why: 'who is in the class' },
  { action: 'publish', path: 'class/{class}/presence/{sub}', why: 'own presence and last will' },
];

/** The ACL table of protocol v1; docs/protocol.md prints it. Anything not listed is denied. */
export const ACL: Record<Role, AclRule[]> = {
  student: participant,
  teacher: [
    ...participant,
    { action: 'publish', path: 'class/{class}/control/{sub}', why: 'start and end own classes' },
  ],
  supervisor: [
    ...everyone,
    { action: 'subscribe', path: 'directory/classes/+', why: 'every class' },
    { action: 'subscribe', path: 'class/+/presence/+', why: 'presence in every class; supervisors publish none' },
  ],
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
