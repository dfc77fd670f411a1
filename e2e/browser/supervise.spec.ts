import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { connectAsync } from 'mqtt';
import type { Browser, Page } from '@playwright/test';
import { launchBackend, type BackendInternals, type RunningBackend } from '../../services/backend';
import { subscribe } from '../../services/testing/clients';
import { filter } from '../../shared/protocol';
import { expect, test as base } from '../fixtures';
import { ClassListPage } from '../pages/ClassListPage';
import { ConnectPage } from '../pages/ConnectPage';
import { SupervisorConsole } from '../pages/SupervisorConsole';
import { SupervisorRequest } from '../pages/SupervisorRequest';
import { ownClientId } from '../../services/testing/clients';

const rendererDir = resolve(import.meta.dirname, '../../out/renderer');

/**
 * A backend of its own: simulated classes whose participants stay put (no churn) and answer every remedy, so the
 * only fault and the only silence are the ones a test injects. The dispatcher watches a remedy long enough for the
 * tagger to close a healthy window after the fix (its windows are 30 s, plus 10 s allowed lateness).
 */
const test = base.extend<object, { supervised: { backend: RunningBackend; internals: BackendInternals } }>({
  supervised: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      if (!existsSync(resolve(rendererDir, 'index.html'))) throw new Error(`${rendererDir}/index.html is missing: run \`npm run build\` first`);
      const launched = await launchBackend({
        staticDir: rendererDir,
        classes: 12,
        seed: 11,
        simulate: false,
        simulation: { remedies: { refuseShare: 0, silentShare: 0, fixDelayMs: [1_000, 2_000] } },
        dispatcher: { pendingWindowMs: 90_000 },
      });
      await use(launched);
      await launched.backend.close();
    },
    { scope: 'worker' },
  ],
});

/** A live simulated class with its simulated teacher and a simulated student online, other than `except`. */
function simulatedClass(internals: BackendInternals, except: readonly string[] = []): { classId: string; teacherId: string; studentId: string } {
  const model = internals.simulator!.model;
  for (const seat of model.seats()) {
    const { classId } = seat;
    if (model.stateOf(classId) !== 'live' || ['class-0001', 'class-0002', ...except].includes(classId)) continue;
    const seats = model.seatsOf(classId);
    const teacher = seats.find((s) => s.participant.role === 'teacher' && s.participant.simulated && s.online);
    const student = seats.find((s) => s.participant.role === 'student' && s.participant.simulated && s.online);
    if (teacher && student) return { classId, teacherId: teacher.participant.id, studentId: student.participant.id };
  }
  throw new Error('no live simulated class with a teacher and a student online');
}

async function signedIn(browser: Browser, url: string, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const connect = new ConnectPage(page);
  await connect.open(url);
  await connect.signInAsDemo(username);
  return page;
}

test('a fault is tagged, escalated, claimed, remedied with "switch line", clears, and is resolved and audited', async ({ page, supervised }) => {
  test.setTimeout(300_000);
  const { backend, internals } = supervised;
  const { classId, studentId } = simulatedClass(internals);
  const supervisor = new SupervisorConsole(page);
  await new ConnectPage(page).open(backend.httpUrl);
  await new ConnectPage(page).signInAsDemo('supervisor1');
  await supervisor.waitUntilShown();
  await supervisor.showOnly(classId);
  await expect(supervisor.row(classId)).toHaveAttribute('data-severity', /ok|unknown/);

  // The student's app stops hearing the teacher. Its first remedy goes unanswered (the client is stuck). The student
  // presses help 20 s in, as people do, before the tagger can have seen it: the dispatcher waits for a covering tag.
  const fault = internals.simulator!.inject({ classId, userId: studentId, tag: 'stream.cant-hear', fixable: true, silent: 1, help: { delayMs: 20_000 } });

  // 1. The tag appears on the wall, on the student it is about.
  await expect(supervisor.tag(classId, 'stream.cant-hear', studentId)).toBeVisible({ timeout: 75_000 });
  await expect(supervisor.row(classId)).toHaveAttribute('data-severity', 'critical');
  await expect(supervisor.alert(`tag:${classId}:stream.cant-hear:${studentId}`)).toBeVisible();
  // Its duration counts up with the console's clock, inside the SLA target for now.
  const duration = supervisor.duration(classId);
  await expect(duration).toHaveText(/^\d+:\d\d$/);
  await expect(duration).toHaveClass(/\bsla-ok\b/);
  const shown = (await duration.textContent()) ?? '';
  await expect(duration).not.toHaveText(shown, { timeout: 5_000 });

  // 2. The help request arrives, the automatic "switch line" gets no answer, and the request is escalated.
  const item = supervisor.requestsOf(classId);
  await expect(item).toHaveAttribute('data-status', 'escalated', { timeout: 120_000 });
  // The row says it waits for a person, on one line on a 1280 px laptop (it wrapped to two before).
  const badge = supervisor.row(classId).getByTestId('wall-help');
  await expect(badge).toHaveText('1 help');
  const { height, fontSize } = await badge.evaluate((el) => ({ height: el.getBoundingClientRect().height, fontSize: parseFloat(getComputedStyle(el).fontSize) }));
  expect(height).toBeLessThan(2 * fontSize);
  await supervisor.openRequest(item);
  const request = new SupervisorRequest(page);
  await expect(request.remedies.first()).toHaveAttribute('data-outcome', 'no-ack');
  await expect(request.remedies.first()).toHaveAttribute('data-by', 'dispatcher');
  await expect(request.tags.and(page.locator('[data-tag="stream.cant-hear"]'))).toBeVisible();
  await expect(request.panel.getByTestId('diagnostics-app')).not.toBeEmpty();

  // 3. The supervisor claims it and sends "switch line" to the student.
  await request.claim();
  await expect(request.panel).toHaveAttribute('data-claimed-by', 'supervisor1');
  await expect(request.panel).toHaveAttribute('data-status', 'claimed');
  await request.sendRemedy('switch-line', studentId);
  const mine = request.remedies.and(page.locator('[data-by="supervisor1"]'));
  await expect(mine).toHaveAttribute('data-action', 'switch-line');

  // 4. The class recovers: the student's app carries the remedy out and its audio comes back.
  await expect(mine).toHaveAttribute('data-outcome', /acked|cleared/);
  await expect.poll(() => internals.simulator!.truth.fault(fault.id)?.fixedBy, { timeout: 15_000 }).toMatchObject({ action: 'switch-line', by: 'supervisor1' });

  // 5. The tag clears: the tagger closes a healthy window, and the dispatcher sees the remedy worked.
  await expect(supervisor.tag(classId, 'stream.cant-hear')).toHaveCount(0, { timeout: 90_000 });
  await expect(supervisor.row(classId)).toHaveAttribute('data-severity', 'ok');
  await expect(mine).toHaveAttribute('data-outcome', 'cleared', { timeout: 30_000 });

  // 6. The supervisor resolves it with a note, and every step is in the audit log.
  await request.resolve('Switched the student to the second line; audio is back.');
  await expect(request.panel).toHaveAttribute('data-status', 'resolved');
  await expect(request.audit.and(page.locator('[data-action="resolved"]'))).toHaveAttribute('data-actor', 'supervisor1');
  for (const action of ['received', 'remedy-sent', 'remedy-no-ack', 'escalated', 'claimed', 'remedy-requested', 'resolved']) {
    await expect(request.audit.and(page.locator(`[data-action="${action}"]`)).first()).toBeVisible();
  }
  const requestId = await request.id();
  const logged = await internals.audit.query({ requestId, limit: 1_000 });
  expect(logged.map((entry) => entry.action)).toEqual(expect.arrayContaining(['escalated', 'claimed', 'remedy-requested', 'resolved']));
  expect(logged.find((entry) => entry.action === 'resolved')?.detail).toContain('audio is back');
});

test('a remedy that does not fix the fault escalates the request; it never shows as resolved', async ({ page, supervised }) => {
  test.setTimeout(240_000);
  const { backend, internals } = supervised;
  const { classId, teacherId } = simulatedClass(internals, [simulatedClass(internals).classId]);
  const supervisor = new SupervisorConsole(page);
  await new ConnectPage(page).open(backend.httpUrl);
  await new ConnectPage(page).signInAsDemo('supervisor1');
  await supervisor.waitUntilShown();
  await supervisor.showOnly(classId);

  // The teacher's app cannot connect its messaging, and switching line does not help (the automatic remedy for it
  // makes the app enter the class again, and the new entry fails the same way). The teacher presses help.
  const fault = internals.simulator!.inject({ classId, userId: teacherId, tag: 'entry.init-failed.messaging', fixable: false, help: { delayMs: 15_000 } });
  await expect(supervisor.tag(classId, 'entry.init-failed.messaging', teacherId)).toBeVisible({ timeout: 60_000 });
  const tried = supervisor.requestsOf(classId).and(page.locator('[data-status="remedy-pending"]'));
  await expect(tried).toBeVisible({ timeout: 60_000 });
  const requestId = (await tried.getAttribute('data-request-id'))!;

  // The switched line is carried out, the tag stays, and the request goes to a person.
  const item = page.locator(`[data-testid="help-item"][data-request-id="${requestId}"]`);
  await expect(item).toHaveAttribute('data-status', 'escalated', { timeout: 150_000 });
  await supervisor.openRequest(item);
  const request = new SupervisorRequest(page);
  await expect(request.remedies.first()).toHaveAttribute('data-action', 'switch-line');
  await expect(request.remedies.first()).toHaveAttribute('data-outcome', 'not-cleared');
  await expect(supervisor.tag(classId, 'entry.init-failed.messaging', teacherId)).toBeVisible();
  expect(internals.simulator!.truth.fault(fault.id)?.fixedAt).toBeNull();
  const logged = await internals.audit.query({ requestId, limit: 1_000 });
  expect(logged.map((entry) => entry.action)).toContain('escalated');
  expect(logged.map((entry) => entry.action)).not.toContain('auto-resolved');
  expect(logged.map((entry) => entry.action)).not.toContain('tags-cleared');
});

test('a whisper reaches the teacher only, and the student sees nothing of it', async ({ browser, page, supervised }) => {
  const { backend } = supervised;
  const teacher = await signedIn(browser, backend.httpUrl, 'teacher1');
  const teacherList = new ClassListPage(teacher);
  await teacherList.waitForClasses(1);
  if ((await teacherList.row('class-0001').getAttribute('data-state')) !== 'live') await teacherList.startButton('class-0001').click();
  await expect(teacherList.row('class-0001')).toHaveAttribute('data-state', 'live');
  await teacherList.row('class-0001').getByTestId('class-open').click();
  await expect(teacher.getByTestId('class-screen')).toBeVisible();
  const student = await signedIn(browser, backend.httpUrl, 'student1');
  await new ClassListPage(student).waitForClasses(1);
  await student.locator('[data-testid="class-row"][data-class-id="class-0001"]').getByTestId('class-open').click();
  await expect(student.getByTestId('class-screen')).toBeVisible();

  const supervisor = new SupervisorConsole(page);
  await new ConnectPage(page).open(backend.httpUrl);
  await new ConnectPage(page).signInAsDemo('supervisor1');
  await supervisor.showOnly('class-0001');
  await supervisor.openClassDetail('class-0001');
  const text = '<b>Student1 cannot hear you</b>: check your microphone';
  await page.getByTestId('whisper-text').fill(text);
  await page.getByTestId('whisper-send').click();
  await expect(page.getByTestId('whisper-sent').filter({ hasText: text })).toHaveAttribute('data-delivered', 'true');

  // Shown to the teacher as text, markup and all; the student, in the same class, gets nothing.
  await expect(teacher.getByTestId('whisper').getByTestId('whisper-text')).toHaveText(text);
  await expect(teacher.locator('.whispers b')).toHaveCount(0);
  await page.getByTestId('whisper-text').fill('second note');
  await page.getByTestId('whisper-send').click();
  await expect(teacher.getByTestId('whisper')).toHaveCount(2);
  await expect(student.getByTestId('whisper')).toHaveCount(0);
  await teacher.context().close();
  await student.context().close();
});

test('a teacher has no supervisor screens, and the broker refuses supervisor topics to them', async ({ page, supervised }) => {
  const { backend } = supervised;
  await new ConnectPage(page).open(backend.httpUrl);
  await new ConnectPage(page).signInAsDemo('teacher1');
  await new ClassListPage(page).waitForClasses(1);
  await expect(page.getByTestId('supervisor-console')).toHaveCount(0);
  await expect(page.getByTestId('tab-console')).toHaveCount(0);

  const issued = await backend.issueToken('teacher1', 'demo');
  if (!issued.ok) throw new Error(issued.message);
  const client = await connectAsync(backend.mqttUrl, { username: 'teacher1', password: issued.token.token, clientId: ownClientId('teacher1'), protocolVersion: 4, reconnectPeriod: 0 });
  try {
    const granted = await subscribe(client, ['classroom/v1/supervise/#', filter('helpState'), filter('classHealth', { classId: 'class-0001' })]);
    expect(granted).toEqual([128, 128, 128]);
  } finally {
    await client.endAsync();
  }
});
