import { z } from 'zod';
import { AuthFailureCode, Claims } from '../../shared/auth/claims';
import { IssuedToken, type TokenResult } from '../../shared/ipc/contract';
import type { VerifyResult } from './platform';

const Refusal = z.object({ failure: AuthFailureCode, message: z.string().max(500).optional() });
const Verified = z.object({ ok: z.literal(true), claims: Claims });

const unreachable = (message: string) => ({ ok: false as const, failure: 'backend-unreachable' as const, message });

async function post(base: string, path: string, body: unknown): Promise<Response | string> {
  try {
    return await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    return (error as Error).message || 'network error';
  }
}

async function refusalOf(response: Response): Promise<Extract<TokenResult, { ok: false }>> {
  const parsed = Refusal.safeParse(await response.json().catch(() => null));
  if (parsed.success) return { ok: false, failure: parsed.data.failure, message: parsed.data.message ?? '' };
  return unreachable(`unexpected answer from the backend (HTTP ${response.status})`);
}

/** POST /api/login or /api/refresh: an IssuedToken, or the backend's reason for refusing. */
export async function requestToken(base: string, path: '/api/login' | '/api/refresh', body: unknown): Promise<TokenResult> {
  const response = await post(base, path, body);
  if (typeof response === 'string') return unreachable(response);
  if (!response.ok) return refusalOf(response);
  const token = IssuedToken.safeParse(await response.json().catch(() => null));
  return token.success ? { ok: true, token: token.data } : unreachable('the backend sent a malformed token');
}

/** POST /api/verify: the token's claims, or why the backend does not accept it. */
export async function verifyToken(base: string, token: string): Promise<VerifyResult> {
  const response = await post(base, '/api/verify', { token });
  if (typeof response === 'string') return unreachable(response);
  if (!response.ok) return refusalOf(response);
  const verified = Verified.safeParse(await response.json().catch(() => null));
  return verified.success ? verified.data : unreachable('the backend sent malformed claims');
}
