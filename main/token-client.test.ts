import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TokenClient } from './token-client';

/** A tiny HTTP server that answers each request with whatever the test scripted; it records what it was sent. */
let server: Server | undefined;
const received: { path: string; body: unknown }[] = [];
async function serve(answer: (path: string) => { status: number; body: string }): Promise<string> {
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body: JSON.parse(text) as unknown });
      const { status, body } = answer(req.url ?? '');
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
afterEach(async () => {
  received.length = 0;
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

const issued = { token: 'eyJ.header.sig', expiresAt: 1_900_000_000_000, role: 'teacher' };

describe('TokenClient', () => {
  it('posts credentials to /api/login and returns the issued token', async () => {
    const url = await serve(() => ({ status: 200, body: JSON.stringify(issued) }));
    const client = new TokenClient(() => url);
    await expect(client.issue({ username: 'teacher1', password: 'demo' })).resolves.toEqual({ ok: true, token: issued });
    expect(received).toEqual([{ path: '/api/login', body: { username: 'teacher1', password: 'demo' } }]);
  });

  it('posts the token to /api/refresh', async () => {
    const url = await serve(() => ({ status: 200, body: JSON.stringify(issued) }));
    await new TokenClient(() => url).refresh('old.token.here');
    expect(received).toEqual([{ path: '/api/refresh', body: { token: 'old.token.here' } }]);
  });

  it.each(['wrong-password', 'unknown-user', 'token-expired', 'token-bad-signature'] as const)('passes on the %s failure with its message', async (failure) => {
    const url = await serve(() => ({ status: 401, body: JSON.stringify({ failure, message: `because: ${failure}` }) }));
    await expect(new TokenClient(() => url).issue({ username: 'x', password: 'y' })).resolves.toEqual({ ok: false, failure, message: `because: ${failure}` });
  });

  it('says the backend is not running when it has no URL yet', async () => {
    const result = await new TokenClient(() => undefined).issue({ username: 'teacher1', password: 'demo' });
    expect(result).toMatchObject({ ok: false, failure: 'backend-unreachable', message: expect.stringMatching(/not running/) });
  });

  it('says the backend is unreachable when nothing listens', async () => {
    const url = await serve(() => ({ status: 200, body: '{}' }));
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    await expect(new TokenClient(() => url).issue({ username: 'a', password: 'b' })).resolves.toMatchObject({ ok: false, failure: 'backend-unreachable' });
  });

  it.each([
    ['a 200 that is not a token', 200, '{"token": 5}'],
    ['a 500 with HTML', 500, '<html>oops</html>'],
    ['a 401 with an unknown failure code', 401, '{"failure":"cosmic-rays"}'],
  ])('turns %s into a clear backend-unreachable result', async (_case, status, body) => {
    const url = await serve(() => ({ status, body }));
    await expect(new TokenClient(() => url).issue({ username: 'a', password: 'b' })).resolves.toMatchObject({ ok: false, failure: 'backend-unreachable' });
  });
});
