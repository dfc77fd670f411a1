import { resolve } from 'node:path';
import { launchBackend } from '../../services/backend';
import { seriousFindings } from '../axe';
import { expect, test } from '../fixtures';
import { joinClass } from '../pages/ClassParticipant';
import { ClassListPage } from '../pages/ClassListPage';
import { ConnectPage } from '../pages/ConnectPage';
import { SupervisorConsole } from '../pages/SupervisorConsole';

const rendererDir = resolve(import.meta.dirname, '../../out/renderer');

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
    });

    test('connect screen and class list', async ({ page, consoleUrl }) => {
      const connect = new ConnectPage(page);
      await connect.open(consoleUrl);
      expect(await seriousFindings(page), 'connect screen').toEqual([]);
      await connect.signInAsDemo('teacher1');
      await new ClassListPage(page).waitForClasses(1);
      expect(await seriousFindings(page), 'class list').toEqual([]);
    });

    test('class list with a class to start', async ({ page }) => {
      // On a backend of its own, so no other test has started teacher2's scheduled class: its "Start" button once drew
      // in the light theme's green, below 4.5:1.
      const { backend } = await launchBackend({ staticDir: rendererDir, classes: 4, simulate: false });
      try {
        const connect = new ConnectPage(page);
        await connect.open(backend.httpUrl);
        await connect.signInAsDemo('teacher2');
        await expect(page.getByTestId('class-start').first()).toBeVisible();
        expect(await seriousFindings(page), 'class list with Start').toEqual([]);
      } finally {
        await backend.close();
      }
    });

    test('class screen, teacher and student', async ({ browser, consoleUrl }) => {
      for (const username of ['teacher1', 'student1']) {
        const person = await joinClass(browser, consoleUrl, username, 'class-0001');
        try {
          await person.page.emulateMedia({ colorScheme: theme });
          await expect(person.page.locator('html')).toHaveAttribute('data-theme', theme);
          await expect(person.page.getByTestId('class-screen')).toBeVisible();
          expect(await seriousFindings(person.page), `class screen (${username})`).toEqual([]);
        } finally {
          await person.close();
        }
      }
    });

    test('supervisor wall, class detail and help queue', async ({ page, consoleUrl }) => {
      const supervisor = new SupervisorConsole(page);
      await new ConnectPage(page).open(consoleUrl);
      await new ConnectPage(page).signInAsDemo('supervisor1');
      await supervisor.waitUntilShown();
      await expect(supervisor.wall.getByTestId('wall-row').first()).toBeVisible();
      await expect(supervisor.helpQueue).toBeVisible();
      expect(await seriousFindings(page), 'supervisor wall and help queue').toEqual([]);
      const classId = (await supervisor.shownClassIds())[0]!;
      await supervisor.openClassDetail(classId);
      expect(await seriousFindings(page), 'class detail').toEqual([]);
    });
  });
}
