import { randomUUID } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { connect, type MqttClient } from 'mqtt';
import { encode, filter, topic, type CommandAck } from '../../shared/protocol';
import type { RunningBackend } from '../../services/backend';
import { expect, test } from '../fixtures';
import { ClassListPage } from '../pages/ClassListPage';
import { ClassPage } from '../pages/ClassPage';
import { ConnectPage } from '../pages/ConnectPage';
import { MediaTiles } from '../pages/MediaTiles';

// Peer-to-peer audio and video in class-0001 between teacher1 and student1, each in their own Chromium context with
// fake camera and microphone (playwright.config.ts), through the embedded backend.

interface Participant {
  page: Page;
  room: ClassPage;
  media: MediaTiles;
  close(): Promise<void>;
}

async function enter(browser: Browser, consoleUrl: string, username: string, how: 'open' | 'observe' = 'open'): Promise<Participant> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new ConnectPage(page).open(consoleUrl);
  await new ConnectPage(page).signInAsDemo(username);
  // Teachers and students see their one class; supervisors see all of them.
  await new ClassListPage(page).waitForClasses(how === 'observe' ? 50 : 1);
  const room = new ClassPage(page);
  await room.open('class-0001', how);
  const media = new MediaTiles(page);
  if (how === 'open') await media.joinWithDevices();
  return { page, room, media, close: () => context.close() };
}

/** A supervisor's connection to the broker, sending remedies as the supervisor console and the dispatcher do. */
async function supervisorClient(backend: RunningBackend): Promise<{ remedy(to: string, action: 'switch-line' | 'restart-media', params?: Record<string, string>): Promise<CommandAck>; end(): Promise<void> }> {
  const issued = await backend.issueToken('supervisor1', 'demo');
  if (!issued.ok) throw new Error(issued.message);
  const client: MqttClient = connect(backend.mqttUrl, { username: 'supervisor1', password: issued.token.token, protocolVersion: 4, reconnectPeriod: 0 });
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('error', reject);
  });
  const acks = new Map<string, (ack: CommandAck) => void>();
  client.on('message', (_topic, payload) => {
    const ack = JSON.parse(payload.toString()) as CommandAck;
    acks.get(ack.commandId)?.(ack);
  });
  await client.subscribeAsync(filter('commandAck', { classId: 'class-0001' }), { qos: 1 });
  return {
    async remedy(to, action, params = {}) {
      const id = randomUUID();
      const acked = new Promise<CommandAck>((resolve) => acks.set(id, resolve));
      const command = encode('command', topic('command', { classId: 'class-0001', userId: to }), { v: 1, id, action, by: 'supervisor1', params, ts: Date.now() });
      await client.publishAsync(command.topic, Buffer.from(command.payload), { qos: 1 });
      return acked;
    },
    end: () => client.endAsync(),
  };
}

test('teacher and student see and hear each other, muting silences the far side, and an observer receives unseen', async ({ browser, consoleUrl }) => {
  const teacher = await enter(browser, consoleUrl, 'teacher1');
  const student = await enter(browser, consoleUrl, 'student1');
  let observer: Participant | null = null;
  try {
    await teacher.media.expectReceiving('student1');
    await student.media.expectReceiving('teacher1');
    await expect(teacher.media.tile('student1')).toHaveAttribute('data-link', 'connected');
    await expect(student.media.tile('teacher1')).toHaveAttribute('data-camera', 'on');

    // The quality details are one click away, with the figures filled in.
    const details = await teacher.media.openQuality('student1');
    await expect(details.getByTestId('figure-frames')).not.toHaveText('0');
    await expect(details.getByTestId('figure-bitrate')).toContainText('kbit/s');

    // The student mutes: the teacher's tile says so, and what arrives is silence; unmuted, sound comes back.
    await student.media.toggleMic();
    await expect(teacher.media.tile('student1')).toHaveAttribute('data-mic', 'off');
    await teacher.media.expectSilenceFrom('student1');
    await student.media.toggleMic();
    await expect(teacher.media.tile('student1')).toHaveAttribute('data-mic', 'on');
    await teacher.media.expectReceiving('student1');

    // Camera off shows on the far tile.
    await teacher.media.toggleCamera();
    await expect(student.media.tile('teacher1')).toHaveAttribute('data-camera', 'off');
    await teacher.media.toggleCamera();
    await expect(student.media.tile('teacher1')).toHaveAttribute('data-camera', 'on');

    // A supervisor observing receives both, and neither sees them in the roster or among the tiles.
    observer = await enter(browser, consoleUrl, 'supervisor1', 'observe');
    await observer.media.expectReceiving('teacher1');
    await observer.media.expectReceiving('student1');
    await expect(observer.media.tile('teacher1')).toHaveAttribute('data-link', 'connected');
    await expect(observer.media.tile('student1')).toHaveAttribute('data-link', 'connected');
    await expect(observer.media.tile('supervisor1')).toHaveCount(0);
    for (const someone of [teacher, student]) {
      await expect(someone.room.person('teacher1')).toBeVisible();
      await expect(someone.room.person('supervisor1')).toHaveCount(0);
      await expect(someone.media.tile('supervisor1')).toHaveCount(0);
    }
  } finally {
    await observer?.close();
    await teacher.close();
    await student.close();
  }
});

test('switch line and restart media, sent by a supervisor, both end with media flowing again', async ({ browser, consoleUrl, server }) => {
  const teacher = await enter(browser, consoleUrl, 'teacher1');
  const student = await enter(browser, consoleUrl, 'student1');
  const supervisor = await supervisorClient(server.backend);
  try {
    await teacher.media.expectReceiving('student1');
    await student.media.expectReceiving('teacher1');

    const switched = await supervisor.remedy('student1', 'switch-line');
    expect(switched, switched.detail).toMatchObject({ ok: true });
    expect(switched.detail).toContain('line-b');
    expect(await student.media.lineId()).toBe('line-b');
    // line-b is relay-only: the student's media now goes through the TURN relay.
    await expect.poll(async () => (await student.media.from('teacher1'))?.path).toBe('relay');
    await teacher.media.expectReceiving('student1');
    await student.media.expectReceiving('teacher1');

    const restarted = await supervisor.remedy('teacher1', 'restart-media');
    expect(restarted, restarted.detail).toMatchObject({ ok: true });
    await expect(teacher.media.remedyStatus).toHaveAttribute('data-ok', 'true');
    await teacher.media.expectReceiving('student1');
    await student.media.expectReceiving('teacher1');
  } finally {
    await supervisor.end();
    await teacher.close();
    await student.close();
  }
});

test('a 10 s network cut shows on both sides and media recovers by itself', async ({ browser, consoleUrl, server }) => {
  const relay = server.internals.media?.relay;
  expect(relay, 'the embedded relay runs').toBeTruthy();
  const teacher = await enter(browser, consoleUrl, 'teacher1');
  const student = await enter(browser, consoleUrl, 'student1');
  const supervisor = await supervisorClient(server.backend);
  try {
    // Media goes through the relay line, so cutting the relay cuts the call's network path for real.
    expect(await supervisor.remedy('student1', 'switch-line', { line: 'line-b' })).toMatchObject({ ok: true });
    await expect.poll(async () => (await student.media.from('teacher1'))?.path).toBe('relay');
    await teacher.media.expectReceiving('student1');

    const cutAt = Date.now();
    relay!.setCut(true);
    try {
      await expect(teacher.media.tile('student1')).toHaveAttribute('data-link', 'interrupted', { timeout: 10_000 });
      await expect(student.media.tile('teacher1')).toHaveAttribute('data-link', 'interrupted', { timeout: 10_000 });
      // The cut lasts 10 s in all.
      await teacher.page.waitForTimeout(Math.max(0, 10_000 - (Date.now() - cutAt)));
    } finally {
      relay!.setCut(false);
    }

    await teacher.media.expectReceiving('student1');
    await student.media.expectReceiving('teacher1');
    await expect(teacher.media.tile('student1')).toHaveAttribute('data-link', 'connected');
    await expect(student.media.tile('teacher1')).toHaveAttribute('data-link', 'connected');
  } finally {
    relay?.setCut(false);
    await supervisor.end();
    await teacher.close();
    await student.close();
  }
});
