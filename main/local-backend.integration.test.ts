import { fork } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendStatus } from '../shared/ipc/contract';
import { BackendHost, type BackendChild } from './backend-host';
import { TokenClient } from './token-client';

/**
 * The real services/embedded.ts, hosted the way main hosts it, but in a Node child process instead of Electron's
 * utilityProcess: a tiny preload gives it the `process.parentPort` it expects.
 */
const embeddedEntry = resolve('services/embedded.ts');

let scratch: string;
let shim: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'local-backend-'));
  shim = join(scratch, 'parent-port.mjs');
  await writeFile(
    shim,
    [
      'process.parentPort = {',
      "  on(event, listener) { if (event === 'message') process.on('message', (data) => listener({ data, ports: [] })); },",
      '  postMessage(message) { process.send(message); },',
      '};',
    ].join('\n'),
  );
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

function spawnNodeBackend(pids: number[]): BackendChild {
  const child = fork(embeddedEntry, [], { execArgv: ['--import', 'tsx', '--import', shim], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  if (child.pid !== undefined) pids.push(child.pid);
  return {
    postMessage: (message) => void child.send(message as object),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.on('exit', (code) => listener(code)),
    kill: () => void child.kill('SIGKILL'),
  };
}

function nextStatus(host: BackendHost, predicate: (status: BackendStatus) => boolean): Promise<BackendStatus> {
  return new Promise((resolve) => {
    if (predicate(host.status())) return resolve(host.status());
    const off = host.onStatus((status) => {
      if (predicate(status)) {
        off();
        resolve(status);
      }
    });
  });
}

describe('local mode against the real embedded backend', () => {
  it('starts the backend, issues tokens through its HTTP API, survives a crash on the same port, and stops it', async () => {
    const pids: number[] = [];
    const host = new BackendHost({
      spawn: () => spawnNodeBackend(pids),
      options: { classes: 3, persistDir: join(scratch, 'data') },
      policy: { baseDelayMs: 100, startTimeoutMs: 30_000 },
    });
    const tokens = new TokenClient(() => (host.status().state === 'ready' ? host.status().httpUrl : undefined));
    try {
      host.start();
      const ready = await nextStatus(host, (s) => s.state === 'ready');
      expect(ready).toMatchObject({ classes: 3, wsUrl: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/mqtt$/) });

      await expect(tokens.issue({ username: 'teacher1', password: 'demo' })).resolves.toMatchObject({ ok: true, token: { role: 'teacher' } });
      await expect(tokens.issue({ username: 'teacher1', password: 'wrong' })).resolves.toMatchObject({ ok: false, failure: 'wrong-password' });
      await expect(tokens.issue({ username: 'nobody', password: 'demo' })).resolves.toMatchObject({ ok: false, failure: 'unknown-user' });
      await expect(tokens.refresh('not-a-jwt')).resolves.toMatchObject({ ok: false, failure: 'token-malformed' });

      process.kill(pids[0]!, 'SIGKILL');
      await nextStatus(host, (s) => s.state === 'starting');
      const again = await nextStatus(host, (s) => s.state === 'ready');
      expect(pids).toHaveLength(2);
      expect(again.wsUrl).toBe(ready.wsUrl);
      await expect(tokens.issue({ username: 'student1', password: 'demo' })).resolves.toMatchObject({ ok: true, token: { role: 'student' } });
    } finally {
      await host.stop();
    }
    expect(host.status()).toEqual({ state: 'off' });
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  }, 90_000);
});
