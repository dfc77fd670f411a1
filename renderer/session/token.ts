import { Claims } from '../../shared/auth/claims';

export interface TokenFacts {
  /** The claims, when the token is a JWT that carries a user, a role and a class scope. */
  claims: Claims | null;
  /** Expiry in epoch ms, from the JWT's `exp`. */
  expiresAt: number | null;
}

function base64UrlDecode(part: string): string {
  const base64 = part.replaceAll('-', '+').replaceAll('_', '/');
  const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/**
 * Reads what a JWT says about its bearer without verifying it: the broker verifies every token, this only tells
 * the console whom it signed in as. Anything that is not a readable JWT gives nulls.
 */
export function readToken(token: string): TokenFacts {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || !parts[1]) return { claims: null, expiresAt: null };
  try {
    const payload = JSON.parse(base64UrlDecode(parts[1])) as Record<string, unknown>;
    const claims = Claims.safeParse(payload);
    const exp = payload.exp;
    return {
      claims: claims.success ? claims.data : null,
      expiresAt: typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null,
    };
  } catch {
    return { claims: null, expiresAt: null };
  }
}

export function looksLikeJwt(text: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(text.trim());
}
