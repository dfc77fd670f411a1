import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildStatus, checkElectron, parseArgs, type Machine } from './launch-plan.mjs';

const desktop: Machine = {
  resolveElectron: () => '/app/node_modules/electron/dist/electron',
  exists: () => true,
  probe: () => ({ ok: true, detail: 'v22.0.0' }),
  platform: 'linux',
  env: { DISPLAY: ':0' },
  uid: 1000,
};

describe('checkElectron', () => {
  it('uses Electron on a desktop where the binary runs', () => {
    expect(checkElectron(desktop)).toEqual({ usable: true, path: '/app/node_modules/electron/dist/electron' });
  });

  it('explains a skipped download and how to fix it', () => {
    const check = checkElectron({
      ...desktop,
      env: { ...desktop.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      resolveElectron: () => {
        throw new Error('Electron failed to install correctly, please delete node_modules/electron and try installing again');
      },
    });
    expect(check).toMatchObject({ usable: false, reason: expect.stringContaining('ELECTRON_SKIP_BINARY_DOWNLOAD is set') });
    expect(check).toMatchObject({ missing: true });
    expect(check.usable === false && check.fix).toMatch(/npm rebuild electron/);
  });

  it('notices a binary path that points nowhere', () => {
    expect(checkElectron({ ...desktop, exists: () => false })).toMatchObject({ usable: false, reason: expect.stringMatching(/missing at/) });
  });

  it('does not try to open a window without a display on Linux', () => {
    expect(checkElectron({ ...desktop, env: {} })).toMatchObject({ usable: false, reason: expect.stringMatching(/no display/) });
    expect(checkElectron({ ...desktop, env: { WAYLAND_DISPLAY: 'wayland-0' } }).usable).toBe(true);
    expect(checkElectron({ ...desktop, platform: 'win32', env: {} }).usable).toBe(true);
  });

  it('refuses to run as root rather than turning the sandbox off', () => {
    expect(checkElectron({ ...desktop, uid: 0 })).toMatchObject({ usable: false, reason: expect.stringMatching(/root/) });
  });

  it('reports a binary that exists but does not run', () => {
    const check = checkElectron({ ...desktop, probe: () => ({ ok: false, detail: 'error while loading shared libraries: libnss3.so' }) });
    expect(check).toMatchObject({ usable: false, reason: expect.stringMatching(/libnss3/) });
  });
});

describe('parseArgs', () => {
  it('reads --web and --port', () => {
    expect(parseArgs([])).toEqual({ web: false, port: undefined, help: false, demoFaults: true });
    expect(parseArgs(['--web', '--port', '8080'])).toEqual({ web: true, port: 8080, help: false, demoFaults: true });
    expect(parseArgs(['--no-demo-faults'])).toMatchObject({ demoFaults: false });
    expect(parseArgs(['--port=0'])).toMatchObject({ port: 0 });
  });

  it('rejects what it does not understand, saying what', () => {
    expect(() => parseArgs(['--port', 'http'])).toThrow(/--port needs a number.*"http"/);
    expect(() => parseArgs(['--port'])).toThrow(/--port needs a number/);
    expect(() => parseArgs(['--electron-please'])).toThrow(/unknown option "--electron-please"/);
  });
});

describe('buildStatus', () => {
  let root: string;
  const at = (minutes: number) => new Date(Date.UTC(2025, 0, 1, 12, minutes));
  const file = async (path: string, minutes: number) => {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), path);
    await utimes(join(root, path), at(minutes), at(minutes));
  };
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'launch-plan-'));
    await file('package.json', 0);
    await file('electron.vite.config.ts', 0);
    await file('renderer/main.tsx', 1);
    await file('shared/protocol/topics.ts', 1);
    await file('main/electron/index.ts', 1);
    await file('preload/index.ts', 1);
    await file('services/embedded.ts', 1);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const buildAll = async (minutes: number) => {
    for (const output of ['out/renderer/index.html', 'out/main/index.js', 'out/main/backend.js', 'out/preload/index.cjs']) await file(output, minutes);
  };

  it('needs a build when nothing is built', () => {
    expect(buildStatus(root, 'electron')).toEqual({ stale: true, reason: 'out/main/index.js is missing' });
  });

  it('is up to date right after a build', async () => {
    await buildAll(5);
    expect(buildStatus(root, 'electron').stale).toBe(false);
    expect(buildStatus(root, 'web').stale).toBe(false);
  });

  it('is stale when a source changed after the build, and names it', async () => {
    await buildAll(5);
    await file('shared/protocol/topics.ts', 9);
    expect(buildStatus(root, 'web')).toEqual({ stale: true, reason: `${join('shared', 'protocol', 'topics.ts')} changed since the last build` });
  });

  it('ignores test files, and main-process changes in browser mode', async () => {
    await buildAll(5);
    await file('renderer/screens/list.test.tsx', 9);
    await file('main/electron/window.ts', 9);
    expect(buildStatus(root, 'web').stale).toBe(false);
    expect(buildStatus(root, 'electron')).toMatchObject({ stale: true, reason: expect.stringContaining('window.ts') });
  });

  it('only needs the renderer for browser mode', async () => {
    await file('out/renderer/index.html', 5);
    expect(buildStatus(root, 'web').stale).toBe(false);
    expect(buildStatus(root, 'electron').stale).toBe(true);
  });
});
