import mqtt from 'mqtt';
import { encode, topic, type ClassSummary } from '../../shared/protocol';
import { expect, test } from '../fixtures';
import { serviceLogin } from '../../services/testing/clients';
import { ClassListPage } from '../pages/ClassListPage';
import { ConnectPage } from '../pages/ConnectPage';
import { DiagnosticsPanel } from '../pages/DiagnosticsPanel';

test('malformed messages are dropped and counted by reason while the list keeps updating', async ({ page, consoleUrl, server }) => {
  const classes = new ClassListPage(page);
  const diagnostics = new DiagnosticsPanel(page);
  await new ConnectPage(page).open(consoleUrl);
  await new ConnectPage(page).signInAsDemo('supervisor1');
  await classes.waitForClasses(50);
  await diagnostics.open();

  const service = await mqtt.connectAsync(server.backend.mqttUrl, {
    ...(await serviceLogin(server.backend)),
    reconnectPeriod: 0,
  });
  try {
    // Published without retain, so the real retained summaries stay in place for everyone else.
    const target = topic('classSummary', { classId: 'class-0007' });
    const send = (payload: string | Buffer) => service.publishAsync(target, payload, { qos: 1 });
    await send('<img src=x onerror=alert(1)> garbage');
    await send('{"v":1,"id":"class-0007","title":"trunc');
    await send(JSON.stringify({ v: 1, id: 'class-0007', title: 42, state: 'exploded' }));
    await send(JSON.stringify({ v: 1, pad: 'x'.repeat(64 * 1024) }));
    await send(JSON.stringify({ v: 99, id: 'class-0007' }));
    await send(Buffer.from([0xc3, 0x28, 0xff]));

    await expect(diagnostics.count('not-json')).toHaveText('2');
    await expect(diagnostics.count('schema')).toHaveText('1');
    await expect(diagnostics.count('oversized')).toHaveText('1');
    await expect(diagnostics.count('unknown-version')).toHaveText('1');
    await expect(diagnostics.count('not-utf8')).toHaveText('1');
    await expect(diagnostics.count('total')).toHaveText('6');
    // Text only: the markup in the garbage never becomes an element.
    await expect(page.locator('img')).toHaveCount(0);

    // A flood of garbage does not freeze the UI: the filter still answers, and valid messages still arrive.
    await Promise.all(Array.from({ length: 300 }, (_, i) => send(`garbage ${i}`)));
    await expect(diagnostics.count('not-json')).toHaveText('302');
    const extra: ClassSummary = {
      v: 1,
      id: 'class-0999',
      title: 'Added after the garbage',
      teacher: { id: 't-extra', name: 'Extra Teacher' },
      state: 'live',
      region: 'sg',
      startsAt: Date.now(),
      presence: { teachers: 1, students: 3 },
      capacity: 6,
      updatedAt: Date.now(),
    };
    const valid = encode('classSummary', topic('classSummary', { classId: extra.id }), extra);
    await service.publishAsync(valid.topic, Buffer.from(valid.payload), { qos: 1, retain: false });
    await classes.filter.fill('after the garbage');
    await expect(classes.rows).toHaveCount(1);
    await expect(classes.row('class-0999')).toContainText('Added after the garbage');
    await expect(classes.presence('class-0999')).toHaveAttribute('data-students', '3');
  } finally {
    await service.endAsync();
  }
});
