import { describe, expect, it } from 'vitest';
import type { BackendStatus, ClassStateReport, Settings, SettingsPatch, UpdateStatus } from '../../shared/ipc/contract';
import { ScreenChoice } from '../screen-share';
import { createIpcDispatcher } from './dispatcher';
import { createIpcHandlers, type ConsolePorts } from './handlers';
import type { IpcSender } from './sender';

const sender: IpcSender = { webContentsId: 1, frameUrl: 'app://console/index.html', isMainFrame: true };
const image = (url: string) => ({ isEmpty: () => url === '', toDataURL: () => url });

/** The handlers behind the real dispatcher, so every answer is also checked against the contract. */
function setup(initial: Settings['connection']['mode'] = 'remote') {
  let settings: Settings = { connection: { mode: initial, brokerUrl: '', username: '' }, installId: 'abcdefgh1234' };
  let backendStarts = 0;
  const notified: unknown[] = [];
  const status: BackendStatus = { state: 'off' };
  const screenChoice = new ScreenChoice(() => 1_000);
  const reports: ClassStateReport[] = [];
  const update: UpdateStatus = { state: 'ready', currentVersion: '0.1.0', version: '0.2.0', policy: { source: 'default', updates: 'on' }, hold: null, prompt: true, canRestartNow: true };
  const ports: ConsolePorts = {
    appInfo: () => ({ name: 'Classroom Console', version: '0.1.0', platform: 'linux', electron: '41.0.0', packaged: false }),
    settings: {
      get: () => settings,
      update: async (patch: SettingsPatch) => (settings = { ...settings, connection: { ...settings.connection, ...patch.connection } }),
    },
    backend: { start: () => void backendStarts++, status: () => status },
    tokens: {
      issue: async ({ username }) => ({ ok: false, failure: 'unknown-user', message: `no ${username}` }),
      refresh: async () => ({ ok: false, failure: 'token-expired', message: 'expired' }),
    },
    notify: (notification) => (notified.push(notification), true),
    listScreens: async () => [
      { id: 'screen:0:0', name: 'Entire screen', thumbnail: image('data:image/png;base64,AAAA') },
      { id: 'window:42:0', name: 'Slides', thumbnail: image('') },
    ],
    screenChoice,
    updates: {
      status: () => update,
      restartNow: async () => (reports.at(-1)?.live ? { ok: false, reason: 'A class is live: the update installs after it.' } : { ok: true }),
      later: async () => ({ ...update, prompt: false }),
    },
    classroom: { setClassState: (report) => (reports.push(report), true) },
  };
  const dispatch = createIpcDispatcher({ handlers: createIpcHandlers(ports), isTrusted: () => true });
  return { dispatch, notified, screenChoice, reports, starts: () => backendStarts };
}

describe('IPC handlers', () => {
  it('starts the embedded backend when the person switches to local mode, and only then', async () => {
    const { dispatch, starts } = setup('remote');
    await dispatch('settings:update', sender, [{ connection: { brokerUrl: 'wss://broker.example.com/mqtt' } }]);
    expect(starts()).toBe(0);
    await expect(dispatch('settings:update', sender, [{ connection: { mode: 'local' } }])).resolves.toMatchObject({ connection: { mode: 'local' } });
    expect(starts()).toBe(1);
    await expect(dispatch('settings:get', sender, [])).resolves.toMatchObject({ connection: { mode: 'local', brokerUrl: 'wss://broker.example.com/mqtt' } });
  });

  it('answers app, token, backend and notification requests within the contract', async () => {
    const { dispatch, notified } = setup();
    await expect(dispatch('app:info', sender, [])).resolves.toMatchObject({ name: 'Classroom Console' });
    await expect(dispatch('token:issue', sender, [{ username: 'nobody', password: 'demo' }])).resolves.toMatchObject({ failure: 'unknown-user', message: 'no nobody' });
    await expect(dispatch('token:refresh', sender, [{ token: 'abc' }])).resolves.toMatchObject({ failure: 'token-expired' });
    await expect(dispatch('backend:status', sender, [])).resolves.toEqual({ state: 'off' });
    await expect(dispatch('notify:show', sender, [{ title: 'Help', body: 'class-0001', severity: 'warning' }])).resolves.toBe(true);
    expect(notified).toEqual([{ title: 'Help', body: 'class-0001', severity: 'warning' }]);
  });

  it('lets the page choose only a source it was just shown', async () => {
    const { dispatch, screenChoice } = setup();
    await expect(dispatch('screen:choose', sender, [{ id: 'window:42:0' }])).resolves.toBe(false);
    await expect(dispatch('screen:sources', sender, [])).resolves.toEqual([
      { id: 'screen:0:0', name: 'Entire screen', kind: 'screen', thumbnail: 'data:image/png;base64,AAAA' },
      { id: 'window:42:0', name: 'Slides', kind: 'window', thumbnail: '' },
    ]);
    await expect(dispatch('screen:choose', sender, [{ id: 'window:42:0' }])).resolves.toBe(true);
    expect(screenChoice.take()).toBe('window:42:0');
  });
});

describe('update handlers', () => {
  it('hand the class state to the update policy and answer restart, later and status within the contract', async () => {
    const { dispatch, reports } = setup();
    await expect(dispatch('updates:status', sender, [])).resolves.toMatchObject({ state: 'ready', prompt: true });
    await expect(dispatch('classroom:setClassState', sender, [{ live: true, startsAt: null, signedIn: true }])).resolves.toBe(true);
    expect(reports).toEqual([{ live: true, startsAt: null, signedIn: true }]);
    await expect(dispatch('updates:restartNow', sender, [])).resolves.toEqual({ ok: false, reason: 'A class is live: the update installs after it.' });
    await dispatch('classroom:setClassState', sender, [{ live: false, startsAt: null, signedIn: true }]);
    await expect(dispatch('updates:restartNow', sender, [])).resolves.toEqual({ ok: true });
    await expect(dispatch('updates:later', sender, [])).resolves.toMatchObject({ prompt: false });
  });
});
