import { ClassListPage } from '../pages/ClassListPage';
import { ClassPage } from '../pages/ClassPage';
import { ConnectPage } from '../pages/ConnectPage';
import { expect, test } from '../fixtures';
import type { Browser, Page } from '@playwright/test';

async function enter(browser: Browser, consoleUrl: string, username: string): Promise<{ page: Page; room: ClassPage; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new ConnectPage(page).open(consoleUrl);
  await new ConnectPage(page).signInAsDemo(username);
  await new ClassListPage(page).waitForClasses(1);
  const room = new ClassPage(page);
  await room.open('class-0001');
  return { page, room, close: () => context.close() };
}

test('teacher and student: roster, hand raise, drawing grant, page turn and moderated chat', async ({ browser, consoleUrl }) => {
  const teacher = await enter(browser, consoleUrl, 'teacher1');
  const student = await enter(browser, consoleUrl, 'student1');
  try {
    await expect(teacher.room.person('student1')).toHaveAttribute('data-online', 'true');

    // The student raises a hand; the teacher sees it queued and grants drawing.
    await student.room.handToggle.click();
    await expect(teacher.room.handEntry('student1')).toBeVisible();
    await teacher.room.grantDrawing('student1');
    await expect(student.room.person('student1').getByTestId('roster-drawing')).toBeVisible();

    // The teacher adds pages and turns to the new one; the student follows.
    await teacher.room.addBlankPage();
    await teacher.room.addBlankPage();
    await expect.poll(() => teacher.room.currentPage()).not.toBe('');
    const teacherPage = await teacher.room.currentPage();
    await expect(student.room.pageList).toHaveAttribute('data-current', teacherPage ?? '');

    // Chat: clean text arrives as text (markup never runs); a filtered word is replaced and the sender is told.
    await teacher.page.evaluate(() => ((window as unknown as { __pwned?: boolean }).__pwned = false));
    await student.room.say('<img src=x onerror="window.__pwned=true">hello');
    await expect(teacher.room.chatTexts.last()).toHaveText('<img src=x onerror="window.__pwned=true">hello');
    expect(await teacher.page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBe(false);

    await student.room.say('this is a badword here');
    await expect(student.room.outcome('replaced')).toBeVisible();
    await expect(teacher.room.chatTexts.last()).not.toContainText('badword');
  } finally {
    await teacher.close();
    await student.close();
  }
});

test('with the moderation service down, chat says so, delivers nothing, and recovers', async ({ browser, consoleUrl, server }) => {
  const teacher = await enter(browser, consoleUrl, 'teacher1');
  const student = await enter(browser, consoleUrl, 'student1');
  try {
    await server.internals.moderation.stop();
    await student.room.say('while moderation is away');
    await expect(student.room.outcome('unavailable')).toBeVisible({ timeout: 15_000 });
    await expect(student.room.chatInput).toHaveValue('while moderation is away');
    await expect(teacher.room.chatTexts.filter({ hasText: 'while moderation is away' })).toHaveCount(0);

    await server.internals.moderation.start();
    await student.page.getByTestId('chat-send').click();
    await expect(teacher.room.chatTexts.filter({ hasText: 'while moderation is away' })).toHaveCount(1);
  } finally {
    await server.internals.moderation.start();
    await teacher.close();
    await student.close();
  }
});
