import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { launchBackend, type BackendInternals, type RunningBackend } from '../../services/backend';
import { ReleaseAdmin, expectOk, fakeInstaller } from '../../services/releases/testing/release-admin';
import { expect, test as base } from '../fixtures';
import { ConnectPage } from '../pages/ConnectPage';
import { ReleasesScreen } from '../pages/ReleasesScreen';

const rendererDir = resolve(import.meta.dirname, '../../out/renderer');

/**
 * A backend of its own with simulated installs polling every second: the participants' desks of 30 simulated
 * classes and desks without a class, all on 1.9.2 (published at 100% of broad), all placed in canary. Release 2.0.0
 * is bad: a participant whose desk runs it meets a courseware failure in class, which the tagger tags and the health
 * gate counts. Faults end after a minute (the tagger needs ~40 s to tag); participants come and go more often than by
 * default, so most desks that were in class get their chance to go back after the roll back.
 */
const test = base.extend<object, { releases: { backend: RunningBackend; internals: BackendInternals } }>({
  releases: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      if (!existsSync(resolve(rendererDir, 'index.html'))) throw new Error(`${rendererDir}/index.html is missing: run \`npm run build\` first`);
      const launched = await launchBackend({
        staticDir: rendererDir,
        classes: 30,
        seed: 5,
        churn: 0.05,
        simulation: { faults: { lifetimeMs: 60_000 } },
        installs: { count: 300, pollMs: 1_000, badVersions: ['2.0.0'], badEveryMs: 600_000, schedule: { periodMs: 20_000, classMs: 4_000 } },
        releases: { gate: { minSessions: 3 }, publishEveryMs: 500, adoptionSampleMs: 1_000 },
      });
      const admin = await ReleaseAdmin.signIn(launched.backend.httpUrl);
      await admin.publishRelease('1.9.2');
      await expectOk(admin.rollout('1.9.2', 'broad', 100));
      await expectOk(admin.request('PUT', '/rings', { shares: { canary: 100, pilot: 0 }, groups: {} }));
      await use(launched);
      await launched.backend.close();
    },
    { scope: 'worker' },
  ],
});

async function signedIn(browser: Browser, url: string, username: string): Promise<Page> {
  const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  const connect = new ConnectPage(page);
  await connect.open(url);
  await connect.signInAsDemo(username);
  return page;
}

test('an admin publishes to canary at 10%, the gate halts the bad release, the admin rolls it back, and it is all audited', async ({ browser, releases }) => {
  test.setTimeout(300_000);
  const page = await signedIn(browser, releases.backend.httpUrl, 'admin1');
  const screen = new ReleasesScreen(page);
  await screen.waitUntilShown();
  await expect(screen.row('1.9.2')).toHaveAttribute('data-status', 'rolling');

  await screen.publish({ version: '2.0.0', notes: 'New board tools.\n<b>not HTML</b>', fileName: 'Classroom-Console-2.0.0.AppImage', bytes: fakeInstaller('2.0.0'), ring: 'canary', percent: 10, reason: 'first canary' });
  await expect(screen.row('2.0.0')).toHaveAttribute('data-status', 'rolling');
  await expect(screen.percent('2.0.0', 'canary')).toHaveText('10%');
  await expect(screen.row('2.0.0').locator('.release-notes')).toHaveText('New board tools.\n<b>not HTML</b>');

  // Installs adopt it (those the 10% takes, outside their class)…
  await expect.poll(() => screen.installsOn('2.0.0'), { timeout: 30_000 }).toBeGreaterThan(5);
  // …its participants' classes raise problem tags, and the gate halts it, saying why.
  await expect(screen.row('2.0.0')).toHaveAttribute('data-status', 'haltedByGate', { timeout: 150_000 });
  await expect(screen.row('2.0.0').getByTestId('release-halt-reason')).toContainText('health gate (canary): problem tags');
  await expect(page.getByTestId('release-gate-events')).toContainText('2.0.0');
  await expect(page.getByTestId('health-2.0.0-canary')).toHaveAttribute('data-halt', 'true');
  const peak = await screen.installsOn('2.0.0');

  await screen.act('2.0.0', 'rollback', 'courseware fails to load in class');
  await expect(screen.row('2.0.0')).toHaveAttribute('data-status', 'revoked');
  // Every install on 2.0.0 goes back to 1.9.2 outside its class; a desk in class keeps it until the class is over.
  const installs = releases.internals.simulator!.installs!;
  await expect.poll(() => installs.onVersion('2.0.0', Date.now()).outOfClass, { timeout: 60_000 }).toBe(0);
  await expect.poll(() => screen.installsOn('2.0.0'), { timeout: 30_000 }).toBeLessThanOrEqual(installs.onVersion('2.0.0', Date.now()).inClass);
  expect(await screen.installsOn('2.0.0')).toBeLessThan(peak);
  expect(await screen.installsOn('1.9.2')).toBeGreaterThan(installs.options.count - peak - 40);

  const onScreen = await screen.auditActions();
  for (const action of ['release-created', 'artifact-uploaded', 'release-published', 'rollout-set', 'release-halted', 'release-revoked']) expect(onScreen).toContain(action);
  const exported = await screen.exportAudit();
  expect(exported.filter((e) => e.detail.includes('2.0.0')).map((e) => e.action)).toEqual(['release-created', 'artifact-uploaded', 'release-published', 'rollout-set', 'release-halted', 'release-revoked']);
  expect(exported.find((e) => e.action === 'release-halted')?.actor.kind).toBe('release-gate');
  expect(exported.find((e) => e.action === 'release-revoked')).toMatchObject({ actor: { id: 'admin1' }, detail: expect.stringContaining('courseware fails to load in class') });
  expect(exported.find((e) => e.action === 'rollout-set' && e.detail.includes('2.0.0'))?.detail).toContain('first canary');

  // A supervisor reads the same screen, live, with nothing to press; the service refuses them anyway.
  const supervisor = await signedIn(browser, releases.backend.httpUrl, 'supervisor1');
  await supervisor.getByTestId('tab-releases').click();
  const readOnly = new ReleasesScreen(supervisor);
  await readOnly.waitUntilShown();
  await expect(supervisor.getByTestId('releases-read-only')).toBeVisible();
  await expect(readOnly.row('2.0.0')).toHaveAttribute('data-status', 'revoked');
  await expect(supervisor.getByTestId('release-publish-open')).toHaveCount(0);
  await expect(supervisor.locator('[data-testid^="release-"][data-testid$="halt"], [data-testid="release-rollback"], [data-testid="release-percent"]')).toHaveCount(0);
  const { token } = await supervisor.evaluate(async (url) => (await (await fetch(`${url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'supervisor1', password: 'demo' }) })).json()) as { token: string }, releases.backend.httpUrl);
  const refused = await fetch(`${releases.backend.httpUrl}/api/releases/1.9.2/halt`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ reason: 'not mine to do' }) });
  expect(refused.status).toBe(403);
});
