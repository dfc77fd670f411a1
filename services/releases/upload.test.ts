import { readdir } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBackend, type BackendInternals, type RunningBackend } from '../backend';
import { ReleaseAdmin, expectOk, fakeInstaller, sha512Of } from './testing/release-admin';

let backend: RunningBackend;
let internals: BackendInternals;
let admin: ReleaseAdmin;
const MAX = 256 * 1024;

beforeAll(async () => {
  ({ backend, internals } = await launchBackend({ classes: 0, tagger: false, releases: { maxArtifactBytes: MAX } }));
  admin = await ReleaseAdmin.signIn(backend.httpUrl);
  await expectOk(admin.create('1.0.0', 'First'));
});

afterAll(() => backend.close());

async function refusal(response: Promise<Response>): Promise<{ status: number; error: string; message: string }> {
  const answer = await response;
  return { status: answer.status, ...((await answer.json()) as { error: string; message: string }) };
}

const artifactsOf = () => internals.releases.release('1.0.0').artifacts.map((a) => a.name);

describe('uploading an artifact', () => {
  it('stores a file whose size and sha512 are the declared ones, with its platform', async () => {
    const bytes = fakeInstaller('ok');
    const response = await admin.upload('1.0.0', 'Classroom-Console-1.0.0.AppImage', bytes);
    expect(response.status).toBe(201);
    expect(internals.releases.release('1.0.0').artifacts).toEqual([
      expect.objectContaining({ name: 'Classroom-Console-1.0.0.AppImage', platform: 'linux', size: bytes.length, sha512: sha512Of(bytes) }),
    ]);
  });

  it('refuses a file whose sha512 is not the declared one, and keeps nothing of it', async () => {
    const bytes = fakeInstaller('wrong-hash');
    const answer = await refusal(admin.upload('1.0.0', 'Classroom-Console-1.0.0.exe', bytes, { sha512: sha512Of(fakeInstaller('other')) }));
    expect(answer).toMatchObject({ status: 400, error: 'hash-mismatch', message: expect.stringContaining('not the declared') });
    expect(artifactsOf()).not.toContain('Classroom-Console-1.0.0.exe');
    expect(await readdir(join(internals.releases.dir, 'artifacts', 'incoming'))).toEqual([]);
  });

  it('refuses a file shorter than declared', async () => {
    const bytes = fakeInstaller('short');
    const answer = await refusal(admin.upload('1.0.0', 'Classroom-Console-1.0.0.deb', bytes, { size: bytes.length + 10 }));
    expect(answer).toMatchObject({ status: 400, error: 'size-mismatch' });
    expect(artifactsOf()).not.toContain('Classroom-Console-1.0.0.deb');
  });

  it('refuses an upload cut off in the middle, keeping nothing of it', async () => {
    const bytes = fakeInstaller('cut', 128 * 1024);
    const url = new URL(`${backend.httpUrl}/api/releases/1.0.0/artifacts/Classroom-Console-1.0.0.zip?size=${bytes.length}&sha512=${encodeURIComponent(sha512Of(bytes))}`);
    const token = (await backend.issueToken('admin1', 'demo')) as { ok: true; token: { token: string } };
    await new Promise<void>((resolve) => {
      const req = request(url, { method: 'PUT', headers: { authorization: `Bearer ${token.token.token}`, 'content-length': bytes.length } });
      req.on('error', () => resolve());
      req.on('response', () => resolve());
      req.write(bytes.subarray(0, 40 * 1024), () => setTimeout(() => req.destroy(), 100));
    });
    await expect.poll(() => readdir(join(internals.releases.dir, 'artifacts', 'incoming'))).toEqual([]);
    expect(artifactsOf()).not.toContain('Classroom-Console-1.0.0.zip');
  });

  it('refuses a file larger than the limit with 413', async () => {
    const bytes = fakeInstaller('big', MAX + 1);
    const answer = await refusal(admin.upload('1.0.0', 'Classroom-Console-1.0.0.dmg', bytes));
    expect(answer).toMatchObject({ status: 413, error: 'too-large' });
    expect(artifactsOf()).not.toContain('Classroom-Console-1.0.0.dmg');
  });

  it.each([
    ['1.0', 'not a semantic version'],
    ['v1.0.0', 'not a semantic version'],
    ['..', 'not a semantic version'],
  ])('refuses the version %j', async (version, message) => {
    const created = await refusal(admin.create(version));
    expect(created).toMatchObject({ status: 400, error: 'bad-request', message: expect.stringContaining(message) });
    // A path segment ".." never reaches the service: URLs resolve it before they are sent.
    const uploaded = await refusal(admin.upload(version, 'a.AppImage', fakeInstaller('v')));
    expect(uploaded).toMatchObject(version === '..' ? { status: 404, error: 'not-found' } : { status: 400, error: 'bad-version' });
  });

  it.each(['../../etc/passwd', '..', '.hidden.AppImage', 'a/b.AppImage', 'a\\b.AppImage'])('refuses the path-traversing name %j', async (name) => {
    const answer = await refusal(admin.upload('1.0.0', name, fakeInstaller('n')));
    // Refused as a name, or (for "..", resolved by the URL before sending) as no route at all.
    expect(answer).toMatchObject(name === '..' ? { status: 404, error: 'not-found' } : { status: 400, error: 'bad-name' });
    expect(artifactsOf()).not.toContain(name);
  });

  it('refuses a file electron-updater would not install unless its platform is named', async () => {
    const answer = await refusal(admin.upload('1.0.0', 'notes.txt', fakeInstaller('t')));
    expect(answer).toMatchObject({ status: 400, error: 'unsupported-file' });
  });

  it('refuses a blockmap before its installer', async () => {
    const answer = await refusal(admin.upload('1.0.0', 'Classroom-Console-1.0.0.exe.blockmap', fakeInstaller('b')));
    expect(answer).toMatchObject({ status: 400, error: 'no-artifact' });
  });

  it('lets only admins upload', async () => {
    const supervisor = await ReleaseAdmin.signIn(backend.httpUrl, 'supervisor1');
    expect(await refusal(supervisor.upload('1.0.0', 'x.AppImage', fakeInstaller('s')))).toMatchObject({ status: 403, error: 'forbidden' });
    const anonymous = new ReleaseAdmin(backend.httpUrl, 'not-a-token');
    expect((await anonymous.upload('1.0.0', 'x.AppImage', fakeInstaller('s'))).status).toBe(401);
  });

  it('never changes a published release', async () => {
    await expectOk(admin.act('1.0.0', 'publish'));
    const answer = await refusal(admin.upload('1.0.0', 'Classroom-Console-1.0.0.AppImage', fakeInstaller('again')));
    expect(answer).toMatchObject({ status: 409, error: 'published' });
    expect(internals.releases.release('1.0.0').artifacts[0]!.sha512).toBe(sha512Of(fakeInstaller('ok')));
  });
});
