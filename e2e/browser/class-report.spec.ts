import { peopleFromCsv } from '../../shared/reports/csv';
import { expect, test, type BackendFixture } from '../fixtures';
import { BoardPage } from '../pages/BoardPage';
import { ClassListPage } from '../pages/ClassListPage';
import { joinClass, studentToken } from '../pages/ClassParticipant';
import { ConnectPage } from '../pages/ConnectPage';
import { PollCard } from '../pages/PollCard';
import { PollPanel } from '../pages/PollPanel';
import { ReportPage } from '../pages/ReportPage';

const classId = 'class-0001';

// Three people sign in, run a class and the teacher reads its report: more than the default budget on a loaded machine.
test.describe.configure({ timeout: 180_000 });

const laptop = { width: 1280, height: 720 };

/** Elements on the shown page that `userId` drew (each was one committed board operation). */
const drawnBy = async (board: BoardPage, userId: string) => (await board.records()).filter((r) => r.by === userId).length;

/** What the report counted for a person so far (other tests in this worker may have used the class before). */
function countsBefore(server: BackendFixture, userId: string): number[] {
  const p = server.internals.reports.report(classId)?.people.find((person) => person.userId === userId);
  return [p?.hands ?? 0, p?.chat ?? 0, p?.boardOps ?? 0, p?.pollAnswers ?? 0];
}

test('a short class, then its report: attendance, hands, chat, the poll and drawing per person, and a CSV with the same counts', async ({ browser, consoleUrl, server }) => {
  const before = { teacher1: countsBefore(server, 'teacher1'), student1: countsBefore(server, 'student1'), 'pupil-rey': countsBefore(server, 'pupil-rey') };
  const plus = (userId: keyof typeof before, delta: number[]) => before[userId].map((n, i) => String(n + delta[i]!));
  const teacher = await joinClass(browser, consoleUrl, 'teacher1', classId, { viewport: laptop });
  const alice = await joinClass(browser, consoleUrl, 'student1', classId, { viewport: laptop });
  const bob = await joinClass(browser, consoleUrl, 'pupil-rey', classId, { viewport: laptop, token: await studentToken(server, 'pupil-rey', classId) });
  try {
    // Hands (Alice's may still be up from an earlier test: it goes down first, and up once).
    await alice.room.setHand(false);
    await alice.room.setHand(true);
    await bob.room.setHand(true);
    await expect(teacher.room.handOf('pupil-rey')).toHaveCount(1);

    // Chat: one message each.
    await alice.room.say('hello from Alice');
    await bob.room.say('hello from Rey');
    await teacher.room.say('welcome, both');
    await expect(teacher.room.chatTexts.filter({ hasText: 'hello from Rey' })).toHaveCount(1);

    // A named poll both students answer.
    const panel = new PollPanel(teacher.page);
    await panel.launch({ kind: 'poll', title: 'Report check', questions: [{ type: 'single', prompt: 'Ready?', options: ['Yes', 'No'] }] });
    await new PollCard(alice.page).answer(['o1']);
    await new PollCard(bob.page).answer(['o2']);
    await expect(panel.respondents('Report check')).toContainText('2');
    await panel.close('Report check');
    // The panel folds away again, showing the roster.
    await teacher.page.getByTestId('polls-panel-close').click();
    await expect(panel.panel).toBeHidden();

    // Drawing: the teacher on a fresh page, then Alice once she may.
    const pageId = await teacher.room.turnToNewBlankPage();
    await alice.room.follows(pageId);
    const teacherBoard = new BoardPage(teacher.page);
    const aliceBoard = new BoardPage(alice.page);
    await teacherBoard.use('pen');
    await teacherBoard.stroke([[60, 80], [90, 110], [130, 100]]);
    await teacherBoard.stroke([[200, 60], [240, 90], [280, 70]]);
    await teacher.room.grantDrawing('student1');
    await aliceBoard.use('pen');
    await aliceBoard.stroke([[80, 200], [120, 220], [160, 210]]);
    await expect.poll(() => drawnBy(teacherBoard, 'student1')).toBe(1);
    await expect.poll(() => drawnBy(teacherBoard, 'teacher1')).toBe(2);

    // Rey leaves before the end; the teacher ends the class and goes back to the list.
    await bob.close();
    await teacher.room.endClass();
    await teacher.room.back();
    // The report service has taken the class's end (and with it everything before) before the teacher opens the report.
    await expect.poll(() => server.internals.reports.report(classId)?.state).toBe('ended');

    const report = new ReportPage(teacher.page);
    await report.openFromClassList(classId);
    await expect(report.person('student1')).toHaveAttribute('data-hands', plus('student1', [1, 1, 1, 1])[0]!);
    await expect(report.person('pupil-rey')).toHaveAttribute('data-chat', '1');
    await expect(report.person('teacher1')).toHaveAttribute('data-board-ops', plus('teacher1', [0, 1, 2, 0])[2]!);
    await expect(report.person('student1')).toHaveAttribute('data-board-ops', plus('student1', [1, 1, 1, 1])[2]!);
    await expect(report.person('pupil-rey')).toHaveAttribute('data-poll-answers', '1');
    await expect(report.polls.filter({ hasText: 'Report check' })).toHaveAttribute('data-respondents', '2');

    const csv = await report.exportCsv();
    expect(csv.name).toMatch(/^report-.*class-0001\.csv$/);
    const people = Object.fromEntries(peopleFromCsv(csv.text).map((row) => [row.user, row]));
    const counts = (userId: string) => {
      const row = people[userId]!;
      return [row['hands raised'], row['chat messages'], row['board ops'], row['poll answers']];
    };
    // Hands, chat messages, board operations, poll answers: what this class added to each.
    expect(counts('teacher1')).toEqual(plus('teacher1', [0, 1, 2, 0]));
    expect(counts('student1')).toEqual(plus('student1', [1, 1, 1, 1]));
    expect(counts('pupil-rey')).toEqual(['1', '1', '0', '1']);
    expect([people.teacher1!.role, people.student1!.role, people['pupil-rey']!.role]).toEqual(['teacher', 'student', 'student']);
    expect(people['pupil-rey']!.joins).toBe('1');
    // Rey left before the end, Alice was there until it: both have a left time, and minutes present.
    expect(people['pupil-rey']!.left).not.toBe('');
    expect(people['student1']!.left).not.toBe('');
    expect(Number(people['student1']!['minutes present'])).toBeGreaterThanOrEqual(Number(people['pupil-rey']!['minutes present']));
    expect(csv.text).toContain('Report check');

    // Back to the list; the class is reopened for the tests that share this backend.
    await report.back();
    const classes = new ClassListPage(teacher.page);
    await expect(classes.row(classId).getByTestId('class-report')).toHaveCount(1);
    await classes.reopenButton(classId).click();
    await expect(classes.row(classId)).toHaveAttribute('data-state', 'live');
    // A live class offers no report button yet (the report is for after the class).
    await expect(classes.row(classId).getByTestId('class-report')).toHaveCount(0);
  } finally {
    await Promise.all([teacher.close(), alice.close(), bob.close()]);
  }
});

test("a supervisor reads any class's report from the Reports tab", async ({ browser, consoleUrl }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  try {
    const connect = new ConnectPage(page);
    await connect.open(consoleUrl);
    await connect.signInAsDemo('supervisor1');
    await page.getByTestId('tab-reports').click();
    const reports = new ReportPage(page);
    // The simulated classes' participants come and go, so every class with people has a report.
    const first = reports.list.getByTestId('report-list-row').first();
    const listed = await first.getAttribute('data-class-id');
    await reports.openFromList(listed!);
    await expect(reports.view.getByTestId('report-person').first()).toBeVisible();
    await reports.back();
    await expect(reports.list).toBeVisible();
  } finally {
    await context.close();
  }
});
