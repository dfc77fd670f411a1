import { ROLES, type Role } from '../../shared/auth/claims';
import { ACL, type AclRule } from '../../shared/protocol/acl';
import { isId } from '../../shared/protocol/ids';
import { DEFAULT_ROOT, prefix } from '../../shared/protocol/topics';

export interface MosquittoUser {
  username: string;
  role: Role;
  classes: readonly string[] | '*';
}

const ACCESS = { subscribe: 'read', publish: 'write' } as const;

function sameRule(a: AclRule, b: AclRule): boolean {
  return a.action === b.action && a.path === b.path;
}

/** A rule every role has (or covers with `#`), with no class scope: the same for everyone, so a `pattern` line. */
function isUniversal(rule: AclRule): boolean {
  if (rule.path.includes('{class}')) return false;
  return ROLES.every((role) => ACL[role].some((r) => sameRule(r, rule) || (r.action === rule.action && r.path === '#')));
}

function expand(path: string, user: MosquittoUser): string[] {
  const withSub = path.split('{sub}').join(user.username);
  if (!withSub.includes('{class}')) return [withSub];
  const classes = user.classes === '*' ? ['+'] : user.classes;
  return classes.map((classId) => withSub.split('{class}').join(classId));
}

/**
 * A Mosquitto `acl_file` equivalent to the ACL table of shared/protocol/acl.ts for the given users. Rules that are
 * the same for every role become `pattern` lines with `%u` for `{sub}`; the rest are expanded per user, `{class}`
 * once per class in the user's scope (`+` for `*`). Mosquitto's `read` covers subscribing and receiving, `write`
 * covers publishing; `#` never matches `$SYS`, so no role reaches it. What Mosquitto cannot express: retain is not
 * limited to retained kinds, and message size is limited globally (`max_packet_size`).
 */
export function mosquittoAcl(users: readonly MosquittoUser[], root = DEFAULT_ROOT): string {
  const head = prefix(root);
  const universal = ROLES.flatMap((role) => ACL[role]).filter(isUniversal);
  const patterns = universal.filter((rule, i) => universal.findIndex((r) => sameRule(r, rule)) === i);
  const lines = [
    `# Generated from shared/protocol/acl.ts by services/broker/mosquitto-acl.ts; do not edit by hand.`,
    `# Rules shared by every role. %u is the username, which the password file ties to the user id.`,
    ...patterns.map((rule) => `pattern ${ACCESS[rule.action]} ${head}/${rule.path.split('{sub}').join('%u')}`),
  ];
  for (const user of users) {
    if (!isId(user.username)) throw new Error(`not a user id: ${JSON.stringify(user.username)}`);
    for (const classId of user.classes === '*' ? [] : user.classes) {
      if (!isId(classId)) throw new Error(`not a class id for ${user.username}: ${JSON.stringify(classId)}`);
    }
    lines.push('', `# ${user.role}${user.classes === '*' ? ', every class' : `, classes ${user.classes.join(' ')}`}`, `user ${user.username}`);
    for (const rule of ACL[user.role]) {
      if (patterns.some((p) => sameRule(p, rule))) continue;
      for (const path of expand(rule.path, user)) lines.push(`topic ${ACCESS[rule.action]} ${head}/${path}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
