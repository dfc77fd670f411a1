import { expect, test } from '../fixtures';
import { ClassListPage } from '../pages/ClassListPage';
import { joinClass, type ClassParticipant } from '../pages/ClassParticipant';

// Removing a student is for good in this class, so this test has class-0002 (teacher2, student2) to itself.
const CLASS_ID = 'class-0002';

test('from the roster the teacher resyncs a student (who acks once in sync) and removes them (who is told)', async ({ browser, consoleUrl }) => {
  const opened: ClassParticipant[] = [];
  try {
    const teacher = await joinClass(browser, consoleUrl, 'teacher2', CLASS_ID);
    opened.push(teacher);
    const student = await joinClass(browser, consoleUrl, 'student2', CLASS_ID);
    opened.push(student);
    await expect(teacher.room.person('student2')).toHaveAttribute('data-online', 'true');
    const pageId = await teacher.room.turnToNewBlankPage();
    await student.room.follows(pageId);
    await teacher.board.use('rect');
    await teacher.board.drag([40, 40], [140, 120]);
    await teacher.board.drag([160, 40], [260, 120]);
    await expect.poll(() => teacher.board.elements().then((all) => all.length)).toBe(2);
    const revision = (await teacher.board.status())!.revision;

    await teacher.room.resyncBoard('student2');
    // The student answers once its board has merged the board service's copy of the page.
    await expect(teacher.room.commandOutcome('student2')).toHaveAttribute('data-action', 'resync-board');
    await expect(teacher.room.commandOutcome('student2')).toHaveAttribute('data-status', 'done');
    await expect(teacher.room.commandOutcome('student2')).toHaveAttribute('title', `page ${pageId} at revision ${revision}`);
    await expect(teacher.room.syncOf('student2')).toHaveText(`${pageId} · r${revision} in sync`);
    await expect(teacher.room.person('student2')).toHaveAttribute('data-behind', 'false');
    expect(await student.board.serialize()).toBe(await teacher.board.serialize());

    await teacher.room.remove('student2');
    await expect(student.room.removedBanner).toBeVisible();
    await expect(student.room.removedBanner).toContainText('The teacher removed you from this class.');
    await expect(student.board.blockReason).toHaveText('You were removed from this class.');
    await expect(teacher.room.commandOutcome('student2')).toHaveAttribute('data-action', 'remove');
    await expect(teacher.room.commandOutcome('student2')).toHaveAttribute('data-status', 'done');
    // A moment later the class screen closes for them.
    await expect(new ClassListPage(student.page).screen).toBeVisible({ timeout: 15_000 });
  } finally {
    for (const person of opened) await person.close();
  }
});
