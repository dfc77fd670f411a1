import { writeFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import type { RecordedEntry } from '../../shared/protocol/recording';
import type { ElementRecord } from '../../shared/whiteboard/element';
import { frame, MAGIC } from '../../services/recorder/recording-file';
import { recordingPath } from '../../services/recorder/recorder';
import { buildCatalogue } from '../../services/simulator/catalogue';
import { expect, test, type BackendFixture } from '../fixtures';
import { BoardPage } from '../pages/BoardPage';
import { ClassListPage } from '../pages/ClassListPage';
import { ClassPage } from '../pages/ClassPage';
import { ConnectPage } from '../pages/ConnectPage';
import { ReplayScreen } from '../pages/ReplayScreen';

// A teacher and two students draw, turn pages and chat, then the teacher replays it: several minutes on a busy machine.
test.describe.configure({ timeout: 240_000 });

/**
 * A class no other test uses, still to be taught (live or scheduled) in the fixture's catalogue (50 classes, seed 1),
 * with its teacher: signing in as them makes the console treat them as the class's teacher.
 */
function freshClass(): { classId: string; teacherId: string } {
  const found = buildCatalogue({ classes: 50, seed: 1, now: Date.now() }).find((c) => Number(c.id.slice(6)) >= 20 && c.state !== 'ended');
  if (!found) throw new Error('no class left to teach in the catalogue');
  return { classId: found.id, teacherId: found.teacher.id };
}

interface Person {
  page: Page;
  room: ClassPage;
  board: BoardPage;
  close(): Promise<void>;
}

/** Signs someone in with a token the backend signs for them, scoped to the class, and opens it. */
async function enter(browser: Browser, consoleUrl: string, server: BackendFixture, who: { id: string; role: 'teacher' | 'student'; classId: string }): Promise<Person> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const connect = new ConnectPage(page);
  await connect.open(consoleUrl);
  const { token } = await server.internals.tokens.sign({ sub: who.id, name: `Person ${who.id}`, role: who.role, classes: [who.classId] });
  await connect.signInWithToken(token);
  const list = new ClassListPage(page);
  await list.waitForClasses(1);
  if (who.role === 'teacher' && (await list.startButton(who.classId).count()) > 0) await list.startButton(who.classId).click();
  const room = new ClassPage(page);
  await room.open(who.classId);
  return { page, room, board: new BoardPage(page), close: () => context.close() };
}

test('a recorded class replays to the board everyone had at its end, on every page', async ({ browser, consoleUrl, server }) => {
  const { classId, teacherId } = freshClass();
  const teacher = await enter(browser, consoleUrl, server, { id: teacherId, role: 'teacher', classId });
  const ann = await enter(browser, consoleUrl, server, { id: 'rec-ann', role: 'student', classId });
  const ben = await enter(browser, consoleUrl, server, { id: 'rec-ben', role: 'student', classId });
  try {
    const first = await teacher.room.turnToNewBlankPage();
    await ann.room.follows(first);

    // The teacher records; everyone in the class sees it.
    await teacher.page.getByTestId('recording-toggle').click();
    for (const person of [teacher, ann, ben]) await expect(person.page.getByTestId('recording-badge')).toBeVisible();

    await teacher.board.use('pen');
    await teacher.board.stroke([[60, 80], [90, 110], [130, 100], [160, 140]]);
    await teacher.board.use('rect');
    await teacher.board.drag([220, 60], [320, 140]);
    await teacher.room.grantDrawing('rec-ann');
    await ann.board.use('pen');
    await ann.board.stroke([[80, 200], [120, 230], [170, 210]]);
    await expect.poll(() => teacher.board.elements(first).then((all) => all.length)).toBe(3);

    const second = await teacher.room.turnToNewBlankPage();
    await ann.room.follows(second);
    await ben.room.follows(second);
    await teacher.board.use('ellipse');
    await teacher.board.drag([100, 100], [200, 160]);
    await ann.board.use('rect');
    await ann.board.drag([250, 120], [330, 200]);
    await ben.room.setHand(true);
    await ann.room.say('hello <b>class</b>');
    await teacher.room.say('Page two is done');

    // Back to the first page: the teacher moves the rectangle and the student erases nothing but draws again.
    await teacher.page.locator(`[data-testid="page-entry"][data-page-id="${first}"]`).getByTestId('page-open').click();
    await ann.room.follows(first);
    await teacher.board.use('select');
    await teacher.board.drag([270, 100], [330, 180]);
    await ann.board.use('pen');
    await ann.board.stroke([[300, 250], [340, 270], [380, 240]]);
    await expect.poll(() => teacher.board.elements(first).then((all) => all.length)).toBe(4);

    // Everyone holds the same board, page by page: that is the class's end state.
    const pages = [first, second];
    const live: string[] = [];
    for (const pageId of pages) {
      const text = await teacher.board.serialize(pageId);
      for (const student of [ann, ben]) await expect.poll(() => student.board.serialize(pageId)).toBe(text);
      live.push(text);
    }
    await teacher.page.getByTestId('recording-toggle').click();
    await expect(teacher.page.getByTestId('recording-control')).toHaveAttribute('data-state', 'stopped');
    await expect(ann.page.getByTestId('recording-badge')).toHaveCount(0);
    await teacher.room.endClass();

    // The teacher opens the replay from the class list.
    await teacher.room.back();
    const list = new ClassListPage(teacher.page);
    await expect(list.state(classId)).toHaveText('Ended');
    await list.row(classId).getByTestId('class-replay').click();
    const replay = new ReplayScreen(teacher.page);
    await replay.ready();
    await expect(replay.markers('page')).not.toHaveCount(0);
    await expect(replay.markers('hand')).toHaveCount(1);
    await expect(replay.markers('chat')).toHaveCount(2);

    // It plays: the position moves on its own at double speed.
    await replay.setSpeed(2);
    await replay.playButton.click();
    await expect(replay.playButton).toHaveText('Pause');
    await expect.poll(() => replay.at()).toBeGreaterThan(1_000);

    // The end of the replay is the end of the class, byte for byte, on every page.
    await replay.seekToEnd();
    await expect.poll(() => replay.at()).toBe(await replay.durationMs());
    for (const [i, pageId] of pages.entries()) await expect.poll(() => replay.board.serialize(pageId)).toBe(live[i]);
    // Chat was replayed as text: the markup in it is shown, never made into elements.
    await expect(replay.chat).toContainText('hello <b>class</b>');
    await expect(replay.chat.locator('b')).toHaveCount(0);
    // Newest first, so the last thing said is in view.
    await expect(replay.chat.locator('li').first()).toContainText('Page two is done');
    // A replay is looked at, not drawn on: no drawing tools, and nothing about drawing rights.
    await expect(teacher.page.getByTestId('board-toolbar')).toHaveCount(0);
    await expect(teacher.page.getByTestId('board-block-reason')).toHaveText('');
    await expect(teacher.page.getByTestId('board-fit-page')).toBeVisible();
    await expect(teacher.page.getByTestId('replay-hands')).toHaveText('Hands up: 1');
  } finally {
    for (const person of [teacher, ann, ben]) await person.close();
  }
});

const CORRUPT_CLASS = 'class-0040';
const CORRUPT_TEACHER = 't-0040';

function rect(id: string, x: number): ElementRecord {
  return {
    id, kind: 'rect', version: 1, nonce: 7, by: CORRUPT_TEACHER, z: `a${id.slice(-1)}`, deleted: false,
    props: { x, y: 40, width: 60, height: 40, angle: 0, stroke: '#1f2937', fill: '', strokeWidth: 3, opacity: 1, points: [], text: '', fontSize: 24, asset: '' },
  };
}

test('a corrupted recording replays up to where it breaks, and says where and why', async ({ browser, consoleUrl, server }) => {
  const t0 = Date.now() - 60_000;
  const at = (s: number) => t0 + s * 1000;
  const p = { classId: CORRUPT_CLASS };
  const ops = (s: number, seq: number, id: string, x: number): RecordedEntry => ({
    t: at(s), k: 'boardOps', p: { ...p, userId: CORRUPT_TEACHER }, m: { v: 1, pageId: 'rp-1', session: 's1', seq, records: [rect(id, x)] },
  });
  const readable: RecordedEntry[] = [
    { t: at(0), k: '$start', by: CORRUPT_TEACHER },
    { t: at(0), k: 'course', p, m: { v: 1, version: 1, pages: [{ id: 'rp-1', kind: 'blank', asset: '', page: 1, title: 'One' }], current: 'rp-1', by: CORRUPT_TEACHER, ts: at(0) }, state: true },
    ops(3, 1, 'el-1', 40),
    ops(6, 2, 'el-2', 140),
    { t: at(8), k: 'chat', p, m: { v: 1, id: 'c-1', from: { id: CORRUPT_TEACHER, name: 'Ms Teacher', role: 'teacher' }, text: 'before the break', moderation: 'clean', ts: at(8) } },
    ops(12, 3, 'el-3', 240),
  ];
  const damaged = frame(ops(15, 4, 'el-4', 340));
  // One byte of its payload flipped: the frame is whole, but fails its checksum.
  damaged.writeUInt8(damaged.readUInt8(damaged.length - 5) ^ 0xff, damaged.length - 5);
  const after = [ops(18, 5, 'el-5', 440), { t: at(20), k: '$stop', reason: 'teacher' } as RecordedEntry];
  writeFileSync(recordingPath(server.internals.recordingsDir, CORRUPT_CLASS), Buffer.concat([MAGIC, ...readable.map(frame), damaged, ...after.map(frame)]));

  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  try {
    // A link to the replay's first moment; the supervisor may replay every class.
    const connect = new ConnectPage(page);
    await connect.open(`${consoleUrl}/?replay=${CORRUPT_CLASS}&t=0`);
    await connect.signInAsDemo('supervisor1');
    const replay = new ReplayScreen(page);
    await replay.ready();
    await expect(replay.broken).toHaveText(/breaks at 0:12 \(6 entries read\): a frame fails its checksum\. Everything before that is shown\./);
    await expect(replay.breakMark).toBeVisible();

    await replay.seekToEnd();
    await expect.poll(() => replay.board.elements('rp-1').then((all) => all.map((e) => e.id))).toEqual(['el-1', 'el-2', 'el-3']);
    await expect(replay.chat).toContainText('before the break');
  } finally {
    await context.close();
  }
});
