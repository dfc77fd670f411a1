// Decisions `npm start` makes before it launches anything: can Electron run here, and is the build out of date?
// Everything that touches the machine is passed in, so the decisions can be tested without Electron.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

export const DEFAULT_WEB_PORT = 5173;

/** `npm start [-- --web] [--port N] [--no-demo-faults]` */
export function parseArgs(argv) {
  const options = { web: false, port: undefined, help: false, demoFaults: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--web') options.web = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--no-demo-faults') options.demoFaults = false;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg === '--port' ? argv[++i] : arg.slice('--port='.length);
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port needs a number from 0 to 65535, got "${value ?? ''}"`);
      options.port = port;
    } else throw new Error(`unknown option "${arg}" (try --help)`);
  }
  return options;
}

const HOW_TO_FIX = [
  'To get the desktop app, let Electron download its binary once (`npm start` tries again after an hour):',
  '  npm rebuild electron',
  'Behind a proxy or on a restricted network, point ELECTRON_MIRROR at a reachable mirror (or set',
  'ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron), then run `npm start` again.',
].join('\n');

/**
 * Whether Electron can run here. Returns { usable: true, path } or { usable: false, reason, fix }.
 * machine: { resolveElectron(): string, exists(path), probe(path): { ok, detail }, platform, env, uid }
 */
export function checkElectron(machine) {
  const { env, platform } = machine;
  let path;
  try {
    path = machine.resolveElectron();
  } catch (error) {
    const skipped = env.ELECTRON_SKIP_BINARY_DOWNLOAD ? ' (ELECTRON_SKIP_BINARY_DOWNLOAD is set, so `npm install` skipped it)' : ' (its download was skipped or blocked)';
    // Electron's own message ("failed to install correctly") misleads when the download was merely skipped.
    const detail = /failed to install correctly/.test(firstLine(error)) ? '' : `: ${firstLine(error)}`;
    return { usable: false, missing: true, reason: `the electron package has no binary${skipped}${detail}`, fix: HOW_TO_FIX };
  }
  if (!machine.exists(path)) {
    return { usable: false, missing: true, reason: `the Electron binary is missing at ${path} (its download was skipped or blocked)`, fix: HOW_TO_FIX };
  }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { usable: false, reason: 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)', fix: 'Run `npm start` from a desktop session to get the desktop app.' };
  }
  if (platform === 'linux' && machine.uid === 0) {
    return {
      usable: false,
      reason: 'this is the root user, and Chromium will not start its sandbox as root',
      fix: 'Run `npm start` as a normal user to get the desktop app; the console never disables its sandbox.',
    };
  }
  const probe = machine.probe(path);
  if (!probe.ok) {
    return { usable: false, reason: `the Electron binary at ${path} does not run: ${probe.detail}`, fix: `Reinstall it:\n  rm -rf node_modules/electron/dist && node node_modules/electron/install.js` };
  }
  return { usable: true, path };
}

/** The real machine. */
export function thisMachine(root) {
  const require = createRequire(join(root, 'package.json'));
  return {
    resolveElectron: () => require('electron'),
    exists: existsSync,
    probe: (path) => {
      // As plain Node the binary needs no display, yet it still proves the executable and its libraries load.
      const run = spawnSync(path, ['--version'], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, timeout: 20_000, encoding: 'utf8' });
      if (run.error) return { ok: false, detail: run.error.message };
      return run.status === 0 ? { ok: true, detail: run.stdout.trim() } : { ok: false, detail: (run.stderr || `exit code ${run.status}`).trim().split('\n')[0] };
    },
    platform: process.platform,
    env: process.env,
    uid: typeof process.getuid === 'function' ? process.getuid() : undefined,
  };
}

/** What each mode needs built, and what it is built from. */
export function buildInputs(mode) {
  const renderer = { outputs: ['out/renderer/index.html'], sources: ['renderer', 'shared'] };
  if (mode === 'web') return { ...renderer, configs: ['electron.vite.config.ts', 'package.json'] };
  return {
    outputs: ['out/main/index.js', 'out/main/backend.js', 'out/preload/index.cjs', ...renderer.outputs],
    sources: ['main', 'preload', 'services', ...renderer.sources],
    configs: ['electron.vite.config.ts', 'package.json'],
  };
}

/**
 * Stale when an output is missing or any source is newer than the oldest output.
 * outputs: [{ path, mtimeMs | null }], sources: [{ path, mtimeMs }]
 */
export function buildStaleness(outputs, sources) {
  const missing = outputs.find((o) => o.mtimeMs === null);
  if (missing) return { stale: true, reason: `${missing.path} is missing` };
  const oldest = Math.min(...outputs.map((o) => o.mtimeMs));
  const newer = sources.find((s) => s.mtimeMs > oldest);
  if (newer) return { stale: true, reason: `${newer.path} changed since the last build` };
  return { stale: false, reason: 'the build is up to date' };
}

/** Reads the modification times buildStaleness needs. Tests and type-only declarations don't affect the build. */
export function buildStatus(root, mode) {
  const { outputs, sources, configs } = buildInputs(mode);
  const mtime = (path) => {
    try {
      return statSync(join(root, path)).mtimeMs;
    } catch {
      return null;
    }
  };
  const files = [...configs.filter((c) => mtime(c) !== null), ...sources.flatMap((dir) => sourceFiles(root, dir))];
  return buildStaleness(
    outputs.map((path) => ({ path, mtimeMs: mtime(path) })),
    files.map((path) => ({ path, mtimeMs: mtime(path) })),
  );
}

function sourceFiles(root, dir) {
  const found = [];
  const walk = (absolute) => {
    let entries;
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(absolute, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(path);
      } else if (!/\.test\.[cm]?[jt]sx?$/.test(entry.name)) {
        found.push(relative(root, path));
      }
    }
  };
  walk(join(root, dir));
  return found;
}

function firstLine(error) {
  return String(error instanceof Error ? error.message : error).split('\n')[0];
}
