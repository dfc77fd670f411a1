import { describe, expect, it } from 'vitest';
import type { UpdateStatus } from '../../shared/ipc/contract';
import { initI18n } from '../i18n';
import { updateLine } from './updateLine';

const i18n = initI18n('en');
const t = (key: string, values?: Record<string, unknown>) => i18n.t(key, values);
const base: UpdateStatus = { state: 'idle', currentVersion: '1.4.2', policy: { source: 'default', updates: 'on' }, hold: null, prompt: false, canRestartNow: false };

describe('the header says what the updater does', () => {
  it.each<[string, Partial<UpdateStatus>, string]>([
    ['downloading', { state: 'downloading', version: '1.5.0', progress: { percent: 42, transferred: 42, total: 100, bytesPerSecond: 1 } }, 'Downloading 1.5.0 · 42%'],
    ['throttled in class', { state: 'downloading', version: '1.5.0', hold: 'class-live', progress: { percent: 42, transferred: 42, total: 100, bytesPerSecond: 1 } }, 'Downloading 1.5.0 · 42% · slowed during class'],
    ['paused for class', { state: 'paused', version: '1.5.0', hold: 'class-live', progress: { percent: 30, transferred: 30, total: 100, bytesPerSecond: 0 } }, 'Update 1.5.0 waits for the class to end (30%)'],
    ['ready, outside class', { state: 'ready', version: '1.5.0', prompt: true, canRestartNow: true, installAtQuit: true }, 'Update 1.5.0 is ready'],
    ['ready, in class', { state: 'ready', version: '1.5.0', hold: 'class-soon', installAtQuit: false }, 'Update 1.5.0 is ready. It installs after the class.'],
    ['ready, deferred to the end of the day', { state: 'ready', version: '1.5.0', installAtQuit: true, canRestartNow: true }, 'Update 1.5.0 is ready. It installs when you quit the app.'],
    ['a rollback', { state: 'ready', version: '1.4.1', rollback: true, prompt: true }, 'Version 1.4.1 replaces this one, which was withdrawn'],
    ['a failure to be retried', { state: 'available', version: '1.5.0', failure: { reason: 'the installer could not start: spawn EACCES', attempts: 1, gaveUp: false, retryInMs: 29 * 60_000 + 1 } }, 'Update to 1.5.0 failed: the installer could not start: spawn EACCES. It is tried again in 30 min.'],
    ['given up', { state: 'failed', version: '1.5.0', failure: { reason: 'the installer ran but the app is still 1.4.2', attempts: 3, gaveUp: true } }, 'Update to 1.5.0 failed: the installer ran but the app is still 1.4.2. It will not be tried again until a newer version is offered.'],
    ['a policy file that holds updates', { state: 'held', policy: { source: 'invalid', path: '/etc/classroom-console/policy.json', problem: 'is not valid JSON' } }, 'Updates are on hold: the IT policy file /etc/classroom-console/policy.json is not valid JSON'],
    ['updates off', { state: 'disabled', policy: { source: 'file', path: '/etc/classroom-console/policy.json', updates: 'off' } }, 'Updates are turned off by your IT policy'],
    ['a refused offer', { state: 'idle', refused: '1.5.0 is outside the version pinned by the admin policy (1.4.*)' }, 'Update not taken: 1.5.0 is outside the version pinned by the admin policy (1.4.*)'],
    ['nothing to do', {}, 'v1.4.2'],
    ['a copy run from source', { state: 'unavailable', detail: 'this copy runs from source (npm start), not an installed app' }, 'v1.4.2 · does not update itself: this copy runs from source (npm start), not an installed app'],
  ])('%s', (_case, fields, line) => {
    expect(updateLine({ ...base, ...fields }, t)).toBe(line);
  });
});
