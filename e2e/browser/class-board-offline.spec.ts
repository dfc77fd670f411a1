import { expect, test } from '../fixtures';
import { joinClass, type ClassParticipant } from '../pages/ClassParticipant';
import { NetworkLink } from '../pages/NetworkLink';

const CLASS_ID = 'class-0001';
const OUTAGE_MS = 30_000;

test('a student offline for 30 s while the teacher draws and turns pages ends with the same board, and what they drew offline is delivered', async ({
  browser,
  consoleUrl,
}) => {
  // The outage itself, the student noticing it (its link pings go unanswered) and reconnecting (backoff, connect timeout) take most of it.
  test.setTimeout(240_000);
  const network = await NetworkLink.open(consoleUrl);
  const opened: ClassParticipant[] = [];
  try {
    const teacher = await joinClass(browser, consoleUrl, 'teacher1', CLASS_ID);
    opened.push(teacher);
    // Only the student's traffic goes through the link that will be cut.
    const student = await joinClass(browser, network.url, 'student1', CLASS_ID);
    opened.push(student);
    await teacher.room.setDrawing('student1', true);
    const before = await teacher.room.turnToNewBlankPage();
    await student.room.follows(before);
    await student.board.shows(before);
    await teacher.board.use('rect');
    await teacher.board.drag([40, 40], [120, 100]);
    await expect.poll(() => student.board.elements().then((all) => all.length)).toBe(1);

    network.cut();
    const cutAt = Date.now();
    await expect(student.connection.indicator).toHaveAttribute('data-state', 'reconnecting', { timeout: OUTAGE_MS });

    // The student draws while offline: the stroke stays on their board, marked as not yet sent.
    await student.board.use('pen');
    await student.board.stroke([[60, 160], [100, 200], [150, 170]]);
    await expect.poll(() => student.board.unsentCount()).toBeGreaterThan(0);
    await expect(student.board.unsent).toContainText('not yet sent');
    await expect(student.connection.unsent).toBeVisible();
    const offlineStroke = (await student.board.elements()).find((e) => e.by === 'student1');
    expect(offlineStroke?.kind).toBe('pen');

    // Meanwhile the teacher keeps drawing on that page, then turns to a new one and draws there.
    await teacher.board.use('pen');
    await teacher.board.stroke([[200, 50], [260, 90], [300, 60]]);
    const after = await teacher.room.turnToNewBlankPage();
    await teacher.board.shows(after);
    await teacher.board.use('ellipse');
    await teacher.board.drag([80, 80], [200, 160]);
    await teacher.board.use('rect');
    await teacher.board.drag([220, 40], [320, 120]);
    await expect.poll(() => teacher.board.elements().then((all) => all.length)).toBe(2);
    // Nothing crossed the dead link in either direction.
    expect((await teacher.board.records(before)).some((r) => r.id === offlineStroke!.id)).toBe(false);
    expect(await student.board.elements(before)).toHaveLength(2);
    await expect(student.room.pageList).toHaveAttribute('data-current', before);

    await test.step('the network stays away for 30 s', () => new Promise((resolve) => setTimeout(resolve, cutAt + OUTAGE_MS - Date.now())));
    network.restore();

    await expect(student.connection.indicator).toHaveAttribute('data-state', 'connected', { timeout: 60_000 });
    await student.room.follows(after);
    // Both boards hold the page the teacher is on, byte for byte.
    await expect.poll(() => student.board.serialize()).toBe(await teacher.board.serialize());
    // The offline stroke was delivered: the teacher has it on the page it was drawn on, and both hold that page alike.
    await expect.poll(() => teacher.board.records(before).then((all) => all.some((r) => r.id === offlineStroke!.id))).toBe(true);
    await expect.poll(() => student.board.serialize(before)).toBe(await teacher.board.serialize(before));
    await expect.poll(() => student.board.unsentCount()).toBe(0);
    await expect(student.connection.unsent).toHaveCount(0);
    // Leave the class as other tests expect it: student1 without drawing rights.
    await teacher.room.setDrawing('student1', false);
  } finally {
    for (const person of opened) await person.close();
    await network.close();
  }
});
