/**
 * Runs services/embedded.ts in a forked Node process as if it were an Electron utilityProcess: `process.parentPort`
 * is emulated over Node's IPC channel, with the same `{data}` message events and `postMessage`.
 */
type Listener = (event: { data: unknown }) => void;

if (!process.send) throw new Error('fork this file with an IPC channel');
const send = process.send.bind(process);
(process as unknown as { parentPort: unknown }).parentPort = {
  on: (_event: 'message', listener: Listener) => process.on('message', (data) => listener({ data })),
  postMessage: (message: unknown) => send(message),
};

await import('../embedded');

export {};
