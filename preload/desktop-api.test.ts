import { describe, expect, it } from 'vitest';
import type { BackendStatus, UpdateStatus } from '../shared/ipc/contract';
import { createDesktopApi, type IpcBridge } from './desktop-api';

/** Records what the bridge sends and plays main's part for events. */
function recordingIpc() {
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipc: IpcBridge = {
    invoke: async (...args) => (invoked.push(args), { answered: args[0] }),
    on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const emit = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l({ sender: 'secret ipc internals' }, payload));
  return { ipc, invoked, emit, listeners };
}

describe('window.desktop', () => {
  it('maps each method to its contract channel with the request as the only argument', async () => {
    const { ipc, invoked } = recordingIpc();
    const desktop = createDesktopApi(ipc);
    await desktop.app.info();
    await desktop.settings.get();
    await desktop.settings.update({ connection: { mode: 'remote' } });
    await desktop.token.issue({ username: 'teacher1', password: 'demo' });
    await desktop.token.refresh('abc.def.ghi');
    await desktop.backend.status();
    await desktop.notify.show({ title: 'Help requested', body: 'class-0001', severity: 'warning' });
    await desktop.screen.sources();
    await desktop.screen.choose('screen:0:0');
    await desktop.updates.status();
    await desktop.updates.restartNow();
    await desktop.updates.later();
    await desktop.classroom.setClassState({ live: true, startsAt: null, signedIn: true });
    expect(invoked).toEqual([
      ['app:info'],
      ['settings:get'],
      ['settings:update', { connection: { mode: 'remote' } }],
      ['token:issue', { username: 'teacher1', password: 'demo' }],
      ['token:refresh', { token: 'abc.def.ghi' }],
      ['backend:status'],
      ['notify:show', { title: 'Help requested', body: 'class-0001', severity: 'warning' }],
      ['screen:sources'],
      ['screen:choose', { id: 'screen:0:0' }],
      ['updates:status'],
      ['updates:restartNow'],
      ['updates:later'],
      ['classroom:setClassState', { live: true, startsAt: null, signedIn: true }],
    ]);
  });

  it('delivers backend status events without the IPC event, and stops after unsubscribe', () => {
    const { ipc, emit, listeners } = recordingIpc();
    const desktop = createDesktopApi(ipc);
    const seen: unknown[][] = [];
    const unsubscribe = desktop.backend.onStatus((...args) => seen.push(args));
    const ready: BackendStatus = { state: 'ready', wsUrl: 'ws://127.0.0.1:1/mqtt', httpUrl: 'http://127.0.0.1:1', classes: 50 };
    emit('backend:status', ready);
    unsubscribe();
    emit('backend:status', { state: 'off' });
    expect(seen).toEqual([[ready]]);
    expect(listeners.get('backend:status')?.size).toBe(0);
  });

  it('delivers update status events without the IPC event, and stops after unsubscribe', () => {
    const { ipc, emit, listeners } = recordingIpc();
    const desktop = createDesktopApi(ipc);
    const seen: unknown[][] = [];
    const unsubscribe = desktop.updates.onStatus((...args) => seen.push(args));
    const status: UpdateStatus = { state: 'downloading', currentVersion: '0.1.0', version: '0.2.0', policy: { source: 'default', updates: 'on' }, hold: null, prompt: false, canRestartNow: false };
    emit('updates:status', status);
    unsubscribe();
    emit('updates:status', { ...status, state: 'ready' });
    expect(seen).toEqual([[status]]);
    expect(listeners.get('updates:status')?.size).toBe(0);
  });

  it('exposes nothing but the domain API', () => {
    const desktop = createDesktopApi(recordingIpc().ipc);
    const surface = Object.entries(desktop).flatMap(([area, methods]) => Object.keys(methods as object).map((method) => `${area}.${method}`));
    expect(surface.sort()).toEqual([
      'app.info',
      'backend.onStatus',
      'backend.status',
      'classroom.setClassState',
      'notify.show',
      'screen.choose',
      'screen.sources',
      'settings.get',
      'settings.update',
      'token.issue',
      'token.refresh',
      'updates.later',
      'updates.onStatus',
      'updates.restartNow',
      'updates.status',
    ]);
  });
});
