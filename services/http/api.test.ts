import { decodeJwt } from 'jose';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IssuedToken } from '../../shared/ipc/contract';
import { startBackend, type RunningBackend } from '../backend';
import { CONTENT_SECURITY_POLICY } from './csp';

let backend: RunningBackend;
let staticDir: string;

beforeAll(async () => {
  staticDir = await mkdtemp(join(tmpdir(), 'classroom-static-'));
  await mkdir(join(staticDir, 'assets'));
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Classroom console</title>');
  await writeFile(join(staticDir, 'assets', 'app.js'), 'console.log("app")');
  backend = await startBackend({ classes: 0, staticDir });
});

afterAll(async () => {
  await backend.close();
  await rm(staticDir, { recursive: true, force: true });
});

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${backend.httpUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function login(username: string, password = 'demo'): Promise<IssuedToken> {
  const response = await post('/api/login', { username, password });
  expect(response.status).toBe(200);
  return IssuedToken.parse(await response.json());
}

describe('GET /api/info', () => {
  it('tells a browser where the broker is and which demo accounts exist', async () => {
    const response = await fetch(`${backend.httpUrl}/api/info`);
    expect(response.status).toBe(200);
    const info = (await response.json()) as { demoAccounts: unknown[] };
    expect(info).toMatchObject({ wsUrl: backend.wsUrl, mqttUrl: backend.mqttUrl, classes: 0, root: 'classroom' });
    expect(info.demoAccounts).toEqual(expect.arrayContaining([
      expect.objectContaining({ username: 'teacher1', password: 'demo', role: 'teacher' }),
      expect.objectContaining({ username: 'student1', password: 'demo', role: 'student' }),
      expect.objectContaining({ username: 'supervisor1', password: 'demo', role: 'supervisor' }),
    ]));
  });
});

describe('POST /api/login', () => {
  it('issues a token for the user, with role and class scope', async () => {
    const issued = await login('student1');
    expect(issued.role).toBe('student');
    expect(decodeJwt(issued.token)).toMatchObject({ sub: 'student1', classes: ['class-0001'] });
  });

  it('says which part of the credentials is wrong', async () => {
    const wrong = await post('/api/login', { username: 'student1', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ failure: 'wrong-password', message: expect.any(String) });
    const unknown = await post('/api/login', { username: 'ghost', password: 'demo' });
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ failure: 'unknown-user' });
  });

  it.each([
    ['not JSON', '{"username":'],
    ['a JSON array', '[]'],
    ['a missing password', { username: 'student1' }],
    ['a number for a username', { username: 7, password: 'demo' }],
  ])('answers 400 to %s', async (_name, body) => {
    const response = await post('/api/login', body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'bad-request', message: expect.any(String) });
  });

  it('answers 413 to a body too large to be credentials', async () => {
    const response = await post('/api/login', { username: 'student1', password: 'x'.repeat(20_000) });
    expect(response.status).toBe(413);
  });

  it('refuses a login posted by another web site', async () => {
    const response = await post('/api/login', { username: 'student1', password: 'demo' }, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
  });

  it('accepts a login from its own origin', async () => {
    const response = await post('/api/login', { username: 'student1', password: 'demo' }, { origin: backend.httpUrl });
    expect(response.status).toBe(200);
  });
});

describe('POST /api/refresh and /api/verify', () => {
  it('refreshes a valid token into a new one for the same user', async () => {
    const issued = await login('teacher1');
    const response = await post('/api/refresh', { token: issued.token });
    expect(response.status).toBe(200);
    const refreshed = IssuedToken.parse(await response.json());
    expect(refreshed.token).not.toBe(issued.token);
    expect(decodeJwt(refreshed.token)).toMatchObject({ sub: 'teacher1', role: 'teacher' });
  });

  it('verifies a token and returns its claims', async () => {
    const issued = await login('supervisor1');
    const response = await post('/api/verify', { token: issued.token });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, claims: { sub: 'supervisor1', role: 'supervisor', classes: '*' } });
  });

  it('says why a pasted token is bad: malformed, or signed by another backend', async () => {
    const garbage = await post('/api/verify', { token: 'definitely.not.ajwt' });
    expect(garbage.status).toBe(401);
    expect(await garbage.json()).toMatchObject({ failure: 'token-malformed' });

    const other = await startBackend({ classes: 0 });
    try {
      const foreign = await other.issueToken('student1', 'demo');
      if (!foreign.ok) throw new Error('sign-in failed');
      const verify = await post('/api/verify', { token: foreign.token.token });
      expect(verify.status).toBe(401);
      expect(await verify.json()).toMatchObject({ failure: 'token-bad-signature' });
      const refresh = await post('/api/refresh', { token: foreign.token.token });
      expect(refresh.status).toBe(401);
      expect(await refresh.json()).toMatchObject({ failure: 'token-bad-signature' });
    } finally {
      await other.close();
    }
  });

  it('answers 400 when no token is given', async () => {
    expect((await post('/api/verify', {})).status).toBe(400);
    expect((await post('/api/refresh', { token: '' })).status).toBe(400);
  });
});

describe('POST /api/broker/authenticate (for an external broker such as EMQX)', () => {
  const connect = (clientid: string, username: string, password: string) => post('/api/broker/authenticate', { clientid, username, password });

  it("allows a person's token with their own username and client id", async () => {
    const issued = await login('student1');
    const response = await connect('console-student1-desk42', 'student1', issued.token);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ result: 'allow', is_superuser: false });
  });

  it("denies another person's or a service's client id, another user's name and a bad token, saying why", async () => {
    const issued = await login('student1');
    const cases: [string, string, string, RegExp][] = [
      ['console-student2-desk42', 'student1', issued.token, /client id refused/],
      ['svc-moderation', 'student1', issued.token, /client id refused/],
      ['console-student2-desk42', 'student2', issued.token, /not the token's subject/],
      ['console-student1-desk42', 'student1', 'not-a-token', /not a valid token/],
    ];
    for (const [clientid, username, password, why] of cases) {
      const response = await connect(clientid, username, password);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { result: string; reason: string };
      expect(body.result).toBe('deny');
      expect(body.reason).toMatch(why);
    }
  });

  it('answers 400 to a body without the fields', async () => {
    expect((await post('/api/broker/authenticate', { username: 'student1' })).status).toBe(400);
  });
});

describe('GET /api/jwks', () => {
  it('publishes the public ES256 key that verifies the tokens', async () => {
    const response = await fetch(`${backend.httpUrl}/api/jwks`);
    const { keys } = (await response.json()) as { keys: Record<string, unknown>[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    expect(keys[0]).not.toHaveProperty('d');
  });
});

describe('everything else', () => {
  it('answers 404 for an unknown API and 405 for a wrong method', async () => {
    expect((await fetch(`${backend.httpUrl}/api/nothing`)).status).toBe(404);
    const wrongMethod = await fetch(`${backend.httpUrl}/api/login`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it('serves the console with a strict Content-Security-Policy', async () => {
    const response = await fetch(`${backend.httpUrl}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Classroom console');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const asset = await fetch(`${backend.httpUrl}/assets/app.js`);
    expect(asset.headers.get('content-type')).toContain('javascript');
  });

  it('falls back to index.html for client-side routes', async () => {
    const response = await fetch(`${backend.httpUrl}/classes/class-0001`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Classroom console');
  });

  it('never serves files outside the static folder', async () => {
    const response = await fetch(`${backend.httpUrl}/..%2f..%2f..%2fetc%2fpasswd`);
    expect(await response.text()).not.toContain('root:');
  });

  it('says so when it has no console to serve', async () => {
    const bare = await startBackend({ classes: 0 });
    try {
      const response = await fetch(`${bare.httpUrl}/`);
      expect(response.status).toBe(404);
      expect(await response.text()).toMatch(/static folder/);
    } finally {
      await bare.close();
    }
  });
});

describe('WebSocket upgrades', () => {
  function upgrade(path: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const url = new URL(path, backend.httpUrl);
      const req = request(url, { headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==', 'sec-websocket-protocol': 'mqtt' } });
      req.on('upgrade', (res, socket) => (socket.destroy(), resolve(res.statusCode ?? 0)));
      req.on('response', (res) => (res.resume(), resolve(res.statusCode ?? 0)));
      req.on('error', reject);
      req.end();
    });
  }

  it('carries MQTT on /mqtt only', async () => {
    expect(await upgrade('/mqtt')).toBe(101);
    expect(await upgrade('/elsewhere')).toBe(404);
  });

  it('answers 503 while the broker is stopped, and carries MQTT again once it is back', async () => {
    await backend.stopBroker();
    try {
      expect(await upgrade('/mqtt')).toBe(503);
    } finally {
      await backend.startBroker();
    }
    expect(await upgrade('/mqtt')).toBe(101);
  });
});
