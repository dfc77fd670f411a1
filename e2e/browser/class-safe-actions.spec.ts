import { resolve } from 'node:path';
import { launchBackend } from '../../services/backend';
import { expect, test as shared } from '../fixtures';
import { ClassListPage } from '../pages/ClassListPage';
import { joinClass, type ClassParticipant } from '../pages/ClassParticipant';

const CLASS_ID = 'class-0001';

/** Ending a class and removing a student last as long as the class: each test gets a backend of its own. */
const test = shared.extend<{ ownConsoleUrl: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  ownConsoleUrl: async ({}, use) => {
    const { backend } = await launchBackend({ staticDir: resolve(import.meta.dirname, '../../out/renderer'), classes: 2 });
    await use(backend.httpUrl);
    await backend.close();
  },
});
test.describe.configure({ timeout: 120_000 });

async function teacherAndStudent(browser: Parameters<typeof joinClass>[0], url: string, opened: ClassParticipant[]) {
  const teacher = await joinClass(browser, url, 'teacher1', CLASS_ID);
  opened.push(teacher);
  const student = await joinClass(browser, url, 'student1', CLASS_ID);
  opened.push(student);
  await expect(teacher.room.person('student1')).toHaveAttribute('data-online', 'true');
  const pageId = await teacher.room.turnToNewBlankPage();
  await student.room.follows(pageId);
  await teacher.board.shows(pageId);
  return { teacher, student, pageId };
}

test('ending a class asks first; the student sees it ended (board read-only, chat closed, countdown stopped) and the teacher reopens it', async ({
  browser,
  ownConsoleUrl,
}) => {
  const opened: ClassParticipant[] = [];
  try {
    const { teacher, student } = await teacherAndStudent(browser, ownConsoleUrl, opened);
    await teacher.page.getByTestId('countdown-toggle').click();
    await expect(student.room.countdown).toBeVisible();
    await teacher.board.use('rect');

    // The question opens with focus on Cancel; Escape closes it and nothing happens.
    await teacher.room.endButton.click();
    await expect(teacher.room.endDialog).toBeVisible();
    await expect(teacher.room.endDialog).toContainText('for everyone?');
    await expect(teacher.room.endDialog.getByTestId('end-class-dialog-cancel')).toBeFocused();
    await teacher.page.keyboard.press('Escape');
    await expect(teacher.room.endDialog).toHaveCount(0);
    await expect(teacher.room.endButton).toBeFocused();
    await expect(student.room.endedBanner).toHaveCount(0);

    await teacher.room.endClass();
    for (const person of [student, teacher]) {
      await expect(person.room.endedBanner).toContainText('This class has ended.');
      await expect(person.room.countdown).toHaveCount(0);
      await expect(person.room.chatClosed).toBeVisible();
      await expect(person.room.chatInput).toHaveCount(0);
      await expect(person.page.getByTestId('board-area')).toHaveAttribute('data-read-only', 'true');
    }
    await expect(student.room.handToggle).toHaveCount(0);
    // The board takes no input: the teacher's drag draws nothing.
    const before = await teacher.board.serialize();
    await teacher.board.drag([40, 40], [140, 120]).catch(() => undefined);
    expect(await teacher.board.serialize()).toBe(before);
    // Only the teacher is offered to reopen it.
    await expect(student.room.reopenButton).toHaveCount(0);
    await expect(teacher.room.endedBanner).toContainText('You can reopen it until');

    await teacher.room.reopenButton.click();
    await expect(student.room.endedBanner).toHaveCount(0);
    await expect(student.room.chatInput).toBeVisible();
    await expect(student.room.countdown).toBeVisible();
    await teacher.board.drag([40, 40], [140, 120]);
    await expect.poll(() => student.board.elements().then((all) => all.map((e) => e.kind))).toEqual(['rect']);
  } finally {
    for (const person of opened) await person.close();
  }
});

test('removing a student asks first, moves them out of the roster, and allowing them back gives no drawing without a new grant', async ({
  browser,
  ownConsoleUrl,
}) => {
  const opened: ClassParticipant[] = [];
  try {
    const { teacher, student } = await teacherAndStudent(browser, ownConsoleUrl, opened);
    // Granting drawing answers a raised hand: it comes down for everyone.
    await student.room.setHand(true);
    await expect(teacher.room.handEntry('student1')).toBeVisible();
    await expect(teacher.room.handOf('student1')).toBeVisible();
    await teacher.room.grantDrawing('student1');
    await expect(teacher.room.handEntry('student1')).toHaveCount(0);
    await expect(teacher.room.handOf('student1')).toHaveCount(0);
    await expect(student.room.handToggle).toHaveText('Raise hand');

    // Cancelled, nothing happens.
    await teacher.room.askToRemove('student1');
    await expect(teacher.room.removeDialog).toContainText('Remove Student One from the class?');
    await teacher.room.removeDialog.getByTestId('remove-dialog-cancel').click();
    await expect(teacher.room.removeDialog).toHaveCount(0);
    await expect(teacher.room.person('student1')).toBeVisible();
    await expect(student.room.removedBanner).toHaveCount(0);

    await teacher.room.remove('student1');
    await expect(student.room.removedBanner).toBeVisible();
    await expect(teacher.room.person('student1')).toHaveCount(0);
    await expect(teacher.room.removedEntry('student1')).toContainText('Student One');
    await expect(teacher.room.commandOutcome('student1')).toHaveAttribute('data-status', 'done');
    // A moment later the class screen closes for them.
    const studentList = new ClassListPage(student.page);
    await expect(studentList.screen).toBeVisible({ timeout: 15_000 });

    await teacher.room.allowBack('student1');
    await expect(teacher.room.removedEntry('student1')).toHaveCount(0);
    await student.room.open(CLASS_ID);
    await expect(teacher.room.person('student1')).toHaveAttribute('data-online', 'true');
    await expect(student.room.removedBanner).toHaveCount(0);
    // Drawing was withdrawn with the removal and is not given back with the return.
    await expect(teacher.room.person('student1').getByTestId('roster-drawing')).toHaveCount(0);
    await expect(student.board.blockReason).toHaveText('The teacher has not given you drawing rights.');
  } finally {
    for (const person of opened) await person.close();
  }
});

test('removing a page asks first; cancelled it stays, confirmed it leaves the course for everyone', async ({ browser, ownConsoleUrl }) => {
  const opened: ClassParticipant[] = [];
  try {
    const { teacher, student, pageId } = await teacherAndStudent(browser, ownConsoleUrl, opened);
    const second = await teacher.room.turnToNewBlankPage();
    await student.room.follows(second);
    const pages = () => student.page.getByTestId('page-entry');
    await expect(pages()).toHaveCount(2);

    await teacher.room.askToRemovePage(second);
    await expect(teacher.room.removePageDialog).toContainText('Remove Page 2?');
    await teacher.room.removePageDialog.getByTestId('remove-page-dialog-cancel').click();
    await expect(teacher.room.removePageDialog).toHaveCount(0);
    await expect(pages()).toHaveCount(2);

    await teacher.room.askToRemovePage(second);
    await teacher.room.removePageDialog.getByTestId('remove-page-dialog-confirm').click();
    await expect(pages()).toHaveCount(1);
    await student.room.follows(pageId);
  } finally {
    for (const person of opened) await person.close();
  }
});
