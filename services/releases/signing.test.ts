import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ReleasePublicKey } from '../../shared/releases/documents';
import { verifyArtifact, verifyArtifactDigest } from '../../shared/releases/verify';
import { launchBackend } from '../backend';
import { KEY_FILE, PUBLIC_KEY_FILE } from './signing-key';
import { ReleaseAdmin, checkFeed, expectOk, fakeInstaller, sha512Of } from './testing/release-admin';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'classroom-release-keys-'));
  dirs.push(dir);
  return dir;
}

describe('the release signing key', () => {
  it.skipIf(process.platform === 'win32')('lives in the data folder, owner-only, and its public half is exported for the app build', async () => {
    const dir = await scratch();
    const { backend } = await launchBackend({ classes: 0, tagger: false, releasesDir: dir });
    try {
      expect((await stat(join(dir, KEY_FILE))).mode & 0o777).toBe(0o600);
      const served = await (await fetch(`${backend.httpUrl}/api/releases/public-key`)).json();
      expect(JSON.parse(await readFile(join(dir, PUBLIC_KEY_FILE), 'utf8'))).toEqual(served);
      expect(served).toMatchObject({ algorithm: 'Ed25519', keyId: expect.any(String), publicKey: expect.any(String) });
    } finally {
      await backend.close();
    }
  });

  it.each([
    ['cut short', (text: string) => text.slice(0, 40)],
    ['not a key', () => JSON.stringify({ hello: 'world' })],
    ['naming another key id', (text: string) => text.replace(/"keyId":"[^"]+"/, '"keyId":"AAAAAAAAAAAAAAAA"')],
  ])('stops the start, naming the file, when it is %s', async (_name, damage) => {
    const dir = await scratch();
    const first = await launchBackend({ classes: 0, tagger: false, releasesDir: dir });
    await first.backend.close();
    const file = join(dir, KEY_FILE);
    const original = await readFile(file, 'utf8');
    await writeFile(file, damage(original));
    await expect(launchBackend({ classes: 0, tagger: false, releasesDir: dir })).rejects.toThrow(`The release signing key file ${file} cannot be used`);
    // Nothing replaced it: restoring the file is enough.
    expect(await readFile(file, 'utf8')).toBe(damage(original));
  });
});

describe('an artifact checked against its signed manifest', () => {
  it('passes when it is the file the service signed, and fails when it was corrupted on the server', async () => {
    const dir = await scratch();
    const { backend } = await launchBackend({ classes: 0, tagger: false, releasesDir: dir });
    try {
      const admin = await ReleaseAdmin.signIn(backend.httpUrl);
      const name = 'Classroom-Console-4.0.0.AppImage';
      await admin.publishRelease('4.0.0', { [name]: fakeInstaller('4.0.0') });
      await expectOk(admin.rollout('4.0.0', 'broad', 100));
      const key = (await (await fetch(`${backend.httpUrl}/api/releases/public-key`)).json()) as ReleasePublicKey;
      const feed = parse((await checkFeed(backend.httpUrl, { installId: 'c1' })).text) as { classroom: { manifest: unknown } };
      const download = async () => new Uint8Array(await (await fetch(`${backend.httpUrl}/api/releases/files/4.0.0/${name}`)).arrayBuffer());

      expect(await verifyArtifact(key, feed.classroom.manifest, { version: '4.0.0', name, bytes: await download() })).toMatchObject({ ok: true });

      const stored = join(dir, 'artifacts', '4.0.0', name);
      const bytes = await readFile(stored);
      bytes[1000]! ^= 0xff;
      await writeFile(stored, bytes);
      const corrupt = await download();
      expect(await verifyArtifact(key, feed.classroom.manifest, { version: '4.0.0', name, bytes: corrupt })).toEqual({
        ok: false,
        reason: 'the file is not the one the manifest signed (sha512 differs)',
      });
      // The same file under a manifest signed by another key is refused even though its sha512 is listed.
      const other = await scratch();
      const second = await launchBackend({ classes: 0, tagger: false, releasesDir: other });
      try {
        const foreign = (await (await fetch(`${second.backend.httpUrl}/api/releases/public-key`)).json()) as ReleasePublicKey;
        const digest = { version: '4.0.0', name, size: bytes.length, sha512: sha512Of(fakeInstaller('4.0.0')) };
        expect(await verifyArtifactDigest(key, feed.classroom.manifest, digest)).toMatchObject({ ok: true });
        expect(await verifyArtifactDigest({ ...foreign, keyId: key.keyId }, feed.classroom.manifest, digest)).toEqual({ ok: false, reason: 'the signature does not verify' });
      } finally {
        await second.backend.close();
      }
    } finally {
      await backend.close();
    }
  });
});
