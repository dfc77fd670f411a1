import { z } from 'zod';
import { DEFAULT_CLASSES, startBackend, type RunningBackend } from './backend';
import { BackendOptionsSchema, describeIssues } from './backend-options';

/**
 * Entry of the embedded backend in Electron's utilityProcess (bundled as out/main/backend.js). The parent sends
 * `{type: 'start', options}` first and `{type: 'stop'}` last; this process answers `ready` or `failed`.
 * `process.parentPort` exists only inside a utilityProcess, so it is typed here rather than imported from electron.
 */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

export type EmbeddedReply =
  | { type: 'ready'; httpUrl: string; wsUrl: string; mqttUrl: string; classes: number }
  | { type: 'failed'; error: string };

const Command = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), options: BackendOptionsSchema.default({}) }),
  z.object({ type: z.literal('stop') }),
]);

const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;

if (!parentPort) {
  console.error('services/embedded.ts runs inside an Electron utilityProcess; use `npm run services` to run the backend alone.');
  process.exit(1);
}

const port = parentPort;
let backend: Promise<RunningBackend> | null = null;

function reply(message: EmbeddedReply): void {
  port.postMessage(message);
}

async function stop(): Promise<never> {
  const running = await backend?.catch(() => null);
  await running?.close().catch(() => {});
  process.exit(0);
}

port.on('message', ({ data }) => {
  const command = Command.safeParse(data);
  if (!command.success) {
    reply({ type: 'failed', error: `bad command: ${describeIssues(command.error)}` });
    return;
  }
  if (command.data.type === 'stop') {
    void stop();
    return;
  }
  if (backend) {
    reply({ type: 'failed', error: 'the backend is already started' });
    return;
  }
  const options = command.data.options;
  backend = startBackend({ ...options, onError: (error) => console.error('[backend]', error) });
  backend.then(
    (running) => reply({ type: 'ready', httpUrl: running.httpUrl, wsUrl: running.wsUrl, mqttUrl: running.mqttUrl, classes: options.classes ?? DEFAULT_CLASSES }),
    (error: unknown) => reply({ type: 'failed', error: error instanceof Error ? error.message : String(error) }),
  );
});

process.on('SIGTERM', () => void stop());
