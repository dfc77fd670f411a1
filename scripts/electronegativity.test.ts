import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const scan = (...dirs: string[]) => spawnSync(process.execPath, ['scripts/electronegativity.mjs', ...dirs], { encoding: 'utf8', timeout: 120_000 });

let fixture: string;
beforeAll(async () => {
  fixture = await mkdtemp(join(tmpdir(), 'insecure-app-'));
  await mkdir(join(fixture, 'insecure'));
  await writeFile(
    join(fixture, 'insecure', 'window.ts'),
    "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, webSecurity: false } });\n",
  );
});
afterAll(() => rm(fixture, { recursive: true, force: true }));

describe('npm run security', () => {
  it('passes on the console main process and preload', () => {
    const result = scan();
    expect(result.stdout).toContain('security: ok');
    expect(result.status).toBe(0);
  }, 120_000);

  it('fails, naming the findings, when a window turns off isolation', () => {
    const result = scan(join(fixture, 'insecure'));
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/HIGH.*LIMIT_NAVIGATION_GLOBAL_CHECK/);
    expect(result.stdout).toMatch(/HIGH.*CONTEXT_ISOLATION_JS_CHECK/);
    expect(result.stderr).toMatch(/FAILED — \d+ HIGH finding/);
  }, 120_000);

  it('refuses a folder that does not exist instead of scanning nothing', () => {
    const result = scan(join(fixture, 'missing'));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/no such folder/);
  });
});
