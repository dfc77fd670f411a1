import type { Claims } from '../../shared/auth/claims';
import { RpcRefusal } from '../host/refusal';

/**
 * The claims a user currently holds, or undefined for a user the backend does not know. A request's sender is the
 * last segment of its topic (the ACL pins it to the token's subject), so this is all a service needs to check scope.
 */
export type ClaimsLookup = (userId: string) => Claims | undefined;

/** The requester's claims, refusing when the backend does not know them or the class is outside their scope. */
export function requesterIn(lookup: ClaimsLookup, userId: string, classId: string): Claims {
  const claims = lookup(userId);
  if (!claims) throw new RpcRefusal('unknown-user', `${userId} has no session with this backend`);
  if (claims.classes !== '*' && !claims.classes.includes(classId)) {
    throw new RpcRefusal('forbidden', `${classId} is not in ${userId}'s scope`);
  }
  return claims;
}
