import { clientIdAllowed } from '../../shared/auth/client-id';
import type { Claims } from '../../shared/auth/claims';
import type { Verified } from './tokens';

/** Why a connection is refused, as the CONNACK return code of MQTT 3.1.1 that says so. */
export const CONNACK = { identifierRejected: 2, badUsernameOrPassword: 4, notAuthorized: 5 } as const;
export type ConnackRefusal = (typeof CONNACK)[keyof typeof CONNACK];

export type Admission = { ok: true; claims: Claims; expiresAt: number } | { ok: false; code: ConnackRefusal; why: string };

/**
 * Who may open a broker connection: the token in the password must verify, the username must be its subject, and
 * the client id must be one of that identity's own (shared/auth/client-id.ts). The embedded broker applies it at
 * CONNECT, and `POST /api/broker/authenticate` answers it for an external broker (EMQX's HTTP authenticator).
 */
export async function admit(
  verify: (token: string) => Promise<Verified>,
  connection: { username: string | undefined; password: string; clientId: string },
): Promise<Admission> {
  const verified = await verify(connection.password).catch(() => null);
  if (!verified || !verified.ok) {
    return { ok: false, code: CONNACK.badUsernameOrPassword, why: verified ? verified.message : 'token could not be verified' };
  }
  const { claims, expiresAt } = verified;
  if (connection.username !== claims.sub) {
    return { ok: false, code: CONNACK.notAuthorized, why: `username ${JSON.stringify(connection.username ?? '')} is not the token's subject` };
  }
  const owner = clientIdAllowed(claims, connection.clientId);
  if (!owner.allowed) return { ok: false, code: CONNACK.identifierRejected, why: `client id refused: ${owner.why}` };
  return { ok: true, claims, expiresAt };
}
