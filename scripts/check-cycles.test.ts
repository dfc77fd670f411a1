import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const check = (...dirs: string[]) => spawnSync(process.execPath, ['scripts/check-cycles.mjs', ...dirs], { encoding: 'utf8', timeout: 60_000 });

let fixture: string;
const write = async (path: string, text: string) => {
  await mkdir(join(fixture, path, '..'), { recursive: true });
  await writeFile(join(fixture, path), text);
};

beforeAll(async () => {
  fixture = await mkdtemp(join(tmpdir(), 'cycles-'));
  // A circle that runs: each module uses a value of the other.
  await write('runtime/a.ts', "import { b } from './b';\nexport const a = () => b;\n");
  await write('runtime/b.ts', "import { a } from './a';\nexport const b = () => a;\n");
  // A circle made only of types on one side.
  await write('types/host.ts', "import { helper } from './helper';\nexport interface Host { n: number }\nexport const run = helper;\n");
  await write('types/helper.ts', "import type { Host } from './host';\nexport const helper = (host: Host) => host.n;\n");
  // No circle: both import a third module.
  await write('clean/contract.ts', 'export interface Step { at: number }\n');
  await write('clean/one.ts', "import type { Step } from './contract';\nexport const one = (s: Step) => s.at;\n");
  await write('clean/two.tsx', "import type { Step } from './contract';\nimport { one } from './one';\nexport const two = (s: Step) => one(s);\n");
});
afterAll(() => rm(fixture, { recursive: true, force: true }));

describe('npm run check:cycles', () => {
  it('passes when no module imports its way back to itself', () => {
    const result = check(join(fixture, 'clean'));
    expect(result.stdout).toMatch(/ok — no import circle among 3 files/);
    expect(result.status).toBe(0);
  });

  it('fails on a circle, naming the files in order', () => {
    const result = check(join(fixture, 'runtime'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/runtime\/([ab])\.ts → .*runtime\/(?!\1)[ab]\.ts → .*runtime\/\1\.ts {2}\(run time\)/);
    expect(result.stderr).toMatch(/knot of 2 files/);
  });

  it('counts type-only imports, and says the circle is made of them', () => {
    const result = check(join(fixture, 'types'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/(host|helper)\.ts → .*(?!\1)(host|helper)\.ts → .*\1\.ts {2}\(type-only imports\)/);
  });

  it('refuses a folder that does not exist instead of checking nothing', () => {
    const result = check(join(fixture, 'missing'));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/no such folder/);
  });
});
