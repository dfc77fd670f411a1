import { z } from 'zod';
import { Id } from '../protocol/ids';

export const ROLES = ['teacher', 'student', 'supervisor', 'admin', 'service'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/**
 * Roles a person can sign in with; `service` is reserved for the backend's own processes. `admin` is IT: it manages
 * releases (services/releases/) and has no class in scope.
 */
export const PERSON_ROLES = ['teacher', 'student', 'supervisor', 'admin'] as const satisfies readonly Role[];

/** The roles that can appear in a class (presence, chat, help): every person role but `admin`. */
export const CLASS_ROLES = ['teacher', 'student', 'supervisor'] as const satisfies readonly Role[];

export const TOKEN_ISSUER = 'classroom-console';
export const TOKEN_AUDIENCE = 'classroom';

/**
 * What a token says about its bearer. `classes` is the class scope: explicit ids for teachers and students (none for
 * admins), `*` for supervisors and services, who see every class.
 */
export const Claims = z.object({
  sub: Id,
  name: z.string().min(1).max(80),
  role: Role,
  classes: z.union([z.literal('*'), z.array(Id).max(500)]),
});
export type Claims = z.infer<typeof Claims>;

export function inScope(claims: Pick<Claims, 'classes'>, classId: string): boolean {
  return claims.classes === '*' || claims.classes.includes(classId);
}

/** A teacher with the class in scope: who may run it (its board, polls, breakout groups, courseware, report). */
export function teaches(claims: Pick<Claims, 'role' | 'classes'> | undefined, classId: string): boolean {
  return claims?.role === 'teacher' && inScope(claims, classId);
}

/** Why a sign-in or a token was refused, so the connect screen can say which. */
export const AUTH_FAILURES = {
  'unknown-user': 'No such user.',
  'wrong-password': 'Wrong password.',
  'token-malformed': 'That is not a valid token.',
  'token-expired': 'The token has expired. Sign in again.',
  'token-bad-signature': 'The token was signed with a key this backend does not trust.',
  'token-claims': 'The token does not carry a user, a role and a class scope.',
  'broker-refused': 'The broker refused these credentials.',
  'not-authorized': 'The broker says this user is not authorised.',
  'client-id-refused': "The broker refused this app's connection id: it belongs to another user or a service.",
  'backend-unreachable': 'The classroom backend cannot be reached.',
} as const;
export type AuthFailure = keyof typeof AUTH_FAILURES;
export const AuthFailureCode = z.enum(Object.keys(AUTH_FAILURES) as [AuthFailure, ...AuthFailure[]]);
