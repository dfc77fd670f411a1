import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encode } from '../../shared/protocol/codec';
import { topic } from '../../shared/protocol/topics';
import { launchBackend, type RunningBackend } from '../backend';
import { Clients, serviceLogin } from '../testing/clients';

const MAIN = resolve(import.meta.dirname, 'main.ts');

/** The tagger's entry point as a process of its own, its output collected line by line. */
function runTagger(args: string[]): { child: ChildProcess; stdout: string[]; stderr: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: string[] = [];
  let pending = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop()!;
    stdout.push(...lines);
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, stdout, stderr: () => stderr, exit };
}

let backend: RunningBackend;
let dir: string;
const clients = new Clients();
const children: ChildProcess[] = [];

beforeAll(async () => {
  ({ backend } = await launchBackend({ classes: 0, tagger: false }));
  dir = await mkdtemp(join(tmpdir(), 'tagger-main-'));
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await clients.closeAll();
  await backend.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the tagger process (services/tagger/main.ts)', () => {
  it('prints its counters as one JSON line every --stats-every seconds, counting the telemetry it took in', async () => {
    const passwordFile = join(dir, 'token');
    await writeFile(passwordFile, await backend.serviceToken('tagger'), { mode: 0o600 });
    const tagger = runTagger(['--url', backend.mqttUrl, '--password-file', passwordFile, '--stats-every', '1']);
    children.push(tagger.child);
    await expect.poll(() => tagger.stdout.some((line) => line.startsWith('tagger 0/1 connected')), { timeout: 30_000 }).toBe(true);

    const sender = await clients.connect(backend.mqttUrl, await serviceLogin(backend));
    for (let i = 0; i < 3; i++) {
      const out = encode('telemetry', topic('telemetry', { classId: 'class-0001', userId: 'student1' }), {
        v: 1, id: `m-${i}`, at: Date.now(), events: [{ type: 'entry', at: Date.now(), step: 'ready', ms: 100 }],
      });
      await sender.publishAsync(out.topic, Buffer.from(out.payload), { qos: 1 });
    }

    const stats = () => tagger.stdout.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { at: string; messages: number });
    await expect.poll(() => stats().at(-1)?.messages ?? 0, { timeout: 15_000 }).toBe(3);
    // Lines keep coming (with the default, the first would come after a minute).
    await expect.poll(() => stats().length, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);

    tagger.child.kill('SIGTERM');
    expect(await tagger.exit).toBe(0);
  });

  it('refuses a --stats-every that is not from 1 to 3600 seconds, saying so', async () => {
    for (const value of ['0', 'soon', '7200']) {
      const tagger = runTagger(['--url', backend.mqttUrl, '--password-file', join(dir, 'unused'), '--stats-every', value]);
      children.push(tagger.child);
      expect(await tagger.exit, value).toBe(2);
      expect(tagger.stderr(), value).toContain('--stats-every needs seconds from 1 to 3600');
    }
  });
});
