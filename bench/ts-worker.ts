import { Worker } from 'node:worker_threads';

/** A worker thread running one of the bench's TypeScript modules (`file`, relative to bench/), once it said it is ready. */
export async function tsWorker<E extends { type: string }>(file: string, data: unknown, onEvent: (event: E) => void): Promise<Worker> {
  // The worker registers tsx's loader in its own thread, then loads the module, as the bench itself was loaded.
  const bootstrap = [
    `const { register } = await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))});`,
    'register();',
    `await import(${JSON.stringify(new URL(file, import.meta.url).href)});`,
  ].join('\n');
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), { workerData: data });
  await new Promise<void>((resolvePromise, reject) => {
    worker.once('error', reject);
    worker.on('message', (event: E) => {
      if (event.type === 'ready') resolvePromise();
      onEvent(event);
    });
  });
  return worker;
}
