import { describe, expect, it } from 'vitest';
import { looksLikeJwt, readToken } from './token';

function jwt(payload: unknown): string {
  const part = (value: unknown) => {
    const binary = String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value)));
    return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
  };
  return `${part({ alg: 'ES256', typ: 'JWT' })}.${part(payload)}.c2lnbmF0dXJl`;
}

describe('reading a token', () => {
  it('gives the claims and the expiry in ms of a JWT from the backend', () => {
    const facts = readToken(jwt({ sub: 'teacher1', name: 'Teacher 李', role: 'teacher', classes: ['class-0001'], exp: 1_900_000_000 }));
    expect(facts.claims).toEqual({ sub: 'teacher1', name: 'Teacher 李', role: 'teacher', classes: ['class-0001'] });
    expect(facts.expiresAt).toBe(1_900_000_000_000);
  });

  it('gives no claims for a JWT without a role or class scope', () => {
    const facts = readToken(jwt({ sub: 'teacher1', exp: 1 }));
    expect(facts.claims).toBeNull();
    expect(facts.expiresAt).toBe(1_000);
  });

  it('gives nulls for anything that is not a JWT, without throwing', () => {
    for (const text of ['', 'password', 'a.b.c', 'a.%%%.c', jwt('just a string'), `${jwt({ sub: 'x' })}.extra`]) {
      expect(readToken(text)).toEqual({ claims: null, expiresAt: null });
    }
    expect(looksLikeJwt('password')).toBe(false);
    expect(looksLikeJwt(jwt({ sub: 'x' }))).toBe(true);
  });
});
