/**
 * bench:connect — how fast the console gets a supervisor to a full class list, and back after a broker restart.
 *
 * Starts the embedded backend with 1,000 simulated classes serving the built renderer, drives browser mode in
 * Chromium, and prints its figures. The last line is one JSON object:
 *   classes            simulated classes in the directory
 *   timeToClassListMs  page navigation start to a class list holding every class (median of the runs), including
 *                      the sign-in click the benchmark makes as soon as the connect screen is ready
 *   signInToListMs     sign-in click to the populated list (median)
 *   reconnectMs        broker restart call to the console connected and resubscribed again (median)
 *   rendererBundleKB   gzipped size of every script and stylesheet of the renderer build
 *   rendererInitialKB  gzipped size of what index.html loads up front
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startBackend } from '../services/backend';
import { measureBundle } from './bundle-size';
import { medianMs } from './stats';

const CLASSES = Number(process.env.BENCH_CLASSES ?? 1000);
const LOAD_RUNS = Number(process.env.BENCH_RUNS ?? 5);
const RESTART_RUNS = Number(process.env.BENCH_RESTARTS ?? 5);
const rendererDir = resolve(import.meta.dirname, '../out/renderer');


/** Records, inside the page, when the list first holds every class and every connection-state change. */
function installProbes(expected: number) {
  const marks: { clickAt?: number; listAt?: number; states: { state: string; at: number }[] } = { states: [] };
  (window as unknown as { __bench: typeof marks }).__bench = marks;
  addEventListener('pointerdown', () => { marks.clickAt ??= performance.now(); }, { capture: true });
  const observer = new MutationObserver(() => {
    const count = document.querySelector('[data-testid="class-count"]');
    if (marks.listAt === undefined && count?.getAttribute('data-total') === String(expected)) marks.listAt = performance.now();
    const state = document.querySelector('[data-testid="connection-indicator"]')?.getAttribute('data-state');
    if (state && marks.states.at(-1)?.state !== state) marks.states.push({ state, at: Date.now() });
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-total', 'data-state'] });
}

type Marks = { clickAt?: number; listAt?: number; states: { state: string; at: number }[] };
const marks = (page: Page) => page.evaluate(() => (window as unknown as { __bench: Marks }).__bench);

async function main(): Promise<void> {
  if (!existsSync(resolve(rendererDir, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first');
  const backend = await startBackend({ classes: CLASSES, staticDir: rendererDir });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const loads: number[] = [];
    const signIns: number[] = [];
    let page: Page | undefined;
    for (let run = 0; run < LOAD_RUNS; run++) {
      await page?.context().close();
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      page = await context.newPage();
      await page.addInitScript(installProbes, CLASSES);
      await page.goto(backend.httpUrl);
      await page.getByTestId('demo-account-supervisor1').click();
      // Supervisors land on the supervisor console; the plain class list is one tab away.
      await page.getByTestId('tab-classes').click();
      await page.waitForFunction(() => (window as unknown as { __bench: Marks }).__bench.listAt !== undefined, null, { timeout: 60_000 });
      const m = await marks(page);
      loads.push(m.listAt!);
      signIns.push(m.listAt! - m.clickAt!);
      console.log(`load ${run + 1}: list of ${CLASSES} classes at ${m.listAt!.toFixed(0)} ms (sign-in click to list ${(m.listAt! - m.clickAt!).toFixed(0)} ms)`);
    }

    const reconnects: number[] = [];
    for (let run = 0; run < RESTART_RUNS; run++) {
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
      console.log(`restart ${run + 1}: reconnected and resubscribed ${connectedAt - restartedAt} ms after the restart began`);
    }

    const bundle = measureBundle(rendererDir);
    for (const f of bundle.files) console.log(`bundle: ${f.file} ${f.gzipKB} KB gzipped`);
    console.log(
      JSON.stringify({
        classes: CLASSES,
        timeToClassListMs: medianMs(loads),
        signInToListMs: medianMs(signIns),
        reconnectMs: medianMs(reconnects),
        rendererBundleKB: bundle.totalKB,
        rendererInitialKB: bundle.initialKB,
      }),
    );
  } finally {
    await browser.close();
    await backend.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
