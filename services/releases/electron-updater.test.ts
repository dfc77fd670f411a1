import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBlockMap } from 'app-builder-lib/out/targets/blockmap/blockmap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReleasePublicKey } from '../../shared/releases/documents';
import { decideUpdate, type FeedInfo } from '../../shared/releases/update-decision';
import { verifyArtifactDigest } from '../../shared/releases/verify';
import { launchBackend, type RunningBackend } from '../backend';
import { ReleaseAdmin, expectOk, fakeInstaller, sha512Of } from './testing/release-admin';
import { updaterInNode } from './testing/updater-in-node';

/**
 * The update flow end to end: electron-updater itself (AppImageUpdater, unmodified; only Electron's `app` object is
 * stood in for) checks the release service's feed over HTTP, downloads differentially with range requests against
 * the embedded blockmaps, checks the sha512, and the app side's verifier checks the signed manifest.
 */
let backend: RunningBackend;
let admin: ReleaseAdmin;
let key: ReleasePublicKey;
let work: string;
let releasesDir: string;
const name = (version: string) => `Classroom-Console-${version}.AppImage`;
const files = new Map<string, { path: string; sha512: string; size: number }>();

/** An AppImage-like file for `version`: a shared body with a few changed stretches, and its blockmap appended. */
async function buildAppImage(version: string, changes: number): Promise<void> {
  const body = fakeInstaller('shared body', 3 * 1024 * 1024);
  for (let i = 0; i < changes; i++) fakeInstaller(`${version}-${i}`, 20_000).copy(body, 100_000 + i * 900_000);
  const path = join(work, name(version));
  await writeFile(path, body);
  const { blockMapSize } = await buildBlockMap(path, 'deflate');
  const bytes = await readFile(path);
  files.set(version, { path, sha512: sha512Of(bytes), size: bytes.length });
  await expectOk(admin.create(version, `Release ${version}`));
  await expectOk(admin.upload(version, name(version), bytes, { blockMapSize }));
  await expectOk(admin.act(version, 'publish'));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'classroom-updater-'));
  releasesDir = join(work, 'releases');
  ({ backend } = await launchBackend({ classes: 0, tagger: false, releasesDir }));
  admin = await ReleaseAdmin.signIn(backend.httpUrl);
  key = (await (await fetch(`${backend.httpUrl}/api/releases/public-key`)).json()) as ReleasePublicKey;
  await buildAppImage('5.0.0', 0);
  await expectOk(admin.rollout('5.0.0', 'broad', 100));
  await buildAppImage('5.1.0', 2);
  await expectOk(admin.rollout('5.1.0', 'broad', 100));
});

afterAll(async () => {
  await backend.close();
  await rm(work, { recursive: true, force: true });
});

/** An install running `version` from its AppImage, as electron-updater sees it (APPIMAGE names the running file). */
async function install(id: string, version: string) {
  const running = join(work, `${id}.AppImage`);
  await copyFile(files.get(version)!.path, running);
  process.env.APPIMAGE = running;
  return updaterInNode({
    version,
    dir: join(work, id),
    feedUrl: `${backend.httpUrl}/api/releases/feed/`,
    headers: { 'x-install-id': id, 'x-app-version': version, 'x-install-ring': 'broad' },
  });
}

describe('electron-updater against the release service', () => {
  it('checks, downloads only the changed blocks, verifies the sha512, and the signed manifest accepts the file', async () => {
    const { updater, log } = await install('desk-1', '5.0.0');
    const check = await updater.checkForUpdates();
    expect(check?.isUpdateAvailable).toBe(true);
    const info = check!.updateInfo as unknown as FeedInfo;
    expect(info.version).toBe('5.1.0');
    const decision = await decideUpdate(key, info, '5.0.0');
    expect(decision).toMatchObject({ action: 'update', version: '5.1.0' });

    const [downloaded] = await updater.downloadUpdate();
    const bytes = await readFile(downloaded!);
    const expected = files.get('5.1.0')!;
    expect(sha512Of(bytes)).toBe(expected.sha512);
    expect(await verifyArtifactDigest(key, (info.classroom as { manifest: unknown }).manifest, { version: '5.1.0', name: name('5.1.0'), size: bytes.length, sha512: sha512Of(bytes) })).toMatchObject({ ok: true });

    // The differential downloader planned a partial download and did not fall back to the whole file.
    const plan = log.find((line) => line.startsWith('info: Full:'));
    expect(plan, log.join('\n')).toBeDefined();
    const percent = Number(/\((\d+)%\)/.exec(plan!)?.[1]);
    expect(percent).toBeLessThan(50);
    expect(log.join('\n')).not.toMatch(/fallback to full download/);
  });

  it('is told nothing after a halt, and refuses a corrupted artifact', async () => {
    await expectOk(admin.act('5.1.0', 'halt', { reason: 'bad build' }));
    const late = await install('desk-2', '5.0.0');
    const check = await late.updater.checkForUpdates();
    expect(check?.isUpdateAvailable).toBe(false);
    await expectOk(admin.act('5.1.0', 'resume', { reason: 'false alarm' }));

    // The stored file is damaged on the server: electron-updater's own sha512 check refuses it.
    const stored = join(releasesDir, 'artifacts', '5.1.0', name('5.1.0'));
    const good = await readFile(stored);
    const bad = Buffer.from(good);
    bad[2_000_000]! ^= 0xff;
    await writeFile(stored, bad);
    try {
      const desk = await install('desk-3', '5.0.0');
      desk.updater.disableDifferentialDownload = true;
      desk.updater.on('error', () => {});
      expect((await desk.updater.checkForUpdates())?.isUpdateAvailable).toBe(true);
      await expect(desk.updater.downloadUpdate()).rejects.toThrow(/sha512 checksum mismatch/);
    } finally {
      await writeFile(stored, good);
    }
  });

  it('after a revoke, takes the older version only with the signed revoke mark', async () => {
    await expectOk(admin.act('5.1.0', 'revoke', { reason: 'entry fails' }));
    const { updater } = await install('desk-4', '5.1.0');
    updater.allowDowngrade = true;
    const check = await updater.checkForUpdates();
    const info = check!.updateInfo as unknown as FeedInfo;
    expect(info.version).toBe('5.0.0');
    expect(await decideUpdate(key, info, '5.1.0')).toMatchObject({ action: 'rollback', version: '5.0.0' });
    const [downloaded] = await updater.downloadUpdate();
    expect(sha512Of(await readFile(downloaded!))).toBe(files.get('5.0.0')!.sha512);
  });
});
