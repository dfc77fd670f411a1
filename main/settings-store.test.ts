import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsStore } from './settings-store';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'settings-'));
  file = join(dir, 'userData', 'settings.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as unknown;

describe('SettingsStore', () => {
  it('starts from local-mode defaults with a fresh installId, and writes them', async () => {
    const store = await SettingsStore.open({ file });
    const settings = store.get();
    expect(settings.connection).toEqual({ mode: 'local', brokerUrl: '', username: '' });
    expect(settings.installId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await readJson(file)).toEqual(settings);
  });

  it('generates the installId once and keeps it across restarts and updates', async () => {
    const first = await SettingsStore.open({ file });
    const { installId } = first.get();
    await first.update({ connection: { mode: 'remote', brokerUrl: 'wss://broker.example.com/mqtt', username: 'teacher1' } });

    const again = await SettingsStore.open({ file });
    expect(again.get()).toEqual({
      connection: { mode: 'remote', brokerUrl: 'wss://broker.example.com/mqtt', username: 'teacher1' },
      installId,
    });
  });

  it('merges a partial connection patch', async () => {
    const store = await SettingsStore.open({ file });
    await store.update({ connection: { username: 'supervisor1' } });
    expect(store.get().connection).toEqual({ mode: 'local', brokerUrl: '', username: 'supervisor1' });
  });

  it('rejects an invalid patch and keeps the previous settings on disk', async () => {
    const store = await SettingsStore.open({ file });
    const before = store.get();
    await expect(store.update({ connection: { brokerUrl: 'http://not-ws.example.com' } })).rejects.toThrow(/ws/);
    expect(store.get()).toEqual(before);
    expect(await readJson(file)).toEqual(before);
  });

  it('sets a file that is not JSON aside as .corrupt and starts from defaults', async () => {
    await SettingsStore.open({ file });
    await writeFile(file, '{"connection": {"mode": "loc');
    const problems: string[] = [];
    const store = await SettingsStore.open({ file, report: (p) => problems.push(p) });

    expect(store.get().connection.mode).toBe('local');
    expect(await readFile(`${file}.corrupt`, 'utf8')).toBe('{"connection": {"mode": "loc');
    expect(problems[0]).toMatch(/not JSON/);
    expect(await readJson(file)).toEqual(store.get());
  });

  it('keeps a valid installId from a file that breaks the schema', async () => {
    await writeFile(join(await ensureDir(), 'settings.json'), JSON.stringify({ connection: { mode: 'warp' }, installId: 'keep-me-12345' }));
    const store = await SettingsStore.open({ file });
    expect(store.get()).toEqual({ connection: { mode: 'local', brokerUrl: '', username: '' }, installId: 'keep-me-12345' });
    expect(await readJson(`${file}.corrupt`)).toEqual({ connection: { mode: 'warp' }, installId: 'keep-me-12345' });
  });

  it('never overwrites an earlier backup', async () => {
    await ensureDir();
    await writeFile(file, 'first garbage');
    await SettingsStore.open({ file });
    await writeFile(file, 'second garbage');
    await SettingsStore.open({ file });
    expect(await readFile(`${file}.corrupt`, 'utf8')).toBe('first garbage');
    expect(await readFile(`${file}.corrupt.1`, 'utf8')).toBe('second garbage');
  });

  it('serialises concurrent updates so the last one wins and no temporary files remain', async () => {
    const store = await SettingsStore.open({ file });
    await Promise.all(['a1', 'a2', 'a3', 'a4', 'a5'].map((username) => store.update({ connection: { username } })));
    expect(await readJson(file)).toMatchObject({ connection: { username: 'a5' } });
    expect((await readdir(join(dir, 'userData'))).sort()).toEqual(['settings.json']);
  });
});

async function ensureDir(): Promise<string> {
  await mkdir(join(dir, 'userData'), { recursive: true });
  return join(dir, 'userData');
}
