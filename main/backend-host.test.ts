import { afterEach, describe, expect, it } from 'vitest';
import type { BackendStatus } from '../shared/ipc/contract';
import { BackendHost, restartDelayMs, DEFAULT_RESTART_POLICY, type BackendChild, type RestartPolicy } from './backend-host';

/** Stands in for the utilityProcess: records what the host sends and lets the test play the backend's part. */
class ScriptedChild implements BackendChild {
  readonly received: unknown[] = [];
  killed = false;
  private messageListener: (message: unknown) => void = () => {};
  private exitListener: (code: number | null) => void = () => {};
  constructor(private readonly onPost: (child: ScriptedChild, message: unknown) => void) {}
  postMessage(message: unknown) {
    this.received.push(message);
    queueMicrotask(() => this.onPost(this, message));
  }
  onMessage(listener: (message: unknown) => void) {
    this.messageListener = listener;
  }
  onExit(listener: (code: number | null) => void) {
    this.exitListener = listener;
  }
  kill() {
    this.killed = true;
    queueMicrotask(() => this.exitListener(null));
  }
  send(message: unknown) {
    this.messageListener(message);
  }
  exit(code: number) {
    this.exitListener(code);
  }
}

const ready = (port: number) => ({ type: 'ready', httpUrl: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}/mqtt`, mqttUrl: `mqtt://127.0.0.1:${port + 1}`, classes: 50 });
const quickPolicy: Partial<RestartPolicy> = { baseDelayMs: 5, maxDelayMs: 20, maxRestarts: 3, stableMs: 60_000, startTimeoutMs: 2_000, stopGraceMs: 200 };

/** A backend that answers start with ready and stop with a clean exit. */
const wellBehaved = (port: number) => (child: ScriptedChild, message: unknown) => {
  const type = (message as { type: string }).type;
  if (type === 'start') child.send(ready(port));
  if (type === 'stop') child.exit(0);
};

function track(host: BackendHost) {
  const seen: BackendStatus[] = [];
  host.onStatus((status) => seen.push(status));
  const until = (predicate: (status: BackendStatus) => boolean) =>
    new Promise<BackendStatus>((resolve) => {
      const found = seen.find(predicate);
      if (found) return resolve(found);
      const off = host.onStatus((status) => {
        if (predicate(status)) {
          off();
          resolve(status);
        }
      });
    });
  return { seen, until };
}

let host: BackendHost | undefined;
afterEach(async () => {
  await host?.stop();
  host = undefined;
});

describe('restartDelayMs', () => {
  it('doubles per consecutive crash and is capped', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => restartDelayMs(n, DEFAULT_RESTART_POLICY))).toEqual([500, 1000, 2000, 4000, 8000, 15000, 15000, 15000]);
  });
});

describe('BackendHost', () => {
  it('sends the options, then reports starting and ready with the backend URLs', async () => {
    const children: ScriptedChild[] = [];
    host = new BackendHost({ spawn: () => (children.push(new ScriptedChild(wellBehaved(41000))), children.at(-1)!), options: { classes: 50 }, policy: quickPolicy });
    const { seen, until } = track(host);
    host.start();
    await until((s) => s.state === 'ready');
    expect(children[0]!.received[0]).toEqual({ type: 'start', options: { classes: 50 } });
    expect(seen.map((s) => s.state)).toEqual(['starting', 'ready']);
    expect(host.status()).toEqual({ state: 'ready', httpUrl: 'http://127.0.0.1:41000', wsUrl: 'ws://127.0.0.1:41000/mqtt', classes: 50 });
  });

  it('restarts a crashed backend on the same ports and says why it restarted', async () => {
    const children: ScriptedChild[] = [];
    host = new BackendHost({ spawn: () => (children.push(new ScriptedChild(wellBehaved(41000 + children.length * 10))), children.at(-1)!), options: {}, policy: quickPolicy });
    const { seen, until } = track(host);
    host.start();
    await until((s) => s.state === 'ready');
    children[0]!.exit(134);
    const restarting = await until((s) => s.state === 'starting' && s.error !== undefined);
    expect(restarting.error).toMatch(/exited \(code 134\).*Restarting in .* \(restart 1 of 3\)/);
    await until((s) => s.state === 'ready' && s.httpUrl !== 'http://127.0.0.1:41000');
    expect(children[1]!.received[0]).toEqual({ type: 'start', options: { port: 41000, mqttPort: 41001 } });
    expect(seen.filter((s) => s.state === 'ready')).toHaveLength(2);
  });

  it('gives up after the bounded number of consecutive crashes and reports failed', async () => {
    let spawned = 0;
    const problems: string[] = [];
    host = new BackendHost({
      spawn: () => {
        spawned += 1;
        return new ScriptedChild((child, message) => {
          if ((message as { type: string }).type === 'start') child.send({ type: 'failed', error: 'EADDRINUSE 127.0.0.1:5173' });
        });
      },
      options: {},
      policy: quickPolicy,
      report: (p) => problems.push(p),
    });
    const { until } = track(host);
    host.start();
    const failed = await until((s) => s.state === 'failed');
    expect(failed.error).toMatch(/EADDRINUSE.*Gave up after 3 restarts/);
    expect(spawned).toBe(4);
    expect(problems).toHaveLength(4);
  });

  it('forgets earlier crashes once the backend has been stable', async () => {
    let clock = 0;
    const children: ScriptedChild[] = [];
    host = new BackendHost({
      spawn: () => (children.push(new ScriptedChild(wellBehaved(42000))), children.at(-1)!),
      options: {},
      policy: { ...quickPolicy, maxRestarts: 1, stableMs: 1000 },
      now: () => clock,
    });
    const { until, seen } = track(host);
    host.start();
    for (let round = 1; round <= 3; round++) {
      await until(() => seen.filter((s) => s.state === 'ready').length === round);
      clock += 1000;
      children.at(-1)!.exit(1);
    }
    await until(() => seen.filter((s) => s.state === 'ready').length === 4);
    expect(seen.some((s) => s.state === 'failed')).toBe(false);
  });

  it('kills a backend that never gets ready and starts a fresh one', async () => {
    const children: ScriptedChild[] = [];
    host = new BackendHost({
      spawn: () => {
        const silentFirst = children.length === 0;
        children.push(new ScriptedChild(silentFirst ? () => {} : wellBehaved(43000)));
        return children.at(-1)!;
      },
      options: {},
      policy: { ...quickPolicy, startTimeoutMs: 50 },
    });
    const { until } = track(host);
    host.start();
    await until((s) => s.state === 'ready');
    expect(children[0]!.killed).toBe(true);
    expect(host.status().httpUrl).toBe('http://127.0.0.1:43000');
  });

  it('stops gracefully, and does not restart what it stopped', async () => {
    const children: ScriptedChild[] = [];
    host = new BackendHost({ spawn: () => (children.push(new ScriptedChild(wellBehaved(44000))), children.at(-1)!), options: {}, policy: quickPolicy });
    const { until } = track(host);
    host.start();
    await until((s) => s.state === 'ready');
    await host.stop();
    expect(children[0]!.received.at(-1)).toEqual({ type: 'stop' });
    expect(children[0]!.killed).toBe(false);
    expect(host.status()).toEqual({ state: 'off' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(children).toHaveLength(1);
  });

  it('kills a backend that ignores stop', async () => {
    const child = new ScriptedChild((c, message) => {
      if ((message as { type: string }).type === 'start') c.send(ready(45000));
    });
    host = new BackendHost({ spawn: () => child, options: {}, policy: quickPolicy });
    const { until } = track(host);
    host.start();
    await until((s) => s.state === 'ready');
    await host.stop();
    expect(child.killed).toBe(true);
    expect(host.status().state).toBe('off');
  });

  it('ignores malformed messages from the child', async () => {
    const child = new ScriptedChild((c, message) => {
      if ((message as { type: string }).type !== 'start') return;
      c.send({ type: 'ready', httpUrl: 'not a url' });
      c.send('garbage');
      c.send(ready(46000));
    });
    host = new BackendHost({ spawn: () => child, options: {}, policy: quickPolicy });
    const { until, seen } = track(host);
    host.start();
    await until((s) => s.state === 'ready');
    expect(seen.map((s) => s.state)).toEqual(['starting', 'ready']);
  });
});
