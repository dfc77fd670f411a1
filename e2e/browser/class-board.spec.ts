import type { Browser } from '@playwright/test';
import { expect, test } from '../fixtures';
import type { BoardPage, Point } from '../pages/BoardPage';
import { joinClass, type ClassParticipant } from '../pages/ClassParticipant';

const CLASS_ID = 'class-0001';

// Two signed-in browser contexts and a dozen round trips each: on a busy two-core machine that can pass a minute.
test.describe.configure({ timeout: 120_000 });

/** Teacher and student in the class, both on a blank page of their own so earlier drawings are not in the way. */
async function teacherAndStudent(browser: Browser, consoleUrl: string) {
  const teacher = await joinClass(browser, consoleUrl, 'teacher1', CLASS_ID);
  const student = await joinClass(browser, consoleUrl, 'student1', CLASS_ID);
  await expect(teacher.room.person('student1')).toHaveAttribute('data-online', 'true');
  const pageId = await teacher.room.turnToNewBlankPage();
  await student.room.follows(pageId);
  await teacher.board.shows(pageId);
  await student.board.shows(pageId);
  return { teacher, student, pageId };
}

/** Waits until `receiver` holds exactly the sender's page, byte for byte. */
async function sameBoard(sender: BoardPage, receiver: BoardPage): Promise<void> {
  await expect.poll(() => receiver.serialize()).toBe(await sender.serialize());
}

const isLaserRed = ([r, g, b, a]: number[]) => r! > 200 && g! < 120 && b! < 120 && a! > 100;

async function closeAll(...people: ClassParticipant[]): Promise<void> {
  for (const person of people) await person.close();
}

test('the teacher draws, drags and points with the laser, and the student sees each step', async ({ browser, consoleUrl }) => {
  const { teacher, student } = await teacherAndStudent(browser, consoleUrl);
  try {
    // A pen stroke drawn with the mouse.
    await teacher.board.use('pen');
    await teacher.board.stroke([[60, 80], [90, 110], [130, 100], [160, 140]]);
    await expect.poll(() => teacher.board.elements().then((all) => all.map((e) => e.kind))).toEqual(['pen']);
    await sameBoard(teacher.board, student.board);

    // A rectangle.
    await teacher.board.use('rect');
    await teacher.board.drag([220, 60], [320, 140]);
    await expect.poll(() => teacher.board.elements().then((all) => all.map((e) => e.kind).sort())).toEqual(['pen', 'rect']);
    const rect = (await teacher.board.elements()).find((e) => e.kind === 'rect')!;
    expect(rect.props.x).toBeCloseTo(220, 0);
    expect(rect.props.width).toBeCloseTo(100, 0);
    await sameBoard(teacher.board, student.board);

    // The rectangle dragged 60 right and 80 down with the select tool.
    await teacher.board.use('select');
    await teacher.board.drag([270, 100], [330, 180]);
    await expect.poll(() => teacher.board.elements().then((all) => all.find((e) => e.id === rect.id)?.version)).toBe(2);
    const moved = (await teacher.board.elements()).find((e) => e.id === rect.id)!;
    expect(moved.props.x).toBeCloseTo(rect.props.x + 60, 0);
    expect(moved.props.y).toBeCloseTo(rect.props.y + 80, 0);
    await sameBoard(teacher.board, student.board);

    // The laser: the student sees the dot where the teacher points, painted on the board, until it is switched off.
    await teacher.board.use('laser');
    const target: Point = [150, 230];
    await teacher.board.moveTo(target);
    await expect
      .poll(() => student.board.laserDots().then((dots) => dots.map((d) => ({ userId: d.userId, x: Math.round(d.x), y: Math.round(d.y) }))))
      .toEqual([{ userId: 'teacher1', x: target[0], y: target[1] }]);
    await expect.poll(() => student.board.pixel(target).then(isLaserRed)).toBe(true);

    await teacher.board.use('pen');
    await expect.poll(() => student.board.laserDots()).toEqual([]);
    await expect.poll(() => student.board.pixel(target).then(isLaserRed)).toBe(false);
    // The laser is never part of the board.
    await sameBoard(teacher.board, student.board);
  } finally {
    await closeAll(teacher, student);
  }
});

test('a student draws only while granted: the teacher sees it; once revoked, the tools are off and nothing reaches the teacher', async ({
  browser,
  consoleUrl,
}) => {
  const { teacher, student } = await teacherAndStudent(browser, consoleUrl);
  try {
    await teacher.room.setDrawing('student1', true);
    await expect(student.board.toolButton('pen')).toBeEnabled();
    await student.board.use('pen');
    await student.board.stroke([[80, 80], [120, 130], [170, 90]]);
    await expect.poll(() => teacher.board.elements().then((all) => all.map((e) => [e.kind, e.by]))).toEqual([['pen', 'student1']]);
    await sameBoard(student.board, teacher.board);

    await teacher.room.setDrawing('student1', false);
    for (const tool of ['pen', 'rect', 'select', 'eraser', 'laser'] as const) await expect(student.board.toolButton(tool)).toBeDisabled();
    await expect(student.page.getByTestId('board-clear')).toBeDisabled();
    await expect(student.board.blockReason).toHaveText('The teacher has not given you drawing rights.');

    // The student tries anyway: with the drawing tools off, dragging over the board only pans the view.
    const before = await teacher.board.serialize();
    await student.board.drag([100, 200], [220, 260]);
    // A hand raised after the attempt travels the same connection, so once the teacher sees it, anything the attempt
    // had sent would already have arrived.
    await student.room.setHand(false);
    await expect(teacher.room.handEntry('student1')).toHaveCount(0);
    await student.room.setHand(true);
    await expect(teacher.room.handEntry('student1')).toBeVisible();
    expect(await teacher.board.serialize()).toBe(before);
    expect(await student.board.serialize()).toBe(before);
    expect(await student.board.unsentCount()).toBe(0);
    // Leave the class as other tests expect it: no hand up.
    await student.room.setHand(false);
    await expect(teacher.room.handEntry('student1')).toHaveCount(0);
  } finally {
    await closeAll(teacher, student);
  }
});
