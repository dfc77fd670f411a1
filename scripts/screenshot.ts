/** Regenerates docs/screenshot.png: the console in browser mode, signed in as a supervisor. Needs `npm run build`. */
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { startBackend } from '../services/backend';

const backend = await startBackend({ classes: 50, staticDir: resolve(import.meta.dirname, '../out/renderer'), seed: 7 });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 }, deviceScaleFactor: 1 });
  await page.goto(backend.httpUrl);
  await page.getByTestId('demo-account-supervisor1').click();
  await page.getByTestId('tab-classes').click();
  await page.getByTestId('class-count').and(page.locator('[data-total="50"]')).waitFor();
  await page.waitForTimeout(1500); // let presence counts settle so the picture shows a live class list
  await page.screenshot({ path: resolve(import.meta.dirname, '../docs/screenshot.png') });
} finally {
  await browser.close();
  await backend.close();
}
