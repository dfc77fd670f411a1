// `npm start`: builds when needed, then opens the desktop console in Electron, or, when Electron cannot run here
// (binary not downloaded and not downloadable now, no display) or `--web` is given, serves the same console to a
// browser. A binary that `npm install` could not download is downloaded here when the network allows.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadElectron } from './electron-download.mjs';
import { buildStatus, checkElectron, DEFAULT_WEB_PORT, parseArgs, thisMachine } from './launch-plan.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

let options;
try {
  options = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error(`npm start: ${error.message}`);
  process.exit(2);
}
if (options.help) {
  console.log(
    'npm start [-- --web] [--port N] [--no-demo-faults]\n  --web     serve the console to a browser instead of opening Electron\n  --port N  browser-mode port (default 5173, or any free port if that is taken)\n  --no-demo-faults  keep every simulated class healthy (same as CLASSROOM_DEMO_FAULTS=off)',
  );
  process.exit(0);
}

// Both the Electron app and browser mode read this (services/simulator/demo-faults.ts).
if (!options.demoFaults) process.env.CLASSROOM_DEMO_FAULTS = 'off';

let mode = 'web';
let electronPath;
if (!options.web) {
  const machine = thisMachine(root);
  let electron = checkElectron(machine);
  if (!electron.usable && electron.missing) {
    const download = downloadElectron(root, () => checkElectron(machine).missing !== true);
    electron = checkElectron(machine);
    if (!electron.usable && electron.missing) electron = { ...electron, reason: `${electron.reason}; ${download.why}` };
  }
  if (electron.usable) {
    mode = 'electron';
    electronPath = electron.path;
  } else {
    console.log(`\nElectron is unavailable: ${electron.reason}.\nServing the console to your browser instead.\n${electron.fix}\n`);
  }
}

const build = buildStatus(root, mode);
if (build.stale) {
  console.log(`Building the console (${build.reason})...`);
  const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin/electron-vite.js');
  const code = await run(process.execPath, [electronVite, 'build']);
  if (code !== 0) {
    console.error(`npm start: the build failed (exit code ${code}); see the errors above.`);
    process.exit(code ?? 1);
  }
}

if (mode === 'electron') {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  process.exit(await run(electronPath, ['.'], { env }));
} else {
  const port = options.port ?? DEFAULT_WEB_PORT;
  const args = ['--import', 'tsx', join(root, 'scripts/serve-web.mjs'), join(root, 'out/renderer'), String(port)];
  if (options.port === undefined) args.push('--fallback');
  process.exit(await run(process.execPath, args));
}

/** Runs a child in the foreground; Ctrl-C lets it shut down cleanly, then we exit with its code. */
function run(command, args, extra = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...extra });
    let interrupts = 0;
    const onSignal = (signal) => {
      interrupts += 1;
      // The first signal is passed on (the child may not share our process group) so it can close cleanly; it
      // shrugs off a duplicate from the terminal. A second Ctrl-C means "now".
      child.kill(interrupts > 1 ? 'SIGKILL' : signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    child.on('error', (error) => {
      console.error(`npm start: could not run ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}
