import { chromium, type Browser, type Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { AUTOPLAY_ARG, CHROMIUM_BASE_ARGS, CHROMIUM_PATH } from '../chromium';
import { ClassListPage } from '../pages/ClassListPage';
import { ClassPage } from '../pages/ClassPage';
import { ConnectPage } from '../pages/ConnectPage';
import { MediaTiles } from '../pages/MediaTiles';

// The device check, and what happens when the camera and microphone are blocked or absent: guidance on screen, and
// a class that still works (board, chat, the others' audio and video).

// Calls take a while to set up on a loaded two-core machine, and these tests set up several.
test.describe.configure({ timeout: 120_000 });

async function openClass(page: Page, consoleUrl: string, username: string): Promise<{ room: ClassPage; media: MediaTiles }> {
  await new ConnectPage(page).open(consoleUrl);
  await new ConnectPage(page).signInAsDemo(username);
  await new ClassListPage(page).waitForClasses(1);
  const room = new ClassPage(page);
  await room.open('class-0001');
  return { room, media: new MediaTiles(page) };
}

/** Chromium with other media flags than the project's: without the fake permission prompt, or without devices. */
async function launch(args: string[]): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_BASE_ARGS, AUTOPLAY_ARG, ...args] });
}

test('the device check previews the camera, hears the microphone, tests both lines, and is remembered', async ({ browser, consoleUrl }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    const { media } = await openClass(page, consoleUrl, 'student1');
    await expect(media.deviceCheck).toBeVisible();
    // The class is open behind the check: the board and roster are there already.
    await expect(page.getByTestId('roster-panel')).toBeVisible();

    const preview = page.getByTestId('check-preview');
    await expect.poll(() => preview.evaluate((video: HTMLVideoElement) => video.videoWidth)).toBeGreaterThan(0);
    await expect.poll(async () => Number(await media.deviceCheck.getByTestId('level-meter').getAttribute('data-level'))).toBeGreaterThan(0);
    await expect(page.locator('[data-testid="check-line"][data-line-id="line-a"]')).toHaveAttribute('data-ok', 'true');
    await expect(page.locator('[data-testid="check-line"][data-line-id="line-b"]')).toHaveAttribute('data-ok', 'true');
    await expect(page.getByTestId('check-broker-rtt')).toContainText('ms');
    await page.getByTestId('check-play-sound').click();
    await expect(page.getByTestId('check-play-sound')).toBeEnabled();

    await media.joinWithDevices();
    await expect(media.stage).toHaveAttribute('data-phase', 'live');

    // Next time, the remembered devices are used straight away: no check.
    await page.reload();
    const again = await openClass(page, consoleUrl, 'student1');
    await expect(again.media.stage).toHaveAttribute('data-phase', 'live');
    await expect(again.media.deviceCheck).toHaveCount(0);
    await expect(again.media.tile('student1')).toHaveAttribute('data-camera', 'on');
  } finally {
    await context.close();
  }
});

test('blocked camera and microphone: guidance on screen, and the class goes on with board, chat and the teacher’s media', async ({ browser, consoleUrl }) => {
  const teacherContext = await browser.newContext();
  const teacherPage = await teacherContext.newPage();
  // Fake devices exist, but nothing answers the permission prompt: getUserMedia is denied.
  const blocked = await launch(['--use-fake-device-for-media-stream']);
  const page = await (await blocked.newContext()).newPage();
  try {
    const teacher = await openClass(teacherPage, consoleUrl, 'teacher1');
    await teacher.media.joinWithDevices();

    const { room, media } = await openClass(page, consoleUrl, 'student1');
    await expect(media.guidance).toHaveAttribute('data-problem', 'denied');
    await expect(media.guidance).toContainText('blocked');
    await media.joinWithoutDevices();
    await expect(media.guidance).toBeVisible();

    // They still see and hear the teacher, and the teacher sees them without media.
    await media.expectReceiving('teacher1');
    await expect(teacher.media.tile('student1')).toHaveAttribute('data-mic', 'off');
    await expect(teacher.media.tile('student1')).toHaveAttribute('data-camera', 'off');

    // Chat and the board work as usual.
    await room.say('no camera here, but I can write');
    await expect(teacher.room.chatTexts.filter({ hasText: 'no camera here, but I can write' })).toHaveCount(1);
    await expect(page.getByTestId('board-canvas')).toBeVisible();
  } finally {
    await blocked.close();
    await teacherContext.close();
  }
});

test('no camera or microphone at all: guidance says so, and the class works', async ({ consoleUrl }) => {
  const bare = await launch([]);
  const page = await (await bare.newContext()).newPage();
  try {
    const { room, media } = await openClass(page, consoleUrl, 'student1');
    await expect(media.guidance).toHaveAttribute('data-problem', 'no-device');
    await media.joinWithoutDevices();
    await room.say('typing instead of talking');
    await expect(room.chatTexts.filter({ hasText: 'typing instead of talking' })).toHaveCount(1);
  } finally {
    await bare.close();
  }
});
