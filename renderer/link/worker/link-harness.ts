// Test support for the link's integration tests: a LinkCore driven as the worker drives it, with everything it posts
// recorded. It runs in Node against the real embedded backend; nothing here is part of the app bundle.
import type { TokenResult } from '../../../shared/ipc/contract';
import type { ClassSummary } from '../../../shared/protocol';
import type { ClassMessage, ConnectionStatus, LinkBatch, LinkCommand, LinkConfig, LinkEvent, PersonRole, RequestOutcome } from '../messages';
import { LinkCore } from './core';

export class LinkHarness {
  readonly events: LinkEvent[] = [];
  readonly core = new LinkCore({
    post: (event) => {
      this.events.push(event);
      // As the UI thread does once it applied a batch.
      if (event.type === 'batch') queueMicrotask(() => this.core.handle({ type: 'applied' }));
      if (event.type === 'needToken') this.onNeedToken();
    },
    requestFrame: (callback) => setTimeout(callback, 16),
    after: (ms, callback) => setTimeout(callback, ms),
    now: () => performance.now(),
    random: () => Math.random(),
  });
  onNeedToken: () => void = () => undefined;

  send(command: LinkCommand): void {
    this.core.handle(command);
  }

  get batches(): LinkBatch[] {
    return this.events.flatMap((event) => (event.type === 'batch' ? [event.batch] : []));
  }

  get status(): ConnectionStatus | undefined {
    return this.batches.flatMap((batch) => (batch.status ? [batch.status] : [])).at(-1);
  }

  get connected(): boolean {
    return this.status?.state === 'connected';
  }

  get classes(): Map<string, ClassSummary> {
    const classes = new Map<string, ClassSummary>();
    for (const batch of this.batches) {
      for (const id of batch.cleared) classes.delete(id);
      for (const summary of batch.summaries) classes.set(summary.id, summary);
    }
    return classes;
  }

  received<K extends ClassMessage['kind']>(kind: K): Extract<ClassMessage, { kind: K }>[] {
    return this.batches.flatMap((batch) =>
      (batch.classMessages ?? []).filter((m): m is Extract<ClassMessage, { kind: K }> => m.kind === kind),
    );
  }

  get unsent(): number | undefined {
    return this.batches.flatMap((batch) => (batch.outbox ? [batch.outbox.length] : [])).at(-1);
  }

  settled(id: string): RequestOutcome[] {
    return this.events.flatMap((event) => (event.type === 'settled' && event.id === id ? [event.outcome] : []));
  }
}

/** Polls until `probe` gives a value, or fails naming what it waited for. */
export async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** What the harness needs of the embedded backend (services/backend's RunningBackend has it). */
export interface DemoBackend {
  wsUrl: string;
  demoAccounts: readonly { username: string; role: PersonRole; classes: string[] | '*' }[];
  issueToken(username: string, password: string): Promise<TokenResult>;
}

/** A link configuration for a demo account, signed in with a fresh token and a fresh install id. */
export async function configFor(backend: DemoBackend, username: string, patch: Partial<LinkConfig> = {}): Promise<LinkConfig> {
  const issued = await backend.issueToken(username, 'demo');
  if (!issued.ok) throw new Error(`no token for ${username}: ${issued.failure}`);
  const account = backend.demoAccounts.find((a) => a.username === username);
  if (!account) throw new Error(`${username} is not a demo account`);
  return {
    url: backend.wsUrl,
    userId: username,
    name: username,
    role: account.role,
    classes: account.classes,
    token: issued.token.token,
    tokenExpiresAt: issued.token.expiresAt,
    installId: `test${Math.random().toString(36).slice(2, 10)}`,
    backoff: { baseMs: 100, capMs: 400 },
    ...patch,
  };
}

/** A harness signed in as `username` and connected; it joins `opened`, which the test disconnects afterwards. */
export async function signedIn(backend: DemoBackend, username: string, opened: LinkHarness[], patch: Partial<LinkConfig> = {}): Promise<LinkHarness> {
  const harness = new LinkHarness();
  opened.push(harness);
  harness.send({ type: 'connect', config: await configFor(backend, username, patch) });
  await until(`${username} connected`, () => harness.connected);
  return harness;
}
