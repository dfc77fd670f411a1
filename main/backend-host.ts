import { z } from 'zod';
import type { BackendStatus } from '../shared/ipc/contract';

/** What the host needs from the process running services/embedded.ts (Electron's UtilityProcess in the app). */
export interface BackendChild {
  postMessage(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

/** The subset of services/backend.ts BackendOptions that the host sets. */
export interface HostedBackendOptions {
  classes?: number;
  persistDir?: string;
  port?: number;
  mqttPort?: number;
  [option: string]: unknown;
}

export interface RestartPolicy {
  /** Delay before the first restart; doubles per consecutive crash up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Consecutive crashes after which the host gives up and reports `failed`. */
  maxRestarts: number;
  /** Once the backend has been ready this long, earlier crashes are forgiven. */
  stableMs: number;
  /** A backend that is not ready within this time is killed and counts as a crash. */
  startTimeoutMs: number;
  /** How long a graceful stop may take before the process is killed. */
  stopGraceMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  baseDelayMs: 500,
  maxDelayMs: 15_000,
  maxRestarts: 6,
  stableMs: 60_000,
  startTimeoutMs: 30_000,
  stopGraceMs: 3_000,
};

export function restartDelayMs(restart: number, policy: RestartPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, restart - 1));
}

const ReadyMessage = z.object({
  type: z.literal('ready'),
  httpUrl: z.string().url(),
  wsUrl: z.string().url(),
  mqttUrl: z.string().url().optional(),
  classes: z.number().int().nonnegative(),
});
const FailedMessage = z.object({ type: z.literal('failed'), error: z.string() });
const ChildMessage = z.discriminatedUnion('type', [ReadyMessage, FailedMessage]);

export interface BackendHostOptions {
  spawn(): BackendChild;
  options: HostedBackendOptions;
  policy?: Partial<RestartPolicy>;
  now?(): number;
  report?(problem: string): void;
}

/**
 * Runs the embedded classroom backend in a child process and keeps it running: relays its state as BackendStatus,
 * restarts it with doubling delays when it crashes (first on the same ports, so open connections can simply
 * reconnect), gives up after a bounded number of consecutive crashes, and stops it gracefully on quit.
 */
export class BackendHost {
  private readonly policy: RestartPolicy;
  private readonly now: () => number;
  private readonly report: (problem: string) => void;
  private readonly listeners = new Set<(status: BackendStatus) => void>();
  private current: BackendStatus = { state: 'off' };
  private child: BackendChild | null = null;
  private running = false;
  private crashes = 0;
  private readyAt: number | null = null;
  private lastPorts: { port: number; mqttPort?: number } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private exited: Promise<void> = Promise.resolve();

  constructor(private readonly config: BackendHostOptions) {
    this.policy = { ...DEFAULT_RESTART_POLICY, ...config.policy };
    this.now = config.now ?? Date.now;
    this.report = config.report ?? (() => {});
  }

  status(): BackendStatus {
    return { ...this.current };
  }

  onStatus(listener: (status: BackendStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.crashes = 0;
    this.launch();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.clearTimer();
    const child = this.child;
    if (child !== null) {
      const exited = this.exited;
      child.postMessage({ type: 'stop' });
      const killer = setTimeout(() => child.kill(), this.policy.stopGraceMs);
      let giveUp: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([exited, new Promise<void>((resolve) => (giveUp = setTimeout(resolve, 2 * this.policy.stopGraceMs)))]);
      clearTimeout(killer);
      clearTimeout(giveUp);
    }
    this.setStatus({ state: 'off' });
  }

  private launch(): void {
    const options: HostedBackendOptions = { ...this.config.options, ...this.lastPorts };
    let child: BackendChild;
    try {
      child = this.config.spawn();
    } catch (error) {
      this.crashed(`could not start the backend process: ${(error as Error).message}`);
      return;
    }
    this.child = child;
    this.readyAt = null;
    this.setStatus({ state: 'starting', ...(this.crashes > 0 ? { error: this.current.error } : {}) });
    let lastError: string | null = null;
    this.exited = new Promise((resolve) => {
      child.onExit((code) => {
        if (this.child === child) this.child = null;
        this.clearTimer();
        // A backend that never got ready may have failed on its old ports; the next one picks fresh ones.
        if (this.readyAt === null) this.lastPorts = null;
        resolve();
        if (this.running) this.crashed(lastError ?? `the backend process exited (code ${code ?? 'none'})`);
      });
    });
    child.onMessage((raw) => {
      const message = ChildMessage.safeParse(raw);
      if (!message.success || this.child !== child) return;
      if (message.data.type === 'failed') {
        lastError = `the backend failed to start: ${message.data.error}`;
        child.kill();
        return;
      }
      const { httpUrl, wsUrl, mqttUrl, classes } = message.data;
      this.clearTimer();
      this.readyAt = this.now();
      this.lastPorts = { port: portOf(httpUrl), ...(mqttUrl ? { mqttPort: portOf(mqttUrl) } : {}) };
      this.setStatus({ state: 'ready', httpUrl, wsUrl, classes });
    });
    child.postMessage({ type: 'start', options });
    this.timer = setTimeout(() => {
      lastError = `the backend was not ready within ${this.policy.startTimeoutMs} ms`;
      child.kill();
    }, this.policy.startTimeoutMs);
  }

  private crashed(reason: string): void {
    if (this.readyAt !== null && this.now() - this.readyAt >= this.policy.stableMs) this.crashes = 0;
    this.readyAt = null;
    this.crashes += 1;
    this.report(reason);
    if (this.crashes > this.policy.maxRestarts) {
      this.running = false;
      this.setStatus({ state: 'failed', error: `${reason}. Gave up after ${this.policy.maxRestarts} restarts.` });
      return;
    }
    const delay = restartDelayMs(this.crashes, this.policy);
    this.setStatus({ state: 'starting', error: `${reason}. Restarting in ${Math.ceil(delay / 100) / 10} s (restart ${this.crashes} of ${this.policy.maxRestarts}).` });
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.running) this.launch();
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private setStatus(status: BackendStatus): void {
    this.current = status;
    for (const listener of this.listeners) listener(this.status());
  }
}

function portOf(url: string): number {
  return Number(new URL(url).port);
}
