import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmbeddedReply } from './embedded';

const shim = fileURLToPath(new URL('./testing/parent-port-shim.ts', import.meta.url));
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function startEmbedded(): ChildProcess {
  const child = fork(shim, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  children.push(child);
  return child;
}

function nextReply(child: ChildProcess): Promise<EmbeddedReply> {
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message as EmbeddedReply));
    child.once('exit', (code) => reject(new Error(`the backend process exited with ${code}`)));
  });
}

describe('the embedded backend entry (utilityProcess)', () => {
  it('starts on request, reports where it listens, serves, and exits on stop', async () => {
    const child = startEmbedded();
    const ready = nextReply(child);
    child.send({ type: 'start', options: { classes: 3, simulate: false } });
    const reply = await ready;
    expect(reply).toMatchObject({ type: 'ready', classes: 3, wsUrl: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/mqtt$/) });
    if (reply.type !== 'ready') return;
    const info = await (await fetch(`${reply.httpUrl}/api/info`)).json();
    expect(info).toMatchObject({ classes: 3, wsUrl: reply.wsUrl });

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.send({ type: 'stop' });
    expect(await exited).toBe(0);
  });

  it('answers "failed" with the reason for options it cannot use', async () => {
    const child = startEmbedded();
    const replied = nextReply(child);
    child.send({ type: 'start', options: { classes: -1, colour: 'blue' } });
    const reply = await replied;
    expect(reply.type).toBe('failed');
    if (reply.type === 'failed') expect(reply.error).toMatch(/classes|colour/);
  });
});
