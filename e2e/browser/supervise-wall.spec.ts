import { seriousFindings } from '../axe';
import { expect, liveClasses, test } from '../fixtures/publishedHealth';
import { ConnectPage } from '../pages/ConnectPage';
import { SupervisorConsole } from '../pages/SupervisorConsole';

test('the wall holds its order while the supervisor points at it, says what changed, and re-sorts when the pointer leaves', async ({ page, walled, publish }) => {
  test.setTimeout(90_000);
  const classes = liveClasses(walled.internals);
  expect(classes.length).toBeGreaterThanOrEqual(8);
  const [w1, w2, w3, ...healthy] = classes as [string, string, string, ...string[]];
  const now = Date.now();
  await publish.health(w1, 'warning', now - 300_000);
  await publish.health(w2, 'warning', now - 200_000);
  await publish.health(w3, 'warning', now - 100_000);
  for (const classId of healthy) await publish.health(classId, 'ok');

  const supervisor = new SupervisorConsole(page);
  await new ConnectPage(page).open(walled.backend.httpUrl);
  await new ConnectPage(page).signInAsDemo('supervisor1');
  await supervisor.waitUntilShown();
  await supervisor.pointAway();
  await expect.poll(async () => (await supervisor.shownClassIds()).slice(0, 4)).toEqual([w1, w2, w3, healthy[0]]);
  await expect(supervisor.wallHeld).toHaveCount(0);

  // The supervisor reaches for the second row. Meanwhile the oldest warning clears and a healthy class turns
  // critical: unheld, both rows would move, and the row under the pointer with them.
  await supervisor.pointAt(w2);
  await expect(supervisor.wallHeld).toHaveText('order held while you point at the wall');
  const before = await supervisor.shownClassIds();
  const turning = healthy[1]!;
  await publish.health(w1, 'ok');
  await publish.health(turning, 'critical');
  await expect(supervisor.row(turning)).toHaveAttribute('data-severity', 'critical');
  await expect(supervisor.row(w1)).toHaveAttribute('data-severity', 'ok');
  await expect(supervisor.wallHeld).toHaveText('order held while you point at the wall: 1 more class turned critical');
  expect(await supervisor.shownClassIds()).toEqual(before);

  // The click lands on the class the supervisor aimed at.
  await supervisor.row(w2).getByTestId('wall-detail').click();
  await expect(page.getByTestId('class-detail')).toHaveAttribute('data-class-id', w2);
  await page.getByTestId('class-detail').getByRole('button', { name: /close/i }).click();

  // Off the wall, the order is worst first again.
  await supervisor.pointAway();
  await expect(supervisor.wallHeld).toHaveCount(0);
  await expect.poll(async () => (await supervisor.shownClassIds()).slice(0, 3)).toEqual([turning, w2, w3]);

  // A pointer left resting on the wall does not freeze it: the order goes on ten seconds after it last moved.
  await supervisor.pointAt(w3);
  await expect(supervisor.wallHeld).toBeVisible();
  const late = healthy[2]!;
  await publish.health(late, 'critical');
  await expect(supervisor.wallHeld).toHaveAttribute('data-became-critical', '1');
  await expect(supervisor.wallHeld).toHaveCount(0, { timeout: 15_000 });
  await expect.poll(async () => (await supervisor.shownClassIds()).slice(0, 2)).toEqual([turning, late]);
});

test('a class that ends while the wall is held stays in its place, shown as ended, until the pointer leaves', async ({ page, walled, publish }) => {
  const classes = liveClasses(walled.internals);
  const supervisor = new SupervisorConsole(page);
  await new ConnectPage(page).open(walled.backend.httpUrl);
  await new ConnectPage(page).signInAsDemo('supervisor1');
  await supervisor.waitUntilShown();
  const ending = classes.at(-1)!;
  await publish.health(ending, 'critical', Date.now() - 1_000_000);
  await expect.poll(async () => (await supervisor.shownClassIds())[0]).toBe(ending);
  await supervisor.pointAt(ending);
  await expect(supervisor.wallHeld).toBeVisible();
  const before = await supervisor.shownClassIds();
  await publish.end(ending);
  await expect(supervisor.row(ending).getByTestId('wall-ended')).toHaveText('Class ended');
  // An ended class cannot be observed; its button goes.
  await expect(supervisor.row(ending).getByTestId('wall-observe')).toHaveCount(0);
  expect(await supervisor.shownClassIds()).toEqual(before);
  await supervisor.pointAway();
  await expect(supervisor.row(ending)).toHaveCount(0);
});

test('moving through the rows with the keyboard holds the order too, until the focus leaves the wall', async ({ page, walled }) => {
  const supervisor = new SupervisorConsole(page);
  await new ConnectPage(page).open(walled.backend.httpUrl);
  await new ConnectPage(page).signInAsDemo('supervisor1');
  await supervisor.waitUntilShown();
  await supervisor.pointAway();
  await expect(supervisor.wall.getByTestId('wall-row').first()).toBeVisible();
  const body = page.getByTestId('wall-body');
  const focusInWall = () => body.evaluate((el) => el.contains(document.activeElement));
  await page.getByTestId('wall-sort-reverse').focus();
  while (!(await focusInWall())) await page.keyboard.press('Tab');
  await expect(supervisor.wallHeld).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(supervisor.wallHeld).toBeVisible();
  while (await focusInWall()) await page.keyboard.press('Shift+Tab');
  await expect(supervisor.wallHeld).toHaveCount(0);
});

test('a class that comes into the wall during a hold is added below the held rows, moving none of them', async ({ page, walled, publish }) => {
  // The last class is the one the test above ends.
  const classes = liveClasses(walled.internals).slice(0, -1);
  await publish.health(classes[0]!, 'warning', Date.now() - 100_000);
  const supervisor = new SupervisorConsole(page);
  await new ConnectPage(page).open(walled.backend.httpUrl);
  await new ConnectPage(page).signInAsDemo('supervisor1');
  await supervisor.waitUntilShown();
  await supervisor.filter('severity', 'problems');
  await expect(supervisor.wall.getByTestId('wall-row').first()).toBeVisible();
  const [first] = await supervisor.shownClassIds();
  await supervisor.pointAt(first!);
  await expect(supervisor.wallHeld).toBeVisible();
  const before = await supervisor.shownClassIds();
  const arriving = classes.find((id) => !before.includes(id))!;
  // Critical, so unheld it would sort first.
  await publish.health(arriving, 'critical', Date.now() - 5_000_000);
  await expect(supervisor.row(arriving)).toBeVisible();
  expect(await supervisor.shownClassIds()).toEqual([...before, arriving]);
  await supervisor.pointAway();
  await expect.poll(async () => (await supervisor.shownClassIds())[0]).toBe(arriving);
});

for (const theme of ['light', 'dark'] as const) {
  test(`a held wall, its note and an ended row keep their contrast (${theme} theme)`, async ({ page, walled, publish }) => {
    await page.emulateMedia({ colorScheme: theme });
    const supervisor = new SupervisorConsole(page);
    await new ConnectPage(page).open(walled.backend.httpUrl);
    await new ConnectPage(page).signInAsDemo('supervisor1');
    await supervisor.waitUntilShown();
    await expect(supervisor.wall.getByTestId('wall-row').first()).toBeVisible();
    const shown = await supervisor.shownClassIds();
    await supervisor.pointAt(shown[0]!);
    await expect(supervisor.wallHeld).toBeVisible();
    const severities = await Promise.all(shown.map((id) => supervisor.row(id).getAttribute('data-severity')));
    const calm = shown.filter((_, i) => severities[i] !== 'critical');
    const turning = calm.at(-1)!;
    const ending = calm.at(-2)!;
    await publish.health(turning, 'critical');
    await publish.end(ending);
    await expect(supervisor.wallHeld).toHaveClass(/\bcritical\b/);
    await expect(supervisor.row(ending).getByTestId('wall-ended')).toBeVisible();
    expect(await seriousFindings(page), 'held wall').toEqual([]);
  });
}
