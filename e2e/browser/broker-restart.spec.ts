import { expect, test } from '../fixtures';
import { ClassListPage } from '../pages/ClassListPage';
import { ConnectPage } from '../pages/ConnectPage';
import { ConnectionIndicator } from '../pages/ConnectionIndicator';

test('the console rides out a broker restart and loses nothing the teacher did', async ({ page, consoleUrl, server }) => {
  const classes = new ClassListPage(page);
  const connection = new ConnectionIndicator(page);
  await new ConnectPage(page).open(consoleUrl);
  await new ConnectPage(page).signInAsDemo('teacher1');
  await classes.waitForClasses(1);
  await expect(connection.indicator).toHaveAttribute('data-state', 'connected');
  await expect(connection.indicator).toContainText(/\d+ ms/);
  await expect(classes.state('class-0001')).toHaveText('Live');

  await server.backend.stopBroker();
  await expect(connection.indicator).toHaveAttribute('data-state', 'reconnecting');
  await expect(connection.indicator).toContainText(/Reconnecting \(attempt \d+\)/);

  // Pressed (and confirmed) while the broker is down: shown as unsent, not lost.
  await classes.endClass('class-0001');
  await expect(classes.unsentTag('class-0001')).toBeVisible();
  await expect(connection.unsent).toHaveText('Unsent (1)');

  await server.backend.startBroker();
  await expect(connection.indicator).toHaveAttribute('data-state', 'connected');
  await expect(connection.unsent).toHaveCount(0);
  // The directory applied the action and its update reached the list: the subscription was restored.
  await expect(classes.state('class-0001')).toHaveText('Ended');
  // Reopened within the grace, so the specs after this one find their class live (an ended class's board and chat
  // are closed).
  await classes.reopenButton('class-0001').click();
  await expect(classes.state('class-0001')).toHaveText('Live');
});

test('the indicator says offline while the network is gone, and reconnects when it is back', async ({ page, consoleUrl }) => {
  const classes = new ClassListPage(page);
  const connection = new ConnectionIndicator(page);
  await new ConnectPage(page).open(consoleUrl);
  await new ConnectPage(page).signInAsDemo('student1');
  await classes.waitForClasses(1);
  await expect(connection.indicator).toHaveAttribute('data-state', 'connected');

  await page.context().setOffline(true);
  await expect(connection.indicator).toHaveAttribute('data-state', 'offline');
  await expect(connection.indicator).toHaveText('Offline');

  await page.context().setOffline(false);
  await expect(connection.indicator).toHaveAttribute('data-state', 'connected');
  await expect(classes.row('class-0001')).toBeVisible();
});
