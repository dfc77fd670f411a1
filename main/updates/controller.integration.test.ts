import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpdateStatus } from '../../shared/ipc/contract';
import type { ReleasePublicKey } from '../../shared/releases/documents';
import type { FeedInfo } from '../../shared/releases/update-decision';
import { launchBackend, type RunningBackend } from '../../services/backend';
import { ReleaseAdmin, expectOk, fakeInstaller } from '../../services/releases/testing/release-admin';
import { updaterInNode } from '../../services/releases/testing/updater-in-node';
import { AdminPolicy } from './admin-policy';
import { UpdateController, type UpdaterPort } from './controller';
import { checkHeaders, confirmInstall, judgeFeed, verifyDownload } from './release-client';
import { UpdateStore } from './update-store';

/**
 * The update controller and policy against the real release service over HTTP, with electron-updater itself
 * checking and downloading (the release service's Node harness; only Electron's `app` is stood in for). The port
 * below is main/electron/updater.ts minus Electron: the same release-client calls, electron-updater's own check and
 * download. The clock is the test's; only the network is real.
 */
const MIN = 60_000;
const HOUR = 60 * MIN;
let backend: RunningBackend;
let admin: ReleaseAdmin;
let work: string;
let key: ReleasePublicKey;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'classroom-updates-'));
  ({ backend } = await launchBackend({ classes: 0, tagger: false, releasesDir: join(work, 'releases') }));
  admin = await ReleaseAdmin.signIn(backend.httpUrl);
  key = (await (await fetch(`${backend.httpUrl}/api/releases/public-key`)).json()) as ReleasePublicKey;
  await admin.publishRelease('2.1.0', { 'Classroom-Console-2.1.0.AppImage': fakeInstaller('2.1.0', 512 * 1024) });
  await expectOk(admin.rollout('2.1.0', 'broad', 100));
});

afterAll(async () => {
  await backend?.close();
  await rm(work, { recursive: true, force: true });
});

/** Waits for something the network decides (a check, a download); fails after a bounded number of polls. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`gave up waiting for ${what}`);
}

async function desk(id: string, policy: Record<string, unknown> = { ring: 'broad' }) {
  const running = join(work, `${id}.AppImage`);
  await writeFile(running, fakeInstaller('2.0.0', 512 * 1024));
  process.env.APPIMAGE = running;
  const feedUrl = `${backend.httpUrl}/api/releases/feed/`;
  const { updater } = await updaterInNode({ version: '2.0.0', dir: join(work, id), feedUrl, headers: {} });

  let up = 5 * MIN; // past the launch window: nothing installs merely because the app just started
  let wall = Date.UTC(2026, 2, 10, 14, 0);
  const timers = new Map<number, { due: number; run: () => void }>();
  let nextTimer = 0;
  const installs: boolean[] = [];
  const calls: string[] = [];
  let controller: UpdateController | null = null;
  let feed: FeedInfo | null = null;

  const port: UpdaterPort = {
    async check(request) {
      calls.push('check');
      updater.requestHeaders = checkHeaders(request);
      const result = await updater.checkForUpdates();
      feed = result!.updateInfo as unknown as FeedInfo;
      return { feed: await judgeFeed([key], feed, '2.0.0') };
    },
    download() {
      calls.push('download');
      const from = feed!;
      void updater.downloadUpdate().then(
        async ([file]) => controller!.onDownloaded(from.version, await verifyDownload([key], from, file!)),
        (error: Error) => controller!.onDownloadError(error.message),
      );
    },
    cancelDownload: () => void calls.push('cancel'),
    setSpeed: () => {},
    async discard() {
      calls.push('discard');
      await (updater as unknown as { downloadedUpdateHelper?: { clear(): Promise<void> } }).downloadedUpdateHelper?.clear();
    },
    setInstallAtQuit: () => {},
    confirm: (version) => confirmInstall([key], async (url) => (await fetch(url)).json(), feedUrl, version),
    install: (restart) => void installs.push(restart),
  };

  const statuses: UpdateStatus[] = [];
  const store = await UpdateStore.open(join(work, id, 'updates.json'));
  controller = new UpdateController({
    port,
    store,
    readPolicy: async () => ({ kind: 'file', path: '/etc/classroom-console/policy.json', policy: AdminPolicy.parse(policy) }),
    currentVersion: '2.0.0',
    installId: id,
    updaterUnavailable: null,
    clock: { now: () => wall, uptime: () => up },
    timers: {
      set: (run, ms) => (timers.set(++nextTimer, { due: up + ms, run }), nextTimer),
      clear: (handle) => void timers.delete(handle as number),
    },
    onStatus: (status) => statuses.push(UpdateStatus.parse(status)),
    report: () => {},
  });
  /** Runs the timers due within `ms` of test time, one after another. */
  const advance = async (ms: number) => {
    const end = up + ms;
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      const [handle, next] = [...timers.entries()].sort((a, b) => a[1].due - b[1].due)[0] ?? [];
      if (handle === undefined || !next || next.due > end) break;
      wall += next.due - up;
      up = next.due;
      timers.delete(handle);
      next.run();
    }
    wall += end - up;
    up = end;
  };
  return { controller, calls, installs, store, advance, last: () => statuses.at(-1)! };
}

describe('the update controller against the real release service', () => {
  it('a class starts before the download: nothing downloads or installs until it ends; a halt found at install time discards; a resume installs', async () => {
    const d = await desk('desk-main-1');
    d.controller.setClassState({ live: true, startsAt: null, signedIn: true });
    await d.controller.start();
    await d.advance(0);
    await until(() => d.calls.includes('check') && d.last().state === 'paused', 'the first check');
    expect(d.last()).toMatchObject({ state: 'paused', version: '2.1.0', hold: 'class-live' });
    expect(d.calls).toEqual(['check']);

    // The class ends: the download runs, and the file is checked against the signed manifest.
    d.controller.setClassState({ live: false, startsAt: null, signedIn: true });
    await until(() => d.last().state === 'ready', 'the download');
    expect(d.last()).toMatchObject({ version: '2.1.0', prompt: true, canRestartNow: true, installAtQuit: true });

    // Another class: no prompt, "restart now" refused, nothing at quit.
    d.controller.setClassState({ live: true, startsAt: null, signedIn: true });
    expect(d.last()).toMatchObject({ state: 'ready', hold: 'class-live', prompt: false, canRestartNow: false });
    await expect(d.controller.restartNow()).resolves.toMatchObject({ ok: false });

    // The admin halts 2.1.0 during the class; after it, the service's signed status stops the install.
    await expectOk(admin.act('2.1.0', 'halt', { reason: 'teachers report frozen video' }));
    d.controller.setClassState({ live: false, startsAt: null, signedIn: true });
    await expect(d.controller.restartNow()).resolves.toEqual({ ok: false, reason: expect.stringContaining('halted') });
    expect(d.calls).toContain('discard');
    expect(d.installs).toEqual([]);
    expect(d.last()).toMatchObject({ prompt: false, canRestartNow: false });

    // Resumed: the next check offers it again, it downloads, and "restart now" installs it.
    await expectOk(admin.act('2.1.0', 'resume', { reason: 'fixed on the media server' }));
    await d.advance(HOUR);
    await until(() => d.last().state === 'ready', 'the download after the resume');
    await expect(d.controller.restartNow()).resolves.toEqual({ ok: true });
    expect(d.installs).toEqual([true]);
    expect(d.store.get().pendingInstall).toMatchObject({ version: '2.1.0', from: '2.0.0' });
    d.controller.stop();
  });

  it('a pinned machine is offered nothing outside its pin: the check sends the pin, the service says stay, nothing downloads', async () => {
    const d = await desk('desk-main-2', { ring: 'broad', pin: '2.0.*' });
    d.controller.setClassState({ live: false, startsAt: null, signedIn: true });
    await d.controller.start();
    await d.advance(0);
    await until(() => d.calls.includes('check') && d.last().state === 'idle', 'the check');
    expect(d.calls).toEqual(['check']);
    d.controller.stop();
  });
});
