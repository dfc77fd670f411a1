import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchBackend, type RunningBackend } from '../../services/backend';
import { expect, test as base } from '../fixtures';
import { ClassListPage } from '../pages/ClassListPage';
import { ConnectPage } from '../pages/ConnectPage';
import { HelpButton } from '../pages/HelpButton';
import { SupervisorConsole } from '../pages/SupervisorConsole';
import { SupervisorRequest } from '../pages/SupervisorRequest';

const rendererDir = resolve(import.meta.dirname, '../../out/renderer');

/**
 * A backend of its own whose simulated participants stay put, so the teacher's request is the only one in the queue.
 * No tag covers it, so the dispatcher checks it automatically for `coverageGraceMs` and then hands it to a person.
 */
const test = base.extend<object, { quiet: RunningBackend }>({
  quiet: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      if (!existsSync(resolve(rendererDir, 'index.html'))) throw new Error(`${rendererDir}/index.html is missing: run \`npm run build\` first`);
      const { backend } = await launchBackend({ staticDir: rendererDir, classes: 12, seed: 11, simulate: false, dispatcher: { coverageGraceMs: 20_000 } });
      await use(backend);
      await backend.close();
    },
    { scope: 'worker' },
  ],
});

test('a new help request shows at once in the default queue as checked automatically, and the teacher hears how it ended', async ({ browser, page, quiet }) => {
  test.setTimeout(120_000);
  const supervisor = new SupervisorConsole(page);
  await new ConnectPage(page).open(quiet.httpUrl);
  await new ConnectPage(page).signInAsDemo('supervisor1');
  await supervisor.waitUntilShown();
  await expect(supervisor.requestsOf('class-0001')).toHaveCount(0);

  const teacher = await (await browser.newContext()).newPage();
  await new ConnectPage(teacher).open(quiet.httpUrl);
  await new ConnectPage(teacher).signInAsDemo('teacher1');
  const list = new ClassListPage(teacher);
  await list.waitForClasses(1);
  await list.row('class-0001').getByTestId('class-open').click();
  await expect(teacher.getByTestId('class-screen')).toBeVisible();
  const help = new HelpButton(teacher);
  await help.ask('audio', 'The students say my sound cuts out.');

  // The supervisor's default view shows it while the dispatcher still looks for a tag that covers it.
  const item = supervisor.requestsOf('class-0001');
  await expect(item).toHaveAttribute('data-status', 'received');
  await expect(item.getByTestId('help-status')).toHaveText('Checking automatically…');
  await expect(item).toContainText('Teacher One');
  await expect(help.status).toHaveAttribute('data-stage', /sent|received/);

  // No tag covers it: it goes to a person, and "Needs a person" shows it too.
  await expect(item).toHaveAttribute('data-status', 'manual', { timeout: 60_000 });
  await expect(help.status).toHaveText('Waiting for a supervisor.');
  await supervisor.showRequests('person');
  await expect(item).toBeVisible();

  await supervisor.openRequest(item);
  const request = new SupervisorRequest(page);
  await request.claim();
  await expect(help.status).toHaveText('A supervisor is on it.');
  await request.resolve('Asked the teacher to plug in the headset; sound is steady.');
  await expect(request.panel).toHaveAttribute('data-status', 'resolved');

  // The teacher is told how it ended, and may ask again.
  await expect(help.status).toHaveAttribute('data-outcome', 'resolved');
  await expect(help.status).toHaveText('Resolved by a supervisor.');
  await expect(teacher.getByTestId('help-button')).toBeEnabled();
});
