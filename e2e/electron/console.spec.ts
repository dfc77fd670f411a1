import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { DesktopApi } from '../../shared/ipc/contract';
import { ClassListPage } from '../pages/ClassListPage';
import { ConnectPage } from '../pages/ConnectPage';

const root = resolve(import.meta.dirname, '../..');
const mainEntry = join(root, 'out/main/index.js');

/** The Electron binary, or why these tests cannot run here. */
function findElectron(): { path: string } | { skip: string } {
  let path: string;
  try {
    path = createRequire(join(root, 'package.json'))('electron') as string;
  } catch (error) {
    return { skip: `Electron binary not present under ${join(root, 'node_modules/electron/dist')} (download skipped or blocked: ${(error as Error).message.split('\n')[0]}). Run \`node node_modules/electron/install.js\` to fetch it.` };
  }
  if (!existsSync(path)) return { skip: `Electron binary not present at ${path}. Run \`node node_modules/electron/install.js\` to fetch it.` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { skip: 'No display for Electron (DISPLAY/WAYLAND_DISPLAY unset); run under xvfb-run.' };
  }
  return { path };
}

const found = findElectron();
// Printed as well as attached, so the reason shows up in any reporter's output.
if ('skip' in found) console.log(`[electron e2e] skipped: ${found.skip}`);
test.skip('skip' in found, 'skip' in found ? found.skip : '');

type DesktopWindow = Window & { desktop?: DesktopApi };

let app: ElectronApplication;
let page: Page;
let userData: string;

test.beforeAll(async () => {
  if ('skip' in found) return;
  expect(existsSync(mainEntry), `${mainEntry} is missing: run \`npm run build\` first`).toBe(true);
  userData = await mkdtemp(join(tmpdir(), 'console-e2e-'));
  app = await electron.launch({
    executablePath: found.path,
    // Chromium will not start its sandbox as root (CI containers); only then, and only in tests, run without it.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), mainEntry],
    // The local backend's demo faults add load and nothing this spec looks at.
    env: { ...process.env, CONSOLE_USER_DATA_DIR: userData, CLASSROOM_DEMO_FAULTS: 'off' },
  });
  page = await app.firstWindow();
});

test.afterAll(async () => {
  await app?.close();
  if (userData) await rm(userData, { recursive: true, force: true });
});

test('opens the console from app:// on the connect screen', async () => {
  await expect(new ConnectPage(page).screen).toBeVisible();
  expect(page.url()).toBe('app://console/index.html');
});

test('exposes window.desktop and nothing of Node', async () => {
  const surface = await page.evaluate(async () => {
    const desktop = (window as DesktopWindow).desktop;
    const scope = globalThis as Record<string, unknown>;
    return {
      desktop: desktop ? Object.keys(desktop).sort() : null,
      info: desktop ? await desktop.app.info() : null,
      require: typeof scope.require,
      process: typeof scope.process,
    };
  });
  expect(surface.desktop).toEqual(['app', 'backend', 'notify', 'settings', 'token']);
  expect(surface.info).toMatchObject({ name: expect.any(String), electron: expect.any(String), packaged: false });
  expect(surface.require).toBe('undefined');
  expect(surface.process).toBe('undefined');
});

test('app:// responses carry the strict CSP', async () => {
  const csp = await page.evaluate(async () => (await fetch('app://console/index.html')).headers.get('content-security-policy'));
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain('ws://127.0.0.1:*');
});

test('refuses popups and navigation off the app', async () => {
  const opened = await page.evaluate(() => window.open('https://example.com/') === null);
  expect(opened).toBe(true);
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await expect(new ConnectPage(page).screen).toBeVisible();
  expect(page.url()).toBe('app://console/index.html');
  expect(app.windows()).toHaveLength(1);
});

test('main refuses an invalid IPC request with a clear error', async () => {
  const error = await page.evaluate(async () => {
    try {
      await (window as DesktopWindow).desktop!.token.issue({ username: '', password: 'demo' });
      return null;
    } catch (e) {
      return (e as Error).message;
    }
  });
  expect(error).toMatch(/token:issue: invalid request/);
});

test('local mode: the embedded backend gets ready and issues a token', async () => {
  await expect
    .poll(() => page.evaluate(async () => (await (window as DesktopWindow).desktop!.backend.status()).state), { timeout: 30_000 })
    .toBe('ready');
  const result = await page.evaluate(() => (window as DesktopWindow).desktop!.token.issue({ username: 'teacher1', password: 'demo' }));
  expect(result).toMatchObject({ ok: true, token: { role: 'teacher' } });
  const wrong = await page.evaluate(() => (window as DesktopWindow).desktop!.token.issue({ username: 'teacher1', password: 'nope' }));
  expect(wrong).toMatchObject({ ok: false, failure: 'wrong-password' });
});

test('local mode: a wrong password is explained, then the teacher signs in and sees the class list', async () => {
  const connect = new ConnectPage(page);
  await connect.signInWithPassword('teacher1', 'not-the-password');
  expect(await connect.failure()).toBe('wrong-password');
  await connect.signInAsDemo('teacher1');
  const classes = new ClassListPage(page);
  await expect(classes.screen).toBeVisible();
  await expect(classes.rows.first()).toBeVisible();
});
