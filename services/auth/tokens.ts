import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, type JSONWebKeySet } from 'jose';
import { AUTH_FAILURES, Claims, TOKEN_AUDIENCE, TOKEN_ISSUER, type AuthFailure } from '../../shared/auth/claims';
import { serviceUserId } from '../../shared/auth/client-id';
import type { IssuedToken, TokenResult } from '../../shared/ipc/contract';
import { KeyFiles, SIGNING_ALGORITHM as ALGORITHM } from './key-files';
import { SigningKeyRing, type SigningKeys } from './signing-keys';
import { claimsOf, type UserStore } from './users';

export type { SigningKeys };

export type TokenFailure = Extract<AuthFailure, `token-${string}`>;

export type Verified = { ok: true; claims: Claims; expiresAt: number } | { ok: false; failure: TokenFailure; message: string };

export interface TokenServiceOptions {
  ttlSeconds: number;
  /**
   * Keep the signing keys in this folder (`<persistDir>/keys`) and sign with the same key after a restart. Without
   * it, each process signs with a fresh key and its tokens are refused once it ends.
   */
  keyDir?: string;
  /** Rotate once at start (services/auth/signing-keys.ts): a new key signs, the previous one verifies until its tokens expire. */
  rotateSigningKey?: boolean;
  /** An existing ES256 key pair (extractable), kept in memory; only without `keyDir`. */
  keys?: SigningKeys;
  /** Failures to remove a retired key's file. */
  onError?(error: unknown): void;
}

function failed<F extends AuthFailure>(failure: F, message: string = AUTH_FAILURES[failure]) {
  return { ok: false as const, failure, message };
}

/** Maps jose's error codes to the reasons the connect screen shows. */
function failureOf(error: unknown): { failure: TokenFailure; message: string } {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return failed('token-expired');
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return failed('token-bad-signature');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return failed('token-claims', `${AUTH_FAILURES['token-claims']} (${(error as Error).message})`);
    default:
      return failed('token-malformed');
  }
}

/**
 * Signs and verifies the backend's JWTs with ES256 keys: per process, or kept under `keyDir` across restarts. A
 * token carries the claims of shared/auth/claims.ts, and every verification re-checks them with the `Claims` schema.
 */
export class TokenService {
  private constructor(
    private readonly keys: SigningKeyRing,
    private readonly users: UserStore,
    private readonly options: TokenServiceOptions,
  ) {}

  /** Throws `KeyFileError` (services/auth/key-files.ts), naming the file, when a key under `keyDir` cannot be used. */
  static async create(users: UserStore, options: TokenServiceOptions): Promise<TokenService> {
    const keys = await SigningKeyRing.open({
      ttlSeconds: options.ttlSeconds,
      files: options.keyDir === undefined ? undefined : new KeyFiles(options.keyDir),
      keys: options.keys,
      onError: options.onError ?? (() => {}),
    });
    if (options.rotateSigningKey) await keys.rotate();
    return new TokenService(keys, users, options);
  }

  /** The trusted public keys, the signing key first, for `/api/jwks`. */
  jwks(): JSONWebKeySet {
    return this.keys.jwks();
  }

  /** The kid of the key that signs new tokens. */
  get signingKid(): string {
    return this.keys.currentKid;
  }

  /** A new key signs from now on; the previous one verifies until the last token it signed has expired. Returns the new kid. */
  rotateSigningKey(): Promise<string> {
    return this.keys.rotate();
  }

  /** Stops the key retirement timer and waits for key files being written. */
  close(): Promise<void> {
    return this.keys.close();
  }

  /** Signs any claims; `ttlSeconds` may be negative to mint an already expired token in tests. */
  async sign(claims: Claims, ttlSeconds = this.options.ttlSeconds): Promise<IssuedToken> {
    const checked = Claims.parse(claims);
    // The time is taken before the key: should the key retire meanwhile, this token still expires within its trust.
    const nowSeconds = Math.floor(Date.now() / 1000);
    const exp = nowSeconds + ttlSeconds;
    const key = await this.keys.signingKey(ttlSeconds);
    const token = await new SignJWT({ name: checked.name, role: checked.role, classes: checked.classes })
      .setProtectedHeader({ alg: ALGORITHM, kid: key.kid, typ: 'JWT' })
      .setSubject(checked.sub)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(nowSeconds)
      .setExpirationTime(exp)
      .setJti(randomUUID())
      .sign(key.privateKey);
    return { token, expiresAt: exp * 1000, role: checked.role };
  }

  async issue(username: string, password: string): Promise<TokenResult> {
    const check = await this.users.check(username, password);
    if (!check.ok) return failed(check.failure);
    return { ok: true, token: await this.sign(claimsOf(check.account)) };
  }

  /**
   * Exchanges a valid token for a fresh one. The claims come from the user store again, so a changed scope takes
   * effect and a token for someone who is not a person in the store (a service) cannot be renewed here.
   */
  async refresh(token: string): Promise<TokenResult> {
    const verified = await this.verify(token);
    if (!verified.ok) return verified;
    const account = this.users.find(verified.claims.sub);
    if (!account) return failed('token-claims', 'This token cannot be refreshed here: its user is not an account of this backend.');
    return { ok: true, token: await this.sign(claimsOf(account)) };
  }

  async verify(token: string): Promise<Verified> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.keys.verificationKey, {
        algorithms: [ALGORITHM],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      return { ok: false, ...failureOf(error) };
    }
    const claims = Claims.safeParse(payload);
    if (!claims.success) {
      const issue = claims.error.issues[0];
      const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
      return failed('token-claims', `${AUTH_FAILURES['token-claims']} (${where})`);
    }
    return { ok: true, claims: claims.data, expiresAt: (payload as { exp: number }).exp * 1000 };
  }

  /**
   * A token for the backend service `name` (user id `svc-<name>`). The broker admits it only with the client id
   * `svc-<name>` or `svc-<name>-<instance>`, so no other service or person can take over that service's session.
   */
  serviceToken(name: string): Promise<IssuedToken> {
    return this.sign({ sub: serviceUserId(name), name: `Classroom service ${name}`, role: 'service', classes: '*' });
  }
}
