import { describe, expect, it } from 'vitest';
import type { IpcChannel, Settings, UpdateStatus } from '../../shared/ipc/contract';
import { createIpcDispatcher, IpcRefused, type IpcHandlers } from './dispatcher';
import { isTrustedSender, type IpcSender } from './sender';

const CONSOLE_WINDOW = 7;
const appSender: IpcSender = { webContentsId: CONSOLE_WINDOW, frameUrl: 'app://console/index.html', isMainFrame: true };
const settings: Settings = { connection: { mode: 'local', brokerUrl: '', username: '' }, installId: 'abcdefgh1234' };
const idle: UpdateStatus = { state: 'idle', currentVersion: '0.1.0', policy: { source: 'default', updates: 'on' }, hold: null, prompt: false, canRestartNow: false };

function setup(overrides: Partial<IpcHandlers> = {}) {
  const calls: IpcChannel[] = [];
  const problems: string[] = [];
  const handlers: IpcHandlers = {
    'app:info': () => (calls.push('app:info'), { name: 'Classroom Console', version: '0.1.0', platform: 'linux', electron: '41.0.0', packaged: false }),
    'settings:get': () => (calls.push('settings:get'), settings),
    'settings:update': (patch) => (calls.push('settings:update'), { ...settings, connection: { ...settings.connection, ...patch.connection } }),
    'token:issue': () => (calls.push('token:issue'), { ok: false, failure: 'wrong-password', message: 'Wrong password.' }),
    'token:refresh': () => (calls.push('token:refresh'), { ok: false, failure: 'token-expired', message: 'expired' }),
    'backend:status': () => (calls.push('backend:status'), { state: 'off' }),
    'notify:show': () => (calls.push('notify:show'), true),
    'screen:sources': () => (calls.push('screen:sources'), []),
    'screen:choose': () => (calls.push('screen:choose'), false),
    'updates:status': () => (calls.push('updates:status'), idle),
    'updates:restartNow': () => (calls.push('updates:restartNow'), { ok: false, reason: 'A class is live: the update installs after it.' }),
    'updates:later': () => (calls.push('updates:later'), idle),
    'classroom:setClassState': () => (calls.push('classroom:setClassState'), true),
    ...overrides,
  };
  const dispatch = createIpcDispatcher({
    handlers,
    isTrusted: (sender) => isTrustedSender(sender, new Set([CONSOLE_WINDOW])),
    report: (problem) => problems.push(problem),
  });
  return { dispatch, calls, problems };
}

describe('IPC dispatcher', () => {
  it('passes a valid request from the console to its handler and returns the answer', async () => {
    const { dispatch, calls } = setup();
    await expect(dispatch('settings:update', appSender, [{ connection: { mode: 'remote', brokerUrl: 'wss://broker.example.com/mqtt' } }])).resolves.toEqual({
      connection: { mode: 'remote', brokerUrl: 'wss://broker.example.com/mqtt', username: '' },
      installId: 'abcdefgh1234',
    });
    await expect(dispatch('app:info', appSender, [])).resolves.toMatchObject({ name: 'Classroom Console' });
    expect(calls).toEqual(['settings:update', 'app:info']);
  });

  it.each([
    ['settings:update', [{ connection: { brokerUrl: 'https://not-a-websocket.example.com' } }]],
    ['settings:update', [{ connection: { mode: 'cloud' } }]],
    ['token:issue', [{ username: '', password: 'demo' }]],
    ['token:issue', ['teacher1']],
    ['token:refresh', [{ token: '' }]],
    ['notify:show', [{ title: 'x'.repeat(121), body: '', severity: 'info' }]],
    ['notify:show', [{ title: 'hi', body: '', severity: 'panic' }]],
    ['app:info', [{ sneaky: true }]],
    ['settings:get', [undefined, 'extra']],
  ] as const)('refuses an invalid %s request before the handler runs', async (channel, args) => {
    const { dispatch, calls, problems } = setup();
    await expect(dispatch(channel, appSender, args)).rejects.toThrow(IpcRefused);
    expect(calls).toEqual([]);
    expect(problems[0]).toContain(channel);
  });

  it('says which field is wrong', async () => {
    const { dispatch } = setup();
    await expect(dispatch('token:issue', appSender, [{ username: 'teacher1', password: 7 }])).rejects.toThrow(/password/);
  });

  it.each([
    ['another window', { webContentsId: 99, frameUrl: 'app://console/index.html', isMainFrame: true }],
    ['a remote page in our window', { webContentsId: CONSOLE_WINDOW, frameUrl: 'https://evil.example.com/', isMainFrame: true }],
    ['a file:// page in our window', { webContentsId: CONSOLE_WINDOW, frameUrl: 'file:///tmp/x.html', isMainFrame: true }],
    ['a subframe', { webContentsId: CONSOLE_WINDOW, frameUrl: 'app://console/index.html', isMainFrame: false }],
    ['a destroyed frame', { webContentsId: CONSOLE_WINDOW, frameUrl: null, isMainFrame: true }],
  ] as const)('refuses a valid request from %s', async (_who, sender) => {
    const { dispatch, calls } = setup();
    await expect(dispatch('settings:get', sender, [])).rejects.toThrow(/not the console/);
    expect(calls).toEqual([]);
  });

  it('refuses channels outside the contract', async () => {
    const { dispatch } = setup();
    await expect(dispatch('shell:openExternal' as IpcChannel, appSender, ['https://example.com'])).rejects.toThrow(/unknown IPC channel/);
  });

  it('does not hand the renderer an answer that breaks the contract', async () => {
    const { dispatch, problems } = setup({ 'backend:status': () => ({ state: 'exploded' }) as never });
    await expect(dispatch('backend:status', appSender, [])).rejects.toThrow(/could not produce a valid answer/);
    expect(problems[0]).toMatch(/invalid response/);
  });
});

describe('screen sharing channels', () => {
  it('refuses a source id that is not a desktopCapturer id before main sees it', async () => {
    const { dispatch, calls, problems } = setup();
    await expect(dispatch('screen:choose', appSender, [{ id: '../../etc/passwd' }])).rejects.toBeInstanceOf(IpcRefused);
    await expect(dispatch('screen:choose', appSender, [{ id: 'window:12:0' }])).resolves.toBe(false);
    expect(calls).toEqual(['screen:choose']);
    expect(problems).toHaveLength(1);
  });
});

describe('update and class-state channels', () => {
  it.each([
    ['a live class', { live: true, startsAt: null, signedIn: true }],
    ['a class starting later', { live: false, startsAt: 1_773_151_200_000, signedIn: true }],
    ['signed out', { live: false, startsAt: null, signedIn: false }],
  ])('passes %s to main', async (_case, report) => {
    const { dispatch, calls } = setup();
    await expect(dispatch('classroom:setClassState', appSender, [report])).resolves.toBe(true);
    expect(calls).toEqual(['classroom:setClassState']);
  });

  it.each([
    ['no argument', []],
    ['live as a string', [{ live: 'yes', startsAt: null, signedIn: true }]],
    ['a missing start time', [{ live: false, signedIn: true }]],
    ['a start time as a date string', [{ live: false, startsAt: '2026-03-10T14:00:00Z', signedIn: true }]],
    ['a fractional start time', [{ live: false, startsAt: 1.5, signedIn: true }]],
    ['a negative start time', [{ live: false, startsAt: -1, signedIn: true }]],
    ['an extra field (the renderer cannot smuggle a policy in)', [{ live: false, startsAt: null, signedIn: true, policy: { updates: 'off' } }]],
    ['two arguments', [{ live: false, startsAt: null, signedIn: true }, 'extra']],
  ] as const)('refuses a class state with %s before main sees it', async (_case, args) => {
    const { dispatch, calls, problems } = setup();
    await expect(dispatch('classroom:setClassState', appSender, args)).rejects.toThrow(IpcRefused);
    expect(calls).toEqual([]);
    expect(problems[0]).toContain('classroom:setClassState');
  });

  it.each(['updates:status', 'updates:restartNow', 'updates:later'] as const)('%s takes no argument', async (channel) => {
    const { dispatch, calls } = setup();
    await expect(dispatch(channel, appSender, [{ force: true }])).rejects.toThrow(IpcRefused);
    await expect(dispatch(channel, appSender, ['1.5.0'])).rejects.toThrow(IpcRefused);
    expect(calls).toEqual([]);
    await expect(dispatch(channel, appSender, [])).resolves.toBeDefined();
    expect(calls).toEqual([channel]);
  });

  it.each([
    ['another window', { webContentsId: 99, frameUrl: 'app://console/index.html', isMainFrame: true }],
    ['a remote page in our window', { webContentsId: CONSOLE_WINDOW, frameUrl: 'https://evil.example.com/', isMainFrame: true }],
    ['a subframe', { webContentsId: CONSOLE_WINDOW, frameUrl: 'app://console/index.html', isMainFrame: false }],
  ] as const)('refuses restart, later and class state from %s', async (_who, sender) => {
    const { dispatch, calls } = setup();
    await expect(dispatch('updates:restartNow', sender, [])).rejects.toThrow(/not the console/);
    await expect(dispatch('updates:later', sender, [])).rejects.toThrow(/not the console/);
    await expect(dispatch('classroom:setClassState', sender, [{ live: false, startsAt: null, signedIn: true }])).rejects.toThrow(/not the console/);
    expect(calls).toEqual([]);
  });

  it('does not hand the renderer an update status that breaks the contract', async () => {
    const { dispatch } = setup({ 'updates:status': () => ({ ...idle, state: 'installing-now' }) as never });
    await expect(dispatch('updates:status', appSender, [])).rejects.toThrow(/could not produce a valid answer/);
  });
});
