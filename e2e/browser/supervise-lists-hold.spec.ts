import { seriousFindings } from '../axe';
import { expect, liveClasses, test } from '../fixtures/publishedHealth';
import { ConnectPage } from '../pages/ConnectPage';
import { SupervisorConsole } from '../pages/SupervisorConsole';

for (const theme of ['light', 'dark'] as const) {
  test(`the alerts feed holds its order while the supervisor points at it, and an acknowledged alert stays put (${theme} theme)`, async ({ page, walled, publish }) => {
    await page.emulateMedia({ colorScheme: theme });
    await publish.calm();
    const [w1, w2, w3, critical] = liveClasses(walled.internals) as [string, string, string, string];
    const now = Date.now();
    await publish.health(w1, 'warning', now - 300_000);
    await publish.health(w2, 'warning', now - 200_000);
    await publish.health(w3, 'warning', now - 100_000);

    const supervisor = new SupervisorConsole(page);
    await new ConnectPage(page).open(walled.backend.httpUrl);
    await new ConnectPage(page).signInAsDemo('supervisor1');
    await supervisor.waitUntilShown();
    await supervisor.pointAway();
    // Open warnings, the longest waiting first.
    await expect.poll(() => supervisor.shownAlertClasses()).toEqual([w1, w2, w3]);
    const note = supervisor.heldNote(supervisor.alerts);
    await expect(note).toHaveCount(0);

    // Acknowledging the second alert would drop it below the third, which would slide under the pointer.
    await supervisor.alertsOf(w2).hover();
    await expect(note.getByTestId('held-text')).toHaveText('Order held while you point here');
    await supervisor.alertsOf(w2).getByTestId('alert-ack').click();
    await expect(supervisor.alertsOf(w2)).toHaveAttribute('data-state', 'acknowledged');
    expect(await supervisor.shownAlertClasses()).toEqual([w1, w2, w3]);

    // The oldest warning clears and another class turns critical: the cleared alert stays where it was, and the new
    // one is added below, with the note saying so in red.
    await publish.health(w1, 'ok');
    await publish.health(critical, 'critical');
    await expect(supervisor.alertsOf(w1)).toHaveAttribute('data-state', 'cleared');
    await expect(note.getByTestId('held-text')).toHaveText('Order held · 1 new below, 1 critical');
    await expect(note.getByTestId('held-text')).toHaveClass(/\bcritical\b/);
    expect(await supervisor.shownAlertClasses()).toEqual([w1, w2, w3, critical]);
    expect(await seriousFindings(page), 'held alerts feed').toEqual([]);

    // "Sort now" sorts on the supervisor's say-so, and holds the new order while they still point at the feed.
    await note.getByTestId('held-sort-now').click();
    await expect.poll(() => supervisor.shownAlertClasses()).toEqual([critical, w3, w2, w1]);
    await expect(note.getByTestId('held-text')).toHaveText('Order held while you point here');

    await supervisor.pointAway();
    await expect(note).toHaveCount(0);
  });
}

test('the help queue holds its order while the supervisor points at it: a request claimed or resolved keeps its place', async ({ page, walled, publish }) => {
  await publish.calm();
  const [c1, c2, c3, c4] = liveClasses(walled.internals) as [string, string, string, string];
  const now = Date.now();
  const id = (n: number) => `hold-${now}-${n}`;
  await publish.help(id(1), c1, 'manual', now - 300_000);
  await publish.help(id(2), c2, 'manual', now - 200_000);
  await publish.help(id(3), c3, 'manual', now - 100_000);

  const supervisor = new SupervisorConsole(page);
  await new ConnectPage(page).open(walled.backend.httpUrl);
  await new ConnectPage(page).signInAsDemo('supervisor1');
  await supervisor.waitUntilShown();
  await supervisor.pointAway();
  await expect.poll(() => supervisor.shownRequestIds()).toEqual([id(1), id(2), id(3)]);
  const note = supervisor.heldNote(supervisor.helpQueue);

  await supervisor.request(id(3)).hover();
  await expect(note.getByTestId('held-text')).toHaveText('Order held while you point here');
  // Another supervisor claims the first, the second is resolved, and a fourth comes in escalated. Unheld, the
  // escalated one would go first, the claimed one last, and the resolved one would leave.
  await publish.help(id(1), c1, 'claimed', now - 300_000, { id: 'supervisor2', name: 'Sam Second' });
  await publish.help(id(2), c2, 'resolved', now - 200_000);
  await publish.help(id(4), c4, 'escalated', now - 50_000);
  await expect(supervisor.request(id(1)).getByTestId('help-status')).toHaveText('Claimed');
  await expect(supervisor.request(id(2)).getByTestId('help-status')).toHaveText('Resolved');
  await expect(note.getByTestId('held-text')).toHaveText('Order held · 1 new below, 1 critical');
  expect(await supervisor.shownRequestIds()).toEqual([id(1), id(2), id(3), id(4)]);
  // Rows of every status, with their badges and timers, keep their text's contrast.
  expect(await seriousFindings(page), 'held help queue').toEqual([]);

  // The click lands on the request aimed at.
  await supervisor.request(id(3)).getByTestId('help-open').click();
  await expect(page.getByTestId('request-detail')).toHaveAttribute('data-request-id', id(3));
  await page.getByTestId('request-detail').getByRole('button', { name: /close/i }).click();

  // A filter is the supervisor's own choice: it sorts at once, and the new order is held.
  await supervisor.request(id(3)).hover();
  await supervisor.showRequests('person');
  await expect.poll(() => supervisor.shownRequestIds()).toEqual([id(4), id(3), id(1)]);
  await expect(note).toBeVisible();

  await supervisor.pointAway();
  await expect(note).toHaveCount(0);
  await supervisor.showRequests('open');
  await expect.poll(() => supervisor.shownRequestIds()).toEqual([id(4), id(3), id(1)]);
});
