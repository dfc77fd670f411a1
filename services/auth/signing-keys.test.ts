import { SignJWT, decodeJwt, decodeProtectedHeader, importJWK, type JSONWebKeySet, type JWK } from 'jose';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../../shared/auth/claims';
import { launchBackend, type BackendInternals, type BackendOptions, type RunningBackend } from '../backend';
import { Clients } from '../testing/clients';

const clients = new Clients();
const running: RunningBackend[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await clients.closeAll();
  await Promise.all(running.splice(0).map((b) => b.close()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function persistDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'classroom-keys-'));
  dirs.push(dir);
  return dir;
}

async function launch(options: BackendOptions = {}): Promise<{ backend: RunningBackend; internals: BackendInternals }> {
  const launched = await launchBackend({ classes: 0, ...options });
  running.push(launched.backend);
  return launched;
}

async function studentToken(backend: RunningBackend): Promise<string> {
  const result = await backend.issueToken('student1', 'demo');
  if (!result.ok) throw new Error(result.message);
  return result.token.token;
}

function postToken(backend: RunningBackend, path: '/api/verify' | '/api/refresh', token: string): Promise<Response> {
  return fetch(`${backend.httpUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
}

async function jwksKids(backend: RunningBackend): Promise<(string | undefined)[]> {
  const set = (await (await fetch(`${backend.httpUrl}/api/jwks`)).json()) as JSONWebKeySet;
  return set.keys.map((key) => key.kid);
}

const kidOf = (token: string) => decodeProtectedHeader(token).kid;
const keyFile = (dir: string, kid: string | undefined) => join(dir, 'keys', `${kid}.json`);
const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));

describe('a token issued before a restart of the whole backend', () => {
  it('still connects (TCP and WebSocket), verifies and refreshes after it, with persistDir', async () => {
    const dir = await persistDir();
    const first = await launch({ persistDir: dir });
    const token = await studentToken(first.backend);
    await first.backend.close();

    const { backend } = await launch({ persistDir: dir });
    expect((await clients.connect(backend.mqttUrl, { username: 'student1', password: token })).connected).toBe(true);
    expect((await clients.connect(backend.wsUrl, { username: 'student1', password: token })).connected).toBe(true);
    const verified = await postToken(backend, '/api/verify', token);
    expect(verified.status).toBe(200);
    expect(await verified.json()).toMatchObject({ ok: true, claims: { sub: 'student1' } });
    const refreshed = await postToken(backend, '/api/refresh', token);
    expect(refreshed.status).toBe(200);
    expect(kidOf(((await refreshed.json()) as { token: string }).token)).toBe(kidOf(token));
  });

  it('is refused (CONNACK 4) without persistDir: each process signs with a new key', async () => {
    const first = await launch();
    const token = await studentToken(first.backend);
    await first.backend.close();

    const { backend } = await launch();
    expect(await clients.refusal(backend.mqttUrl, { username: 'student1', password: token })).toBe(4);
    expect(await (await postToken(backend, '/api/verify', token)).json()).toMatchObject({ failure: 'token-bad-signature' });
  });
});

/** A token for student1 signed with the key in `file`, valid for an hour: only that key's retirement can refuse it. */
async function signedWithKeyFile(file: string): Promise<string> {
  const { kid, privateKey } = JSON.parse(await readFile(file, 'utf8')) as { kid: string; privateKey: JWK };
  return new SignJWT({ name: 'Student One', role: 'student', classes: ['class-0001'] })
    .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
    .setSubject('student1')
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(await importJWK(privateKey, 'ES256'));
}

describe('rotating the signing key', () => {
  const TTL_SECONDS = 3;

  it('trusts the previous key until its last token has expired, across a restart, and not after', async () => {
    const dir = await persistDir();
    const options = { persistDir: dir, tokenTtlSeconds: TTL_SECONDS };
    const first = await launch(options);
    // `exp` is in whole seconds: issued just after a second begins, the token lives almost the full TTL.
    await sleepUntil(Math.ceil(Date.now() / 1000) * 1000 + 20);
    const oldToken = await studentToken(first.backend);
    const oldKid = kidOf(oldToken);
    const newKid = await first.internals.tokens.rotateSigningKey();
    const retiredBy = Date.now();
    const newToken = await studentToken(first.backend);
    expect(newKid).not.toBe(oldKid);
    expect(kidOf(newToken)).toBe(newKid);
    expect(await jwksKids(first.backend)).toEqual([newKid, oldKid]);
    const outliving = await signedWithKeyFile(keyFile(dir, oldKid));
    await first.backend.close();

    const { backend } = await launch(options);
    expect(await jwksKids(backend)).toEqual([newKid, oldKid]);
    expect((await clients.connect(backend.mqttUrl, { username: 'student1', password: oldToken })).connected).toBe(true);
    expect((await clients.connect(backend.wsUrl, { username: 'student1', password: newToken })).connected).toBe(true);
    expect((await postToken(backend, '/api/verify', outliving)).status).toBe(200);

    await sleepUntil((decodeJwt(oldToken).exp ?? 0) * 1000 + 50);
    expect(await clients.refusal(backend.mqttUrl, { username: 'student1', password: oldToken })).toBe(4);

    await sleepUntil(retiredBy + TTL_SECONDS * 1000 + 50);
    expect(await jwksKids(backend)).toEqual([newKid]);
    expect(await (await postToken(backend, '/api/verify', outliving)).json()).toMatchObject({ failure: 'token-bad-signature' });
    await expect.poll(() => readdir(join(dir, 'keys'))).toEqual([`${newKid}.json`]);
    const later = await studentToken(backend);
    expect(kidOf(later)).toBe(newKid);
    expect((await clients.connect(backend.mqttUrl, { username: 'student1', password: later })).connected).toBe(true);
  });

  it('with --rotate-signing-key (rotateSigningKey) at start, signs with a new key and keeps the previous one', async () => {
    const dir = await persistDir();
    const first = await launch({ persistDir: dir });
    const token = await studentToken(first.backend);
    await first.backend.close();

    const { backend, internals } = await launch({ persistDir: dir, rotateSigningKey: true });
    expect(internals.tokens.signingKid).not.toBe(kidOf(token));
    expect(await jwksKids(backend)).toEqual([internals.tokens.signingKid, kidOf(token)]);
    expect((await clients.connect(backend.mqttUrl, { username: 'student1', password: token })).connected).toBe(true);
    expect(kidOf(await studentToken(backend))).toBe(internals.tokens.signingKid);
  });
});

describe('the key files', () => {
  it.skipIf(process.platform === 'win32')('are readable and writable by their owner only', async () => {
    const dir = await persistDir();
    const { internals } = await launch({ persistDir: dir });
    await internals.tokens.rotateSigningKey();
    const names = await readdir(join(dir, 'keys'));
    expect(names).toHaveLength(2);
    for (const name of names) expect((await stat(join(dir, 'keys', name))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'keys'))).mode & 0o777).toBe(0o700);
  });

  async function keyFileOfAnotherBackend(): Promise<{ kid: string; text: string }> {
    const dir = await persistDir();
    const { backend, internals } = await launch({ persistDir: dir });
    const kid = internals.tokens.signingKid;
    await backend.close();
    return { kid, text: await readFile(keyFile(dir, kid), 'utf8') };
  }

  it.each([
    ['cut short', async (text: string) => text.slice(0, 60)],
    ['holding a private key that does not match its public key', async (text: string) => {
      const other = JSON.parse((await keyFileOfAnotherBackend()).text) as { privateKey: JWK };
      const file = JSON.parse(text) as { privateKey: JWK };
      return JSON.stringify({ ...file, privateKey: { ...file.privateKey, d: other.privateKey.d } });
    }],
    ['holding another key than its name says', async () => (await keyFileOfAnotherBackend()).text],
  ])('make the backend refuse to start, naming the file, when one is %s', async (_name, damage) => {
    const dir = await persistDir();
    const first = await launch({ persistDir: dir });
    const file = keyFile(dir, first.internals.tokens.signingKid);
    await first.backend.close();
    await writeFile(file, await damage(await readFile(file, 'utf8')));

    await expect(launchBackend({ classes: 0, persistDir: dir })).rejects.toThrow(`The signing key file ${file} cannot be used`);
  });

  it('finish an interrupted rotation: the newest key signs, the older one stays trusted', async () => {
    const dir = await persistDir();
    const first = await launch({ persistDir: dir });
    const olderKid = first.internals.tokens.signingKid;
    await first.backend.close();
    const newer = await keyFileOfAnotherBackend();
    await writeFile(keyFile(dir, newer.kid), newer.text, { mode: 0o600 });

    const { backend, internals } = await launch({ persistDir: dir });
    expect(internals.tokens.signingKid).toBe(newer.kid);
    expect(await jwksKids(backend)).toEqual([newer.kid, olderKid]);
    const older = JSON.parse(await readFile(keyFile(dir, olderKid), 'utf8')) as { retiredAt: string | null };
    expect(older.retiredAt).not.toBeNull();
  });
});
