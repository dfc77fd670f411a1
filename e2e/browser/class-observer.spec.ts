import mqtt, { type MqttClient } from 'mqtt';
import { parseTopic } from '../../shared/protocol';
import { serviceLogin } from '../../services/testing/clients';
import { expect, test } from '../fixtures';
import { joinClass, type ClassParticipant } from '../pages/ClassParticipant';

const CLASS_ID = 'class-0001';

test.describe.configure({ timeout: 120_000 });

/**
 * Everything the broker carries in the class that names `userId` as its sender (the last segment of the topics a
 * person publishes on) or as its chat author, seen by a service connection. Media signalling is left out: an
 * observer answers the offers of the people whose audio and video it receives, and no person sees it.
 */
class SenderTap {
  readonly seen: string[] = [];

  private constructor(private readonly client: MqttClient) {}

  static async open(url: string, login: Awaited<ReturnType<typeof serviceLogin>>, userId: string): Promise<SenderTap> {
    const client = await mqtt.connectAsync(url, { ...login, reconnectPeriod: 0 });
    const tap = new SenderTap(client);
    client.on('message', (name, payload) => {
      const parsed = parseTopic(name);
      if (!parsed || parsed.kind === 'rtc') return;
      const text = payload.toString();
      const params = parsed.params as { userId?: string };
      if (params.userId === userId || (parsed.kind === 'chat' && text.includes(`"id":"${userId}"`))) tap.seen.push(`${parsed.kind} ${name}`);
    });
    await client.subscribeAsync(`classroom/v1/class/${CLASS_ID}/#`, { qos: 1 });
    return tap;
  }

  close(): Promise<void> {
    return this.client.endAsync();
  }
}

test('a supervisor observing silently cannot chat or draw and sends nothing to the class, until they take over', async ({ browser, consoleUrl, server }) => {
  const opened: ClassParticipant[] = [];
  const tap = await SenderTap.open(server.backend.mqttUrl, await serviceLogin(server.backend), 'supervisor1');
  try {
    const teacher = await joinClass(browser, consoleUrl, 'teacher1', CLASS_ID);
    opened.push(teacher);
    const observer = await joinClass(browser, consoleUrl, 'supervisor1', CLASS_ID, { how: 'observe', listed: 50 });
    opened.push(observer);
    const pageId = await teacher.room.turnToNewBlankPage();
    await observer.room.follows(pageId);
    await observer.board.shows(pageId);

    // No chat box: the panel says why, and offers the whisper to the teacher instead.
    await expect(observer.room.observingNote).toContainText('You are observing silently');
    await expect(observer.page.getByTestId('whisper-box')).toBeVisible();
    await expect(observer.room.chatInput).toHaveCount(0);
    await expect(observer.room.handToggle).toHaveCount(0);
    await expect(observer.room.person('supervisor1')).toHaveCount(0);
    // No drawing: the tools are off, and dragging over the board draws nothing anywhere.
    await expect(observer.board.blockReason).toHaveText('You are observing: drawing is off until you take over.');
    await expect(observer.board.toolButton('pen')).toBeDisabled();
    await observer.board.drag([60, 60], [200, 160]);
    // A page turn by the teacher after the attempt: once the observer follows it, the attempt had its chance to arrive.
    const next = await teacher.room.turnToNewBlankPage();
    await observer.room.follows(next);
    expect(await teacher.board.elements(pageId)).toEqual([]);
    expect(await observer.board.elements(pageId)).toEqual([]);
    expect(tap.seen).toEqual([]);

    // Taking over is asked first, then granted through the room: the teacher is told and sees them in the roster.
    await observer.page.getByTestId('take-over-button').click();
    await observer.page.getByTestId('take-over-dialog-confirm').click();
    await expect(observer.room.takeOver).toHaveAttribute('data-taking-part', 'true');
    await expect(teacher.page.getByTestId('whisper').filter({ hasText: 'has taken over the class' })).toBeVisible();
    await expect(teacher.page.getByTestId('roster-taking-part')).toHaveAttribute('data-user-id', 'supervisor1');
    await observer.room.say('Supervisor here, I will help with the board');
    await expect(teacher.room.chatTexts.filter({ hasText: 'Supervisor here' })).toHaveCount(1);
    await observer.board.use('rect');
    await observer.board.drag([40, 40], [140, 120]);
    await expect.poll(() => teacher.board.elements(next).then((all) => all.map((e) => [e.kind, e.by]))).toEqual([['rect', 'supervisor1']]);

    // Handing back makes them silent again.
    await observer.page.getByTestId('hand-back').click();
    await expect(observer.room.takeOver).toHaveAttribute('data-taking-part', 'false');
    await expect(observer.room.chatInput).toHaveCount(0);
    await expect(teacher.page.getByTestId('roster-taking-part')).toHaveCount(0);
  } finally {
    for (const person of opened) await person.close();
    await tap.close();
  }
});
