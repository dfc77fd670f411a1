/**
 * Whiteboard benchmark: `npm run bench:board`. Everything goes through the broker: the embedded backend (Aedes, the
 * board service) runs on free ports, and a teacher and a student each open class-0001 in their own Chromium context
 * on a harness page (bench/board.html, built with Vite and served by the backend under the console's CSP). Each page
 * has a Session with the real link (LinkClient and its Web Worker owning mqtt.js over WebSocket), the class opened on
 * its channel, and the board mounted on that channel (the Board model and the Fabric view). The last line printed is one JSON object:
 *
 * - opToPaintP50Ms, opToPaintP95Ms: the teacher creates rectangles at 500 ops/s for 3 s; each op is timed from its
 *   creation on the teacher's board to the animation frame after the student's board applied it (the frame in which
 *   the student's view painted it). opToPaintP50Ms100, opToPaintP95Ms100: the same at 100 ops/s for 5 s. Both pages
 *   run on one machine and stamp times with `performance.timeOrigin + performance.now()`, matched by element id.
 *   The teacher's board sends what falls due within a frame as one message, as it does for any user under load.
 * - frameP95Ms2k, frameP95Ms5k: 95th percentile of pan/zoom frame time on the student's board with 2,000 and 5,000
 *   pen strokes on the page (sent by the teacher through the broker): one wheel event per frame, timed from the
 *   frame's start to the end of the board's render in it, rasterised (a one-pixel read makes the canvas finish
 *   drawing). frameIntervalP95Ms2k/5k: the same frames' spacing (what the eye sees; a multiple of ~16.7 ms). The
 *   board copies a cached layer while panning and scales it during a zoom gesture; its repaints (the first zoom step,
 *   a pan past the cached margin) are rare frames, so they show in the printed maximum more than in the p95.
 * - lateJoin2kMs: a second console of the student, signed in (link connected), opens the class onto a page of 2,000
 *   strokes: from opening it (fresh board) to the frame that shows them all, loaded from the board service's
 *   snapshots (the retained one and the one fetched on showing the page).
 * - resyncAfter30sMs: the student's network goes offline for 30 s while the teacher draws 50 strokes/s (1,500); from
 *   the page's `online` event to the frame in which the student's board holds the teacher's revision (reconnect,
 *   queued ops and the snapshot fetched after the gap). The two boards' serialized models are compared afterwards.
 * - senderMainMsPerOp, receiverMainMsPerOp: main-thread time per op on the teacher's and the student's page during the
 *   100 ops/s phase, from Chromium's own accounting (CDP Performance.getMetrics, TaskDuration: every task the page's
 *   main thread ran, script, style, layout and paint alike), divided by the ops sent.
 * - opsLost: ops the student never painted (should be 0); transport: "broker".
 *
 * BENCH_OFFLINE_S shortens the offline period (default 30) for quick runs; CHROMIUM_PATH picks the browser;
 * BENCH_PHASES=otp,frames,join,resync runs only the phases named (the others' fields are null);
 * BENCH_PROFILE=<folder> writes a CPU profile of each phase on each page there (unminified, for DevTools) and a
 * screenshot of the student's page at the end of the phase.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { build } from 'vite';
import { launchBackend, type RunningBackend } from '../services/backend';
import type { LinkConfig } from '../renderer/link/messages';
import type { BoardParticipant } from '../renderer/board/contract';
import type { BoardBench } from './board-harness';
import { percentile, round } from './stats';

const root = fileURLToPath(new URL('..', import.meta.url));
const CLASS = 'class-0001';
const TEACHER = 'teacher1';
const STUDENT = 'student1';
const OFFLINE_S = Number(process.env.BENCH_OFFLINE_S ?? 30);
const PROFILE_DIR = process.env.BENCH_PROFILE;
const PHASES = new Set((process.env.BENCH_PHASES ?? 'otp,frames,join,resync').split(','));
const PAGES = ['warmup', 'otp100', 'otp500', 'fr2k', 'fr5k', 'join2k', 'resync'];

type Bench = BoardBench;
type Method = { [K in keyof Bench]: Bench[K] extends (...args: never[]) => unknown ? K : never }[keyof Bench];

/** Calls `window.bench[name](...args)` in the page. */
function call<K extends Method>(page: Page, name: K, ...args: Parameters<Bench[K]>): Promise<Awaited<ReturnType<Bench[K]>>> {
  return page.evaluate(
    ([n, a]) => (window as unknown as { bench: Record<string, (...x: unknown[]) => unknown> }).bench[n]!(...a),
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<Bench[K]>>>;
}

async function buildHarness(outDir: string): Promise<void> {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    worker: { format: 'es' },
    build: { outDir, emptyOutDir: true, minify: !PROFILE_DIR, sourcemap: !!PROFILE_DIR, reportCompressedSize: false, rollupOptions: { input: resolve(root, 'bench/board.html') } },
  });
}

async function configFor(backend: RunningBackend, username: string, install: string): Promise<LinkConfig> {
  const issued = await backend.issueToken(username, 'demo');
  if (!issued.ok) throw new Error(`no token for ${username}: ${issued.failure}`);
  const account = backend.demoAccounts.find((a) => a.username === username)!;
  return {
    url: backend.wsUrl, userId: username, name: username, role: account.role, classes: account.classes,
    token: issued.token.token, tokenExpiresAt: issued.token.expiresAt, installId: `bench-${install}`,
  };
}

async function participantPage(browser: Browser, backend: RunningBackend, harnessUrl: string, userId: string, install = userId): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`${userId} page error:`, e.message));
  await page.goto(harnessUrl);
  await page.waitForFunction(() => (window as unknown as { benchReady?: boolean }).benchReady === true, null, { timeout: 60_000 });
  const state = await call(page, 'connect', await configFor(backend, userId, install));
  if (state !== 'connected') throw new Error(`${userId} could not connect: ${state}`);
  return { context, page };
}

/** Runs `phase`, profiling both pages' main threads into PROFILE_DIR when it is set. */
async function profiled<T>(name: string, pages: Page[], phase: () => Promise<T>): Promise<T> {
  if (!PROFILE_DIR) return phase();
  const sessions = await Promise.all(pages.map(async (page) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
    await cdp.send('Profiler.start');
    return cdp;
  }));
  const result = await phase();
  await mkdir(PROFILE_DIR, { recursive: true });
  // What the second page (the student's board) showed at the end, to check by eye that the figures drew the right thing.
  await pages[1]!.screenshot({ path: join(PROFILE_DIR, `${name}-student.png`) });
  await Promise.all(sessions.map(async (cdp, i) => {
    const { profile } = await cdp.send('Profiler.stop');
    await writeFile(join(PROFILE_DIR, `${name}-${i === 0 ? 'teacher' : 'student'}.cpuprofile`), JSON.stringify(profile));
    await cdp.detach();
  }));
  return result;
}

/** The page's main-thread busy time so far, in ms, as Chromium counts it (every task: script, layout, paint). */
async function mainThreadClock(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  };
}

/** The backend (broker and services) runs in this process: its event loop delay shows when it, not the console, lags. */
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

async function main(): Promise<void> {
  // With profiles, the unminified harness stays next to them, so their line numbers can be looked up.
  const outDir = PROFILE_DIR ? join(PROFILE_DIR, 'harness') : await mkdtemp(join(tmpdir(), 'bench-board-'));
  await buildHarness(outDir);
  const { backend } = await launchBackend({ classes: 0, staticDir: outDir });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const harnessUrl = `${backend.httpUrl}/bench/board.html`;
    const teacher = await participantPage(browser, backend, harnessUrl, TEACHER);
    const student = await participantPage(browser, backend, harnessUrl, STUDENT);
    const asTeacher: BoardParticipant = { userId: TEACHER, role: 'teacher', observer: false };
    const asStudent: BoardParticipant = { userId: STUDENT, role: 'student', observer: false };
    await call(teacher.page, 'open', CLASS, asTeacher, TEACHER);
    await call(student.page, 'open', CLASS, asStudent, TEACHER);

    const show = async (pageId: string) => {
      await call(teacher.page, 'turnTo', PAGES, pageId);
      await call(student.page, 'waitForPage', pageId).catch(async (error: Error) => {
        throw new Error(`${error.message}; student: ${await call(student.page, 'diagnostics')}; teacher: ${await call(teacher.page, 'diagnostics')}`);
      });
    };

    /** Teacher ops at `rate` per second for `seconds`; each is timed from creation to the student's paint. */
    const opToPaint = async (pageId: string, rate: number, seconds: number) => {
      await show(pageId);
      loop.reset();
      await call(student.page, 'watch');
      const created = await call(teacher.page, 'draw', rate, rate * seconds, 'rect');
      const revision = await call(teacher.page, 'settled');
      await call(student.page, 'painted', revision, Object.keys(created).length, 30_000).catch((error: Error) => console.error(error.message));
      const painted = await call(student.page, 'paints');
      const latencies: number[] = [];
      const arrivals: number[] = [];
      let lost = 0;
      for (const [id, at] of Object.entries(created)) {
        const seen = painted[id];
        if (seen === undefined) lost++;
        else {
          latencies.push(seen.painted - at);
          arrivals.push(seen.applied - at);
        }
      }
      console.log(`${pageId}: latency by op order ${latencies.filter((_, i) => i % Math.ceil(latencies.length / 20) === 0).map(Math.round).join(' ')}; ` +
        `the backend's event loop was late by up to ${Math.round(loop.max / 1e6)} ms`);
      loop.reset();
      return { latencies, arrivals, lost };
    };
    const report = (rate: number, r: Awaited<ReturnType<typeof opToPaint>>) =>
      console.log(`op to paint at ${rate} ops/s: p50 ${pct(r.latencies, 50)} ms, p95 ${pct(r.latencies, 95)} ms, max ${pct(r.latencies, 100)} ms ` +
        `(${r.latencies.length} ops, ${r.lost} lost; applied on the student's board after p50 ${pct(r.arrivals, 50)} ms, p95 ${pct(r.arrivals, 95)} ms)`);

    const none = { latencies: [], arrivals: [], lost: 0 };
    let at100: Awaited<ReturnType<typeof opToPaint>> = none;
    let at500: Awaited<ReturnType<typeof opToPaint>> = none;
    let senderMainMsPerOp: number | null = null;
    let receiverMainMsPerOp: number | null = null;
    if (PHASES.has('otp')) {
      await opToPaint('warmup', 100, 1);
      const [teacherClock, studentClock] = await Promise.all([mainThreadClock(teacher.page), mainThreadClock(student.page)]);
      const [teacherBefore, studentBefore] = await Promise.all([teacherClock(), studentClock()]);
      at100 = await profiled('otp100', [teacher.page, student.page], () => opToPaint('otp100', 100, 5));
      const sent = at100.latencies.length + at100.lost;
      senderMainMsPerOp = round(((await teacherClock()) - teacherBefore) / sent, 3);
      receiverMainMsPerOp = round(((await studentClock()) - studentBefore) / sent, 3);
      console.log(`main thread per op at 100 ops/s: ${senderMainMsPerOp} ms on the teacher's page, ${receiverMainMsPerOp} ms on the student's`);
      at500 = await profiled('otp500', [teacher.page, student.page], () => opToPaint('otp500', 500, 3));
      report(100, at100);
      report(500, at500);
    }

    const frames = async (pageId: string, count: number) => {
      await show(pageId);
      const revision = await call(teacher.page, 'fill', count);
      await call(student.page, 'painted', revision, count, 120_000);
      return profiled(pageId, [teacher.page, student.page], () => call(student.page, 'frames', 120));
    };
    const noFrames = { work: [], interval: [] };
    let frames2k: Awaited<ReturnType<typeof frames>> = noFrames;
    let frames5k: Awaited<ReturnType<typeof frames>> = noFrames;
    if (PHASES.has('frames')) {
      frames2k = await frames('fr2k', 2_000);
      frames5k = await frames('fr5k', 5_000);
      console.log(`pan/zoom frame work p95: ${pct(frames2k.work, 95)} ms at 2,000 strokes, ${pct(frames5k.work, 95)} ms at 5,000 ` +
        `(max ${pct(frames2k.work, 100)} and ${pct(frames5k.work, 100)} ms)`);
      console.log(`pan/zoom frame interval p95: ${pct(frames2k.interval, 95)} ms at 2,000 strokes, ${pct(frames5k.interval, 95)} ms at 5,000`);
    }

    let lateJoin: number | null = null;
    if (PHASES.has('join')) {
      await show('join2k');
      const joinRevision = await call(teacher.page, 'fill', 2_000);
      // The board service republishes a changed page's retained snapshot at most every 2 s: let it catch up.
      await new Promise((r) => setTimeout(r, 2_500));
      // A second console of the student, signed in but not in the class yet.
      const late = await participantPage(browser, backend, harnessUrl, STUDENT, 'late-joiner');
      const joined = await profiled('join2k', [teacher.page, late.page], () => call(late.page, 'lateJoin', CLASS, asStudent, TEACHER, joinRevision, 2_000));
      lateJoin = joined.total;
      console.log(`late join onto 2,000 strokes: ${lateJoin.toFixed(1)} ms (ms after opening: ${joined.steps})`);
      await late.context.close();
    }

    let resyncMs: number | null = null;
    if (PHASES.has('resync')) {
      await show('resync');
      await student.context.setOffline(true);
      await student.page.waitForFunction(() => (window as unknown as { bench: Bench }).bench.linkState() === 'offline');
      const missed = 50 * OFFLINE_S;
      await call(teacher.page, 'draw', 50, missed, 'pen');
      const resyncRevision = await call(teacher.page, 'settled');
      const resync = await profiled('resync', [teacher.page, student.page], async () => {
        const back = call(student.page, 'afterOnline', resyncRevision, missed);
        await student.context.setOffline(false);
        return back;
      });
      resyncMs = resync.painted - resync.online;
      const same = (await call(student.page, 'serialize')) === (await call(teacher.page, 'serialize'));
      console.log(`resync after ${OFFLINE_S} s offline (${missed} missed ops): ${resyncMs.toFixed(1)} ms; boards ${same ? 'identical' : 'DIFFER'}`);
      if (!same) process.exitCode = 1;
    }

    // The figures are wall-clock times on a shared machine: say how busy it was.
    console.log(`machine: ${availableParallelism()} cores, load average ${loadavg().map((n) => n.toFixed(1)).join(' ')} (1, 5, 15 min)`);
    console.log(JSON.stringify({
      opToPaintP50Ms: pct(at500.latencies, 50), opToPaintP95Ms: pct(at500.latencies, 95),
      opToPaintP50Ms100: pct(at100.latencies, 50), opToPaintP95Ms100: pct(at100.latencies, 95),
      frameP95Ms2k: pct(frames2k.work, 95), frameP95Ms5k: pct(frames5k.work, 95),
      frameIntervalP95Ms2k: pct(frames2k.interval, 95), frameIntervalP95Ms5k: pct(frames5k.interval, 95),
      lateJoin2kMs: lateJoin === null ? null : round(lateJoin), resyncAfter30sMs: resyncMs === null ? null : round(resyncMs),
      senderMainMsPerOp, receiverMainMsPerOp,
      opsLost: at100.lost + at500.lost, transport: 'broker',
    }));
  } finally {
    await browser.close();
    await backend.close();
    if (!PROFILE_DIR) await rm(outDir, { recursive: true, force: true });
  }
}

const pct = (values: number[], p: number) => round(percentile(values, p));

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
