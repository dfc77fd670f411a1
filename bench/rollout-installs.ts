import { Agent, request } from 'node:http';

/** One simulated install: its id and the version it runs. */
export interface SimInstall {
  id: string;
  version: string;
}

export interface CheckAnswer {
  status: number;
  version: string | null;
  offer: string | null;
  /** The artifact's path, relative to the feed, when a release is offered. */
  file: string | null;
  text: string;
}

/** Keep-alive HTTP to the release service, as many installs' requests in flight as the agent has sockets. */
export class InstallClient {
  private readonly agent: Agent;
  readonly latenciesMs: number[] = [];

  constructor(
    private readonly base: URL,
    concurrency: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  }

  get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const req = request(new URL(path, this.base), { agent: this.agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  }

  /** One check, as electron-updater makes it with the app's headers; its round trip is recorded. */
  async check(install: SimInstall, ring?: string): Promise<CheckAnswer> {
    const started = performance.now();
    const { status, body } = await this.get('/api/releases/feed/latest-linux.yml', {
      'x-install-id': install.id,
      'x-app-version': install.version,
      ...(ring ? { 'x-install-ring': ring } : {}),
    });
    this.latenciesMs.push(performance.now() - started);
    const text = body.toString('utf8');
    return {
      status,
      text,
      version: /^version: (.+)$/m.exec(text)?.[1]?.replace(/^["']|["']$/g, '') ?? null,
      offer: /^ {2}offer: (\w+)$/m.exec(text)?.[1] ?? null,
      file: /^path: (.+)$/m.exec(text)?.[1] ?? null,
    };
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs `work` over every install with at most `concurrency` at once; resolves when all are done. */
export async function sweep(installs: readonly SimInstall[], concurrency: number, work: (install: SimInstall) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < installs.length) await work(installs[next++]!);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
