import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBackend, startBackend, type RunningBackend } from '../backend';
import { MAX_ASSET_BYTES } from '../../shared/protocol';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);

let backend: RunningBackend;
beforeAll(async () => {
  ({ backend } = await launchBackend({ classes: 0 }));
});
afterAll(() => backend.close());

async function tokenOf(server: RunningBackend, username: string): Promise<string> {
  const result = await server.issueToken(username, 'demo');
  if (!result.ok) throw new Error(result.message);
  return result.token.token;
}

async function upload(server: RunningBackend, username: string | null, classId: string, type: string, body: Buffer, name = 'lesson.pdf') {
  const headers: Record<string, string> = { 'content-type': type };
  if (username) headers.authorization = `Bearer ${await tokenOf(server, username)}`;
  return fetch(`${server.httpUrl}/api/classes/${classId}/assets?name=${encodeURIComponent(name)}`, { method: 'POST', headers, body });
}

async function download(server: RunningBackend, username: string, classId: string, asset: string) {
  return fetch(`${server.httpUrl}/api/classes/${classId}/assets/${asset}`, { headers: { authorization: `Bearer ${await tokenOf(server, username)}` } });
}

describe('courseware asset store', () => {
  it("stores a teacher's PDF and serves it to the class with its type and a private cache", async () => {
    const response = await upload(backend, 'teacher1', 'class-0001', 'application/pdf', PDF, 'Unit 1 <b>.pdf');
    expect(response.status).toBe(201);
    const stored = (await response.json()) as { asset: string; name: string; type: string; bytes: number };
    expect(stored).toMatchObject({ name: 'Unit 1 <b>.pdf', type: 'application/pdf', bytes: PDF.length });

    const fetched = await download(backend, 'student1', 'class-0001', stored.asset);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toBe('application/pdf');
    expect(fetched.headers.get('cache-control')).toBe('private, max-age=3600');
    expect(Buffer.from(await fetched.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('answers a cross-origin preflight, since access rests on the bearer token alone', async () => {
    const response = await fetch(`${backend.httpUrl}/api/classes/class-0001/assets`, {
      method: 'OPTIONS', headers: { origin: 'app://console', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('lets a supervisor upload to any class', async () => {
    expect((await upload(backend, 'supervisor1', 'class-0002', 'image/png', PNG)).status).toBe(201);
  });

  it('refuses uploads without a token, from students, and from teachers of other classes', async () => {
    expect((await upload(backend, null, 'class-0001', 'application/pdf', PDF)).status).toBe(401);
    expect((await upload(backend, 'student1', 'class-0001', 'application/pdf', PDF)).status).toBe(403);
    expect((await upload(backend, 'teacher2', 'class-0001', 'application/pdf', PDF)).status).toBe(403);
    const bad = await fetch(`${backend.httpUrl}/api/classes/class-0001/assets`, {
      method: 'POST', headers: { authorization: 'Bearer not-a-token', 'content-type': 'application/pdf' }, body: PDF,
    });
    expect(bad.status).toBe(401);
  });

  it('serves an asset only to users with the class in scope', async () => {
    const { asset } = (await (await upload(backend, 'teacher1', 'class-0001', 'image/png', PNG)).json()) as { asset: string };
    expect((await download(backend, 'student2', 'class-0001', asset)).status).toBe(403);
    expect((await download(backend, 'supervisor1', 'class-0001', asset)).status).toBe(200);
    // The same id under another class is another (missing) asset.
    expect((await download(backend, 'teacher2', 'class-0002', asset)).status).toBe(404);
    expect((await fetch(`${backend.httpUrl}/api/classes/class-0001/assets/${asset}`)).status).toBe(401);
  });

  it('refuses a file whose bytes are not the type it claims, and types it does not accept', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const mismatch = await upload(backend, 'teacher1', 'class-0001', 'application/pdf', html);
    expect(mismatch.status).toBe(415);
    expect(await mismatch.json()).toMatchObject({ error: 'type-mismatch' });
    expect((await upload(backend, 'teacher1', 'class-0001', 'image/png', PDF)).status).toBe(415);
    expect((await upload(backend, 'teacher1', 'class-0001', 'text/html', html)).status).toBe(415);
    expect((await upload(backend, 'teacher1', 'class-0001', 'application/pdf', Buffer.alloc(0))).status).toBe(400);
  });

  it('refuses a file over 50 MB', async () => {
    const huge = Buffer.concat([PDF, Buffer.alloc(MAX_ASSET_BYTES, 0x20)]);
    const response = await upload(backend, 'teacher1', 'class-0001', 'application/pdf', huge).catch(() => null);
    // The server answers 413 and closes; a client still sending may see the connection reset instead.
    if (response) expect(response.status).toBe(413);
    expect((await upload(backend, 'teacher1', 'class-0001', 'application/pdf', PDF)).status).toBe(201);
  });

  it('keeps assets across a restart when persistDir is set', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'classroom-assets-'));
    try {
      const first = await startBackend({ classes: 0, persistDir: dir });
      const { asset } = (await (await upload(first, 'teacher1', 'class-0001', 'application/pdf', PDF)).json()) as { asset: string };
      await first.close();
      const second = await startBackend({ classes: 0, persistDir: dir });
      try {
        const fetched = await download(second, 'student1', 'class-0001', asset);
        expect(fetched.status).toBe(200);
        expect(Buffer.from(await fetched.arrayBuffer()).equals(PDF)).toBe(true);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
