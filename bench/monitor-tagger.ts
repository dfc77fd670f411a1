/**
 * The tagger of `npm run bench:monitor`, in a worker thread of its own: one instance owning every class, as a
 * deployment runs taggers beside the broker rather than on its event loop (docs/operations.md, "Tagger"). It posts
 * its counters once a second.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { TaggerService, type TaggerStats } from '../services/tagger/tagger';

export interface TaggerWorkerConfig {
  mqttUrl: string;
  token: string;
  root: string;
}

export type TaggerEvent = { type: 'ready' } | { type: 'stats'; stats: TaggerStats } | { type: 'error'; message: string };

const config = workerData as TaggerWorkerConfig;
const port = parentPort!;

TaggerService.start({
  link: { url: config.mqttUrl, token: async () => config.token, refreshEveryMs: 10 * 60_000, onError: report },
  root: config.root,
  onError: report,
}).then(
  (tagger) => {
    port.postMessage({ type: 'stats', stats: tagger.stats() } satisfies TaggerEvent);
    port.postMessage({ type: 'ready' } satisfies TaggerEvent);
    setInterval(() => port.postMessage({ type: 'stats', stats: tagger.stats() } satisfies TaggerEvent), 1_000);
    port.on('message', (command: { type: 'stop' }) => {
      if (command.type === 'stop') void tagger.stop().then(() => port.close());
    });
  },
  (error: unknown) => report(error),
);

function report(error: unknown): void {
  port.postMessage({ type: 'error', message: String(error) } satisfies TaggerEvent);
}
