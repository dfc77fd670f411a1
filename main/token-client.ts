import { z } from 'zod';
import { AUTH_FAILURES, AuthFailureCode } from '../shared/auth/claims';
import { IssuedToken, type Credentials, type TokenResult } from '../shared/ipc/contract';

const FailureBody = z.object({ failure: AuthFailureCode, message: z.string().max(500).optional() });

const unreachable = (detail: string): TokenResult => ({
  ok: false,
  failure: 'backend-unreachable',
  message: `${AUTH_FAILURES['backend-unreachable']} ${detail}`.slice(0, 500),
});

/**
 * Issues and refreshes tokens through the embedded backend's HTTP API (`/api/login`, `/api/refresh`). Never throws:
 * every outcome is a TokenResult the connect screen can explain.
 */
export class TokenClient {
  constructor(
    private readonly backendUrl: () => string | undefined,
    private readonly timeoutMs = 5_000,
  ) {}

  issue(credentials: Credentials): Promise<TokenResult> {
    return this.post('/api/login', credentials);
  }

  refresh(token: string): Promise<TokenResult> {
    return this.post('/api/refresh', { token });
  }

  private async post(path: string, body: unknown): Promise<TokenResult> {
    const base = this.backendUrl();
    if (base === undefined) return unreachable('The local backend is not running yet.');
    let response: Response;
    try {
      response = await fetch(new URL(path, base), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      return unreachable(`(${(error as Error).message})`);
    }

    const json: unknown = await response.json().catch(() => undefined);
    if (response.ok) {
      const token = IssuedToken.safeParse(json);
      return token.success ? { ok: true, token: token.data } : unreachable('It answered with something that is not a token.');
    }
    const failure = FailureBody.safeParse(json);
    if (failure.success) {
      return { ok: false, failure: failure.data.failure, message: (failure.data.message ?? AUTH_FAILURES[failure.data.failure]).slice(0, 500) };
    }
    return unreachable(`It answered HTTP ${response.status}.`);
  }
}
