/**
 * `npm run screenshot`: a picture of each main screen of the console, at 1280×720 and 1920×1080, in the light and the
 * dark theme, written to docs/screenshots/ (README.md links them). Needs `npm run build`.
 *
 * It starts the embedded backend with 50 simulated classes, injects a few faults so the supervisor's screens have
 * problem tags and help requests to show, waits until the tagger has tagged them, and drives browser mode in
 * Chromium: the connect screen, a teacher's class list and class screen, and a supervisor's wall, help queue
 * (a request open), class detail and the report of a class with a problem. The theme is the system's (`prefers-color-scheme`, emulated here), which the
 * console follows unless someone chose one.
 *
 * SCREENSHOT_DIR=<folder> writes elsewhere; SCREENSHOT_ONLY=wall,help picks screens.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { launchBackend, type BackendInternals } from '../services/backend';
import { CHROMIUM_BASE_ARGS, CHROMIUM_PATH, FAKE_MEDIA_ARGS } from '../e2e/chromium';

const outDir = resolve(process.env.SCREENSHOT_DIR ?? resolve(import.meta.dirname, '../docs/screenshots'));
const only = process.env.SCREENSHOT_ONLY ? new Set(process.env.SCREENSHOT_ONLY.split(',')) : null;
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
const THEMES = ['light', 'dark'] as const;

type Screen = 'connect' | 'classes' | 'class' | 'wall' | 'help' | 'detail' | 'report';

/** Live simulated classes with a simulated student online, to carry the injected faults. */
function faultyClasses(internals: BackendInternals, count: number): { classId: string; studentId: string }[] {
  const model = internals.simulator!.model;
  const found: { classId: string; studentId: string }[] = [];
  const seen = new Set<string>();
  for (const seat of model.seats()) {
    const { classId } = seat;
    if (seen.has(classId) || classId === 'class-0001' || model.stateOf(classId) !== 'live') continue;
    seen.add(classId);
    const student = model.seatsOf(classId).find((s) => s.participant.role === 'student' && s.participant.simulated && s.online);
    if (student) found.push({ classId, studentId: student.participant.id });
    if (found.length === count) break;
  }
  return found;
}

async function shoot(page: Page, screen: Screen, size: (typeof SIZES)[number], theme: (typeof THEMES)[number]): Promise<void> {
  // Let transitions and the last batch settle before the picture.
  await page.waitForTimeout(400);
  const file = resolve(outDir, `${screen}-${size.width}x${size.height}-${theme}.png`);
  await page.screenshot({ path: file });
  console.log(`wrote ${file}`);
}

async function signedIn(browser: Browser, url: string, username: string, size: (typeof SIZES)[number], theme: (typeof THEMES)[number]): Promise<Page> {
  const context = await browser.newContext({ viewport: size, deviceScaleFactor: 1, colorScheme: theme, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId(`demo-account-${username}`).click();
  await page.getByTestId('console-screen').waitFor();
  return page;
}

const want = (screen: Screen) => !only || only.has(screen);

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const { backend, internals } = await launchBackend({
    classes: 50,
    seed: 7,
    staticDir: resolve(import.meta.dirname, '../out/renderer'),
    // Remedies fail here, so the pictures show requests that wait for a person.
    simulation: { remedies: { refuseShare: 0, silentShare: 1, fixDelayMs: [1_000, 2_000] } },
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_BASE_ARGS, ...FAKE_MEDIA_ARGS] });
  try {
    const faults = faultyClasses(internals, 4);
    const tags = ['stream.cant-hear', 'course.load-failed', 'stream.video-stuck', 'entry.slow'] as const;
    faults.forEach(({ classId, studentId }, i) =>
      internals.simulator!.inject({ classId, userId: studentId, tag: tags[i]!, fixable: false, help: i < 2 ? { delayMs: 1_000 } : false }),
    );
    // The tagger's windows are 30 s with 10 s allowed lateness: wait until the first tag is on the wall.
    if (want('wall') || want('help') || want('detail') || want('report')) {
      const probe = await signedIn(browser, backend.httpUrl, 'supervisor1', SIZES[0], 'light');
      await probe.locator('[data-testid="wall-row"][data-severity="critical"]').first().waitFor({ timeout: 120_000 });
      await probe.context().close();
    }

    for (const size of SIZES) {
      for (const theme of THEMES) {
        if (want('connect')) {
          const context = await browser.newContext({ viewport: size, deviceScaleFactor: 1, colorScheme: theme, locale: 'en-US' });
          const page = await context.newPage();
          await page.goto(backend.httpUrl);
          await page.getByTestId('demo-account-teacher1').waitFor();
          await shoot(page, 'connect', size, theme);
          await context.close();
        }
        if (want('classes') || want('class')) {
          const page = await signedIn(browser, backend.httpUrl, 'teacher1', size, theme);
          await page.locator('[data-testid="class-row"][data-class-id="class-0001"]').waitFor();
          if (want('classes')) await shoot(page, 'classes', size, theme);
          if (want('class')) {
            const row = page.locator('[data-testid="class-row"][data-class-id="class-0001"]');
            if ((await row.getAttribute('data-state')) === 'scheduled') await row.getByTestId('class-start').click();
            await row.getByTestId('class-open').click();
            await page.getByTestId('class-screen').waitFor();
            await page.locator('.board-area canvas').first().waitFor({ timeout: 30_000 }).catch(() => undefined);
            await page.waitForTimeout(2_000);
            await shoot(page, 'class', size, theme);
          }
          await page.context().close();
        }
        if (want('wall') || want('help') || want('detail')) {
          const page = await signedIn(browser, backend.httpUrl, 'supervisor1', size, theme);
          await page.getByTestId('supervisor-console').waitFor();
          await page.locator('[data-testid="wall-row"][data-severity="critical"]').first().waitFor({ timeout: 60_000 });
          if (want('wall')) await shoot(page, 'wall', size, theme);
          if (want('help')) {
            const item = page.getByTestId('help-item').first();
            await item.waitFor({ timeout: 90_000 });
            await item.getByTestId('help-open').click();
            await page.getByTestId('request-detail').waitFor();
            await shoot(page, 'help', size, theme);
            await page.getByTestId('drawer-close').click();
          }
          if (want('detail')) {
            await page.locator('[data-testid="wall-row"][data-severity="critical"]').first().getByTestId('wall-detail').click();
            await page.getByTestId('class-detail').waitFor();
            await page.getByTestId('timeline-entry').first().waitFor({ timeout: 15_000 }).catch(() => undefined);
            await shoot(page, 'detail', size, theme);
          }
          await page.context().close();
        }
        if (want('report')) {
          const page = await signedIn(browser, backend.httpUrl, 'supervisor1', size, theme);
          await page.getByTestId('tab-reports').click();
          const row = page.locator(`[data-testid="report-list-row"][data-class-id="${faults[0]!.classId}"]`);
          await row.getByTestId('report-open').click();
          await page.getByTestId('report-problem').first().waitFor({ timeout: 60_000 });
          await shoot(page, 'report', size, theme);
          await page.context().close();
        }
      }
    }
  } finally {
    await browser.close();
    await backend.close();
  }
}

await main();
