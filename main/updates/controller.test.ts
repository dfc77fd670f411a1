import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UpdateStatus } from '../../shared/ipc/contract';
import { AdminPolicy, type PolicyState } from './admin-policy';
import { UpdateController, type CheckRequest, type UpdaterPort } from './controller';
import type { ReleaseAnswer } from './policy';
import { UpdateStore } from './update-store';

const MIN = 60_000;
const HOUR = 60 * MIN;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'updates-'));
});
afterEach(async () => {
  await settle();
  await rm(dir, { recursive: true, force: true });
});

/** Every store a test opened: settling waits for their writes (a write sits between a confirm and an install). */
const stores: UpdateStore[] = [];
const settle = async () => {
  for (let i = 0; i < 10; i++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    await Promise.all(stores.map((store) => store.flush()));
  }
};

/** A machine: a wall clock and a monotonic clock that only move when the test says, and timers on them. */
function machine(wallStart = Date.UTC(2026, 2, 10, 14, 0)) {
  let up = 0;
  let wall = wallStart;
  let nextId = 0;
  const timers = new Map<number, { due: number; run: () => void }>();
  return {
    clock: { now: () => wall, uptime: () => up },
    timers: {
      set: (run: () => void, ms: number) => (timers.set(++nextId, { due: up + ms, run }), nextId),
      clear: (id: unknown) => void timers.delete(id as number),
    },
    /** Moves both clocks forward, running each timer when its time comes. */
    async advance(ms: number) {
      const end = up + ms;
      for (;;) {
        await settle();
        const [id, next] = [...timers.entries()].sort((a, b) => a[1].due - b[1].due)[0] ?? [];
        if (id === undefined || next === undefined || next.due > end) break;
        wall += next.due - up;
        up = next.due;
        timers.delete(id);
        next.run();
      }
      wall += end - up;
      up = end;
      await settle();
    },
    setWall(value: number) {
      wall = value;
    },
  };
}

type Feed = ReleaseAnswer['feed'];

/** electron-updater as the controller sees it, recording every call. */
function fakeUpdater(initialFeed: Feed = { action: 'update', version: '1.5.0' }) {
  const calls: string[] = [];
  const checks: CheckRequest[] = [];
  const state = {
    feed: initialFeed,
    checkFails: null as string | null,
    confirm: { install: true } as Awaited<ReturnType<UpdaterPort['confirm']>>,
    installThrows: null as string | null,
    atQuit: false,
    speed: null as number | null,
  };
  const port: UpdaterPort = {
    check: async (request) => {
      calls.push('check');
      checks.push(request);
      if (state.checkFails) throw new Error(state.checkFails);
      return { feed: state.feed };
    },
    download: () => void calls.push('download'),
    cancelDownload: () => void calls.push('cancel'),
    setSpeed: (bytesPerSecond) => void (state.speed = bytesPerSecond),
    discard: async () => void calls.push('discard'),
    setInstallAtQuit: (on) => void (state.atQuit = on),
    confirm: async (version) => (calls.push(`confirm ${version}`), state.confirm),
    install: (restart) => {
      if (state.installThrows) throw new Error(state.installThrows);
      calls.push(restart ? 'install+restart' : 'install');
    },
  };
  return { port, calls, checks, state };
}

async function controller(options: { policy?: PolicyState; version?: string; store?: UpdateStore; updater?: ReturnType<typeof fakeUpdater>; m?: ReturnType<typeof machine> } = {}) {
  const m = options.m ?? machine();
  const updater = options.updater ?? fakeUpdater();
  const store = options.store ?? (await UpdateStore.open(join(dir, 'updates.json')));
  stores.push(store);
  const statuses: UpdateStatus[] = [];
  const problems: string[] = [];
  let policy: PolicyState = options.policy ?? { kind: 'default', looked: [] };
  const c = new UpdateController({
    port: updater.port,
    store,
    readPolicy: async () => policy,
    currentVersion: options.version ?? '1.4.2',
    installId: 'install-0001',
    updaterUnavailable: null,
    clock: m.clock,
    timers: m.timers,
    // Every status must pass the IPC contract, as main/electron/ipc.ts broadcast() checks it.
    onStatus: (status) => statuses.push(UpdateStatus.parse(status)),
    report: (problem) => problems.push(problem),
  });
  await c.start();
  await m.advance(0);
  return {
    c,
    m,
    store,
    ...updater,
    statuses,
    problems,
    last: () => statuses.at(-1)!,
    setPolicy: (next: PolicyState) => void (policy = next),
  };
}

const policyFile = (fields: Record<string, unknown>): PolicyState => ({ kind: 'file', path: '/etc/classroom-console/policy.json', policy: AdminPolicy.parse(fields) });
const inClass = { live: true, startsAt: null, signedIn: true };
const afterClass = { live: false, startsAt: null, signedIn: true };

describe('a class starts while an update is downloading: nothing installs until the class ends', () => {
  it('paused by default: the download stops for the class and resumes after it; the install waits for the person', async () => {
    const t = await controller();
    t.c.setClassState(afterClass);
    expect(t.calls).toEqual(['check', 'download']);
    t.c.onProgress({ transferred: 30, total: 100, bytesPerSecond: 10 });
    expect(t.last()).toMatchObject({ state: 'downloading', progress: { percent: 30 } });

    t.c.setClassState(inClass);
    expect(t.calls.at(-1)).toBe('cancel');
    expect(t.last()).toMatchObject({ state: 'paused', hold: 'class-live', progress: { percent: 30 } });

    await t.m.advance(3 * HOUR); // a long class; checks go on every hour
    expect(t.calls.filter((call) => call !== 'check')).toEqual(['download', 'cancel']);
    expect(t.calls.filter((call) => call === 'check')).toHaveLength(4);
    await expect(t.c.restartNow()).resolves.toEqual({ ok: false, reason: 'A class is live: the update installs after it.' });
    await expect(t.c.quitting()).resolves.toBe(false);
    expect(t.calls.some((call) => call.startsWith('install') || call.startsWith('confirm'))).toBe(false);
  });

  it('throttled by policy: the download finishes in class, yet nothing installs, prompts or restarts until the class ends', async () => {
    const t = await controller({ policy: policyFile({ downloadDuringClass: 'throttle', throttleKBps: 64 }) });
    t.c.setClassState(afterClass);
    t.c.onProgress({ transferred: 10, total: 100, bytesPerSecond: 10 });
    t.c.setClassState(inClass);
    expect(t.state.speed).toBe(64 * 1024);
    t.c.onProgress({ transferred: 90, total: 100, bytesPerSecond: 10 });
    t.c.onDownloaded('1.5.0', null);
    expect(t.last()).toMatchObject({ state: 'ready', hold: 'class-live', prompt: false, canRestartNow: false, installAtQuit: false });
    expect(t.state.atQuit).toBe(false);

    await t.m.advance(2 * HOUR);
    await expect(t.c.restartNow()).resolves.toMatchObject({ ok: false });
    expect(t.calls.some((call) => call.startsWith('install') || call.startsWith('confirm'))).toBe(false);

    t.c.setClassState(afterClass);
    expect(t.state.speed).toBeNull();
    expect(t.state.atQuit).toBe(true);
    expect(t.last()).toMatchObject({ state: 'ready', hold: null, prompt: true, canRestartNow: true });
    await expect(t.c.restartNow()).resolves.toEqual({ ok: true });
    expect(t.calls.slice(-2)).toEqual(['confirm 1.5.0', 'install+restart']);
    expect(JSON.parse(await readFile(join(dir, 'updates.json'), 'utf8'))).toMatchObject({ pendingInstall: { version: '1.5.0', from: '1.4.2' } });
  });

  it('a class that starts within the lead time holds like a live one', async () => {
    const t = await controller();
    t.c.setClassState(afterClass);
    await t.m.advance(5 * MIN);
    t.c.onDownloaded('1.5.0', null);
    expect(t.last()).toMatchObject({ prompt: true });
    t.c.setClassState({ live: false, startsAt: t.m.clock.now() + 10 * MIN, signedIn: true });
    expect(t.last()).toMatchObject({ hold: 'class-soon', prompt: false, canRestartNow: false, installAtQuit: false });
    await t.m.advance(10 * MIN);
    t.c.setClassState(inClass);
    await t.m.advance(HOUR);
    t.c.setClassState(afterClass);
    expect(t.last()).toMatchObject({ hold: null, prompt: true });
  });
});

describe('install moments', () => {
  it('at launch: a ready update installs before the person is busy, recorded first', async () => {
    const t = await controller();
    expect(t.calls).toEqual(['check', 'download']);
    t.c.onDownloaded('1.5.0', null);
    await settle();
    expect(t.calls.slice(-2)).toEqual(['confirm 1.5.0', 'install+restart']);
    expect(t.store.get().pendingInstall).toMatchObject({ version: '1.5.0' });
  });

  it('in the maintenance window, while the app sits idle', async () => {
    const m = machine(Date.UTC(2026, 2, 10, 0, 0) + new Date(Date.UTC(2026, 2, 10)).getTimezoneOffset() * MIN); // local midnight
    const t = await controller({ m, policy: policyFile({ maintenanceWindow: { start: '02:00', end: '05:00' }, installOutsideWindow: false }) });
    t.c.setClassState(afterClass);
    await t.m.advance(10 * MIN);
    t.c.onDownloaded('1.5.0', null);
    await settle();
    expect(t.calls.some((call) => call.startsWith('install'))).toBe(false);
    await t.m.advance(2 * HOUR);
    expect(t.calls.filter((call) => call.startsWith('install'))).toEqual(['install+restart']);
  });

  it('at quit, after asking the service; a service that does not answer keeps the update for later', async () => {
    const t = await controller({ m: machine() });
    t.c.setClassState(afterClass);
    await t.m.advance(5 * MIN);
    t.c.onDownloaded('1.5.0', null);
    await t.c.later();
    expect(t.last()).toMatchObject({ prompt: false, installAtQuit: true });
    t.state.confirm = { install: false, reason: 'the release service did not answer', discard: false };
    await expect(t.c.quitting()).resolves.toBe(false);
    expect(t.calls.some((call) => call.startsWith('install'))).toBe(false);
  });

  it('at quit, installed without restarting', async () => {
    const t = await controller();
    t.c.setClassState(afterClass);
    await t.m.advance(5 * MIN);
    t.c.onDownloaded('1.5.0', null);
    await expect(t.c.quitting()).resolves.toBe(true);
    expect(t.calls.slice(-2)).toEqual(['confirm 1.5.0', 'install']);
  });
});

describe('halt, revoke and verification', () => {
  it('a version the service halted is discarded at install time, and refused until it is offered again', async () => {
    const t = await controller();
    t.c.setClassState(afterClass);
    await t.m.advance(5 * MIN);
    t.c.onDownloaded('1.5.0', null);
    t.state.confirm = { install: false, reason: '1.5.0 is halted: crash rate; discard the download', discard: true };
    await expect(t.c.restartNow()).resolves.toEqual({ ok: false, reason: '1.5.0 is halted: crash rate; discard the download' });
    expect(t.calls).toContain('discard');
    expect(t.last()).toMatchObject({ state: 'idle', refused: '1.5.0 is halted: crash rate; discard the download', prompt: false });
    // The service resumes the rollout: the next check offers 1.5.0 again and it downloads.
    await t.m.advance(HOUR);
    expect(t.calls.slice(-2)).toEqual(['check', 'download']);
  });

  it('the feed stops offering a downloaded version (halted): it is discarded and never installed at quit', async () => {
    const t = await controller();
    t.c.setClassState(afterClass);
    await t.m.advance(5 * MIN);
    t.c.onDownloaded('1.5.0', null);
    expect(t.state.atQuit).toBe(true);
    t.state.feed = { action: 'none' };
    await t.m.advance(HOUR);
    expect(t.calls).toContain('discard');
    expect(t.state.atQuit).toBe(false);
    await expect(t.c.quitting()).resolves.toBe(false);
  });

  it('a downloaded file that fails the signed manifest is discarded, counted, and not downloaded again at once', async () => {
    const t = await controller();
    t.c.setClassState(afterClass);
    t.c.onDownloaded('1.5.0', 'the file is not the one the manifest signed (sha512 differs)');
    expect(t.calls.slice(-1)).toEqual(['discard']);
    expect(t.store.get().failures).toMatchObject([{ version: '1.5.0', attempts: 1 }]);
    expect(t.last()).toMatchObject({ state: 'available', failure: { attempts: 1, gaveUp: false } });
    await t.m.advance(29 * MIN);
    expect(t.calls.filter((call) => call === 'download')).toHaveLength(1);
    await t.m.advance(2 * MIN);
    expect(t.calls.filter((call) => call === 'download')).toHaveLength(2);
  });
});

describe('failures never loop', () => {
  it('an installer that does not complete is noticed at the next launch, retried with backoff, and given up after 3', async () => {
    const store = await UpdateStore.open(join(dir, 'updates.json'));
    const m = machine();
    for (let launch = 1; launch <= 4; launch++) {
      const t = await controller({ store, m: machine(m.clock.now()) });
      if (launch > 1) expect(t.c.launchOutcome).toEqual({ failed: '1.5.0', reason: 'the installer ran but the app is still 1.4.2' });
      t.c.setClassState(afterClass);
      t.c.onDownloaded('1.5.0', null);
      await settle();
      const installed = t.calls.filter((call) => call.startsWith('install')).length;
      if (launch <= 3) {
        // Launch 1 installs; later launches wait out the backoff (30 min, then 2 h) before "restart now" works.
        if (launch === 1) expect(installed).toBe(1);
        else {
          expect(installed).toBe(0);
          await expect(t.c.restartNow()).resolves.toMatchObject({ ok: false });
          await t.m.advance(launch === 2 ? 31 * MIN : 2 * HOUR + MIN);
          await expect(t.c.restartNow()).resolves.toEqual({ ok: true });
        }
      } else {
        expect(installed).toBe(0);
        expect(t.last()).toMatchObject({ state: 'failed', failure: { gaveUp: true, attempts: 3, reason: 'the installer ran but the app is still 1.4.2' } });
        await expect(t.c.restartNow()).resolves.toMatchObject({ ok: false, reason: expect.stringContaining('failed') });
      }
      t.c.stop();
      m.setWall(t.m.clock.now() + MIN);
    }
  });

  it('an installer that cannot start is recorded with its reason and not retried at once', async () => {
    const t = await controller();
    t.c.setClassState(afterClass);
    await t.m.advance(5 * MIN);
    t.state.installThrows = 'spawn EACCES';
    t.c.onDownloaded('1.5.0', null);
    await expect(t.c.restartNow()).resolves.toEqual({ ok: false, reason: 'spawn EACCES' });
    expect(t.last()).toMatchObject({ failure: { reason: 'the installer could not start: spawn EACCES', attempts: 1, gaveUp: false } });
    expect(t.store.get().pendingInstall).toBeNull();
    await expect(t.c.restartNow()).resolves.toMatchObject({ ok: false });
  });

  it('a successful install clears the failures of the version now running', async () => {
    const store = await UpdateStore.open(join(dir, 'updates.json'));
    await store.set({ ...store.get(), failures: [{ version: '1.5.0', attempts: 2, lastAt: 1, reason: 'x' }], pendingInstall: { version: '1.5.0', from: '1.4.2', at: 1 } });
    const t = await controller({ store, version: '1.5.0', updater: fakeUpdater({ action: 'none' }) });
    expect(t.c.launchOutcome).toEqual({ installed: '1.5.0' });
    expect(store.get()).toMatchObject({ failures: [], pendingInstall: null });
  });

  it('failed checks back off (1, 2, 4 min …) instead of hammering the service', async () => {
    const updater = fakeUpdater();
    updater.state.checkFails = 'connect ECONNREFUSED 127.0.0.1:1';
    const t = await controller({ updater });
    await t.m.advance(10 * MIN);
    expect(t.calls.filter((call) => call === 'check')).toHaveLength(4); // at 0, 1, 3 and 7 min
    expect(t.last()).toMatchObject({ checkError: 'connect ECONNREFUSED 127.0.0.1:1' });
  });
});

describe('what each check says', () => {
  it('sends the install id, version, and the admin policy\'s ring, groups and pin', async () => {
    const t = await controller({ policy: policyFile({ ring: 'canary', groups: ['school:north-7'], pin: '1.4.*' }) });
    expect(t.checks[0]).toEqual({ installId: 'install-0001', currentVersion: '1.4.2', ring: 'canary', groups: ['school:north-7'], pin: '1.4.*', policy: 'on' });
  });

  it('a policy file that breaks later holds updates at the next tick, and says so', async () => {
    const t = await controller();
    t.c.setClassState(afterClass);
    t.setPolicy({ kind: 'invalid', path: '/etc/classroom-console/policy.json', problem: 'is not valid JSON' });
    await t.m.advance(MIN);
    expect(t.last()).toMatchObject({ state: 'held', policy: { source: 'invalid', problem: 'is not valid JSON' } });
    expect(t.state.speed).toBeNull();
    await t.m.advance(HOUR);
    expect(t.checks.at(-1)).toMatchObject({ policy: 'held', ring: null, pin: null });
  });

  it('updates off: no check at all', async () => {
    const t = await controller({ policy: policyFile({ updates: 'off' }) });
    await t.m.advance(5 * HOUR);
    expect(t.calls).toEqual([]);
    expect(t.last()).toMatchObject({ state: 'disabled' });
  });
});

describe('class state across restarts', () => {
  it('a signed-out console keeps the last start time, and the next launch does not install before that class', async () => {
    const store = await UpdateStore.open(join(dir, 'updates.json'));
    const m = machine();
    const first = await controller({ store, m });
    first.c.setClassState({ live: false, startsAt: m.clock.now() + 30 * MIN, signedIn: true });
    first.c.setClassState({ live: false, startsAt: null, signedIn: false });
    expect(first.last()).toMatchObject({ hold: null });
    await settle();
    first.c.stop();

    const next = await controller({ store, m: machine(m.clock.now() + 20 * MIN) });
    next.c.onDownloaded('1.5.0', null);
    await settle();
    expect(next.last()).toMatchObject({ hold: 'class-soon' });
    expect(next.calls.some((call) => call.startsWith('install'))).toBe(false);
  });
});
