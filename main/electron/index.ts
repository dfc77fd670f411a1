import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, desktopCapturer, session, type BrowserWindow } from 'electron';
import { localModeSimulation } from '../../services/simulator/demo-faults';
import { BackendHost } from '../backend-host';
import { createIpcDispatcher } from '../ipc/dispatcher';
import { createIpcHandlers } from '../ipc/handlers';
import { isTrustedSender } from '../ipc/sender';
import { ScreenChoice, sourceForCapture } from '../screen-share';
import { SettingsStore } from '../settings-store';
import { TokenClient } from '../token-client';
import { policyLocations, policyValues, readAdminPolicy, type PolicyState } from '../updates/admin-policy';
import { NO_UPDATER, UpdateController } from '../updates/controller';
import { feedUrlFor, readKeyFile, TrustedKeys } from '../updates/release-client';
import { UpdateStore } from '../updates/update-store';
import { registerAppScheme, serveApp } from './app-protocol';
import { spawnBackendProcess } from './backend-process';
import { hardenContents, hardenSession } from './harden';
import { broadcast, registerIpc } from './ipc';
import { showNotification } from './notifications';
import { createUpdaterPort } from './updater';
import { createConsoleWindow } from './window';

/**
 * The app's entry and the only place that assembles main: Electron's lifecycle, windows and session on one side,
 * the plain parts in main/ (settings, backend host, token client, IPC dispatcher and handlers, screen choice) on
 * the other. Decisions live in those parts; this file connects them to Electron.
 */
const here = dirname(fileURLToPath(import.meta.url));
const paths = {
  renderer: join(here, '../renderer'),
  preload: join(here, '../preload/index.cjs'),
  backend: join(here, 'backend.js'),
};
const report = (problem: string) => console.warn(`[main] ${problem}`);

// Lets e2e tests run against a throwaway profile; a packaged app always uses the OS location.
const userDataOverride = process.env.CONSOLE_USER_DATA_DIR;
if (userDataOverride && !app.isPackaged) app.setPath('userData', userDataOverride);

registerAppScheme();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, report));
  void app.whenReady().then(start, (error: unknown) => {
    report(`could not start: ${(error as Error).stack ?? String(error)}`);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  hardenSession(session.defaultSession, report);
  // Screen sharing: the page's getDisplayMedia() gets the source the person picked in the console's own picker.
  const screenChoice = new ScreenChoice();
  session.defaultSession.setDisplayMediaRequestHandler((_request, callback) => {
    void sourceForCapture(screenChoice, () => desktopCapturer.getSources({ types: ['screen', 'window'] })).then((answer) => {
      if ('source' in answer) return callback({ video: answer.source });
      report(`refused a screen capture: ${answer.refused}`);
      callback({});
    });
  });

  const settings = await SettingsStore.open({ file: join(userData, 'settings.json'), report });
  const backend = new BackendHost({
    spawn: () => spawnBackendProcess(paths.backend, (line) => console.log(`[backend] ${line}`)),
    options: { classes: 50, persistDir: join(userData, 'backend-data'), simulation: localModeSimulation(process.env) },
    report,
  });
  const backendHttpUrl = () => {
    const status = backend.status();
    return status.state === 'ready' ? status.httpUrl : undefined;
  };
  serveApp(session.defaultSession, paths.renderer, backendHttpUrl);
  const tokens = new TokenClient(backendHttpUrl);

  const consoleWindows = new Map<number, BrowserWindow>();
  const consoleContents = () => [...consoleWindows.values()].map((w) => w.webContents);

  // Updates (main/updates/): the admin policy from the machine's policy file (a development run may name another
  // file; a packaged app never does), the release service beside the backend in use, electron-updater as the port.
  const policyOverride = app.isPackaged ? undefined : process.env.CONSOLE_POLICY_FILE;
  let policy: PolicyState = { kind: 'default', looked: [] };
  const readPolicy = async () =>
    (policy = await readAdminPolicy(
      policyOverride
        ? { locations: [policyOverride], trustedOwner: process.getuid?.() ?? null }
        : { locations: policyLocations(process.platform, process.env), trustedOwner: process.platform === 'win32' ? null : 0 },
    ));
  const keys = new TrustedKeys({
    builtIn: () => readKeyFile(join(process.resourcesPath, 'release-key.json'), report),
    policy: () => policyValues(policy)?.releaseKey,
    localHttpUrl: () => (settings.get().connection.mode === 'local' ? backendHttpUrl() : undefined),
    fetchJson: async (url) => (await fetch(url)).json(),
  });
  const updater = app.isPackaged
    ? createUpdaterPort({
        feedUrl: () => feedUrlFor({ policyFeedUrl: policyValues(policy)?.feedUrl, connection: settings.get().connection, localHttpUrl: backendHttpUrl() }),
        trustedKeys: () => keys.get(),
        currentVersion: app.getVersion(),
        report,
      })
    : null;
  const updates = new UpdateController({
    port: updater?.port ?? NO_UPDATER,
    store: await UpdateStore.open(join(userData, 'updates.json'), report),
    readPolicy,
    currentVersion: app.getVersion(),
    installId: settings.get().installId,
    updaterUnavailable: updater ? null : 'this copy runs from source (npm start), not an installed app',
    clock: { now: () => Date.now(), uptime: () => performance.now() },
    timers: { set: (run, ms) => setTimeout(run, ms), clear: (handle) => clearTimeout(handle as NodeJS.Timeout) },
    onStatus: (status) => broadcast(consoleContents(), 'updates:status', status),
    report,
  });
  updater?.connect(updates);

  const handlers = createIpcHandlers({
    appInfo: () => ({ name: app.getName(), version: app.getVersion(), platform: process.platform, electron: process.versions.electron, packaged: app.isPackaged }),
    settings,
    backend,
    tokens,
    notify: showNotification,
    listScreens: () => desktopCapturer.getSources({ types: ['screen', 'window'], thumbnailSize: { width: 320, height: 180 } }),
    screenChoice,
    updates,
    classroom: updates,
  });
  registerIpc(createIpcDispatcher({ handlers, isTrusted: (sender) => isTrustedSender(sender, new Set(consoleWindows.keys())), report }));
  backend.onStatus((status) => broadcast(consoleContents(), 'backend:status', status));
  if (settings.get().connection.mode === 'local') backend.start();
  await updates.start();

  const openWindow = () => {
    const window = createConsoleWindow(paths.preload, app.getName());
    const id = window.webContents.id;
    consoleWindows.set(id, window);
    window.on('closed', () => {
      consoleWindows.delete(id);
      // No console window, no class screen: the class state it reported no longer holds.
      if (consoleWindows.size === 0) updates.consoleClosed();
    });
  };
  openWindow();

  app.on('second-instance', () => {
    const [window] = consoleWindows.values();
    if (window === undefined) return openWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (consoleWindows.size === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let stopped = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    // An update installs at quit only if the policy allows it and the release service, asked now, still offers it;
    // in local mode that service is the embedded backend, so it is asked before the backend stops.
    void updates
      .quitting()
      .catch((error: unknown) => report(`update at quit: ${String(error)}`))
      .then(() => backend.stop())
      .finally(() => {
        stopped = true;
        app.quit();
      });
  });
}
