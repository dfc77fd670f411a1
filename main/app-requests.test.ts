import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRequestHandler } from './app-requests';
import { CONTENT_SECURITY_POLICY } from './csp';

let rendererDir: string;
let backend: Server;
let backendUrl: string;
/** What the fake backend last received. */
let received: { method: string; url: string; headers: IncomingHttpHeaders; body: string } | null = null;

beforeAll(async () => {
  rendererDir = await mkdtemp(join(tmpdir(), 'app-requests-'));
  await mkdir(join(rendererDir, 'assets'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>console</title>');
  await writeFile(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');

  backend = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString() };
      if (request.url === '/api/moved') {
        response.writeHead(302, { location: 'https://elsewhere.example/' }).end();
        return;
      }
      response.writeHead(201, { 'content-type': 'application/json', 'x-backend': 'yes', 'content-security-policy': "default-src *" });
      response.end(JSON.stringify({ ok: true }));
    });
  });
  await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
  backendUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => backend.close(resolve));
  await rm(rendererDir, { recursive: true, force: true });
});

const handler = (running = true) => createAppRequestHandler({ rendererDir, backendHttpUrl: () => (running ? backendUrl : undefined) });

describe('app:// requests', () => {
  it('serves the app files with their content type and the security headers', async () => {
    const index = await handler()(new Request('app://console/'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await index.text()).toContain('<title>console</title>');

    const script = await handler()(new Request('app://console/assets/index-abc.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('answers a route with index.html and a missing file with 404', async () => {
    const route = await handler()(new Request('app://console/classes/class-0001'));
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>console</title>');

    const missing = await handler()(new Request('app://console/assets/gone.js'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses traversal and other hosts without reading anything', async () => {
    const reads: string[] = [];
    const guarded = createAppRequestHandler({
      rendererDir,
      backendHttpUrl: () => backendUrl,
      readFile: async (path) => (reads.push(path), new Uint8Array()),
    });
    expect((await guarded(new Request('app://console/assets/..%2f..%2fsecret.txt'))).status).toBe(403);
    expect((await guarded(new Request('app://other/index.html'))).status).toBe(403);
    expect(reads).toEqual([]);
  });

  it('forwards /api/ to the backend with the method, the body and only the allowed headers', async () => {
    const response = await handler()(
      new Request('app://console/api/login?x=1', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer abc', cookie: 'session=secret', 'x-custom': 'nope' },
        body: JSON.stringify({ username: 'teacher1' }),
      }),
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ok: true });
    expect(received).toMatchObject({ method: 'POST', url: '/api/login?x=1', body: '{"username":"teacher1"}' });
    expect(received?.headers).toMatchObject({ 'content-type': 'application/json', authorization: 'Bearer abc' });
    expect(received?.headers.cookie).toBeUndefined();
    expect(received?.headers['x-custom']).toBeUndefined();
    // The backend's own headers pass, but the app's security headers win.
    expect(response.headers.get('x-backend')).toBe('yes');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('hands a backend redirect to the page instead of following it', async () => {
    const response = await handler()(new Request('app://console/api/moved'));
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('https://elsewhere.example/');
  });

  it('answers 503 while the backend is not running and 502 when it does not answer', async () => {
    const off = await handler(false)(new Request('app://console/api/info'));
    expect(off.status).toBe(503);
    expect(off.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);

    const unreachable = createAppRequestHandler({
      rendererDir,
      backendHttpUrl: () => backendUrl,
      fetch: () => Promise.reject(new Error('connect ECONNREFUSED')),
    });
    const failed = await unreachable(new Request('app://console/api/info'));
    expect(failed.status).toBe(502);
    expect(await failed.text()).toMatch(/did not answer: connect ECONNREFUSED/);
  });
});
