/**
 * The backend phase of `npm run bench:monitor`: the most classes whose telemetry this machine's backend takes in
 * full, with one tagger process and with two (hash shards, `--shard i/N`, docs/operations.md "Tagger").
 *
 * The embedded broker (with the directory and dispatcher) runs in a process of its own (bench/monitor-broker.ts), each
 * tagger in its own (`services/tagger/main.ts`, the deployment's entry point, printing its counters every second),
 * and the participants' consoles are a load worker in this process (bench/monitor-load.ts: every class sends about
 * one telemetry message a second, its participants taking turns, 2% of classes with a "can't draw" fault). The offered
 * load steps up by `BACKEND_STEP` classes from `BACKEND_FIRST`; at each step, after a warm-up, it compares what the
 * load published with what the taggers together decoded and folded in over a measurement period. A step is kept up
 * when the taggers ingested at least 95% of what was offered and the load offered at least 90% of what it was asked
 * (a load that cannot offer more says nothing about the backend). The first step that is not kept up ends the run.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { serviceClientId, serviceUserId } from '../shared/auth/client-id';
import type { BrokerReady } from './monitor-broker';
import type { LoadClass, LoadConfig, LoadEvent } from './monitor-load';
import { tsWorker } from './ts-worker';

const FIRST = Number(process.env.BACKEND_FIRST ?? 10_000);
const STEP = Number(process.env.BACKEND_STEP ?? 10_000);
const MAX = Number(process.env.BACKEND_MAX ?? 100_000);
const WARMUP_MS = Number(process.env.BACKEND_WARMUP_S ?? 10) * 1_000;
const MEASURE_MS = Number(process.env.BACKEND_MEASURE_S ?? 15) * 1_000;
const KEPT_UP_SHARE = 0.95;
const OFFERED_SHARE = 0.9;
const MAIN = resolve(import.meta.dirname, '../services/tagger/main.ts');
const BROKER = resolve(import.meta.dirname, './monitor-broker.ts');

export interface BackendStep {
  classes: number;
  offeredMsgPerS: number;
  ingestedMsgPerS: number;
  keptUp: boolean;
  load: number;
}

export interface BackendResult {
  taggers: number;
  maxClassesKeptUp: number;
  steps: BackendStep[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A tagger process and its latest counters. */
interface TaggerProcess {
  child: ChildProcess;
  messages: number;
  connected: Promise<void>;
}

function startTagger(url: string, passwordFile: string, index: number, count: number): TaggerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--url', url, '--shard', `${index}/${count}`, '--password-file', passwordFile, '--stats-every', '1'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const tagger: TaggerProcess = { child, messages: 0, connected: Promise.resolve() };
  tagger.connected = new Promise((resolveConnected, reject) => {
    child.once('exit', (code) => reject(new Error(`tagger ${index}/${count} exited with ${code}`)));
    let buffer = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      buffer += chunk;
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line.startsWith('tagger ')) resolveConnected();
        else if (line.startsWith('{')) tagger.messages = (JSON.parse(line) as { messages: number }).messages;
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

/** Classes for the load: a teacher and a student each (the reference company's 1-on-1 classes). */
function classesOf(count: number): LoadClass[] {
  return Array.from({ length: count }, (_, i) => ({ classId: `load-${i}`, teacherId: `load-${i}-t`, studentIds: [`load-${i}-s`] }));
}

export async function measureBackend(taggers: number, log: (line: string) => void): Promise<BackendResult> {
  const broker = fork(BROKER, [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const dir = await mkdtemp(join(tmpdir(), 'bench-monitor-'));
  const processes: TaggerProcess[] = [];
  let worker: Worker | null = null;
  const steps: BackendStep[] = [];
  try {
    const ready = await new Promise<BrokerReady>((resolveReady, reject) => {
      broker.once('message', (m) => resolveReady(m as BrokerReady));
      broker.once('exit', (code) => reject(new Error(`the broker process exited with ${code}`)));
    });
    const passwordFile = join(dir, 'tagger-token');
    await writeFile(passwordFile, ready.taggerToken, { mode: 0o600 });
    for (let i = 0; i < taggers; i++) processes.push(startTagger(ready.url, passwordFile, i, taggers));
    await Promise.all(processes.map((p) => p.connected));
    const ingested = () => processes.reduce((sum, p) => sum + p.messages, 0);

    for (let classes = FIRST, run = 0; classes <= MAX; classes += STEP, run++) {
      const load = { published: 0, at: Date.now() };
      const config: LoadConfig = {
        mqttUrl: ready.url, username: serviceUserId('bench'), clientId: serviceClientId('bench', `load-${run}`), token: ready.loadToken,
        root: 'classroom', classes: classesOf(classes), perClassPerSecond: 1, backgroundFaultShare: 0.02, backgroundFaultMs: 60_000, idPrefix: `r${run}`,
      };
      worker = await tsWorker('./monitor-load.ts', config, (event: LoadEvent) => {
        if (event.type === 'stats') Object.assign(load, event);
        else if (event.type === 'error') log(`[backend ${taggers}] load: ${event.message}`);
      });
      await sleep(WARMUP_MS);
      const before = { offered: load.published, at: load.at, ingested: ingested(), time: Date.now() };
      await sleep(MEASURE_MS);
      const after = { offered: load.published, at: load.at, ingested: ingested(), time: Date.now() };
      worker.postMessage({ type: 'stop' });
      await worker.terminate();
      worker = null;
      const offeredMsgPerS = Math.round((after.offered - before.offered) / Math.max(0.001, (after.at - before.at) / 1_000));
      const ingestedMsgPerS = Math.round((after.ingested - before.ingested) / ((after.time - before.time) / 1_000));
      const keptUp = ingestedMsgPerS >= KEPT_UP_SHARE * offeredMsgPerS && offeredMsgPerS >= OFFERED_SHARE * classes;
      const step = { classes, offeredMsgPerS, ingestedMsgPerS, keptUp, load: Math.round(loadavg()[0]! * 10) / 10 };
      steps.push(step);
      log(`[backend ${taggers}] ${JSON.stringify(step)}`);
      if (!keptUp) break;
      // What is still queued for the taggers drains before the next step.
      await sleep(3_000);
    }
  } finally {
    if (worker) await worker.terminate();
    for (const p of processes) p.child.kill('SIGTERM');
    await Promise.all(processes.map((p) => exited(p.child)));
    if (broker.connected) broker.disconnect();
    await exited(broker);
    await rm(dir, { recursive: true, force: true });
  }
  const kept = steps.filter((s) => s.keptUp);
  return { taggers, maxClassesKeptUp: kept.length > 0 ? Math.max(...kept.map((s) => s.classes)) : 0, steps };
}
