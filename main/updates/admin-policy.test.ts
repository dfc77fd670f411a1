import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, MAX_POLICY_BYTES, policyLocations, policyValues, readAdminPolicy } from './admin-policy';

let dir: string;
const me = process.getuid?.() ?? 0;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'policy-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function policyFile(content: string, mode = 0o644): Promise<string> {
  const file = join(dir, 'policy.json');
  await writeFile(file, content);
  await chmod(file, mode);
  return file;
}

const read = (locations: string[], trustedOwner: number | null = me) => readAdminPolicy({ locations, trustedOwner });

describe('where the policy lives', () => {
  it('has one conventional machine-level place per OS', () => {
    expect(policyLocations('linux', {})).toEqual(['/etc/classroom-console/policy.json']);
    expect(policyLocations('win32', { ProgramData: 'D:\\ProgramData' })).toEqual(['D:\\ProgramData\\ClassroomConsole\\policy.json']);
    expect(policyLocations('win32', {})).toEqual(['C:\\ProgramData\\ClassroomConsole\\policy.json']);
    expect(policyLocations('darwin', {})).toEqual([
      '/Library/Managed Preferences/com.classroom.console.plist',
      '/Library/Application Support/ClassroomConsole/policy.json',
    ]);
  });
});

describe('reading the policy file', () => {
  it('no file: the defaults, and where it looked', async () => {
    const missing = join(dir, 'nothing.json');
    const state = await read([missing]);
    expect(state).toEqual({ kind: 'default', looked: [missing] });
    expect(policyValues(state)).toEqual(DEFAULT_POLICY);
    expect(DEFAULT_POLICY).toMatchObject({ updates: 'on', installOutsideWindow: true, classLeadMinutes: 15, downloadDuringClass: 'pause', checkIntervalMinutes: 60 });
  });

  it('reads every field of a complete policy', async () => {
    const file = await policyFile(
      JSON.stringify({
        updates: 'on',
        ring: 'pilot',
        groups: ['school:north-7', 'region:eu'],
        pin: '1.4.*',
        maintenanceWindow: { start: '22:00', end: '05:00', days: ['mon', 'tue'] },
        installOutsideWindow: false,
        classLeadMinutes: 30,
        downloadDuringClass: 'throttle',
        throttleKBps: 128,
        checkIntervalMinutes: 30,
        feedUrl: 'https://releases.school.example/api/releases/feed/',
      }),
    );
    const state = await read([file]);
    expect(state).toMatchObject({ kind: 'file', path: file, policy: { ring: 'pilot', pin: '1.4.*', classLeadMinutes: 30, maintenanceWindow: { start: '22:00', days: ['mon', 'tue'] } } });
  });

  it('a partial policy keeps the defaults for what it does not say; a UTF-8 BOM is fine', async () => {
    const state = await read([await policyFile('\uFEFF{ "updates": "off" }')]);
    expect(policyValues(state)).toEqual({ ...DEFAULT_POLICY, updates: 'off' });
  });

  it('the first place that has a file wins', async () => {
    const second = await policyFile('{ "ring": "canary" }');
    const state = await read([join(dir, 'absent.plist'), second]);
    expect(state).toMatchObject({ kind: 'file', path: second, policy: { ring: 'canary' } });
  });

  it.each([
    ['not JSON', '{ updates: off', /not valid JSON/],
    ['empty', '', /not valid JSON/],
    ['a JSON array', '[]', /expected object/i],
    ['a misspelt field (never silently ignored)', '{ "updatesEnabled": false }', /updatesEnabled/],
    ['an unknown ring', '{ "ring": "beta" }', /ring/],
    ['a range instead of a prefix', '{ "pin": ">=1.4" }', /version prefix/],
    ['a pin that is not a version', '{ "pin": "latest" }', /version prefix/],
    ['a window time out of range', '{ "maintenanceWindow": { "start": "24:00", "end": "05:00" } }', /HH:MM/],
    ['an empty window', '{ "maintenanceWindow": { "start": "02:00", "end": "02:00" } }', /must differ/],
    ['an unknown weekday', '{ "maintenanceWindow": { "start": "02:00", "end": "05:00", "days": ["funday"] } }', /days/],
    ['a lead time out of range', '{ "classLeadMinutes": 9999 }', /classLeadMinutes/],
    ['a check interval too short', '{ "checkIntervalMinutes": 1 }', /checkIntervalMinutes/],
    ['updates neither on nor off', '{ "updates": true }', /updates/],
    ['a plain-http feed', '{ "feedUrl": "http://releases.example/feed/" }', /https/],
    ['a group without a kind', '{ "groups": ["north-7"] }', /kind:name/],
  ])('a malformed policy (%s) is the safe side, naming the file and the problem', async (_case, content, problem) => {
    const file = await policyFile(content);
    const state = await read([file]);
    expect(state).toMatchObject({ kind: 'invalid', path: file });
    expect(state.kind === 'invalid' && state.problem).toMatch(problem);
    expect(policyValues(state)).toBeNull();
  });

  it('a malformed file in the first place is not skipped for a good one further on', async () => {
    const bad = await policyFile('{');
    const good = join(dir, 'good.json');
    await writeFile(good, '{}');
    expect(await read([bad, good])).toMatchObject({ kind: 'invalid', path: bad });
  });

  it('a file owned by someone other than the administrator is not trusted', async () => {
    const file = await policyFile('{ "updates": "off" }');
    const state = await read([file], me + 1);
    expect(state).toMatchObject({ kind: 'invalid', path: file });
    expect(state.kind === 'invalid' && state.problem).toMatch(/owned by user/);
  });

  it.each([0o666, 0o646, 0o664])('a file others can write (mode %o) is not trusted', async (mode) => {
    const state = await read([await policyFile('{}', mode)]);
    expect(state.kind === 'invalid' && state.problem).toMatch(/can be changed by users other than its owner/);
  });

  it('a symbolic link or a folder in its place is not trusted', async () => {
    const target = await policyFile('{}');
    const link = join(dir, 'link.json');
    await symlink(target, link);
    expect(await read([link])).toMatchObject({ kind: 'invalid', problem: 'is not a regular file' });
    const folder = join(dir, 'folder.json');
    await mkdir(folder);
    expect(await read([folder])).toMatchObject({ kind: 'invalid', problem: 'is not a regular file' });
  });

  it('an oversized file is refused unread', async () => {
    const state = await read([await policyFile(`{ "ring": "pilot" ${' '.repeat(MAX_POLICY_BYTES)}}`)]);
    expect(state.kind === 'invalid' && state.problem).toMatch(/larger than/);
  });

  it('a macOS managed preference (.plist) goes through the converter', async () => {
    const plist = join(dir, 'com.classroom.console.plist');
    await writeFile(plist, 'binary plist bytes');
    const converted = await readAdminPolicy({ locations: [plist], trustedOwner: me, plistToJson: async () => '{ "pin": "1.4" }' });
    expect(converted).toMatchObject({ kind: 'file', path: plist, policy: { pin: '1.4' } });
    const broken = await readAdminPolicy({ locations: [plist], trustedOwner: me, plistToJson: async () => Promise.reject(new Error('Property List error: Unexpected character')) });
    expect(broken).toMatchObject({ kind: 'invalid', path: plist, problem: 'cannot be read: Property List error: Unexpected character' });
  });
});
