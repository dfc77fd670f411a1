/**
 * The backend phase of `npm run bench:monitor`: the most classes whose telemetry this machine's backend takes in
 * full, with one tagger process and with two (hash shards, `--shard i/N`, docs/operations.md "Tagger"), on either
 * broker (`BackendBroker`).
 *
 * Each step starts afresh: the broker (the embedded one with the directory and dispatcher in a process of its own,
 * bench/monitor-broker.ts, or Mosquitto configured as deployed), each tagger in its own (`services/tagger/main.ts`, the deployment's entry point, printing
 * its counters every second), and the participants' consoles as a load worker in this process (bench/monitor-load.ts:
 * every class sends one telemetry message a second, its participants taking turns, 2% of classes with a "can't draw"
 * fault). After a warm-up, the step compares over a measurement period what the load published with what the taggers
 * together decoded and folded in (their `messages` counters, each over its own timestamps); then the load stops and
 * the step waits for the taggers to take in what is still queued for them. A step is kept up when
 *   - the load offered at least 90% of one message per class per second (a load that cannot offer more says nothing
 *     about the backend: the search ends there, `limitedBy: "load"`),
 *   - the taggers took in at least 95% of the offered rate during the measurement, and
 *   - within 5 s of the load stopping they had taken in 99% of all it published in the step (a backend that keeps
 *     the rate but lags further and further behind, or loses messages, does not keep up).
 * The classes step up by doubling from `BACKEND_FIRST` until a step is not kept up, then the gap between the most
 * classes kept up and the fewest not is halved until it is at most `BACKEND_STEP` (bench/monitor-search.ts).
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { serviceClientId, serviceUserId } from '../shared/auth/client-id';
import { findMosquitto, launchMosquitto } from '../services/testing/mosquitto';
import type { BrokerReady } from './monitor-broker';
import type { LoadClass, LoadConfig, LoadEvent } from './monitor-load';
import { nextClasses, type SearchBounds } from './monitor-search';
import { round } from './stats';
import { tsWorker } from './ts-worker';

const BOUNDS: SearchBounds = {
  first: Number(process.env.BACKEND_FIRST ?? 2_000),
  max: Number(process.env.BACKEND_MAX ?? 100_000),
  resolution: Number(process.env.BACKEND_STEP ?? 1_000),
};
const WARMUP_MS = Number(process.env.BACKEND_WARMUP_S ?? 10) * 1_000;
const MEASURE_MS = Number(process.env.BACKEND_MEASURE_S ?? 15) * 1_000;
const KEPT_UP_SHARE = 0.95;
const OFFERED_SHARE = 0.9;
const CAUGHT_UP_SHARE = 0.99;
const CATCH_UP_MS = 5_000;
/** How long to wait for the taggers to catch up before giving up on it (the step is not kept up then). */
const CATCH_UP_LIMIT_MS = 30_000;
const MAIN = resolve(import.meta.dirname, '../services/tagger/main.ts');
const BROKER = resolve(import.meta.dirname, './monitor-broker.ts');
/**
 * Mosquitto's `max_queued_messages` as docs/operations.md deploys it: deep enough for a tagger's pauses (the default
 * of 1000 dropped 1.2-1.8% of 16,000 classes' telemetry with the tagger at half a core), shallow enough that an
 * overloaded tagger's queue does not take the broker down with it (at 100,000, in one run, Mosquitto spent a
 * whole core on it).
 */
const MOSQUITTO_QUEUED_MESSAGES = 10_000;
/** Mosquitto's notices of clients coming and going, left out of the warnings a step logs. */
const CONNECTION_NOTICE = /New connection from|New client connected|closed its connection|disconnected\.$/;
/** Clock ticks per second of /proc/<pid>/stat's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_S = 100;

export interface BackendStep {
  classes: number;
  offeredMsgPerS: number;
  ingestedMsgPerS: number;
  /** From the load stopping to the taggers having taken in 99% of what it published; null: not within 30 s. */
  catchUpS: number | null;
  /** What the taggers took in over the whole step (after catching up), against what the load published. */
  ingestedShare: number;
  keptUp: boolean;
  /** CPU during the measurement, in % of one core: the broker process, each tagger process, the load (this process). */
  cpu: { broker: number | null; taggers: (number | null)[]; load: number };
  /** The 1-minute load average at the end of the measurement. */
  load: number;
}

/**
 * The broker the taggers and the load meet on: the embedded one (with the directory and dispatcher, as `npm start`
 * runs it) or Mosquitto, as docs/operations.md deploys it (password file, the ACL generated from shared/protocol/acl.ts,
 * the client-id plugin), with the taggers as the services on the telemetry path.
 */
export type BackendBroker = 'embedded' | 'mosquitto';

export interface BackendResult {
  broker: BackendBroker;
  taggers: number;
  maxClassesKeptUp: number;
  /** What ended the search: the backend ("backend"), the load generator ("load"), or BACKEND_MAX ("max"). */
  limitedBy: 'backend' | 'load' | 'max';
  steps: BackendStep[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Child processes this module started and its temporary folders, still there: gone if the bench exits first. */
const running = new Set<ChildProcess>();
const runningPids = new Set<number>();
const folders = new Set<string>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
  for (const pid of runningPids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function track(child: ChildProcess): ChildProcess {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** A tagger process and its latest counters, stamped by the tagger itself. */
interface TaggerProcess {
  child: ChildProcess;
  messages: number;
  at: number;
  connected: Promise<void>;
}

function startTagger(url: string, passwordFile: string, index: number, count: number, log: (line: string) => void): TaggerProcess {
  const child = track(
    spawn(process.execPath, ['--import', 'tsx', MAIN, '--url', url, '--shard', `${index}/${count}`, '--password-file', passwordFile, '--stats-every', '1'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  const tagger: TaggerProcess = { child, messages: 0, at: Date.now(), connected: Promise.resolve() };
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => log(`[tagger ${index}/${count}] ${chunk.trimEnd()}`));
  tagger.connected = new Promise((resolveConnected, reject) => {
    child.once('exit', (code, signal) => reject(new Error(`tagger ${index}/${count} exited with ${code ?? signal}`)));
    let buffer = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      buffer += chunk;
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line.startsWith('tagger ')) resolveConnected();
        else if (line.startsWith('{')) {
          const stats = JSON.parse(line) as { at: string; messages: number };
          tagger.messages = stats.messages;
          tagger.at = Date.parse(stats.at);
        }
      }
    });
  });
  return tagger;
}

/** Waits for a child to exit, killing it if it has not within 10 s of being asked to stop. */
async function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exit = new Promise((r) => child.once('exit', r));
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exit;
  clearTimeout(timer);
}

/** A process's CPU time in seconds (user + system), from /proc; null where there is no /proc. */
function cpuSeconds(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of the line (utime, stime); the split starts at field 3.
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
  } catch {
    return null;
  }
}

function cpuPercent(before: number | null, after: number | null, seconds: number): number | null {
  return before === null || after === null ? null : Math.round(((after - before) / seconds) * 100);
}

/** Classes for the load: a teacher and a student each (the reference company's 1-on-1 classes). */
function classesOf(count: number): LoadClass[] {
  return Array.from({ length: count }, (_, i) => ({ classId: `load-${i}`, teacherId: `load-${i}-t`, studentIds: [`load-${i}-s`] }));
}

interface StartedBroker extends BrokerReady {
  pid: number | undefined;
  /** The broker's own warnings and errors (Mosquitto's log; the embedded broker's go to this process's output). */
  warnings(): string;
  stop(): Promise<void>;
}

/** Why Mosquitto cannot be measured on this machine, or null when it can. */
export function mosquittoMissing(): string | null {
  const binaries = findMosquitto();
  return 'missing' in binaries ? binaries.missing : null;
}

async function startBroker(kind: BackendBroker): Promise<StartedBroker> {
  if (kind === 'mosquitto') {
    const binaries = findMosquitto();
    if ('missing' in binaries) throw new Error(`Mosquitto cannot be measured: ${binaries.missing}`);
    const users = (['tagger', 'bench'] as const).map((name) => ({ username: serviceUserId(name), role: 'service' as const, classes: '*' as const }));
    const broker = await launchMosquitto(binaries, { users, maxQueuedMessages: MOSQUITTO_QUEUED_MESSAGES });
    if (broker.pid !== undefined) runningPids.add(broker.pid);
    return {
      url: broker.mqttUrl,
      taggerToken: broker.passwordOf(serviceUserId('tagger')),
      loadToken: broker.passwordOf(serviceUserId('bench')),
      pid: broker.pid,
      warnings: () => broker.log().split('\n').filter((line) => line && !CONNECTION_NOTICE.test(line)).join('\n'),
      stop: async () => {
        await broker.stop();
        if (broker.pid !== undefined) runningPids.delete(broker.pid);
      },
    };
  }
  const child = track(fork(BROKER, [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' }));
  const stop = async () => {
    if (child.connected) child.disconnect();
    await exited(child);
  };
  try {
    const ready = await new Promise<BrokerReady>((resolveReady, reject) => {
      child.once('message', (m) => resolveReady(m as BrokerReady));
      child.once('exit', (code) => reject(new Error(`the broker process exited with ${code}`)));
    });
    return { ...ready, pid: child.pid, warnings: () => '', stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** One step: a fresh broker and tagger processes, `classes` classes of telemetry for the warm-up and measurement. */
async function measureStep(kind: BackendBroker, taggers: number, classes: number, run: number, log: (line: string) => void): Promise<BackendStep> {
  const broker = await startBroker(kind);
  const dir = await mkdtemp(join(tmpdir(), 'bench-monitor-'));
  folders.add(dir);
  const processes: TaggerProcess[] = [];
  let worker: Worker | null = null;
  try {
    const passwordFile = join(dir, 'tagger-token');
    await writeFile(passwordFile, broker.taggerToken, { mode: 0o600 });
    for (let i = 0; i < taggers; i++) processes.push(startTagger(broker.url, passwordFile, i, taggers, log));
    await Promise.all(processes.map((p) => p.connected));
    // Counters as the taggers stand before any load (their first stats line).
    await sleep(1_500);
    const baseline = processes.map((p) => p.messages);
    const ingestedTotal = () => processes.reduce((sum, p, i) => sum + p.messages - baseline[i]!, 0);

    const load = { published: 0, at: Date.now(), stopped: null as { published: number; at: number } | null };
    const config: LoadConfig = {
      mqttUrl: broker.url, username: serviceUserId('bench'), clientId: serviceClientId('bench', `load-${run}`), token: broker.loadToken,
      root: 'classroom', classes: classesOf(classes), perClassPerSecond: 1, backgroundFaultShare: 0.02, backgroundFaultMs: 60_000, idPrefix: `r${run}`,
    };
    worker = await tsWorker('./monitor-load.ts', config, (event: LoadEvent) => {
      if (event.type === 'stats') Object.assign(load, event);
      else if (event.type === 'stopped') load.stopped = event;
      else if (event.type === 'error') log(`[backend ${kind} ${taggers}] load: ${event.message}`);
    });
    await sleep(WARMUP_MS);

    const snapshot = () => ({
      offered: load.published,
      offeredAt: load.at,
      taggers: processes.map((p) => ({ messages: p.messages, at: p.at, cpu: cpuSeconds(p.child.pid) })),
      broker: cpuSeconds(broker.pid),
      self: process.cpuUsage(),
      time: Date.now(),
    });
    const before = snapshot();
    await sleep(MEASURE_MS);
    const after = snapshot();
    const seconds = (after.time - before.time) / 1_000;
    const offeredMsgPerS = Math.round((after.offered - before.offered) / Math.max(0.001, (after.offeredAt - before.offeredAt) / 1_000));
    // Each tagger's rate over its own stats lines' timestamps, summed.
    const ingestedMsgPerS = Math.round(
      after.taggers.reduce((sum, t, i) => sum + (t.messages - before.taggers[i]!.messages) / Math.max(0.001, (t.at - before.taggers[i]!.at) / 1_000), 0),
    );
    const selfCpu = process.cpuUsage(before.self);
    const cpu = {
      broker: cpuPercent(before.broker, after.broker, seconds),
      taggers: after.taggers.map((t, i) => cpuPercent(before.taggers[i]!.cpu, t.cpu, seconds)),
      load: Math.round(((selfCpu.user + selfCpu.system) / 1e6 / seconds) * 100),
    };
    const loadAverage = round(loadavg()[0]!);

    worker.postMessage({ type: 'stop' });
    const stopDeadline = Date.now() + 10_000;
    while (!load.stopped && Date.now() < stopDeadline) await sleep(100);
    const stopped = load.stopped ?? { published: load.published, at: Date.now() };
    await worker.terminate();
    worker = null;

    let catchUpS: number | null = null;
    const limit = Date.now() + CATCH_UP_LIMIT_MS;
    while (Date.now() < limit) {
      if (ingestedTotal() >= CAUGHT_UP_SHARE * stopped.published) {
        // The latest of the taggers' own stamps on the counters that show it.
        catchUpS = round(Math.max(0, Math.max(...processes.map((p) => p.at)) - stopped.at) / 1_000);
        break;
      }
      await sleep(250);
    }
    if (catchUpS === null) await sleep(1_500);
    const ingestedShare = round(ingestedTotal() / Math.max(1, stopped.published), 3);

    const keptUp =
      offeredMsgPerS >= OFFERED_SHARE * classes &&
      ingestedMsgPerS >= KEPT_UP_SHARE * offeredMsgPerS &&
      catchUpS !== null &&
      catchUpS * 1_000 <= CATCH_UP_MS;
    return { classes, offeredMsgPerS, ingestedMsgPerS, catchUpS, ingestedShare, keptUp, cpu, load: loadAverage };
  } finally {
    if (worker) await worker.terminate();
    for (const p of processes) p.child.kill('SIGTERM');
    await Promise.all(processes.map((p) => exited(p.child)));
    const warnings = broker.warnings();
    if (warnings) log(`[backend ${kind} ${taggers}] the broker logged:\n${warnings}`);
    await broker.stop();
    await rm(dir, { recursive: true, force: true });
    folders.delete(dir);
  }
}

export async function measureBackend(broker: BackendBroker, taggers: number, log: (line: string) => void): Promise<BackendResult> {
  const steps: BackendStep[] = [];
  let limitedBy: BackendResult['limitedBy'] = 'backend';
  for (let classes = nextClasses(steps, BOUNDS), run = 0; classes !== null; classes = nextClasses(steps, BOUNDS), run++) {
    const step = await measureStep(broker, taggers, classes, run, log);
    steps.push(step);
    log(`[backend ${broker} ${taggers}] ${JSON.stringify(step)}`);
    if (step.offeredMsgPerS < OFFERED_SHARE * classes) {
      limitedBy = 'load';
      break;
    }
  }
  const kept = steps.filter((s) => s.keptUp).map((s) => s.classes);
  const maxClassesKeptUp = Math.max(0, ...kept);
  if (limitedBy === 'backend' && maxClassesKeptUp >= BOUNDS.max) limitedBy = 'max';
  return { broker, taggers, maxClassesKeptUp, limitedBy, steps };
}
