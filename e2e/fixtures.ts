import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { test as base } from '@playwright/test';
import { launchBackend, type BackendInternals, type RunningBackend } from '../services/backend';

const rendererDir = resolve(import.meta.dirname, '../out/renderer');

export interface BackendFixture {
  backend: RunningBackend;
  /** The token service and broker behind the contract, for tokens no sign-in would give (an expired one). */
  internals: BackendInternals;
}

/**
 * One embedded backend per Playwright worker, on an OS-chosen port, serving the built renderer (browser mode).
 * Tests that change a class's state use a class no other test changes, so they can share it.
 */
export const test = base.extend<{ consoleUrl: string }, { server: BackendFixture }>({
  server: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      if (!existsSync(resolve(rendererDir, 'index.html'))) {
        throw new Error(`${rendererDir}/index.html is missing: run \`npm run build\` before the end-to-end tests`);
      }
      const { backend, internals } = await launchBackend({ staticDir: rendererDir, classes: 50 });
      await use({ backend, internals });
      await backend.close();
    },
    { scope: 'worker' },
  ],
  consoleUrl: async ({ server }, use) => {
    await use(server.backend.httpUrl);
  },
});

export { expect } from '@playwright/test';
