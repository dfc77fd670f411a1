/**
 * Whiteboard benchmark: `npm run bench:board`. Two boards (a teacher and a student) are mounted in one Chromium page
 * served by Vite; the teacher's ops reach the student through an in-page loopback transport (not yet through the
 * broker: see "Not measured" below). The last line printed is one JSON object:
 *
 * - opToPaintP50Ms, opToPaintP95Ms: a teacher op (one committed rectangle) to the animation frame after the student
 *   board applied it, at 500 ops/s; opToPaintP50Ms100 and opToPaintP95Ms100: the same at 100 ops/s.
 * - frameP95Ms2k, frameP95Ms5k: 95th percentile of the time to render one pan/zoom frame with 2,000 and 5,000
 *   elements on the page (Fabric's renderAll, measured synchronously).
 * - lateJoin2kMs: mounting a fresh board and rendering a page of 2,000 strokes from its snapshot.
 * - resyncAfter30sMs: a student that missed 30 s of the teacher's drawing (1,500 ops) fetching the snapshot and
 *   painting it.
 * - transport: "loopback" while the figures do not go through the broker.
 */
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const HARNESS = `<!doctype html><html><body style="margin:0">
<div id="a" style="width:1000px;height:700px"></div><div id="b" style="width:1000px;height:700px"></div>
<script type="module" src="/bench/board-harness.ts"></script></body></html>`;

async function main(): Promise<void> {
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
    plugins: [{
      name: 'board-bench-harness',
      configureServer(s) {
        s.middlewares.use('/bench-board.html', (_req, res) => {
          void s.transformIndexHtml('/bench-board.html', HARNESS).then((html) => {
            res.setHeader('content-type', 'text/html');
            res.end(html);
          });
        });
      },
    }],
  });
  await server.listen();
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`http://127.0.0.1:${port}/bench-board.html`);
    await page.waitForFunction(() => (window as unknown as { benchReady?: boolean }).benchReady === true, null, { timeout: 60_000 });
    type Bench = Record<string, (...args: number[]) => Promise<number[] | number>>;
    const call = (name: string, ...args: number[]) =>
      page.evaluate(([n, a]) => (window as unknown as { bench: Bench }).bench[n as string]!(...(a as number[])), [name, args] as const);

    const at100 = (await call('opToPaint', 100, 3)) as number[];
    const at500 = (await call('opToPaint', 500, 3)) as number[];
    console.log(`op to paint at 100 ops/s: p50 ${pct(at100, 50)} ms, p95 ${pct(at100, 95)} ms (${at100.length} ops)`);
    console.log(`op to paint at 500 ops/s: p50 ${pct(at500, 50)} ms, p95 ${pct(at500, 95)} ms (${at500.length} ops)`);
    const frames2k = (await call('frames', 2_000)) as number[];
    const frames5k = (await call('frames', 5_000)) as number[];
    console.log(`pan/zoom frame p95: ${pct(frames2k, 95)} ms at 2,000 elements, ${pct(frames5k, 95)} ms at 5,000`);
    const lateJoin = (await call('lateJoin', 2_000)) as number;
    console.log(`late join, 2,000 strokes: ${lateJoin.toFixed(1)} ms`);
    const resync = (await call('resync', 1_500)) as number;
    console.log(`resync after 30 s (1,500 missed ops): ${resync.toFixed(1)} ms`);
    console.log(JSON.stringify({
      opToPaintP50Ms: pct(at500, 50), opToPaintP95Ms: pct(at500, 95),
      opToPaintP50Ms100: pct(at100, 50), opToPaintP95Ms100: pct(at100, 95),
      frameP95Ms2k: pct(frames2k, 95), frameP95Ms5k: pct(frames5k, 95),
      lateJoin2kMs: round(lateJoin), resyncAfter30sMs: round(resync), transport: 'loopback',
    }));
  } finally {
    await browser.close();
    await server.close();
  }
}

function pct(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
