import { expect as baseExpect, test } from '../fixtures';
import { BreakoutPanel, BreakoutRoom } from '../pages/Breakouts';
import { joinClass, studentToken, type ClassParticipant } from '../pages/ClassParticipant';

const classId = 'class-0001';

// Waits, not thresholds: four consoles on a loaded machine can take longer than the default to sign in or move rooms.
const expect = baseExpect.configure({ timeout: 60_000 });

// Four people sign in and open the class, and each moves between rooms: more than the default budget under load.
test.describe.configure({ timeout: 600_000 });

const laptop = { width: 1280, height: 720 };

/** A participant with the breakout page object for their room. */
function inBreakouts(person: ClassParticipant) {
  return { page: person.page, board: person.board, room: new BreakoutRoom(person.page), close: person.close };
}

test('breakout groups: the teacher splits the class, visits a group, changes the timer, broadcasts and brings everyone back; a supervisor observes', async ({
  browser,
  consoleUrl,
  server,
}) => {
  const teacher = inBreakouts(await joinClass(browser, consoleUrl, 'teacher1', classId, { viewport: laptop }));
  const alice = inBreakouts(await joinClass(browser, consoleUrl, 'student1', classId, { viewport: laptop }));
  const bob = inBreakouts(await joinClass(browser, consoleUrl, 'pupil-bob', classId, { viewport: laptop, token: await studentToken(server, 'pupil-bob', classId) }));
  const supervisor = inBreakouts(await joinClass(browser, consoleUrl, 'supervisor1', classId, { viewport: laptop, how: 'observe', listed: 50 }));
  try {
    const panel = new BreakoutPanel(teacher.page);
    await panel.open();
    // Both students are in class: the form lists them for placing by hand.
    await panel.panel.getByTestId('breakout-mode-manual').check();
    await expect(panel.panel.getByTestId('breakout-assign-pupil-bob')).toBeVisible();
    await expect(panel.panel.getByTestId('breakout-assign-student1')).toBeVisible();
    await panel.startByHand([['student1'], ['pupil-bob']], 10);
    const [key1, key2] = (await panel.keys()) as [string, string];
    const group1 = `${classId}~${key1}`;
    const group2 = `${classId}~${key2}`;

    // Each student is moved into their own group: its own room, bar and board.
    await expect(alice.room.bar).toHaveAttribute('data-group', key1);
    await expect(bob.room.bar).toHaveAttribute('data-group', key2);
    expect(await alice.room.room()).toBe(group1);
    expect(await bob.room.room()).toBe(group2);
    // The teacher stays in the class until they visit.
    expect(await teacher.room.room()).toBe(classId);

    // Each draws in their group; neither sees the other's drawing.
    await alice.board.use('rect');
    await alice.board.drag([120, 120], [260, 220]);
    await bob.board.use('ellipse');
    await bob.board.drag([300, 150], [420, 260]);
    await expect.poll(async () => (await alice.board.elements()).map((e) => e.kind)).toEqual(['rect']);
    await expect.poll(async () => (await bob.board.elements()).map((e) => e.kind)).toEqual(['ellipse']);

    // Every group's board at a glance.
    await expect(panel.thumbnail(key1)).toHaveAttribute('data-elements', '1');
    await expect(panel.thumbnail(key2)).toHaveAttribute('data-elements', '1');

    // A timer change while it runs: every group sees the new end.
    const first = await panel.endsAt();
    await panel.moveEnd('much-more');
    await expect.poll(() => panel.endsAt()).toBe(first + 300_000);
    await panel.moveEnd('less');
    await expect.poll(() => panel.endsAt()).toBe(first + 240_000);
    await expect(alice.room.timer).toHaveAttribute('data-ends-at', String(first + 240_000));
    await expect(bob.room.timer).toHaveAttribute('data-ends-at', String(first + 240_000));

    // A message to every group.
    await panel.broadcast('Five minutes, then we share');
    await expect(alice.room.broadcast).toContainText('Five minutes, then we share');
    await expect(bob.room.broadcast).toContainText('Five minutes, then we share');

    // The teacher visits group 2, sees Bob's drawing there, and goes back to the main room.
    await panel.visit(key2);
    expect(await teacher.room.room()).toBe(group2);
    await expect.poll(async () => (await teacher.board.elements()).map((e) => e.kind)).toEqual(['ellipse']);
    await teacher.room.backToClass();
    expect(await teacher.room.room()).toBe(classId);

    // The observing supervisor sees the groups and visits group 1.
    const watching = new BreakoutPanel(supervisor.page);
    await watching.open();
    await expect(watching.panel.getByTestId('breakout-start')).toHaveCount(0);
    await expect(watching.thumbnail(key1)).toHaveAttribute('data-elements', '1');
    await watching.visit(key1);
    await expect.poll(async () => (await supervisor.board.elements()).map((e) => e.kind)).toEqual(['rect']);
    await supervisor.room.backToClass();

    // Everyone is brought back to the class.
    await panel.bringEveryoneBack();
    await expect(alice.room.bar).toHaveCount(0);
    await expect(bob.room.bar).toHaveCount(0);
    await expect(alice.page.getByTestId('class-screen')).toHaveAttribute('data-class-id', classId);
    await expect(bob.page.getByTestId('class-screen')).toHaveAttribute('data-class-id', classId);

    // The groups' boards stay viewable afterwards.
    await expect(panel.thumbnail(key1)).toHaveAttribute('data-elements', '1');
    await panel.visit(key1);
    await expect.poll(async () => (await teacher.board.elements()).map((e) => e.kind)).toEqual(['rect']);
    await teacher.room.backToClass();
  } finally {
    await Promise.all([teacher, alice, bob, supervisor].map((p) => p.close()));
  }
});
