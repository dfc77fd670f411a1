import { resolve } from 'node:path';
import { launchBackend } from '../../services/backend';
import { expect, test as shared } from '../fixtures';
import { ClassListPage } from '../pages/ClassListPage';
import { joinClass, type ClassParticipant } from '../pages/ClassParticipant';

const CLASS_ID = 'class-0001';

/** Removing a student lasts as long as the class, so this test gets a backend of its own instead of the shared one. */
const test = shared.extend<{ ownConsoleUrl: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  ownConsoleUrl: async ({}, use) => {
    const { backend } = await launchBackend({ staticDir: resolve(import.meta.dirname, '../../out/renderer'), classes: 2 });
    await use(backend.httpUrl);
    await backend.close();
  },
});
test.describe.configure({ timeout: 120_000 });

test('from the roster the teacher resyncs a student (who acks once in sync) and removes them (who is told)', async ({ browser, ownConsoleUrl }) => {
  const opened: ClassParticipant[] = [];
  try {
    const teacher = await joinClass(browser, ownConsoleUrl, 'teacher1', CLASS_ID);
    opened.push(teacher);
    const student = await joinClass(browser, ownConsoleUrl, 'student1', CLASS_ID);
    opened.push(student);
    await expect(teacher.room.person('student1')).toHaveAttribute('data-online', 'true');
    const pageId = await teacher.room.turnToNewBlankPage();
    await student.room.follows(pageId);
    await teacher.board.use('rect');
    await teacher.board.drag([40, 40], [140, 120]);
    await teacher.board.drag([160, 40], [260, 120]);
    await expect.poll(() => teacher.board.elements().then((all) => all.length)).toBe(2);
    const revision = (await teacher.board.status())!.revision;

    await teacher.room.resyncBoard('student1');
    // The student answers once its board has merged the board service's copy of the page.
    await expect(teacher.room.commandOutcome('student1')).toHaveAttribute('data-action', 'resync-board');
    await expect(teacher.room.commandOutcome('student1')).toHaveAttribute('data-status', 'done');
    await expect(teacher.room.commandOutcome('student1')).toHaveAttribute('title', `page ${pageId} at revision ${revision}`);
    // In words, with the page's number in the course: no page ids or revision numbers.
    await expect(teacher.room.syncOf('student1')).toHaveText(`on page ${await teacher.room.pageNumberOf(pageId)}, in sync`);
    await expect(teacher.room.person('student1')).toHaveAttribute('data-behind', 'false');
    expect(await student.board.serialize()).toBe(await teacher.board.serialize());

    await teacher.room.remove('student1');
    await expect(student.room.removedBanner).toBeVisible();
    await expect(student.room.removedBanner).toContainText('The teacher removed you from this class.');
    await expect(student.board.blockReason).toHaveText('You were removed from this class.');
    await expect(teacher.room.commandOutcome('student1')).toHaveAttribute('data-action', 'remove');
    await expect(teacher.room.commandOutcome('student1')).toHaveAttribute('data-status', 'done');
    // A moment later the class screen closes for them.
    await expect(new ClassListPage(student.page).screen).toBeVisible({ timeout: 15_000 });
  } finally {
    for (const person of opened) await person.close();
  }
});
