import type { Page, WebSocket } from '@playwright/test';
import mqttPacket from 'mqtt-packet';
import { expect, test } from '../fixtures';
import { ClassPage } from '../pages/ClassPage';
import { joinClass, studentToken } from '../pages/ClassParticipant';
import { PollCard } from '../pages/PollCard';
import { PollPanel } from '../pages/PollPanel';

const classId = 'class-0001';

// Three people sign in and open the class in each test: more than the default budget on a loaded machine.
test.describe.configure({ timeout: 150_000 });

const laptop = { width: 1280, height: 720 };

/** Every MQTT PUBLISH the page's WebSockets receive from the broker, decoded by the MQTT packet parser. */
function publishesTo(page: Page): { topic: string; payload: string }[] {
  const seen: { topic: string; payload: string }[] = [];
  page.on('websocket', (ws: WebSocket) => {
    const parser = mqttPacket.parser({ protocolVersion: 4 });
    parser.on('packet', (packet) => {
      if (packet.cmd === 'publish') seen.push({ topic: packet.topic, payload: Buffer.from(packet.payload).toString('utf8') });
    });
    ws.on('framereceived', ({ payload }) => void parser.parse(typeof payload === 'string' ? Buffer.from(payload) : payload));
  });
  return seen;
}

test('an anonymous poll: students answer from a card beside the board, and no student id reaches the teacher with an answer', async ({ browser, consoleUrl, server }) => {
  let frames: { topic: string; payload: string }[] = [];
  // Every frame the teacher's console receives, from before it signs in.
  const teacher = await joinClass(browser, consoleUrl, 'teacher1', classId, { viewport: laptop, onPage: (page) => (frames = publishesTo(page)) });
  const alice = await joinClass(browser, consoleUrl, 'student1', classId, { viewport: laptop });
  const bob = await joinClass(browser, consoleUrl, 'pupil-bob', classId, { viewport: laptop, token: await studentToken(server, 'pupil-bob', classId) });
  try {
    const panel = new PollPanel(teacher.page);
    await panel.launch({
      kind: 'poll',
      title: 'Lunch vote',
      anonymous: true,
      questions: [
        { type: 'multiple', prompt: 'What shall we eat?', options: ['Noodles', 'Rice', 'Soup'] },
        { type: 'text', prompt: 'Anything else?' },
      ],
    });
    const aliceCard = new PollCard(alice.page);
    const bobCard = new PollCard(bob.page);
    await expect(aliceCard.card).toBeVisible();
    // The card sits above the board and covers none of it.
    const card = (await aliceCard.card.boundingBox())!;
    const board = (await alice.page.getByTestId('board-area').boundingBox())!;
    expect(card.y + card.height).toBeLessThanOrEqual(board.y + 1);

    await aliceCard.answer(['o1', 'o2'], 'more noodles');
    await bobCard.answer(['o1'], 'secret from bob');
    await expect(panel.respondents('Lunch vote')).toContainText('2');
    await expect(panel.bar('Lunch vote', 'q1', 'o1')).toHaveAttribute('data-count', '2');
    await expect(panel.bar('Lunch vote', 'q1', 'o2')).toHaveAttribute('data-count', '1');
    await expect(panel.poll('Lunch vote').getByTestId('poll-texts')).toContainText('secret from bob');
    await expect(panel.poll('Lunch vote').getByTestId('poll-student')).toHaveCount(0);

    // Shown to the class: the aggregates reach the students' cards.
    await panel.show('Lunch vote');
    await expect(bobCard.results.getByTestId('poll-bar').first()).toHaveAttribute('data-count', '2');

    // The wire: the teacher did receive the answers' tally, and nothing about the poll names a student.
    const aboutPolls = frames.filter((f) => f.topic.includes('/polls/') || (f.topic.includes('/reply/') && f.payload.includes('Lunch vote')));
    expect(aboutPolls.some((f) => f.topic.endsWith('/tally') && f.payload.includes('secret from bob'))).toBe(true);
    for (const frame of aboutPolls) expect(frame.payload).not.toMatch(/student1|Student One|pupil-bob|Pupil pupil-bob/);
  } finally {
    await Promise.all([teacher.close(), alice.close(), bob.close()]);
  }
});

test('a quiz: each student sees their own result, the teacher per-question accuracy, scores, the board and the CSV', async ({ browser, consoleUrl, server }) => {
  const teacher = await joinClass(browser, consoleUrl, 'teacher1', classId, { viewport: laptop });
  const alice = await joinClass(browser, consoleUrl, 'student1', classId, { viewport: laptop });
  const bob = await joinClass(browser, consoleUrl, 'pupil-carl', classId, { viewport: laptop, token: await studentToken(server, 'pupil-carl', classId) });
  try {
    const panel = new PollPanel(teacher.page);
    await panel.launch({
      kind: 'quiz',
      title: 'Arithmetic',
      questions: [
        { type: 'single', prompt: '2 + 2 = ?', options: ['3', '4'], correct: [1] },
        { type: 'truefalse', prompt: '10 is even', correct: [0] },
      ],
    });
    const aliceCard = new PollCard(alice.page);
    const bobCard = new PollCard(bob.page);
    await aliceCard.answer(['o2'], ['true']);
    await bobCard.answer(['o1'], ['true']);
    await expect(panel.respondents('Arithmetic')).toContainText('2');
    // Neither the card nor the poll's state tells a student the answer before the quiz closes.
    await expect(aliceCard.myResult).toHaveCount(0);

    await panel.close('Arithmetic');
    await expect(aliceCard.myResult).toHaveAttribute('data-score', '2');
    await expect(bobCard.myResult).toHaveAttribute('data-score', '1');
    await expect(bobCard.card.locator('[data-testid="poll-my-question"][data-right="false"]')).toHaveCount(1);
    await expect(panel.accuracy('Arithmetic', 'q1')).toContainText('1');
    await expect(panel.accuracy('Arithmetic', 'q2')).toContainText('2');
    await expect(panel.student('Arithmetic', 'student1')).toHaveAttribute('data-score', '2');
    await expect(panel.student('Arithmetic', 'pupil-carl')).toHaveAttribute('data-score', '1');

    // A closed quiz's card takes no more answers (the service refuses late ones: services/polls/polls.test.ts).
    await expect(aliceCard.card).toHaveAttribute('data-state', 'closed');
    await expect(aliceCard.card.getByTestId('poll-submit')).toHaveCount(0);

    // Its results go on the board as a text element every board shows.
    await new ClassPage(teacher.page).addBlankPage();
    await panel.placeOnBoard('Arithmetic');
    await expect(teacher.page.getByTestId('poll-placed')).toHaveAttribute('data-placed', 'true');

    const csv = await panel.exportCsv('Arithmetic');
    expect(csv).toContain('question,answer,students,percent,correct');
    expect(csv).toContain('2 + 2 = ?,4,1,50.0,true');
    expect(csv).toContain('student1,Student One,4,true,2');
    expect(csv).toContain('pupil-carl,Pupil pupil-carl,3,true,1');
  } finally {
    await Promise.all([teacher.close(), alice.close(), bob.close()]);
  }
});
