import { utilityProcess } from 'electron';
import type { BackendChild } from '../backend-host';

/** Runs the bundled services/embedded.ts (out/main/backend.js) in an Electron utilityProcess. */
export function spawnBackendProcess(entry: string, report: (line: string) => void): BackendChild {
  const child = utilityProcess.fork(entry, [], { serviceName: 'Classroom backend', stdio: 'pipe' });
  child.stdout?.on('data', (chunk: Buffer) => report(chunk.toString().trimEnd()));
  child.stderr?.on('data', (chunk: Buffer) => report(chunk.toString().trimEnd()));
  return {
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', listener),
    kill: () => void child.kill(),
  };
}
