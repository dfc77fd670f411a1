import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBackend, type BackendOptions, type RunningBackend } from '../../services/backend';
import { expect, test } from '@playwright/test';
import { joinClass, type ClassParticipant } from '../pages/ClassParticipant';
import { SignInAgain } from '../pages/SignInAgain';

const rendererDir = resolve(import.meta.dirname, '../../out/renderer');
const CLASS_ID = 'class-0001';

/**
 * A whole backend (broker, token service, directory, dispatcher…) stopped and started again on the same port, as a
 * crashed or upgraded backend comes back. With `persistDir` its signing keys survive, without it they do not.
 */
async function restarted(backend: RunningBackend, options: BackendOptions): Promise<RunningBackend> {
  const port = Number(new URL(backend.httpUrl).port);
  await backend.close();
  return (await launchBackend({ ...options, port })).backend;
}

let dataDir: string;
let backend: RunningBackend | null = null;
let teacher: ClassParticipant | null = null;

test.beforeEach(async () => {
  if (!existsSync(resolve(rendererDir, 'index.html'))) throw new Error(`${rendererDir}/index.html is missing: run \`npm run build\` first`);
  dataDir = await mkdtemp(join(tmpdir(), 'backend-restart-'));
});

test.afterEach(async () => {
  await teacher?.close();
  await backend?.close();
  teacher = null;
  backend = null;
  await rm(dataDir, { recursive: true, force: true });
});

test('with its signing keys kept, a restarted backend takes the console back without a new sign-in', async ({ browser }) => {
  test.setTimeout(120_000);
  const options: BackendOptions = { staticDir: rendererDir, classes: 12, seed: 5, simulate: false, persistDir: dataDir };
  backend = (await launchBackend(options)).backend;
  teacher = await joinClass(browser, backend.httpUrl, 'teacher1', CLASS_ID);
  await expect(teacher.connection.indicator).toHaveAttribute('data-state', 'connected');
  await teacher.room.say('before the restart');
  await expect(teacher.room.chatTexts.filter({ hasText: 'before the restart' })).toBeVisible();

  const restarting = restarted(backend, options);
  await expect(teacher.connection.indicator).toHaveAttribute('data-state', /reconnecting|offline/);
  backend = await restarting;

  await expect(teacher.connection.indicator).toHaveAttribute('data-state', 'connected', { timeout: 60_000 });
  await expect(new SignInAgain(teacher.page).notice).toHaveCount(0);
  await expect(teacher.page.getByTestId('class-screen')).toBeVisible();
  await teacher.room.say('after the restart');
  await expect(teacher.room.chatTexts.filter({ hasText: 'after the restart' })).toBeVisible();
  await expect(teacher.connection.unsent).toHaveCount(0);
});

test('without its signing keys, the console says a new sign-in is needed, keeps what was done and typed, and sends it after', async ({ browser }) => {
  test.setTimeout(150_000);
  const options: BackendOptions = { staticDir: rendererDir, classes: 12, seed: 5, simulate: false, persistDir: dataDir };
  backend = (await launchBackend(options)).backend;
  teacher = await joinClass(browser, backend.httpUrl, 'teacher1', CLASS_ID);
  await expect(teacher.connection.indicator).toHaveAttribute('data-state', 'connected');

  // The backend comes back with its classes, boards and chat, but with new signing keys: old tokens mean nothing.
  const port = Number(new URL(backend.httpUrl).port);
  await backend.close();
  await rm(join(dataDir, 'keys'), { recursive: true, force: true });
  backend = (await launchBackend({ ...options, port })).backend;

  const again = new SignInAgain(teacher.page);
  await expect(again.notice).toBeVisible({ timeout: 60_000 });
  await expect(again.notice).toContainText('Sign in again to carry on');
  await expect(again.notice).toContainText('no longer accepts your sign-in');
  await expect(teacher.connection.indicator).toHaveAttribute('data-state', 'refused');

  // The teacher carries on meanwhile: a countdown started waits to be sent, a chat message that cannot go stays in
  // the box (chat goes through moderation, which needs the connection).
  await teacher.page.getByTestId('countdown-toggle').click();
  await expect(teacher.connection.unsent).toBeVisible();
  await expect(again.unsent).toContainText('not sent yet');
  await teacher.room.say('written while signed out');
  await expect(teacher.room.chatInput).toHaveValue('written while signed out');

  // A wrong password is refused with words; the notice stays.
  await again.submit('not-the-password');
  await expect(again.error).toHaveText('Wrong password for that user.');
  await expect(again.notice).toBeVisible();

  await again.submit('demo');
  await expect(teacher.connection.indicator).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  await expect(again.notice).toHaveCount(0);
  await expect(teacher.connection.unsent).toHaveCount(0);
  await expect(teacher.page.getByTestId('class-screen')).toBeVisible();
  await expect(teacher.room.chatInput).toHaveValue('written while signed out');
  await teacher.page.getByTestId('chat-send').click();
  await expect(teacher.room.chatTexts.filter({ hasText: 'written while signed out' })).toBeVisible();

  // What waited reached the class: a student who joins now sees the countdown and reads the message.
  const student = await joinClass(browser, backend.httpUrl, 'student1', CLASS_ID);
  try {
    await expect(student.room.countdown).toBeVisible();
    await expect(student.room.chatTexts.filter({ hasText: 'written while signed out' })).toBeVisible();
  } finally {
    await student.close();
  }
});
