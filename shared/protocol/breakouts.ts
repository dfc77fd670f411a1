import { z } from 'zod';
import type { Claims } from '../auth/claims';
import { Id } from './ids';

const v1 = z.literal(1);
const timestamp = z.number().int().nonnegative();

export const MAX_GROUPS = 20;
export const MAX_GROUP_MINUTES = 180;
export const MAX_BROADCAST = 300;
/** The longest class id that can have breakout groups: the group id adds `~`, `r`, the round and `g<n>`. */
export const MAX_GROUPED_CLASS_ID = 56;

/** How the teacher formed the groups: by hand, at random, students choose, or the last round's groups again. */
export const BREAKOUT_MODES = ['manual', 'random', 'choose', 'last'] as const;
export type BreakoutMode = (typeof BREAKOUT_MODES)[number];

export const BreakoutMember = z.object({ id: Id, name: z.string().min(1).max(80) });
export type BreakoutMember = z.infer<typeof BreakoutMember>;

export const BreakoutGroup = z.object({
  /** The group's key within its class (`r2g3`: round 2, group 3). */
  key: z.string().regex(/^[a-z0-9]{1,7}$/),
  name: z.string().min(1).max(40),
  /** The class id the group's board, chat and media live under: `<classId>~<key>`. */
  classId: Id,
  /** Its students. Teachers of the class may visit any group; supervisors observe any. */
  members: z.array(BreakoutMember).max(500),
});
export type BreakoutGroup = z.infer<typeof BreakoutGroup>;

/**
 * Retained state of a class's breakout groups, published by the breakouts service alone (`class/{classId}/breakouts`).
 * The broker reads group membership from it: while a round runs, a student may use only their own group's topics.
 */
export const BreakoutState = z.object({
  v: v1,
  classId: Id,
  /** Counts the class's rounds from 1; each round has new groups (and boards). */
  round: z.number().int().positive().max(46_655),
  /** `running` until the teacher brings everyone back or the time runs out; the groups of an ended round stay. */
  state: z.enum(['running', 'ended']),
  mode: z.enum(BREAKOUT_MODES),
  groups: z.array(BreakoutGroup).min(1).max(MAX_GROUPS),
  startedAt: timestamp,
  /** When the round ends by itself; the teacher can move it while it runs. */
  endsAt: timestamp,
  endedAt: timestamp.nullable(),
  /** The teacher's last message to every group (plain text), with when it was sent. */
  broadcast: z.object({ text: z.string().min(1).max(MAX_BROADCAST), at: timestamp }).nullable(),
  updatedAt: timestamp,
});
export type BreakoutState = z.infer<typeof BreakoutState>;

const GROUP_ID = /^([A-Za-z0-9_-]{1,56})~([a-z0-9]{1,7})$/;

/** The class a group belongs to, or null for an id that is not a group's. */
export function parentOf(classId: string): string | null {
  return GROUP_ID.exec(classId)?.[1] ?? null;
}

/** The class whose breakout state a console in `classId` follows: the class itself, or a group's class. */
export function homeClassOf(classId: string): string {
  return parentOf(classId) ?? classId;
}

export function groupKey(round: number, index: number): string {
  return `r${round.toString(36)}g${index + 1}`;
}

export function groupClassId(classId: string, key: string): string {
  return `${classId}~${key}`;
}

/** The group a student is in while the round runs, if any. */
export function groupOfStudent(state: BreakoutState | undefined, userId: string): BreakoutGroup | null {
  if (state?.state !== 'running') return null;
  return state.groups.find((g) => g.members.some((m) => m.id === userId)) ?? null;
}

/** The breakout state the broker and the services hold, by class id. */
export type BreakoutLookup = (classId: string) => BreakoutState | undefined;

/**
 * The class scope a bearer has with breakout groups: teachers add every group of their classes (running or ended,
 * so they can visit and look back), students add their own group while its round runs, and nothing else changes.
 * Supervisors and services already see every class. The ACL (shared/protocol/acl.ts) decides with these claims.
 */
export function withGroups(claims: Claims, lookup: BreakoutLookup): Claims {
  if (claims.classes === '*' || (claims.role !== 'teacher' && claims.role !== 'student')) return claims;
  const added: string[] = [];
  for (const classId of claims.classes) {
    const state = lookup(classId);
    if (!state || state.classId !== classId) continue;
    if (claims.role === 'teacher') added.push(...state.groups.map((g) => g.classId));
    else {
      const group = groupOfStudent(state, claims.sub);
      if (group) added.push(group.classId);
    }
  }
  return added.length === 0 ? claims : { ...claims, classes: [...claims.classes, ...added] };
}

/** True when a student is placed in a group of `classId`'s running round (and so works there, not in the class). */
export function inBreakout(claims: Claims, classId: string, lookup: BreakoutLookup): boolean {
  return claims.role === 'student' && groupOfStudent(lookup(classId), claims.sub) !== null;
}

/**
 * Whether a message about `classId` is for a console that has `openClassId` open: the class's own traffic, and, in
 * a breakout group, its class's breakout state too (it says when everyone is brought back).
 */
export function forOpenClass(kind: string, classId: string | undefined, openClassId: string): boolean {
  return classId === openClassId || (kind === 'breakouts' && classId === homeClassOf(openClassId));
}
