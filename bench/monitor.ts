/**
 * bench:monitor — the supervisor console watching 1,000, 5,000 and 10,000 live classes.
 *
 * For each size it starts the embedded backend (broker, directory, dispatcher) with a catalogue holding that many
 * live classes, serving the built renderer; one tagger instance in a worker thread of its own (as a deployment runs
 * taggers beside the broker, not on its event loop: bench/monitor-tagger.ts); and a load worker
 * (bench/monitor-load.ts) publishing every live class's telemetry through the broker, about one message per class
 * per second, as the participants' consoles would. It waits until the tagger keeps up with what is offered (the
 * start's retained flood is behind it). A supervisor then signs in to the console in Chromium (browser mode) and
 * watches the wall (default view: every live class, worst first). About 2% of classes toggle a "can't draw" warning
 * in the background, so health keeps changing. Marked faults ("messaging failed to initialise", critical) start in
 * classes that had none, two seconds apart, and the bench waits until the wall shows each of them.
 *
 * For each size it prints one JSON line:
 *   classes            live classes on the wall, each sending telemetry
 *   offeredMsgPerS     telemetry messages per second the load worker published during the measurement
 *   ingestedMsgPerS    telemetry messages per second the tagger decoded and folded in during the same period
 *   frameP95Ms         95th percentile of the console's frame intervals during the measurement, while the wall
 *                      takes the health updates and the marked tags arrive: requestAnimationFrame timestamps, each
 *                      interval counted in whole display periods (16.7 ms is a frame on time, 33.3 ms one dropped);
 *                      rawFrameP95Ms the same without rounding to periods (timestamps jitter by ~0.1 ms)
 *   longTasks          main-thread tasks of 50 ms or more in the console during the measurement (PerformanceObserver
 *                      "longtask"); longTaskMaxMs the longest
 *   tagToVisibleP95Ms  95th percentile, over the marked faults, of the time from the tagger publishing the class
 *                      health that carries the tag (its `updatedAt`, stamped when it is published) to the animation
 *                      frame after the tag's chip appeared on that class's wall row (MutationObserver in the page; the
 *                      same machine's clock on both sides); tagToVisibleP50Ms the median
 *   heapMB             the console page's used JS heap after the measurement (the link worker's is not included)
 *   healthPerS         class health messages per second the tagger published during the measurement
 * The very last line is one JSON object with all sizes: {"sizes": [ ...the lines above ], ...the 10,000 figures}.
 *
 * The backend, the tagger and the load run at nice 10 and the browser at normal priority: in production they are on
 * servers, never on the supervisor's desktop, and on a small machine they would otherwise starve the console's
 * main thread (its long tasks then measure the scheduler, not the console). Each size logs the load average.
 *
 * BENCH_SIZES=1000,5000 picks the sizes; BENCH_MARKS sets the number of marked faults (default 20); CHROMIUM_PATH
 * picks the browser; BENCH_PROFILE=<folder> writes a CPU profile of the console during each measurement there;
 * BENCH_TRACE=<path prefix> writes a Chromium trace of each measurement (its own overhead shows in the figures).
 * Needs `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { loadavg, setPriority } from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { chromium, type Browser, type Page } from '@playwright/test';
import { connectAsync, type MqttClient } from 'mqtt';
import { launchBackend, type RunningBackend } from '../services/backend';
import { serviceClientId, serviceUserId } from '../shared/auth/client-id';
import { buildCatalogue } from '../services/simulator/catalogue';
import { decode, filter, type ClassHealth } from '../shared/protocol';
import type { TaggerStats } from '../services/tagger/tagger';
import type { LoadClass, LoadCommand, LoadConfig, LoadEvent } from './monitor-load';
import type { TaggerEvent, TaggerWorkerConfig } from './monitor-tagger';
import { percentile, round } from './stats';

const SIZES = (process.env.BENCH_SIZES ?? '1000,5000,10000').split(',').map(Number);
const MARKS = Number(process.env.BENCH_MARKS ?? 20);
const SEED = 4;
const MARKED_TAG = 'entry.init-failed.messaging';
const PROFILE_DIR = process.env.BENCH_PROFILE;
const SETTLE_TIMEOUT_MS = 300_000;
const TRACE_FILE = process.env.BENCH_TRACE;
const BACKEND_NICE = 10;
const rendererDir = resolve(import.meta.dirname, '../out/renderer');

interface SizeResult {
  classes: number;
  offeredMsgPerS: number;
  ingestedMsgPerS: number;
  frameP95Ms: number;
  rawFrameP95Ms: number;
  longTasks: number;
  longTaskMaxMs: number;
  tagToVisibleP95Ms: number;
  tagToVisibleP50Ms: number;
  heapMB: number;
  healthPerS: number;
  marked: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Frame intervals as whole display frames: rAF timestamps jitter by a tenth of a millisecond around the display's
 * period (timer coarsening), so each interval counts as the number of periods it spans, times the period (the
 * median interval). 16.7 is a frame on time, 33.3 one frame dropped.
 */
function onVsync(intervals: number[]): number[] {
  const period = percentile(intervals, 50);
  return intervals.map((interval) => Math.max(1, Math.round(interval / period)) * period);
}

/** The smallest catalogue holding `live` live classes: catalogues grow by appending, so earlier classes stay put. */
function catalogueSizeFor(live: number): number {
  let high = live;
  while (buildCatalogue({ classes: high, seed: SEED, now: Date.now() }).filter((c) => c.state === 'live').length < live) high = Math.ceil(high * 1.3);
  let low = live;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (buildCatalogue({ classes: mid, seed: SEED, now: Date.now() }).filter((c) => c.state === 'live').length >= live) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * Frame intervals, long tasks and when marked tags became visible, recorded inside the console page. Plain
 * JavaScript in a string: the page runs it as it is, untouched by the TypeScript transform of this script.
 */
const PROBES = `
(() => {
  const probe = { recording: false, frames: [], longTasks: [], marked: [], visible: {} };
  window.__monitor = probe;
  new PerformanceObserver((list) => {
    if (probe.recording) for (const entry of list.getEntries()) probe.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: false });
  let last = 0;
  function frame(ts) {
    if (probe.recording && last > 0) probe.frames.push(ts - last);
    last = ts;
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
  function look() {
    for (const classId of probe.marked) {
      if (probe.visible[classId] !== undefined) continue;
      const chip = document.querySelector('[data-testid="wall-row"][data-class-id="' + classId + '"] [data-testid="tag-chip"][data-tag="${MARKED_TAG}"]');
      if (!chip) continue;
      probe.visible[classId] = -1;
      // Visible in the frame the browser paints next.
      requestAnimationFrame(() => { probe.visible[classId] = performance.timeOrigin + performance.now(); });
    }
  }
  new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-tag', 'data-class-id'] });
})();
`;

type Probe = { frames: number[]; longTasks: number[]; visible: Record<string, number> };

async function runSize(browser: Browser, size: number): Promise<SizeResult> {
  const catalogueSize = catalogueSizeFor(size);
  const { backend } = await launchBackend({
    classes: catalogueSize,
    seed: SEED,
    simulate: false,
    staticDir: rendererDir,
    tokenTtlSeconds: 3_600,
    // Presence from the simulator; telemetry from the load worker; the tagger in a thread of its own.
    simulation: { telemetry: { enabled: false } },
    tagger: false,
  });
  const workers: Worker[] = [];
  let watcher: MqttClient | null = null;
  const context = await browser.newContext({ viewport: { width: 1600, height: 1800 } });
  try {
    const loadClasses = liveClasses(catalogueSize);
    console.log(`[${size}] backend up with ${catalogueSize} classes, ${loadClasses.length} live; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    const token = await backend.serviceToken('bench');

    // When the tagger published a health carrying the marked tag, per class: its own stamp.
    const published = new Map<string, number>();
    watcher = await connectAsync(backend.mqttUrl, { username: serviceUserId('bench'), password: token, clientId: serviceClientId('bench', 'watcher'), protocolVersion: 4 });
    watcher.on('message', (topicName, payload, packet) => {
      if (packet.retain) return;
      const decoded = decode(topicName, payload, 'classroom', false);
      if (!decoded.ok || decoded.kind !== 'classHealth') return;
      const health: ClassHealth = decoded.message;
      if (!published.has(health.classId) && health.problems.some((p) => p.tag === MARKED_TAG)) published.set(health.classId, health.updatedAt);
    });
    await watcher.subscribeAsync(filter('classHealth'), { qos: 0 });

    const tagger = { stats: null as TaggerStats | null };
    const taggerConfig: TaggerWorkerConfig = { mqttUrl: backend.mqttUrl, token: await backend.serviceToken('tagger'), root: 'classroom' };
    const taggerWorker = await tsWorker('./monitor-tagger.ts', taggerConfig, (event: TaggerEvent) => {
      if (event.type === 'stats') tagger.stats = event.stats;
      else if (event.type === 'error') console.log(`[${size}] tagger: ${event.message}`);
    });
    workers.push(taggerWorker);
    const load = { published: 0, at: Date.now() };
    const loadWorker = await tsWorker('./monitor-load.ts', loadConfig(backend, token, loadClasses), (event: LoadEvent) => {
      if (event.type === 'stats') Object.assign(load, event);
      else if (event.type === 'error') console.log(`[${size}] load: ${event.message}`);
    });
    workers.push(loadWorker);
    await settled(size, load, tagger);

    const page = await context.newPage();
    page.on('pageerror', (error) => console.log(`[${size}] page error: ${error.message}`));
    await page.addInitScript({ content: PROBES });
    await page.goto(backend.httpUrl);
    await page.getByTestId('demo-account-supervisor1').click();
    await page.getByTestId('supervisor-console').waitFor();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="wall-count"]')?.getAttribute('data-shown')) >= n, size, { timeout: 180_000 });
    console.log(`[${size}] the wall shows ${size} live classes`);
    // The sign-in's retained flood (every class's health and tags) is behind it before measuring.
    await sleep(15_000);

    const marked = pickMarked(loadClasses, MARKS);
    await page.evaluate((ids) => {
      const probe = (window as unknown as { __monitor: { marked: string[]; recording: boolean; frames: number[]; longTasks: number[] } }).__monitor;
      probe.marked.push(...ids);
      probe.frames.length = 0;
      probe.longTasks.length = 0;
      probe.recording = true;
    }, marked);
    const profiler = PROFILE_DIR ? await startProfile(page) : null;
    if (TRACE_FILE) await browser.startTracing(page, { path: `${TRACE_FILE}-${size}.json`, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'] });
    const startLoad = { ...load };
    const startTagger = tagger.stats!;
    const startedAt = Date.now();
    for (const classId of marked) {
      loadWorker.postMessage({ type: 'mark', classId } satisfies LoadCommand);
      await sleep(2_000);
    }
    // Each marked fault shows once its window closes (30 s windows, 10 s lateness).
    await page
      .waitForFunction(
        (n) => Object.values((window as unknown as { __monitor: Probe }).__monitor.visible).filter((v) => v > 0).length >= n,
        marked.length,
        { timeout: 120_000, polling: 500 },
      )
      .catch(() => console.log(`[${size}] not every marked tag became visible in time`));
    await sleep(3_000);
    const probe = await page.evaluate(() => {
      const p = (window as unknown as { __monitor: Probe & { recording: boolean } }).__monitor;
      p.recording = false;
      return { frames: p.frames, longTasks: p.longTasks, visible: p.visible };
    });
    if (profiler) await profiler(resolve(PROFILE_DIR!, `monitor-${size}.cpuprofile`));
    if (TRACE_FILE) await browser.stopTracing();
    const endLoad = { ...load };
    const endTagger = tagger.stats!;
    const seconds = (Date.now() - startedAt) / 1_000;

    const latencies = marked.flatMap((classId) => {
      const seen = probe.visible[classId];
      const at = published.get(classId);
      return seen && seen > 0 && at !== undefined ? [seen - at] : [];
    });
    const heap = await heapUsage(page);
    return {
      classes: loadClasses.length,
      offeredMsgPerS: Math.round((endLoad.published - startLoad.published) / ((endLoad.at - startLoad.at) / 1_000)),
      ingestedMsgPerS: Math.round((endTagger.messages - startTagger.messages) / seconds),
      frameP95Ms: round(percentile(onVsync(probe.frames), 95)),
      rawFrameP95Ms: round(percentile(probe.frames, 95)),
      longTasks: probe.longTasks.length,
      longTaskMaxMs: Math.round(Math.max(0, ...probe.longTasks)),
      tagToVisibleP95Ms: Math.round(percentile(latencies, 95)),
      tagToVisibleP50Ms: Math.round(percentile(latencies, 50)),
      heapMB: round(heap / 2 ** 20),
      healthPerS: round((endTagger.healthPublished - startTagger.healthPublished) / seconds),
      marked: latencies.length,
    };
  } finally {
    for (const worker of workers) worker.postMessage({ type: 'stop' });
    await Promise.all(workers.map((worker) => worker.terminate()));
    await watcher?.endAsync();
    await context.close();
    await backend.close();
  }
}

/**
 * Waits until the backend keeps up: after the start's retained flood (every class's summary and presence, and the
 * tagger's first health of every class), the tagger ingests what is offered. Measuring before that would measure the
 * start, not the steady state.
 */
async function settled(size: number, load: { published: number; at: number }, tagger: { stats: TaggerStats | null }): Promise<void> {
  const startedAt = Date.now();
  let before = { offered: load.published, ingested: tagger.stats?.messages ?? 0 };
  let steady = 0;
  while (steady < 3) {
    await sleep(5_000);
    const now = { offered: load.published, ingested: tagger.stats?.messages ?? 0 };
    const offered = now.offered - before.offered;
    const ingested = now.ingested - before.ingested;
    steady = offered > 0 && ingested >= 0.9 * offered ? steady + 1 : 0;
    console.log(`[${size}] ${Math.round((Date.now() - startedAt) / 1_000)} s: offered ${Math.round(offered / 5)}/s, the tagger ingested ${Math.round(ingested / 5)}/s`);
    before = now;
    if (Date.now() - startedAt > SETTLE_TIMEOUT_MS) {
      console.log(`[${size}] the tagger did not keep up within ${SETTLE_TIMEOUT_MS / 1_000} s; measuring anyway`);
      return;
    }
  }
}

/** The live classes and their participants: the catalogue the backend built (the same for the same seed). */
function liveClasses(catalogueSize: number): LoadClass[] {
  return buildCatalogue({ classes: catalogueSize, seed: SEED, now: Date.now() })
    .filter((c) => c.state === 'live')
    .map((c) => ({ classId: c.id, teacherId: c.teacher.id, studentIds: c.students.map((s) => s.id) }));
}

/** Classes spread over the catalogue, for the marked faults. */
function pickMarked(classes: LoadClass[], count: number): string[] {
  const step = Math.max(1, Math.floor(classes.length / count));
  return classes.filter((_, i) => i % step === 0).slice(0, count).map((c) => c.classId);
}

function loadConfig(backend: RunningBackend, token: string, classes: LoadClass[]): LoadConfig {
  return {
    mqttUrl: backend.mqttUrl,
    username: serviceUserId('bench'),
    clientId: serviceClientId('bench', 'load'),
    token,
    root: 'classroom',
    classes,
    perClassPerSecond: 1,
    backgroundFaultShare: 0.02,
    backgroundFaultMs: 60_000,
  };
}

/** A worker thread running one of the bench's TypeScript modules, once it said it is ready. */
async function tsWorker<E extends { type: string }>(file: string, data: unknown, onEvent: (event: E) => void): Promise<Worker> {
  // The worker registers tsx's loader in its own thread, then loads the module, as this script was loaded.
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

/** Starts the DevTools CPU profiler on the page; the returned function stops it and writes the profile. */
async function startProfile(page: Page): Promise<(file: string) => Promise<void>> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.start');
  return async (file) => {
    const { profile } = (await session.send('Profiler.stop')) as { profile: unknown };
    await mkdir(PROFILE_DIR!, { recursive: true });
    await writeFile(file, JSON.stringify(profile));
    await session.detach();
    console.log(`profile: ${file}`);
  };
}

/** The console page's used JS heap, through the DevTools protocol. */
async function heapUsage(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  const { usedSize } = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
  await session.detach();
  return usedSize;
}

async function main(): Promise<void> {
  if (!existsSync(resolve(rendererDir, 'index.html'))) throw new Error(`${rendererDir}/index.html is missing: run \`npm run build\` first`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'],
  });
  // The backend and the load stand in for servers the console never shares a CPU with: they run niced, so the
  // browser (launched before this, at normal priority) is not starved by them on a small machine. Threads inherit
  // the priority of the thread that starts them, so the tagger and load workers are niced too.
  setPriority(BACKEND_NICE);
  const results: SizeResult[] = [];
  try {
    for (const size of SIZES) {
      const result = await runSize(browser, size);
      results.push(result);
      console.log(JSON.stringify(result));
    }
  } finally {
    await browser.close();
  }
  const largest = results.find((r) => r.classes >= 10_000) ?? results.at(-1);
  console.log(JSON.stringify({ ...largest, sizes: results }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
