import { randomUUID } from 'node:crypto';
import type { Browser } from '@playwright/test';
import { connect, type MqttClient } from 'mqtt';
import { decode, encode, filter, topic, type CommandAck, type RtcSignal, type Telemetry, type TelemetryEvent } from '../../shared/protocol';
import type { RunningBackend } from '../../services/backend';
import { expect, test } from '../fixtures';
import { ownClientId } from '../../services/testing/clients';
import { joinClass, type ClassParticipant } from '../pages/ClassParticipant';

// Peer-to-peer audio and video in class-0001 between teacher1 and student1, each in their own Chromium context with
// fake camera and microphone (playwright.config.ts), through the embedded backend.

// Calls take a while to set up on a loaded two-core machine, and these tests set up several.
test.describe.configure({ timeout: 120_000 });

/** Opens (or observes) class-0001 as `username` and, opening it, joins the call from the device check. */
async function enter(browser: Browser, consoleUrl: string, username: string, how: 'open' | 'observe' = 'open', clockSkewMs = 0): Promise<ClassParticipant> {
  // Teachers and students see their one class; supervisors see all of them.
  const person = await joinClass(browser, consoleUrl, username, 'class-0001', { how, listed: how === 'observe' ? 50 : 1, clockSkewMs });
  if (how === 'open') await person.media.joinWithDevices();
  return person;
}

interface SupervisorClient {
  remedy(to: string, action: 'switch-line' | 'restart-media', params?: Record<string, string>): Promise<CommandAck>;
  /** Media telemetry events published by one participant so far. */
  mediaEvents(userId: string): Extract<TelemetryEvent, { type: 'media' }>[];
  end(): Promise<void>;
}

/** A supervisor's connection to the broker, sending remedies and reading telemetry as the supervisor console does. */
async function supervisorClient(backend: RunningBackend): Promise<SupervisorClient> {
  const client = await signedIn(backend, 'supervisor1');
  const acks = new Map<string, (ack: CommandAck) => void>();
  const telemetry: { userId: string; message: Telemetry }[] = [];
  client.on('message', (name, payload) => {
    const decoded = decode(name, payload);
    if (!decoded.ok) return;
    if (decoded.kind === 'commandAck') acks.get(decoded.message.commandId)?.(decoded.message);
    if (decoded.kind === 'telemetry') telemetry.push({ userId: decoded.params.userId, message: decoded.message });
  });
  await client.subscribeAsync([filter('commandAck', { classId: 'class-0001' }), filter('telemetry', { classId: 'class-0001' })], { qos: 1 });
  return {
    async remedy(to, action, params = {}) {
      const id = randomUUID();
      const acked = new Promise<CommandAck>((resolve) => acks.set(id, resolve));
      const command = encode('command', topic('command', { classId: 'class-0001', userId: to }), { v: 1, id, action, by: 'supervisor1', params, ts: Date.now() });
      await client.publishAsync(command.topic, Buffer.from(command.payload), { qos: 1 });
      const silence = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer to ${action} from ${to}`)), 15_000));
      return Promise.race([acked, silence]);
    },
    mediaEvents: (userId) =>
      telemetry
        .filter((t) => t.userId === userId)
        .flatMap((t) => t.message.events)
        .filter((e): e is Extract<TelemetryEvent, { type: 'media' }> => e.type === 'media'),
    end: () => client.endAsync(),
  };
}

async function signedIn(backend: RunningBackend, username: string): Promise<MqttClient> {
  const issued = await backend.issueToken(username, 'demo');
  if (!issued.ok) throw new Error(issued.message);
  const client = connect(backend.mqttUrl, { username, password: issued.token.token, protocolVersion: 4, reconnectPeriod: 0, clientId: ownClientId(username) });
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('error', reject);
  });
  return client;
}

test('teacher and student see and hear each other; muting silences the far side and moves the speaker highlight', async ({ browser, consoleUrl }) => {
  const teacher = await enter(browser, consoleUrl, 'teacher1');
  const student = await enter(browser, consoleUrl, 'student1');
  try {
    await teacher.media.expectReceiving('student1');
    await student.media.expectReceiving('teacher1');
    await expect(teacher.media.tile('student1')).toHaveAttribute('data-link', 'connected');
    await expect(student.media.tile('teacher1')).toHaveAttribute('data-camera', 'on');

    await test.step('the quality details are one click away, with the figures filled in', async () => {
      const details = await teacher.media.openQuality('student1');
      await expect(details.getByTestId('figure-frames')).not.toHaveText('0');
      await expect(details.getByTestId('figure-bitrate')).toContainText('kbit/s');
    });

    await test.step('the student mutes: the teacher sees it, hears silence, and is the one speaking', async () => {
      await student.media.toggleMic();
      await expect(teacher.media.tile('student1')).toHaveAttribute('data-mic', 'off');
      await teacher.media.expectSilenceFrom('student1');
      await expect(teacher.media.tile('teacher1')).toHaveAttribute('data-speaking', 'true');
    });

    await test.step('unmuted, sound comes back; with the teacher muted, the highlight goes to the student', async () => {
      await student.media.toggleMic();
      await expect(teacher.media.tile('student1')).toHaveAttribute('data-mic', 'on');
      await teacher.media.expectReceiving('student1');
      await teacher.media.toggleMic();
      await expect(teacher.media.tile('student1')).toHaveAttribute('data-speaking', 'true');
      await teacher.media.toggleMic();
    });

    await test.step('camera off shows on the far tile', async () => {
      await teacher.media.toggleCamera();
      await expect(student.media.tile('teacher1')).toHaveAttribute('data-camera', 'off');
      await teacher.media.toggleCamera();
      await expect(student.media.tile('teacher1')).toHaveAttribute('data-camera', 'on');
    });
  } finally {
    await teacher.close();
    await student.close();
  }
});

test('a teacher who joins again from a second device gets their audio and video there, though its clock is 10 minutes behind; the first says so and can take them back', async ({ browser, consoleUrl }) => {
  const first = await enter(browser, consoleUrl, 'teacher1');
  const student = await enter(browser, consoleUrl, 'student1');
  let second: ClassParticipant | null = null;
  try {
    await student.media.expectReceiving('teacher1');

    second = await enter(browser, consoleUrl, 'teacher1', 'open', -10 * 60_000);
    await expect(first.media.elsewhere).toBeVisible();
    await second.media.expectFlowingNow('student1');
    await student.media.expectFlowingNow('teacher1');
    // The first window let go: no connection of its own, no controls, and it stays that way (no tug of war).
    expect(await first.media.from('student1')).toBeUndefined();
    await expect(first.page.getByTestId('mic-toggle')).toHaveCount(0);
    await first.page.waitForTimeout(3_000);
    await expect(first.media.elsewhere).toBeVisible();
    await expect(second.media.elsewhere).toHaveCount(0);
    await student.media.expectFlowingNow('teacher1');

    await test.step('the first window takes them back; the second one says so', async () => {
      await first.media.takeBack();
      await expect(second!.media.elsewhere).toBeVisible();
      await expect(first.media.elsewhere).toHaveCount(0);
      await first.media.expectFlowingNow('student1');
      await student.media.expectFlowingNow('teacher1');
      expect(await second!.media.from('student1')).toBeUndefined();
    });
  } finally {
    await second?.close();
    await first.close();
    await student.close();
  }
});

test('a supervisor observing receives teacher and student, and is in neither the roster nor the tiles', async ({ browser, consoleUrl }) => {
  const teacher = await enter(browser, consoleUrl, 'teacher1');
  const student = await enter(browser, consoleUrl, 'student1');
  const observer = await enter(browser, consoleUrl, 'supervisor1', 'observe');
  try {
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
    await observer.close();
    await teacher.close();
    await student.close();
  }
});

test('switching microphone, speaker and screen share mid-class keeps the call going on the same connection', async ({ browser, consoleUrl }) => {
  const teacher = await enter(browser, consoleUrl, 'teacher1');
  const student = await enter(browser, consoleUrl, 'student1');
  try {
    await student.media.expectReceiving('teacher1');
    const before = (await student.media.from('teacher1'))!;
    await teacher.media.chooseDevice('audioInput', 'Fake Audio Input 1');
    await student.media.expectReceiving('teacher1');
    // The counters went on: the new microphone replaced the track on the connection that was there.
    const after = (await student.media.from('teacher1'))!;
    expect(after.framesDecoded).toBeGreaterThan(before.framesDecoded);
    expect(after.bytesReceived).toBeGreaterThan(before.bytesReceived);
    await expect(student.media.tile('teacher1')).toHaveAttribute('data-link', 'connected');

    await student.media.chooseDevice('audioOutput', 'Fake Audio Output 1');
    await expect.poll(() => student.media.sinkOf('teacher1')).not.toBe('');
    await student.media.expectReceiving('teacher1');

    // Screen sharing takes the camera's place on the same connection, and gives it back.
    await teacher.media.toggleScreenShare();
    await expect(student.media.tile('teacher1')).toHaveAttribute('data-screen', 'true');
    await student.media.expectReceiving('teacher1');
    await teacher.media.toggleScreenShare();
    await expect(student.media.tile('teacher1')).toHaveAttribute('data-screen', 'false');
    await expect(student.media.tile('teacher1')).toHaveAttribute('data-camera', 'on');
    expect((await student.media.from('teacher1'))!.framesDecoded).toBeGreaterThan(after.framesDecoded);
  } finally {
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

    // Stats reach the tag system as telemetry: what the teacher receives from the student, frames and audio included.
    await expect
      .poll(() => supervisor.mediaEvents('teacher1').some((e) => e.direction === 'receive' && e.kind === 'video' && e.peer === 'student1' && (e.frames ?? 0) > 0 && e.link === 'connected'))
      .toBe(true);
    await expect.poll(() => supervisor.mediaEvents('teacher1').some((e) => e.direction === 'send' && e.kind === 'audio' && (e.audioLevel ?? 0) > 0)).toBe(true);

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

test('malformed, duplicated, late and foreign-session signalling is ignored and the call goes on', async ({ browser, consoleUrl, server }) => {
  const teacher = await enter(browser, consoleUrl, 'teacher1');
  const student = await enter(browser, consoleUrl, 'student1');
  // A second connection of each: one to see what the student sends the teacher, one to send as the student.
  const eavesdrop = await signedIn(server.backend, 'teacher1');
  const forger = await signedIn(server.backend, 'student1');
  try {
    const seen: RtcSignal[] = [];
    eavesdrop.on('message', (name, payload) => {
      const decoded = decode(name, payload);
      if (decoded.ok && decoded.kind === 'rtc') seen.push(decoded.message);
    });
    await eavesdrop.subscribeAsync(topic('rtc', { classId: 'class-0001', toUserId: 'teacher1', fromUserId: 'student1' }), { qos: 1 });
    await teacher.media.expectReceiving('student1');
    // A renegotiation (ICE restart) makes the student send offers, answers and candidates the eavesdropper sees.
    const restarted = await test.step('restart the student’s media', () => supervisorRestart(server.backend, 'student1'));
    expect(restarted.ok, restarted.detail).toBe(true);
    await expect.poll(() => seen.length).toBeGreaterThan(2);

    const to = 'teacher1';
    const name = topic('rtc', { classId: 'class-0001', toUserId: to, fromUserId: 'student1' });
    const send = (message: unknown) => forger.publishAsync(name, typeof message === 'string' ? message : JSON.stringify(message), { qos: 1 });
    // What the student really sent (the eavesdropper hears the forgeries too, so take a copy first).
    const captured = [...seen];
    const current = captured.at(-1)!;
    // Duplicates of everything the student sent.
    for (const message of captured) await send(message);
    // From an earlier session, long ago.
    await send({ v: 1, session: 'an-old-session', seq: 1, kind: 'hello', ts: 1 });
    await send({ v: 1, session: 'an-old-session', seq: 2, kind: 'offer', to: current.to, sdp: 'v=0', ts: 2 });
    // Addressed to another of the teacher's sessions.
    await send({ ...current, seq: current.seq + 1000, to: 'not-the-teachers-session' });
    // An offer without SDP, garbage SDP, a candidate for nothing, and bytes that are not JSON at all.
    await send({ v: 1, session: current.session, seq: current.seq + 2000, kind: 'offer', to: current.to, ts: Date.now() });
    await send({ v: 1, session: current.session, seq: current.seq + 2001, kind: 'answer', to: current.to, sdp: 'this is not sdp', ts: Date.now() });
    await send({ v: 1, session: current.session, seq: current.seq + 2002, kind: 'candidate', to: current.to, candidate: { candidate: 'candidate:0 1 udp 1 0.0.0.0 9 typ host', sdpMid: '7', sdpMLineIndex: 7 }, ts: Date.now() });
    // Last: the broker may close a connection that sends it.
    void send('{"v":1,"session":').catch(() => undefined);

    await expect
      .poll(() => teacher.media.ignoredSignals())
      .toMatchObject({ duplicate: expect.any(Number), 'foreign-session': expect.any(Number), malformed: expect.any(Number) });
    const ignored = await teacher.media.ignoredSignals();
    expect((ignored.late ?? 0) + (ignored.retired ?? 0)).toBeGreaterThan(0);
    // The call never noticed.
    await expect(teacher.media.tile('student1')).toHaveAttribute('data-link', 'connected');
    await teacher.media.expectReceiving('student1');
    await student.media.expectReceiving('teacher1');
  } finally {
    await eavesdrop.endAsync();
    await forger.endAsync();
    await teacher.close();
    await student.close();
  }
});

async function supervisorRestart(backend: RunningBackend, userId: string): Promise<CommandAck> {
  const supervisor = await supervisorClient(backend);
  try {
    return await supervisor.remedy(userId, 'restart-media');
  } finally {
    await supervisor.end();
  }
}
