/**
 * bench:monitor — the supervisor console watching 1,000, 10,000 and 35,000 live classes (the reference company's
 * peak), and, measured apart, the backend that tags them.
 *
 * Console phase, for each size: the embedded backend (broker, directory, dispatcher) with a catalogue holding that
 * many live classes serves the built renderer, and a feed worker (bench/monitor-feed.ts) publishes what the backend
 * of that many classes sends a supervisor: every class's retained health (as a tagger publishes it when it starts),
 * then health changes at `BENCH_HEALTH_PER_CLASS_HOUR` per class (default 6: a warning raised three times an hour per
 * class and cleared two minutes later, so one class in ten holds one), help requests at `BENCH_HELP_PER_CLASS_HOUR`
 * (default 0.1: one class in ten asks for help in an hour) with their states as the dispatcher publishes them
 * (received, remedy pending, then auto-resolved or escalated, four seconds apart), and marked faults. No tagger
 * and no telemetry run in this phase, so the console's cost is measured apart from the backend's. A supervisor signs
 * in to the console in Chromium (browser mode) and watches the wall (default view: every live class, worst first).
 * Marked faults ("messaging failed to initialise", critical) start in classes that had none, two seconds apart, and
 * the bench waits until the wall shows each of them. One JSON line per size:
 *   classes            live classes on the wall
 *   healthPerS         class health messages per second the feed published during the measurement
 *   helpPerS           help state messages per second the feed published during the measurement
 *   frameP95Ms         95th percentile of the console's frame intervals during the measurement, while the wall
 *                      takes the health updates and the marked tags arrive: requestAnimationFrame timestamps, each
 *                      interval counted in whole display periods (16.7 ms is a frame on time, 33.3 ms one dropped);
 *                      rawFrameP95Ms the same without rounding to periods (timestamps jitter by ~0.1 ms)
 *   longTasks          main-thread tasks of 50 ms or more in the console during the measurement (PerformanceObserver
 *                      "longtask"); longTaskMaxMs the longest
 *   tagToVisibleP95Ms  95th percentile, over the marked faults, of the time from the class health carrying the tag
 *                      being published (its `updatedAt`) to the animation frame after the tag's chip appeared on that
 *                      class's wall row (MutationObserver in the page; the same machine's clock on both sides);
 *                      tagToVisibleP50Ms the median; marked: how many were seen. A critical tag is posted to the page
 *                      at the next frame; warnings wait for the next calm batch, up to 250 ms more (docs/decisions.md)
 *   backendSettledMs   from the backend's launch to its event loop going quiet (busy less than half of a 5 s window):
 *                      the supervisor signs in only then, as to a backend that is running, not one still sending its
 *                      own services every class's summary and presence; null when that did not come within 600 s
 *   wallReadyMs        from the sign-in click to the wall showing every class (the sign-in's retained flood); null
 *                      when it did not within 20 ms per class (the measurement goes on with what the wall shows)
 *   settledMs          from the sign-in click to the console's socket going quiet: the rest of the flood (summaries,
 *                      help states, the live changes queued behind them) goes on after the wall shows every class, and
 *                      the measurement starts once a 5 s window brings fewer than 150 frames a second; null when that
 *                      did not come within 180 s of the wall being ready (the measurement then starts anyway)
 *   heapMB             the console page's used JS heap after the measurement (the link worker's is not included)
 *   load               the machine's 1-minute load average at the end of the measurement
 *
 * Backend phase (bench/monitor-backend.ts), after the sizes, with no browser, on each broker of `BACKEND_BROKERS`
 * (default "embedded,mosquitto"): for each step a fresh broker (the embedded broker with the directory and
 * dispatcher, in a process of its own; or Mosquitto configured as docs/operations.md deploys it), one tagger process
 * (services/tagger/main.ts), then two (hash shards, `--shard 0/2` and `1/2`), and a load worker offering every
 * class's telemetry at one message per class per second; the classes double from 2,000 until a step is not kept up,
 * then the gap is halved down to 1,000:
 *   maxClassesKeptUpOneTagger, maxClassesKeptUpTwoTaggers   on the embedded broker, the most classes whose telemetry
 *                      the taggers took in in full with one tagger process and with two: during the measurement they
 *                      ingested at least 95% of the offered rate (the load offering at least 90% of one message per
 *                      class per second), and within 5 s of the load stopping they had ingested 99% of all it
 *                      published (no growing lag, no losses). 0 when not even the smallest step was kept up; null when
 *                      not measured
 *   maxClassesKeptUpOneTaggerMosquitto, maxClassesKeptUpTwoTaggersMosquitto   the same on Mosquitto (null when it is
 *                      not installed, with the reason logged)
 *   backend            per broker and tagger count: broker, taggers, maxClassesKeptUp, limitedBy ("backend"; "load" when the load worker
 *                      could not offer the rate, so the figure is a lower bound; "max" when BACKEND_MAX was kept up)
 *                      and steps, each with classes, offeredMsgPerS, ingestedMsgPerS, catchUpS, ingestedShare, keptUp,
 *                      cpu (% of one core during the measurement: broker, each tagger, the load worker's process) and
 *                      load (1-minute load average)
 * The very last line is one JSON object: the largest size's figures (the fields above, at the top level), `sizes`
 * (every size's line), the four maxClassesKeptUp fields and `backend`.
 *
 * In the console phase the backend and the feed run at nice 10 and the browser at normal priority: in production they
 * are on servers, never on the supervisor's desktop, and on a small machine they would otherwise starve the console's
 * main thread (its long tasks then measure the scheduler, not the console). Each size logs the load average.
 *
 * BENCH_SIZES=1000,35000 picks the sizes (empty: the backend phase alone); BENCH_MARKS sets the number of marked faults (default 20); BENCH_BACKEND=0
 * skips the backend phase (BACKEND_FIRST, default 2000, BACKEND_STEP, the search's resolution, default 1000,
 * BACKEND_MAX, default 100000, BACKEND_WARMUP_S, default 10, and BACKEND_MEASURE_S, default 15, tune it; BACKEND_BROKERS
 * picks the brokers);
 * CHROMIUM_PATH picks the browser; BENCH_PROFILE=<folder> writes a CPU profile of the console during each
 * measurement there; BENCH_TRACE=<path prefix> writes a Chromium trace of each measurement (its own overhead shows in
 * the figures). Needs `npm run build` first. Exits when done, and on SIGINT/SIGTERM, with every process it started.
 */
import { existsSync } from 'node:fs';
import { getPriority, loadavg, setPriority } from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Worker } from 'node:worker_threads';
import { chromium, type Browser, type Page } from '@playwright/test';
import { launchBackend, type RunningBackend } from '../services/backend';
import { serviceClientId, serviceUserId } from '../shared/auth/client-id';
import { buildCatalogue } from '../services/simulator/catalogue';
import { measureBackend, mosquittoMissing, type BackendBroker, type BackendResult } from './monitor-backend';
import type { FeedClass, FeedCommand, FeedConfig, FeedEvent } from './monitor-feed';
import { percentile, round } from './stats';
import { tsWorker } from './ts-worker';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,35000').split(',').filter(Boolean).map(Number);
const MARKS = Number(process.env.BENCH_MARKS ?? 20);
const HEALTH_PER_CLASS_HOUR = Number(process.env.BENCH_HEALTH_PER_CLASS_HOUR ?? 6);
const HELP_PER_CLASS_HOUR = Number(process.env.BENCH_HELP_PER_CLASS_HOUR ?? 0.1);
const BACKEND = process.env.BENCH_BACKEND !== '0';
const BACKEND_BROKERS = (process.env.BACKEND_BROKERS ?? 'embedded,mosquitto').split(',').filter(Boolean) as BackendBroker[];
// Checked before the console phase, which can take an hour, rather than after it.
for (const broker of BACKEND_BROKERS) {
  if (broker !== 'embedded' && broker !== 'mosquitto') throw new Error(`BACKEND_BROKERS: unknown broker ${JSON.stringify(broker)}`);
}
const SEED = 4;
const MARKED_TAG = 'entry.init-failed.messaging';
const PROFILE_DIR = process.env.BENCH_PROFILE;
const TRACE_FILE = process.env.BENCH_TRACE;
const BACKEND_NICE = 10;
const rendererDir = resolve(import.meta.dirname, '../out/renderer');

interface SizeResult {
  classes: number;
  healthPerS: number;
  helpPerS: number;
  frameP95Ms: number;
  rawFrameP95Ms: number;
  longTasks: number;
  longTaskMaxMs: number;
  tagToVisibleP95Ms: number;
  tagToVisibleP50Ms: number;
  backendSettledMs: number | null;
  wallReadyMs: number | null;
  settledMs: number | null;
  heapMB: number;
  marked: number;
  load: number;
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
  if (!Number.isInteger(size) || size < 1) throw new Error(`BENCH_SIZES needs whole numbers of classes, got ${size}`);
  const catalogueSize = catalogueSizeFor(size);
  const launchedAt = Date.now();
  const { backend } = await launchBackend({
    classes: catalogueSize,
    seed: SEED,
    simulate: false,
    staticDir: rendererDir,
    tokenTtlSeconds: 3_600,
    // Presence and summaries from the simulator and directory; health and help from the feed; no telemetry, no tagger.
    simulation: { telemetry: { enabled: false } },
    tagger: false,
  });
  let feed: Worker | null = null;
  const context = await browser.newContext({ viewport: { width: 1600, height: 1800 } });
  try {
    const classes = liveClasses(catalogueSize);
    console.log(`[${size}] backend up with ${catalogueSize} classes, ${classes.length} live; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    // When the feed published the health carrying each marked tag: its `updatedAt`.
    const published = new Map<string, number>();
    const counts = { health: 0, help: 0, at: Date.now() };
    feed = await tsWorker('./monitor-feed.ts', feedConfig(backend, await backend.serviceToken('bench'), classes), (event: FeedEvent) => {
      if (event.type === 'stats') Object.assign(counts, event);
      else if (event.type === 'marked') published.set(event.classId, event.at);
      else if (event.type === 'error') console.log(`[${size}] feed: ${event.message}`);
    });

    // A supervisor signs in to a backend that is running, not one still starting: a large catalogue's start sends
    // every class's summary and presence to each of the backend's own services, and that takes the backend a while.
    const backendSettledMs = await untilBackendQuiet(launchedAt);
    console.log(`[${size}] the backend ${backendSettledMs === null ? 'was still busy' : `went quiet ${backendSettledMs} ms after its launch`}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

    const page = await context.newPage();
    page.on('pageerror', (error) => console.log(`[${size}] page error: ${error.message}`));
    // What the console's link (its worker's socket to the broker) receives, to tell the sign-in's flood from the feed.
    const socket = { frames: 0 };
    page.on('websocket', (ws) => ws.on('framereceived', () => socket.frames++));
    await page.addInitScript({ content: PROBES });
    await page.goto(backend.httpUrl);
    const clickedAt = Date.now();
    await page.getByTestId('demo-account-supervisor1').click();
    await page.getByTestId('supervisor-console').waitFor();
    const wallReadyMs = await page
      .waitForFunction((n) => Number(document.querySelector('[data-testid="wall-count"]')?.getAttribute('data-shown')) >= n, size, {
        timeout: Math.max(180_000, size * 20),
        polling: 1_000,
      })
      .then(
        () => Date.now() - clickedAt,
        () => null,
      );
    const shown = await page.getByTestId('wall-count').getAttribute('data-shown');
    console.log(`[${size}] the wall shows ${shown} of ${size} live classes, ${wallReadyMs === null ? 'not all in time' : `${wallReadyMs} ms after the sign-in click`}`);
    // The sign-in's retained flood (every class's summary, health and help state, and the live changes queued behind
    // them) goes on after the wall shows every class; it is behind it before measuring.
    const settledMs = await untilQuiet(socket, clickedAt);
    console.log(`[${size}] the console's socket went quiet ${settledMs === null ? 'not in time' : `${settledMs} ms after the sign-in click`}`);

    // The pointer rests where the sign-in click left it; the lists hold their order only while a pointer moves over them.
    console.log(`[${size}] ${await holds(page)} as the measurement starts`);
    const marked = pickMarked(classes, MARKS);
    await page.evaluate((ids) => {
      const probe = (window as unknown as { __monitor: { marked: string[]; recording: boolean; frames: number[]; longTasks: number[] } }).__monitor;
      probe.marked.push(...ids);
      probe.frames.length = 0;
      probe.longTasks.length = 0;
      probe.recording = true;
    }, marked);
    const profiler = PROFILE_DIR ? await startProfile(page) : null;
    if (TRACE_FILE) await browser.startTracing(page, { path: `${TRACE_FILE}-${size}.json`, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'] });
    const start = { ...counts };
    for (const classId of marked) {
      feed.postMessage({ type: 'mark', classId } satisfies FeedCommand);
      await sleep(2_000);
    }
    await page
      .waitForFunction(
        (n) => Object.values((window as unknown as { __monitor: Probe }).__monitor.visible).filter((v) => v > 0).length >= n,
        marked.length,
        { timeout: 60_000, polling: 500 },
      )
      .catch(() => console.log(`[${size}] not every marked tag became visible in time`));
    await sleep(3_000);
    const probe = await page.evaluate(() => {
      const p = (window as unknown as { __monitor: Probe & { recording: boolean } }).__monitor;
      p.recording = false;
      return { frames: p.frames, longTasks: p.longTasks, visible: p.visible };
    });
    console.log(`[${size}] ${await holds(page)} as the measurement ends`);
    if (profiler) await profiler(resolve(PROFILE_DIR!, `monitor-${size}.cpuprofile`));
    if (TRACE_FILE) await browser.stopTracing();
    const end = { ...counts };
    const seconds = Math.max(0.001, (end.at - start.at) / 1_000);

    const latencies = marked.flatMap((classId) => {
      const seen = probe.visible[classId];
      const at = published.get(classId);
      return seen && seen > 0 && at !== undefined ? [seen - at] : [];
    });
    const heap = await heapUsage(page);
    return {
      classes: classes.length,
      healthPerS: round((end.health - start.health) / seconds),
      helpPerS: round((end.help - start.help) / seconds),
      frameP95Ms: round(percentile(onVsync(probe.frames), 95)),
      rawFrameP95Ms: round(percentile(probe.frames, 95)),
      longTasks: probe.longTasks.length,
      longTaskMaxMs: Math.round(Math.max(0, ...probe.longTasks)),
      tagToVisibleP95Ms: Math.round(percentile(latencies, 95)),
      tagToVisibleP50Ms: Math.round(percentile(latencies, 50)),
      backendSettledMs,
      wallReadyMs,
      settledMs,
      heapMB: round(heap / 2 ** 20),
      marked: latencies.length,
      load: round(loadavg()[0]!),
    };
  } finally {
    if (feed) {
      feed.postMessage({ type: 'stop' } satisfies FeedCommand);
      await feed.terminate();
    }
    await context.close();
    await backend.close();
  }
}

/** Frames a second the console's socket takes at most once the flood is behind it (the feed sends about fifty). */
const QUIET_FRAMES_PER_S = 150;
const QUIET_WINDOW_MS = 5_000;
const QUIET_MAX_WAIT_MS = 180_000;

/** Whether the wall and the side panels (alerts, help queue) hold their order, in words for the log. */
async function holds(page: Page): Promise<string> {
  const wall = (await page.getByTestId('wall-held').count()) > 0;
  const panels = await page.getByTestId('held-note').count();
  return `the wall's order is ${wall ? 'held' : 'not held'}, ${panels} of the side panels' held`;
}

/**
 * Waits until the console's socket has taken fewer than `QUIET_FRAMES_PER_S` frames a second over a whole
 * `QUIET_WINDOW_MS` (the flood came at thousands a second); returns when that was, from the sign-in click, or null
 * when it did not within `QUIET_MAX_WAIT_MS` (the measurement then goes on).
 */
async function untilQuiet(socket: { frames: number }, clickedAt: number): Promise<number | null> {
  const giveUpAt = Date.now() + QUIET_MAX_WAIT_MS;
  while (Date.now() < giveUpAt) {
    const before = socket.frames;
    await sleep(QUIET_WINDOW_MS);
    if (socket.frames - before < (QUIET_FRAMES_PER_S * QUIET_WINDOW_MS) / 1_000) return Date.now() - clickedAt;
  }
  return null;
}

/** The backend's event loop (this process's main thread) busy less than this share of a window counts as quiet. */
const BACKEND_QUIET_UTILIZATION = 0.5;
const BACKEND_MAX_WAIT_MS = 600_000;

/**
 * Waits until the backend's event loop was busy less than `BACKEND_QUIET_UTILIZATION` of a whole `QUIET_WINDOW_MS`
 * (it works through its start at nearly 1); returns when that was, from `launchedAt`, or null when it did not within
 * `BACKEND_MAX_WAIT_MS` (the supervisor then signs in anyway).
 */
async function untilBackendQuiet(launchedAt: number): Promise<number | null> {
  const giveUpAt = Date.now() + BACKEND_MAX_WAIT_MS;
  while (Date.now() < giveUpAt) {
    const before = performance.eventLoopUtilization();
    await sleep(QUIET_WINDOW_MS);
    if (performance.eventLoopUtilization(before).utilization < BACKEND_QUIET_UTILIZATION) return Date.now() - launchedAt;
  }
  return null;
}

/** The live classes, with what their health shows: the catalogue the backend built (the same for the same seed). */
function liveClasses(catalogueSize: number): FeedClass[] {
  return buildCatalogue({ classes: catalogueSize, seed: SEED, now: Date.now() })
    .filter((c) => c.state === 'live')
    .map((c) => ({
      classId: c.id, title: c.title, teacherId: c.teacher.id, teacherName: c.teacher.name, region: c.region,
      studentId: c.students[0]?.id ?? c.teacher.id, studentName: c.students[0]?.name ?? c.teacher.name,
    }));
}

/** Classes spread over the catalogue, for the marked faults. */
function pickMarked(classes: FeedClass[], count: number): string[] {
  const step = Math.max(1, Math.floor(classes.length / count));
  return classes.filter((_, i) => i % step === 0).slice(0, count).map((c) => c.classId);
}

function feedConfig(backend: RunningBackend, token: string, classes: FeedClass[]): FeedConfig {
  return {
    mqttUrl: backend.mqttUrl,
    username: serviceUserId('bench'),
    clientId: serviceClientId('bench', 'feed'),
    token,
    root: 'classroom',
    classes,
    healthPerClassHour: HEALTH_PER_CLASS_HOUR,
    helpPerClassHour: HELP_PER_CLASS_HOUR,
  };
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
  // The backend and the feed stand in for servers the console never shares a CPU with: they run niced, so the
  // browser (launched before this, at normal priority) is not starved by them on a small machine. Threads and
  // processes inherit the priority of the thread that starts them, so the feed worker is niced too.
  // Raised only: a bench started under `nice` may not lower its niceness again.
  if (getPriority() < BACKEND_NICE) setPriority(BACKEND_NICE);
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
  const backend: BackendResult[] = [];
  if (BACKEND) {
    for (const broker of BACKEND_BROKERS) {
      const missing = broker === 'mosquitto' ? mosquittoMissing() : null;
      if (missing) {
        console.log(`[backend mosquitto] not measured: ${missing}`);
        continue;
      }
      for (const taggers of [1, 2]) {
        const result = await measureBackend(broker, taggers, (line) => console.log(line));
        console.log(JSON.stringify(result));
        backend.push(result);
      }
    }
  }
  const keptUp = (broker: BackendBroker, taggers: number) => backend.find((r) => r.broker === broker && r.taggers === taggers)?.maxClassesKeptUp ?? null;
  const largest = results.at(-1);
  console.log(
    JSON.stringify({
      ...largest,
      sizes: results,
      maxClassesKeptUpOneTagger: keptUp('embedded', 1),
      maxClassesKeptUpTwoTaggers: keptUp('embedded', 2),
      maxClassesKeptUpOneTaggerMosquitto: keptUp('mosquitto', 1),
      maxClassesKeptUpTwoTaggersMosquitto: keptUp('mosquitto', 2),
      backend,
    }),
  );
}

// Ended from outside: the exit handlers (bench/monitor-backend.ts, Playwright's) take the child processes along.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => process.exit(130));

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
