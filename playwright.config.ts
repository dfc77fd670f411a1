import { defineConfig } from '@playwright/test';
import { CHROMIUM_BASE_ARGS, CHROMIUM_PATH, FAKE_MEDIA_ARGS } from './e2e/chromium';

/**
 * End-to-end tests. `browser` drives browser mode in the system Chromium against the embedded backend, which a
 * worker fixture starts on an OS-chosen port (e2e/fixtures.ts) — there is no webServer. `electron` drives the
 * Electron app and skips with a message when no Electron binary is installed.
 */
export default defineConfig({
  outputDir: 'test-results',
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'browser',
      testDir: 'e2e/browser',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: [...CHROMIUM_BASE_ARGS, ...FAKE_MEDIA_ARGS],
        },
      },
    },
    {
      name: 'electron',
      testDir: 'e2e/electron',
    },
  ],
});
