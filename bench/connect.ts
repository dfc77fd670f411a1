/**
 * bench:connect — how fast the console gets a supervisor to a full class list, and back after a broker restart.
 *
 * Starts the embedded backend serving the built renderer, drives browser mode in Chromium, and prints its figures,
 * first with 10,000 simulated classes, then with 1,000 (a fresh backend each), and exits. The line before the last is
 * the 10,000-class JSON object, the last line the 1,000-class one, each with these fields:
 *   classes            simulated classes in the directory
 *   timeToClassListMs  page navigation start to a class list holding every class on screen (the frame after the DOM
 *                      holds it has been laid out and painted; median of the runs), including
 *                      the clicks the page makes for the supervisor as soon as each control shows: their sign-in,
 *                      then the "All classes" tab of the supervisor console they land on
 *   loadToSignInShownMs      page navigation start to the connect screen showing its sign-in buttons (median)
 *   signInToListMs     sign-in click to the populated list (median), made of the three steps below
 *   signInToConnectedMs      sign-in click to the connection indicator saying "connected" (token, WebSocket, subscribe)
 *   connectedToFirstClassMs  connected (the supervisor console shows) to the list holding its first class, the
 *                            "All classes" click included
 *   firstClassToListMs       first class to every class in the list, on screen
 *   reconnectMs        broker restart call to the console connected and resubscribed again (median)
 *   rendererBundleKB   gzipped size of every script and stylesheet of the renderer build
 *   rendererInitialKB  gzipped size of what index.html loads up front
 *   error              only when that size's list did not fill (its figures are then null)
 * Each size starts with one warm-up load that is not counted (the fresh backend is still publishing its classes).
 * Environment: BENCH_CLASSES (1000) and BENCH_LARGE_CLASSES (10000, 0 skips it), BENCH_RUNS and BENCH_RESTARTS (5 each
 * for the 1,000-class run), BENCH_LARGE_RUNS (3, loads and restarts of the large run), BENCH_RENDERER_DIR (out/renderer).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { startBackend } from '../services/backend';
import { measureBundle } from './bundle-size';
import { medianMs } from './stats';

const CLASSES = Number(process.env.BENCH_CLASSES ?? 1000);
const LOAD_RUNS = Number(process.env.BENCH_RUNS ?? 5);
const RESTART_RUNS = Number(process.env.BENCH_RESTARTS ?? 5);
const LARGE_CLASSES = Number(process.env.BENCH_LARGE_CLASSES ?? 10_000);
const LARGE_RUNS = Number(process.env.BENCH_LARGE_RUNS ?? 3);
const rendererDir = resolve(process.env.BENCH_RENDERER_DIR ?? resolve(import.meta.dirname, '../out/renderer'));


/** Records, inside the page, when the list first holds every class and every connection-state change. */
function installProbes(expected: number) {
  const marks: Marks = { states: [] };
  (window as unknown as { __bench: typeof marks }).__bench = marks;
  // The page clicks, in the task after each control appears, what a supervisor clicks: their sign-in, then "All
  // classes" (they land on the supervisor console). A driver's own polling (Playwright looks again after 20, 50, 100
  // and 500 ms) would otherwise add up to half a second that is not the console's.
  const controls = [
    ['[data-testid="demo-account-supervisor1"]', 'signInShownAt', 'clickAt'],
    ['[data-testid="tab-classes"]', 'tabShownAt', 'tabClickAt'],
  ] as const;
  const observer = new MutationObserver(() => {
    for (const [selector, shown, clicked] of controls) {
      const control = document.querySelector<HTMLElement>(selector);
      if (marks[shown] !== undefined || !control) continue;
      marks[shown] = performance.now();
      setTimeout(() => {
        marks[clicked] = performance.now();
        control.click();
      });
    }
    const count = document.querySelector('[data-testid="class-count"]');
    const total = Number(count?.getAttribute('data-total') ?? 0);
    if (marks.firstClassAt === undefined && total > 0) marks.firstClassAt = performance.now();
    if (marks.listCommittedAt === undefined && total === expected) {
      marks.listCommittedAt = performance.now();
      // On screen: the frame after the commit has had its style, layout and paint (the task after its rAF).
      requestAnimationFrame(() => setTimeout(() => (marks.listAt = performance.now())));
    }
    const state = document.querySelector('[data-testid="connection-indicator"]')?.getAttribute('data-state');
    if (state && marks.states.at(-1)?.state !== state) {
      marks.states.push({ state, at: Date.now() });
      if (state === 'connected' && marks.clickAt !== undefined) marks.connectedAt ??= performance.now();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-total', 'data-state'] });
}

interface Marks {
  /** The connect screen first shows the sign-in buttons. */
  signInShownAt?: number;
  /** The page clicks supervisor1's sign-in (the task after the button appears). */
  clickAt?: number;
  /** The supervisor console shows its "All classes" tab, and the page clicks it. */
  tabShownAt?: number;
  tabClickAt?: number;
  /** The connection indicator first says "connected" after the sign-in click. */
  connectedAt?: number;
  /** The class list first holds any class. */
  firstClassAt?: number;
  /** The list's DOM first holds every class. */
  listCommittedAt?: number;
  /** ...and the frame that shows it has been drawn. */
  listAt?: number;
  states: { state: string; at: number }[];
}
const marks = (page: Page) => page.evaluate(() => (window as unknown as { __bench: Marks }).__bench);

async function main(): Promise<void> {
  if (!existsSync(resolve(rendererDir, 'index.html'))) throw new Error(`${rendererDir} is missing: run \`npm run build\` first`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    // A size whose list never fills still gets its line (with `error` and null figures), and the 1,000 run still runs.
    const large = LARGE_CLASSES > 0 ? await measure(browser, LARGE_CLASSES, LARGE_RUNS, LARGE_RUNS).catch((error: unknown) => failed(LARGE_CLASSES, error)) : null;
    const usual = await measure(browser, CLASSES, LOAD_RUNS, RESTART_RUNS);
    const bundle = measureBundle(rendererDir);
    for (const f of bundle.files) console.log(`bundle: ${f.file} ${f.gzipKB} KB gzipped`);
    const sizes = { rendererBundleKB: bundle.totalKB, rendererInitialKB: bundle.initialKB };
    if (large) console.log(JSON.stringify({ ...large, ...sizes }));
    console.log(JSON.stringify({ ...usual, ...sizes }));
  } finally {
    await browser.close();
  }
}

function failed(classes: number, error: unknown) {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  console.log(`${classes} classes: ${message}`);
  return { classes, timeToClassListMs: null, loadToSignInShownMs: null, signInToListMs: null, signInToConnectedMs: null, connectedToFirstClassMs: null, firstClassToListMs: null, reconnectMs: null, error: message };
}

/** Sign-in to a full class list, then broker restarts, against a fresh backend with `classes` simulated classes. */
async function measure(browser: Browser, classes: number, loadRuns: number, restartRuns: number) {
  const backend = await startBackend({ classes, staticDir: rendererDir });
  try {
    const loads: number[] = [];
    const signIns: number[] = [];
    const steps = { shown: [] as number[], connect: [] as number[], firstClass: [] as number[], fill: [] as number[] };
    let page: Page | undefined;
    // Run 0 is a warm-up, not counted: a fresh backend is still publishing every simulated class's presence and
    // summary, which a console meets only in the first seconds after the backend starts.
    for (let run = 0; run <= loadRuns; run++) {
      await page?.context().close();
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      page = await context.newPage();
      await page.addInitScript(installProbes, classes);
      await page.goto(backend.httpUrl);
      await page.waitForFunction(() => (window as unknown as { __bench: Marks }).__bench.listAt !== undefined, null, { timeout: 180_000 });
      const m = await marks(page);
      const step = { shown: m.signInShownAt!, connect: m.connectedAt! - m.clickAt!, firstClass: m.firstClassAt! - m.connectedAt!, fill: m.listAt! - m.firstClassAt! };
      if (run > 0) {
        loads.push(m.listAt!);
        signIns.push(m.listAt! - m.clickAt!);
        for (const key of ['shown', 'connect', 'firstClass', 'fill'] as const) steps[key].push(step[key]);
      }
      console.log(
        `${classes} classes, ${run === 0 ? 'warm-up' : `load ${run}`}: list of ${classes} classes at ${m.listAt!.toFixed(0)} ms ` +
          `(sign-in shown at ${step.shown.toFixed(0)}, click at ${m.clickAt!.toFixed(0)}, connected +${step.connect.toFixed(0)}, ` +
          `"All classes" clicked at ${m.tabClickAt!.toFixed(0)}, first class +${step.firstClass.toFixed(0)}, all +${step.fill.toFixed(0)})`,
      );
    }

    const reconnects: number[] = [];
    for (let run = 0; run < restartRuns; run++) {
      const before = (await marks(page!)).states.length;
      const restartedAt = Date.now();
      await backend.restartBroker();
      await page!.waitForFunction(
        (from) => {
          const states = (window as unknown as { __bench: Marks }).__bench.states.slice(from);
          return states.some((s) => s.state !== 'connected') && states.at(-1)?.state === 'connected';
        },
        before,
        { timeout: 60_000, polling: 'raf' },
      );
      const connectedAt = (await marks(page!)).states.at(-1)!.at;
      reconnects.push(connectedAt - restartedAt);
      console.log(`${classes} classes, restart ${run + 1}: reconnected and resubscribed ${connectedAt - restartedAt} ms after the restart began`);
    }

    await page?.context().close();
    return {
      classes,
      timeToClassListMs: medianMs(loads),
      signInToListMs: medianMs(signIns),
      loadToSignInShownMs: medianMs(steps.shown),
      signInToConnectedMs: medianMs(steps.connect),
      connectedToFirstClassMs: medianMs(steps.firstClass),
      firstClassToListMs: medianMs(steps.fill),
      reconnectMs: medianMs(reconnects),
    };
  } finally {
    await backend.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
