import { expect, test } from '../fixtures';
import { colourPdf, type Rgb } from '../fixtures/courseware';
import type { BoardPage } from '../pages/BoardPage';
import { ClassLayout } from '../pages/ClassLayout';
import { joinClass, type ClassParticipant } from '../pages/ClassParticipant';
import { BoardCourseware, CoursePanel } from '../pages/CoursePanel';

const CLASS_ID = 'class-0001';
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
/** The smallest window the class screen is laid out for: the pages column starts folded there. */
const SMALL = { width: 1024, height: 768 } as const;
const BOARD_TOOLS = ['select', 'pen', 'highlighter', 'line', 'arrow', 'rect', 'ellipse', 'text', 'eraser', 'laser', 'pan'] as const;
const SWATCHES = ['black', 'grey', 'red', 'orange', 'yellow', 'green', 'blue', 'purple', 'white'] as const;

// Two signed-in browser contexts, uploads and many round trips: on a busy two-core machine that can pass a minute.
test.describe.configure({ timeout: 150_000 });

async function closeAll(people: ClassParticipant[]): Promise<void> {
  for (const person of people) await person.close();
}

/** Teacher and student in class-0001, their windows at `size`, the student online in the teacher's roster. */
async function teacherAndStudent(browser: Parameters<typeof joinClass>[0], consoleUrl: string, size: { width: number; height: number }, opened: ClassParticipant[]) {
  const teacher = await joinClass(browser, consoleUrl, 'teacher1', CLASS_ID);
  opened.push(teacher);
  const student = await joinClass(browser, consoleUrl, 'student1', CLASS_ID);
  opened.push(student);
  for (const person of [teacher, student]) {
    await person.page.setViewportSize(size);
    await expect(person.page.getByTestId('board-canvas')).toBeVisible();
  }
  await expect(teacher.room.person('student1')).toHaveAttribute('data-online', 'true');
  return { teacher, student };
}

/** Every control a teacher uses in class, as CSS selectors (the class's start or end, whichever it offers). */
const TEACHER_CONTROLS = [
  ...[
    'class-back', 'countdown-toggle', 'help-button', 'shortcuts-open',
    'page-previous', 'page-next', 'page-add-blank', 'course-upload',
    ...BOARD_TOOLS.map((tool) => `board-tool-${tool}`),
    'board-undo', 'board-redo', 'board-delete', 'board-clear',
    ...SWATCHES.map((name) => `board-swatch-${name}`),
    'board-width', 'board-text-input', 'board-zoom-out', 'board-zoom-in', 'board-fit-page', 'board-fit-width',
    'mic-toggle', 'camera-toggle', 'share-toggle', 'devices-toggle',
    'chat-mute-all', 'chat-input', 'chat-send',
    'fold-course', 'fold-side', 'fold-video', 'fold-roster', 'fold-chat',
  ].map((id) => `[data-testid="${id}"]`),
  '[data-testid="class-end"], [data-testid="class-start"]',
  '[data-testid="roster-entry"][data-user-id="student1"] [data-testid="roster-menu"]',
];

for (const size of [...SIZES, SMALL]) {
  const label = `${size.width}x${size.height}`;

  test(`at ${label} the board covers at least half the window for teacher and student, even during the device check; nothing scrolls sideways; every teacher control is reachable, folded panels by unfolding`, async ({
    browser,
    consoleUrl,
  }, testInfo) => {
    const opened: ClassParticipant[] = [];
    try {
      const { teacher, student } = await teacherAndStudent(browser, consoleUrl, size, opened);
      const teacherLayout = new ClassLayout(teacher.page);
      const studentLayout = new ClassLayout(student.page);

      // A first class on this device: the device check is open, beside the board rather than over it.
      for (const [person, layout] of [[teacher, teacherLayout], [student, studentLayout]] as const) {
        await expect(person.page.getByTestId('device-check')).toBeVisible();
        expect(await layout.shareOfWindow('board-area')).toBeGreaterThanOrEqual(0.5);
        expect(await layout.scrollsSideways()).toBe(false);
      }
      await teacher.page.screenshot({ path: testInfo.outputPath(`teacher-${label}-device-check.png`) });

      for (const [person, layout] of [[teacher, teacherLayout], [student, studentLayout]] as const) {
        await person.page.getByTestId('device-check-join').click();
        await expect(person.page.getByTestId('device-check')).toHaveCount(0);
        const share = await layout.shareOfWindow('board-area');
        const canvasShare = await layout.shareOfWindow('board-canvas');
        testInfo.annotations.push({ type: 'board share', description: `${label} ${person === teacher ? 'teacher' : 'student'}: board ${share.toFixed(3)}, canvas ${canvasShare.toFixed(3)}` });
        expect(share).toBeGreaterThanOrEqual(0.5);
        expect(await layout.scrollsSideways()).toBe(false);
      }
      await teacher.page.screenshot({ path: testInfo.outputPath(`teacher-${label}.png`) });
      await student.page.screenshot({ path: testInfo.outputPath(`student-${label}.png`) });

      // On a small window the pages column starts folded, keeping the page number and the teacher's page turns.
      if (size === SMALL) {
        await expect(teacherLayout.foldToggle('course')).toHaveAttribute('aria-expanded', 'false');
        await expect(teacher.page.getByTestId('strip-page-next')).toBeVisible();
        await teacherLayout.setFolded('course', false);
        expect(await teacherLayout.scrollsSideways()).toBe(false);
      }
      expect(await teacherLayout.unreachable(TEACHER_CONTROLS)).toEqual([]);

      // Folding both columns gives the board the width; what they hold is hidden, and comes back on unfolding.
      const before = await teacherLayout.shareOfWindow('board-area');
      await teacherLayout.setFolded('course', true);
      await teacherLayout.setFolded('side', true);
      await expect(teacher.page.getByTestId('page-add-blank')).toBeHidden();
      await expect(teacher.page.getByTestId('chat-input')).toBeHidden();
      await expect(teacher.page.getByTestId('strip-page-next')).toBeVisible();
      expect(await teacherLayout.shareOfWindow('board-area')).toBeGreaterThan(before + 0.2);
      expect(await teacherLayout.scrollsSideways()).toBe(false);
      await teacher.page.screenshot({ path: testInfo.outputPath(`teacher-${label}-folded.png`) });

      // The side column's sections fold to their names on their own.
      await teacherLayout.setFolded('side', false);
      await teacherLayout.setFolded('video', true);
      await teacherLayout.setFolded('roster', true);
      await expect(teacher.page.getByTestId('mic-toggle')).toBeHidden();
      await expect(teacher.room.person('student1')).toBeHidden();
      await expect(teacher.page.getByTestId('chat-input')).toBeVisible();
      for (const panel of ['course', 'video', 'roster'] as const) await teacherLayout.setFolded(panel, false);
      expect(await teacherLayout.unreachable(TEACHER_CONTROLS)).toEqual([]);
    } finally {
      await closeAll(opened);
    }
  });
}

const RED: Rgb = [220, 30, 30];
const BLUE: Rgb = [30, 60, 220];

/** A colour within 5 of `expected` per channel (rendering may round). */
const near = (expected: Rgb) => expected.map((channel) => expect.closeTo(channel, -1));

/** The shown courseware page (filled with `fill`) lies wholly on the board's canvas, and the canvas wholly in the window. */
async function expectPageWhollyVisible(person: ClassParticipant, fill: Rgb): Promise<void> {
  const courseware = new BoardCourseware(person.page);
  await expect.poll(() => courseware.colourAt()).toEqual(near(fill));
  const canvas = (await person.page.getByTestId('board-canvas').boundingBox())!;
  const window = person.page.viewportSize()!;
  expect(canvas.x >= 0 && canvas.y >= 0 && canvas.x + canvas.width <= window.width && canvas.y + canvas.height <= window.height).toBe(true);
  const page = (await person.board.pageRect())!;
  expect(page.x).toBeGreaterThanOrEqual(0);
  expect(page.y).toBeGreaterThanOrEqual(0);
  expect(page.x + page.width).toBeLessThanOrEqual(canvas.width);
  expect(page.y + page.height).toBeLessThanOrEqual(canvas.height);
  // Painted to its four corners, and the board's background beyond them.
  for (const [x, y] of [[page.x + 3, page.y + 3], [page.x + page.width - 3, page.y + 3], [page.x + 3, page.y + page.height - 3], [page.x + page.width - 3, page.y + page.height - 3]] as const) {
    expect(await courseware.colourAt(x, y), `page corner at ${Math.round(x)},${Math.round(y)}`).toEqual(near(fill));
  }
  expect(await courseware.colourAt(2, 2)).not.toEqual(near(fill));
}

for (const size of SIZES) {
  const label = `${size.width}x${size.height}`;

  test(`at ${label} a landscape and a portrait PDF page are wholly visible after "fit page" for teacher and student, and "fit width" spans the board`, async ({ browser, consoleUrl }, testInfo) => {
    const opened: ClassParticipant[] = [];
    try {
      const { teacher, student } = await teacherAndStudent(browser, consoleUrl, size, opened);
      const course = new CoursePanel(teacher.page);
      const name = `fit-${label}.pdf`;
      // A 16:9 landscape page (red) and an A4 portrait page (blue).
      await course.pick([{ name, mimeType: 'application/pdf', buffer: colourPdf([{ fill: RED, size: [800, 450] }, { fill: BLUE, size: [595, 842] }]) }]);
      await expect(course.upload(name)).toHaveAttribute('data-phase', 'added', { timeout: 30_000 });

      for (const [title, fill] of [[`${name} · 1/2`, RED], [`${name} · 2/2`, BLUE]] as const) {
        await course.open(title);
        for (const person of [teacher, student]) {
          await person.board.fit('page');
          await expectPageWhollyVisible(person, fill);
        }
        await teacher.page.screenshot({ path: testInfo.outputPath(`teacher-${label}-${fill === RED ? 'landscape' : 'portrait'}.png`) });
      }

      // "Fit width" on the portrait page: as wide as the board, from its top; the rest is below, reached by scrolling.
      await teacher.board.fit('width');
      const canvas = (await teacher.page.getByTestId('board-canvas').boundingBox())!;
      await expect.poll(() => teacher.board.pageRect().then((r) => Math.round(r?.width ?? 0))).toBe(Math.round(canvas.width - 16));
      expect((await teacher.board.pageRect())!.height).toBeGreaterThan(canvas.height);
      // The student's view is their own: still the whole page.
      await expectPageWhollyVisible(student, BLUE);
    } finally {
      await closeAll(opened);
    }
  });
}

const kinds = (board: BoardPage) => board.elements().then((all) => all.map((e) => e.kind).sort());

test('keyboard shortcuts undo, redo, pick tools, delete and turn pages (the teacher\'s), do nothing while typing in chat, and "?" lists them', async ({ browser, consoleUrl }) => {
  const opened: ClassParticipant[] = [];
  try {
    const { teacher, student } = await teacherAndStudent(browser, consoleUrl, SIZES[0], opened);
    const keys = teacher.page.keyboard;
    const first = await teacher.room.turnToNewBlankPage();
    const second = await teacher.room.turnToNewBlankPage();
    await student.room.follows(second);
    await teacher.board.shows(second);

    // Tool choice, undo and redo (both ways of redo), each reaching the student.
    await keys.press('r');
    await expect(teacher.board.toolButton('rect')).toHaveAttribute('aria-pressed', 'true');
    await teacher.board.drag([100, 100], [220, 180]);
    await expect.poll(() => kinds(student.board)).toEqual(['rect']);
    await keys.press('Control+z');
    await expect.poll(() => kinds(student.board)).toEqual([]);
    await keys.press('Control+Shift+Z');
    await expect.poll(() => kinds(student.board)).toEqual(['rect']);
    await keys.press('Control+z');
    await expect.poll(() => kinds(teacher.board)).toEqual([]);
    await keys.press('Control+y');
    await expect.poll(() => kinds(student.board)).toEqual(['rect']);

    // Select it and delete it.
    await keys.press('v');
    await expect(teacher.board.toolButton('select')).toHaveAttribute('aria-pressed', 'true');
    await teacher.board.moveTo([160, 140]);
    await teacher.page.mouse.down();
    await teacher.page.mouse.up();
    await keys.press('Delete');
    await expect.poll(() => kinds(student.board)).toEqual([]);

    // A pen stroke, then page turns: the student follows.
    await keys.press('p');
    await expect(teacher.board.toolButton('pen')).toHaveAttribute('aria-pressed', 'true');
    await teacher.board.stroke([[60, 80], [90, 110], [130, 100]]);
    await expect.poll(() => kinds(student.board)).toEqual(['pen']);
    await keys.press('PageUp');
    await student.room.follows(first);
    await keys.press('ArrowRight');
    await student.room.follows(second);
    await teacher.room.follows(second);

    // Typed into the chat box, the same keys are text: no tool, undo, page turn or help.
    await teacher.room.chatInput.click();
    for (const key of ['r', 'v', 'Control+z', 'PageUp', 'ArrowLeft', 'Delete', '?']) await keys.press(key);
    await keys.type('keys stay here');
    await keys.press('Enter');
    await expect(student.room.chatTexts.filter({ hasText: 'keys stay here' })).toHaveCount(1);
    await expect(teacher.board.toolButton('pen')).toHaveAttribute('aria-pressed', 'true');
    await expect(new ClassLayout(teacher.page).shortcutsHelp).toHaveCount(0);
    await teacher.room.follows(second);
    await student.room.follows(second);
    expect(await kinds(teacher.board)).toEqual(['pen']);

    // A student's page keys turn nothing, for anyone (their chat after it arrives after anything they sent).
    await student.page.keyboard.press('PageUp');
    await student.page.keyboard.press('ArrowLeft');
    await student.room.say('after my page keys');
    await expect(teacher.room.chatTexts.filter({ hasText: 'after my page keys' })).toHaveCount(1);
    await teacher.room.follows(second);
    await student.room.follows(second);

    // "?" lists the shortcuts; Escape closes the list; the class bar's button opens it too.
    const layout = new ClassLayout(teacher.page);
    await teacher.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await keys.press('?');
    await expect(layout.shortcutsHelp).toBeVisible();
    await expect(layout.shortcut('undo')).toContainText('Ctrl');
    await expect(layout.shortcut('redo')).toContainText('Shift');
    await expect(layout.shortcut('nextPage')).toContainText('Page Down');
    await expect(layout.shortcut('rect')).toContainText('R');
    await keys.press('Escape');
    await expect(layout.shortcutsHelp).toHaveCount(0);
    await layout.shortcutsButton.click();
    await expect(layout.shortcutsHelp).toBeVisible();
    await layout.shortcutsHelp.getByTestId('shortcuts-close').click();
    await expect(layout.shortcutsHelp).toHaveCount(0);
    await expect(layout.shortcutsButton).toBeFocused();
  } finally {
    await closeAll(opened);
  }
});

test('colour swatches are named, mark the current colour, and give the next stroke their colour', async ({ browser, consoleUrl }) => {
  const opened: ClassParticipant[] = [];
  try {
    const { teacher, student } = await teacherAndStudent(browser, consoleUrl, SIZES[0], opened);
    await teacher.room.turnToNewBlankPage();
    const swatches = teacher.page.getByTestId('board-swatches');
    await expect(swatches).toHaveAttribute('aria-label', 'Colour');
    for (const name of ['Black', 'Red', 'Blue', 'White']) await expect(swatches.getByRole('button', { name, exact: true })).toBeVisible();
    await expect(teacher.board.swatch('black')).toHaveAttribute('aria-pressed', 'true');

    await teacher.board.chooseColour('red');
    await expect(teacher.board.swatch('black')).toHaveAttribute('aria-pressed', 'false');
    await teacher.board.use('pen');
    await teacher.board.stroke([[60, 80], [90, 110], [130, 100]]);
    await teacher.board.chooseColour('blue');
    await expect(teacher.board.swatch('red')).toHaveAttribute('aria-pressed', 'false');
    await teacher.board.use('rect');
    await teacher.board.drag([200, 80], [300, 160]);

    const strokes = (board: BoardPage) => board.elements().then((all) => all.map((e) => `${e.kind} ${String(e.props.stroke)}`).sort());
    await expect.poll(() => strokes(teacher.board)).toEqual(['pen #ef4444', 'rect #2563eb']);
    await expect.poll(() => strokes(student.board)).toEqual(['pen #ef4444', 'rect #2563eb']);
  } finally {
    await closeAll(opened);
  }
});
