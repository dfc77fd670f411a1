import { SignJWT, decodeJwt, decodeProtectedHeader, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../../shared/auth/claims';
import { TokenService, type SigningKeys } from './tokens';
import { DEMO_ACCOUNTS, UserStore } from './users';

let keys: SigningKeys;
let users: UserStore;
let tokens: TokenService;

beforeAll(async () => {
  keys = await generateKeyPair('ES256', { extractable: true });
  users = await UserStore.create(DEMO_ACCOUNTS);
  tokens = await TokenService.create(users, { ttlSeconds: 900, keys });
});

/** A token signed with this backend's own key, carrying whatever payload the test wants. */
function signedByUs(payload: Record<string, unknown>, options: { issuer?: string; audience?: string; kid?: string | null } = {}) {
  const now = Math.floor(Date.now() / 1000);
  const kid = options.kid === undefined ? tokens.signingKid : options.kid;
  return new SignJWT(payload)
    .setProtectedHeader(kid === null ? { alg: 'ES256' } : { alg: 'ES256', kid })
    .setIssuer(options.issuer ?? TOKEN_ISSUER)
    .setAudience(options.audience ?? TOKEN_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + 60)
    .sign(keys.privateKey);
}

describe('signing in', () => {
  it('issues a token that carries the user, the role and the classes in scope', async () => {
    const result = await tokens.issue('teacher1', 'demo');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.token.role).toBe('teacher');
    const claims = decodeJwt(result.token.token);
    expect(claims).toMatchObject({ sub: 'teacher1', role: 'teacher', classes: ['class-0001'], iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE });
    expect(result.token.expiresAt).toBe((claims.exp ?? 0) * 1000);
    expect(result.token.expiresAt).toBeGreaterThan(Date.now());
  });

  it('says "wrong-password" for a known user with the wrong password', async () => {
    expect(await tokens.issue('student1', 'not-demo')).toMatchObject({ ok: false, failure: 'wrong-password' });
  });

  it('says "unknown-user" for a user that does not exist', async () => {
    expect(await tokens.issue('nobody', 'demo')).toMatchObject({ ok: false, failure: 'unknown-user' });
  });
});

describe('verifying a token', () => {
  it('accepts its own tokens and returns their claims', async () => {
    const issued = await tokens.issue('supervisor1', 'demo');
    if (!issued.ok) throw new Error('sign-in failed');
    const verified = await tokens.verify(issued.token.token);
    expect(verified).toMatchObject({ ok: true, claims: { sub: 'supervisor1', role: 'supervisor', classes: '*' } });
  });

  it('says "token-expired" for an expired token', async () => {
    const expired = await tokens.sign({ sub: 'student1', name: 'Student One', role: 'student', classes: ['class-0001'] }, -60);
    expect(await tokens.verify(expired.token)).toMatchObject({ ok: false, failure: 'token-expired' });
  });

  it('says "token-bad-signature" for a token signed with another key', async () => {
    const foreign = await TokenService.create(users, { ttlSeconds: 900 });
    const issued = await foreign.issue('student1', 'demo');
    if (!issued.ok) throw new Error('sign-in failed');
    expect(await tokens.verify(issued.token.token)).toMatchObject({ ok: false, failure: 'token-bad-signature' });
  });

  it('says "token-bad-signature" for a token with another algorithm', async () => {
    const secret = new TextEncoder().encode('a shared secret that this backend never uses');
    const hs256 = await new SignJWT({ sub: 'student1', name: 'x', role: 'service', classes: '*' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setExpirationTime('1h')
      .sign(secret);
    expect(await tokens.verify(hs256)).toMatchObject({ ok: false, failure: 'token-bad-signature' });
  });

  it('says "token-bad-signature" for a token that does not name its key (no kid)', async () => {
    const token = await signedByUs({ sub: 'student1', name: 'x', role: 'student', classes: ['class-0001'] }, { kid: null });
    expect(await tokens.verify(token)).toMatchObject({ ok: false, failure: 'token-bad-signature' });
  });

  it.each([
    ['an empty string', ''],
    ['random text', 'not a token at all'],
    ['three dots of garbage', 'a.b.c'],
  ])('says "token-malformed" for %s', async (_name, token) => {
    expect(await tokens.verify(token)).toMatchObject({ ok: false, failure: 'token-malformed' });
  });

  it('says "token-malformed" for a truncated token', async () => {
    const issued = await tokens.issue('student1', 'demo');
    if (!issued.ok) throw new Error('sign-in failed');
    expect(await tokens.verify(issued.token.token.slice(0, 40))).toMatchObject({ ok: false, failure: 'token-malformed' });
  });

  it('says "token-claims" when a correctly signed token lacks a role and a scope', async () => {
    const token = await signedByUs({ sub: 'student1', name: 'Student One' });
    const verified = await tokens.verify(token);
    expect(verified).toMatchObject({ ok: false, failure: 'token-claims' });
  });

  it('says "token-claims" when the subject is not an id', async () => {
    const token = await signedByUs({ sub: 'student1/#', name: 'x', role: 'student', classes: ['class-0001'] });
    expect(await tokens.verify(token)).toMatchObject({ ok: false, failure: 'token-claims' });
  });

  it('says "token-claims" when the token is for another audience', async () => {
    const token = await signedByUs({ sub: 'student1', name: 'x', role: 'student', classes: ['class-0001'] }, { audience: 'elsewhere' });
    expect(await tokens.verify(token)).toMatchObject({ ok: false, failure: 'token-claims' });
  });
});

describe('refreshing a token', () => {
  it('exchanges a valid token for a fresh one with the same claims', async () => {
    const issued = await tokens.issue('student1', 'demo');
    if (!issued.ok) throw new Error('sign-in failed');
    const refreshed = await tokens.refresh(issued.token.token);
    expect(refreshed.ok).toBe(true);
    if (!refreshed.ok) return;
    expect(refreshed.token.token).not.toBe(issued.token.token);
    expect(decodeJwt(refreshed.token.token)).toMatchObject({ sub: 'student1', role: 'student', classes: ['class-0001'] });
  });

  it('refuses an expired token, saying so', async () => {
    const expired = await tokens.sign({ sub: 'student1', name: 'Student One', role: 'student', classes: ['class-0001'] }, -1);
    expect(await tokens.refresh(expired.token)).toMatchObject({ ok: false, failure: 'token-expired' });
  });

  it('does not renew a service token', async () => {
    const service = await tokens.serviceToken('board');
    expect(await tokens.verify(service.token)).toMatchObject({ ok: true, claims: { sub: 'svc-board', role: 'service' } });
    expect(await tokens.refresh(service.token)).toMatchObject({ ok: false, failure: 'token-claims' });
  });
});

describe('the key set', () => {
  it('publishes the public key only, under the kid its tokens carry', async () => {
    const [key] = tokens.jwks().keys;
    expect(key).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig', kid: tokens.signingKid });
    expect(key).not.toHaveProperty('d');
    const issued = await tokens.issue('student1', 'demo');
    if (!issued.ok) throw new Error('sign-in failed');
    expect(decodeProtectedHeader(issued.token.token).kid).toBe(tokens.signingKid);
  });

  it('keeps a rotated key trusted, by kid, while its tokens may live (in memory too)', async () => {
    const rotating = await TokenService.create(users, { ttlSeconds: 900 });
    const before = await rotating.sign({ sub: 'student1', name: 'Student One', role: 'student', classes: ['class-0001'] });
    const oldKid = rotating.signingKid;
    const newKid = await rotating.rotateSigningKey();
    const after = await rotating.sign({ sub: 'student1', name: 'Student One', role: 'student', classes: ['class-0001'] });
    expect(rotating.jwks().keys.map((k) => k.kid)).toEqual([newKid, oldKid]);
    expect(decodeProtectedHeader(after.token).kid).toBe(newKid);
    expect(await rotating.verify(before.token)).toMatchObject({ ok: true });
    expect(await rotating.verify(after.token)).toMatchObject({ ok: true });
    await rotating.close();
  });
});
