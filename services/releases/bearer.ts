import type { IncomingMessage } from 'node:http';
import type { Role } from '../../shared/auth/claims';
import type { Verified } from '../auth/tokens';
import { ReleaseError } from './errors';

export interface Bearer {
  id: string;
  role: Role;
}

/** The bearer token's user, when its role is one of `roles`; refusals as the other bearer routes answer them. */
export async function requireBearer(req: IncomingMessage, verify: (token: string) => Promise<Verified>, roles: readonly Role[], what: string): Promise<Bearer> {
  const match = /^Bearer ([^\s]+)$/i.exec(req.headers.authorization ?? '');
  if (!match) throw new ReleaseError(401, 'unauthenticated', 'send Authorization: Bearer <token>');
  const verified = await verify(match[1]!);
  if (!verified.ok) throw new ReleaseError(401, verified.failure, verified.message);
  if (!roles.includes(verified.claims.role)) throw new ReleaseError(403, 'forbidden', `only ${roles.join(' and ')} ${what}`);
  return { id: verified.claims.sub, role: verified.claims.role };
}
