import mqtt from 'mqtt';
import { decode, encode, filter, topic, type ClassSummary } from '../../shared/protocol';
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
    // A supervisor follows the directory's changes (after reading the list in pages): the garbage goes there.
    const target = topic('directoryChanges', {});
    const send = (payload: string | Buffer) => service.publishAsync(target, payload, { qos: 1 });
    await send('<img src=x onerror=alert(1)> garbage');
    await send('{"v":1,"id":"class-0007","title":"trunc');
    await send(JSON.stringify({ v: 1, id: 'class-0007', title: 42, state: 'exploded' }));
    await send(JSON.stringify({ v: 1, pad: 'x'.repeat(1100 * 1024) }));
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
    // A real change still arrives: a class's teacher starts (or ends) it, and the directory's change reaches the list.
    const summaries = new Map<string, ClassSummary>();
    service.on('message', (name, payload) => {
      const decoded = decode(name, payload, undefined, true);
      if (decoded.ok && decoded.kind === 'classSummary') summaries.set(decoded.message.id, decoded.message);
    });
    await service.subscribeAsync(filter('classSummary'), { qos: 1 });
    await expect.poll(() => summaries.size).toBe(50);
    // A class no other test uses, that its teacher can still start or end (a class ended before today cannot reopen).
    const summary = [...summaries.values()].sort((a, b) => a.id.localeCompare(b.id)).find((s) => s.id >= 'class-0007' && s.state !== 'ended')!;
    const action = summary.state === 'live' ? 'end' : 'start';
    const control = encode('classControl', topic('classControl', { classId: summary.id, userId: summary.teacher.id }), { v: 1, action, requestId: 'bad-input-e2e', ts: Date.now() });
    await service.publishAsync(control.topic, Buffer.from(control.payload), { qos: 1 });
    await classes.filter.fill(summary.title);
    await expect(classes.row(summary.id)).toHaveAttribute('data-state', action === 'end' ? 'ended' : 'live');
  } finally {
    await service.endAsync();
  }
});
