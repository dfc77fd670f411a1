import { expect, test } from '../fixtures';
import { ClassListPage } from '../pages/ClassListPage';
import { ConnectPage } from '../pages/ConnectPage';
import { ConnectionIndicator } from '../pages/ConnectionIndicator';

test('a supervisor sees every simulated class with its state, teacher and live presence', async ({ page, consoleUrl }) => {
  const connect = new ConnectPage(page);
  const classes = new ClassListPage(page);
  await connect.open(consoleUrl);
  await connect.signInAsDemo('supervisor1');
  await classes.waitForClasses(50);
  await expect(new ConnectionIndicator(page).indicator).toHaveAttribute('data-state', 'connected');

  const firstRow = classes.row('class-0001');
  await expect(firstRow).toBeVisible();
  await expect(firstRow.getByTestId('class-teacher')).toHaveText('Teacher One');
  await expect(classes.presence('class-0001')).toHaveAttribute('data-students', /^\d+$/);
  await expect(classes.state('class-0002')).toHaveText('Scheduled');

  // Every state the simulator produces is shown, and the state filter narrows the list to one of them.
  const states = await classes.rows.evaluateAll((rows) => [...new Set(rows.map((r) => r.getAttribute('data-state')))]);
  expect(states.sort()).toEqual(expect.arrayContaining(['live', 'scheduled']));
  await classes.stateFilter.selectOption('scheduled');
  await expect(classes.row('class-0002')).toBeVisible();
  await expect(classes.row('class-0001')).toHaveCount(0);
  const shownStates = await classes.rows.evaluateAll((rows) => [...new Set(rows.map((r) => r.getAttribute('data-state')))]);
  expect(shownStates).toEqual(['scheduled']);

  await classes.stateFilter.selectOption('all');
  await classes.filter.fill('class-0002');
  await expect(classes.rows).toHaveCount(1);
  expect(await classes.visibleClassIds()).toEqual(['class-0002']);
});

test("a supervisor's list of every class scrolls inside itself, under the tabs, and draws only the rows in view", async ({ page, consoleUrl }) => {
  const connect = new ConnectPage(page);
  const classes = new ClassListPage(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await connect.open(consoleUrl);
  await connect.signInAsDemo('supervisor1');
  await classes.waitForClasses(50);
  await expect(classes.row('class-0001')).toBeVisible();
  expect(await classes.windowScrollsVertically()).toBe(false);
  // 50 rows of 48 px do not fit 720 px: the list draws what is in view (and a few more), not all 50.
  expect(await classes.rows.count()).toBeLessThan(50);

  await classes.scrollToEnd();
  await expect(classes.row('class-0050')).toBeInViewport();
  await expect(classes.row('class-0001')).toHaveCount(0);
  await expect(page.getByTestId('tab-classes')).toBeInViewport();
  await expect(page.getByTestId('sign-out')).toBeInViewport();
});

test('presence counts follow people entering and leaving a class', async ({ page, browser, consoleUrl }) => {
  const supervisor = new ClassListPage(page);
  await new ConnectPage(page).open(consoleUrl);
  await new ConnectPage(page).signInAsDemo('supervisor1');
  await supervisor.waitForClasses(50);
  // class-0001's teacher is teacher1, a real person: nobody simulates them.
  const teachers = () => supervisor.presence('class-0001').getAttribute('data-teachers').then(Number);
  const before = await teachers();

  const teacherContext = await browser.newContext();
  const teacherPage = await teacherContext.newPage();
  await new ConnectPage(teacherPage).open(consoleUrl);
  await new ConnectPage(teacherPage).signInAsDemo('teacher1');
  await new ClassListPage(teacherPage).waitForClasses(1);
  await expect(supervisor.presence('class-0001')).toHaveAttribute('data-teachers', String(before + 1));

  await teacherPage.getByTestId('sign-out').click();
  await expect(supervisor.presence('class-0001')).toHaveAttribute('data-teachers', String(before));
  await teacherContext.close();
});

test('a teacher sees only their own class', async ({ page, consoleUrl }) => {
  const classes = new ClassListPage(page);
  await new ConnectPage(page).open(consoleUrl);
  await new ConnectPage(page).signInAsDemo('teacher1');
  await classes.waitForClasses(1);
  expect(await classes.visibleClassIds()).toEqual(['class-0001']);
  await expect(page.getByTestId('user-role')).toHaveText('Teacher');
});

test('a teacher starts and ends their class', async ({ page, consoleUrl }) => {
  const classes = new ClassListPage(page);
  await new ConnectPage(page).open(consoleUrl);
  await new ConnectPage(page).signInWithPassword('teacher2', 'demo');
  await classes.waitForClasses(1);
  await expect(classes.state('class-0002')).toHaveText('Scheduled');

  await classes.startButton('class-0002').click();
  await expect(classes.state('class-0002')).toHaveText('Live');
  // Ending asks first: cancelling leaves the class live.
  await classes.endButton('class-0002').click();
  await classes.endDialog.getByTestId('end-class-dialog-cancel').click();
  await expect(classes.endDialog).toHaveCount(0);
  await expect(classes.state('class-0002')).toHaveText('Live');
  await classes.endClass('class-0002');
  await expect(classes.state('class-0002')).toHaveText('Ended');
  // An ended class can only be reopened (within the grace), and still be opened.
  await expect(classes.startButton('class-0002')).toHaveCount(0);
  await expect(classes.endButton('class-0002')).toHaveCount(0);
  await expect(classes.row('class-0002').getByTestId('class-open')).toBeVisible();
  await classes.reopenButton('class-0002').click();
  await expect(classes.state('class-0002')).toHaveText('Live');
});

test('a student sees only their class, without class controls', async ({ page, consoleUrl }) => {
  const classes = new ClassListPage(page);
  await new ConnectPage(page).open(consoleUrl);
  await new ConnectPage(page).signInAsDemo('student1');
  await classes.waitForClasses(1);
  expect(await classes.visibleClassIds()).toEqual(['class-0001']);
  await expect(classes.startButton('class-0001')).toHaveCount(0);
  await expect(classes.endButton('class-0001')).toHaveCount(0);
  await expect(classes.row('class-0001').getByRole('button')).toHaveText(['Open']);
});
