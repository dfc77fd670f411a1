// `npm start` fetching Electron's binary when `npm install` could not (a blocked network: tools/electron-get lets the
// install pass without it). One attempt per start, at most once an hour after a failure, so a desk on a blocked
// network does not wait for the network at every start; the decision is separate from the I/O so it can be tested.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const RETRY_AFTER_MS = 60 * 60 * 1000;

/** Whether to try the download now: not when the user skips it on purpose, nor within an hour of a failed try. */
export function downloadDecision({ env, lastFailure, now }) {
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { attempt: false, why: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set' };
  if (lastFailure && now - lastFailure.at < RETRY_AFTER_MS) {
    const minutes = Math.max(1, Math.round((now - lastFailure.at) / 60_000));
    return { attempt: false, why: `its download failed ${minutes} min ago (${lastFailure.reason}); \`npm rebuild electron\` tries again now` };
  }
  return { attempt: true, why: 'the binary has not been downloaded yet' };
}

/** The line tools/electron-get prints when the network blocks the download, or the last line of other output. */
export function failureReason(output) {
  const lines = output.split('\n').map((line) => line.trim()).filter(Boolean);
  const ours = lines.find((line) => line.startsWith('Electron could not be downloaded: '));
  if (ours) return ours.slice('Electron could not be downloaded: '.length).split(';')[0];
  return lines.at(-1) ?? 'no output';
}

const markerPath = (root) => join(root, 'node_modules', '.cache', 'classroom-console', 'electron-download.json');

function readMarker(root) {
  try {
    const marker = JSON.parse(readFileSync(markerPath(root), 'utf8'));
    return typeof marker.at === 'number' && typeof marker.reason === 'string' ? marker : null;
  } catch {
    return null;
  }
}

/**
 * Runs Electron's own install script (with tools/electron-get), showing its output. Returns { attempted, why } and
 * remembers a failure; whether the binary is there afterwards is for checkElectron to say.
 */
export function downloadElectron(root, isThere) {
  const decision = downloadDecision({ env: process.env, lastFailure: readMarker(root), now: Date.now() });
  if (!decision.attempt) return { attempted: false, why: decision.why };
  console.log(`Electron is not downloaded yet; downloading it now (${decision.why})...`);
  const run = spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: join(root, 'node_modules', 'electron'),
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    timeout: 15 * 60 * 1000,
  });
  if (run.stderr) process.stderr.write(run.stderr);
  if (isThere()) return { attempted: true, why: 'downloaded' };
  const reason = run.error ? run.error.message : failureReason(run.stderr ?? '');
  try {
    mkdirSync(dirname(markerPath(root)), { recursive: true });
    writeFileSync(markerPath(root), JSON.stringify({ at: Date.now(), reason }));
  } catch {
    // Not remembering only means trying again next time.
  }
  return { attempted: true, why: `its download failed (${reason})` };
}
