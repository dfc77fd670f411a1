import mqtt, { type MqttClient } from 'mqtt';
import type { Browser, Page } from '@playwright/test';
import { Course, filter, Telemetry, topic, type TelemetryEvent } from '../../shared/protocol';
import { expect, test } from '../fixtures';
import { serviceLogin } from '../../services/testing/clients';
import { colourPdf, colourPng, garbledPdf, type Rgb } from '../fixtures/courseware';
import { ClassListPage } from '../pages/ClassListPage';
import { ClassPage } from '../pages/ClassPage';
import { ConnectPage } from '../pages/ConnectPage';
import { BoardCourseware, CoursePanel } from '../pages/CoursePanel';

const CLASS_ID = 'class-0002';
const RED: Rgb = [220, 30, 30];
const BLUE: Rgb = [30, 60, 220];
const GREEN: Rgb = [40, 170, 60];

interface Participant {
  page: Page;
  course: CoursePanel;
  board: BoardCourseware;
  close: () => Promise<void>;
}

async function enter(browser: Browser, consoleUrl: string, username: string): Promise<Participant> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await new ConnectPage(page).open(consoleUrl);
  await new ConnectPage(page).signInAsDemo(username);
  await new ClassListPage(page).waitForClasses(1);
  await new ClassPage(page).open(CLASS_ID);
  return { page, course: new CoursePanel(page), board: new BoardCourseware(page), close: () => context.close() };
}

/** What the broker carries for the class, seen by a service connection: every participant's telemetry and the course. */
class ClassTap {
  readonly telemetry: { from: string; events: TelemetryEvent[] }[] = [];
  course: Course | null = null;

  private constructor(readonly client: MqttClient) {}

  static async open(url: string, login: Awaited<ReturnType<typeof serviceLogin>>): Promise<ClassTap> {
    const client = await mqtt.connectAsync(url, { ...login, reconnectPeriod: 0 });
    const tap = new ClassTap(client);
    client.on('message', (name, payload) => {
      if (name === topic('course', { classId: CLASS_ID })) {
        tap.course = Course.parse(JSON.parse(payload.toString()));
        return;
      }
      // Everything the console publishes must be valid protocol.
      const message = Telemetry.parse(JSON.parse(payload.toString()));
      tap.telemetry.push({ from: name.split('/').at(-1) ?? '', events: message.events });
    });
    await client.subscribeAsync([filter('telemetry', { classId: CLASS_ID }), topic('course', { classId: CLASS_ID })], { qos: 1 });
    return tap;
  }

  eventsFrom(userId: string): TelemetryEvent[] {
    return this.telemetry.filter((m) => m.from === userId).flatMap((m) => m.events);
  }

  assetOf(title: string): string | undefined {
    return this.course?.pages.find((page) => page.title === title)?.asset;
  }
}

/** A colour within 5 of `expected` per channel (rendering may round). */
function near(expected: Rgb) {
  return expected.map((channel) => expect.closeTo(channel, -1));
}

test('a teacher adds a PDF and an image; the student sees their pages and follows; a broken page fails alone and is reported', async ({ browser, consoleUrl, server }) => {
  const tap = await ClassTap.open(server.backend.mqttUrl, await serviceLogin(server.backend));
  const teacher = await enter(browser, consoleUrl, 'teacher2');
  const student = await enter(browser, consoleUrl, 'student2');
  try {
    // Students have no upload control.
    await expect(teacher.course.uploadButton).toBeVisible();
    await expect(student.course.uploadButton).toHaveCount(0);

    // A 3-page PDF whose second page is missing from its page tree, large enough for the upload to be seen moving
    // on a throttled link.
    const lesson = colourPdf([{ fill: RED }, { missing: true }, { fill: BLUE }], { padBytes: 600_000 });
    const cdp = await teacher.page.context().newCDPSession(teacher.page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 200_000 });
    await teacher.course.watchProgress();
    await teacher.course.pick([{ name: 'lesson.pdf', mimeType: 'application/pdf', buffer: lesson }]);
    await expect(teacher.course.upload('lesson.pdf')).toHaveAttribute('data-phase', 'added', { timeout: 30_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    const percents = await teacher.course.progressSeen();
    expect(percents.some((p) => p > 0 && p < 100), `progress seen: ${percents.join(', ')}`).toBe(true);
    await expect(teacher.course.upload('lesson.pdf')).toContainText('3 page');

    // An image, dropped onto the course panel.
    await teacher.course.drop([{ name: 'diagram.png', mimeType: 'image/png', buffer: colourPng(320, 200, GREEN) }]);
    await expect(teacher.course.upload('diagram.png')).toHaveAttribute('data-phase', 'added');

    for (const participant of [teacher, student]) {
      await expect(participant.course.entry('lesson.pdf · 1/3')).toBeVisible();
      await expect(participant.course.entry('lesson.pdf · 3/3')).toBeVisible();
      await expect(participant.course.entry('diagram.png')).toHaveAttribute('aria-current', 'page');
    }
    // The last file added is shown, on both sides.
    await expect.poll(() => student.board.colourAt()).toEqual(near(GREEN));
    await expect.poll(() => teacher.board.colourAt()).toEqual(near(GREEN));

    // Page turns: the student follows each one.
    await teacher.course.open('lesson.pdf · 1/3');
    await expect.poll(() => student.board.colourAt()).toEqual(near(RED));
    await expect(student.board.error).toBeHidden();

    await teacher.course.next();
    const broken = await teacher.course.current();
    await expect.poll(() => student.course.current()).toBe(broken);
    await expect(student.board.error).toBeVisible();
    await expect(student.board.error).toContainText('could not be shown');
    await expect(teacher.board.error).toBeVisible();

    await teacher.course.next();
    await expect.poll(() => student.board.colourAt()).toEqual(near(BLUE));
    await expect(student.board.error).toBeHidden();

    // The failure reached the broker as courseware telemetry from the student, naming the asset and the page.
    await expect.poll(() => tap.assetOf('lesson.pdf · 2/3')).toMatch(/^a-/);
    const asset = tap.assetOf('lesson.pdf · 2/3');
    await expect
      .poll(() => tap.eventsFrom('student2').find((e) => e.type === 'courseware' && e.asset === asset && e.page === 2 && !e.ok), { timeout: 20_000 })
      .toMatchObject({ error: expect.stringContaining('Page dictionary') });
    const loads = tap.eventsFrom('student2').filter((e) => e.type === 'courseware' && e.asset === asset && e.ok);
    expect(loads.map((e) => e.type === 'courseware' && e.page).sort()).toEqual(expect.arrayContaining([1, 3]));

    // Entry: the student's steps, timed from opening the class, and its components' initialisation.
    const entry = tap.eventsFrom('student2').flatMap((e) => (e.type === 'entry' ? [e] : []));
    expect(entry.map((e) => e.step)).toEqual(expect.arrayContaining(['token', 'broker', 'ready']));
    const ms = Object.fromEntries(entry.map((e) => [e.step, e.ms]));
    expect(ms.ready).toBeGreaterThanOrEqual(ms.broker!);
    expect(ms.broker).toBeGreaterThanOrEqual(ms.token!);
    const inits = tap.eventsFrom('student2').flatMap((e) => (e.type === 'init' ? [`${e.component}:${e.ok}`] : []));
    expect(inits).toEqual(expect.arrayContaining(['messaging:true', 'board:true', 'courseware:true']));
  } finally {
    await teacher.close();
    await student.close();
    await tap.client.endAsync();
  }
});

test('a refused file says why and leaves the course as it was', async ({ browser, consoleUrl }) => {
  const teacher = await enter(browser, consoleUrl, 'teacher2');
  const student = await enter(browser, consoleUrl, 'student2');
  try {
    await teacher.course.pick([{ name: 'start.png', mimeType: 'image/png', buffer: colourPng(64, 48, GREEN) }]);
    await expect(teacher.course.upload('start.png')).toHaveAttribute('data-phase', 'added');
    const pages = await teacher.course.pageIds();
    const current = await teacher.course.current();
    await expect.poll(() => student.course.current()).toBe(current);

    // Not courseware at all: refused before anything is sent.
    await teacher.course.pick([{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a lesson') }]);
    await expect(teacher.course.upload('notes.txt').getByTestId('upload-error')).toHaveAttribute('data-problem', 'unsupported-type');
    await expect(teacher.course.upload('notes.txt')).toContainText('only PDF, PNG, JPEG and WebP');

    // Named and typed as an image, but a PDF inside: the asset store refuses it.
    await teacher.course.pick([{ name: 'photo.png', mimeType: 'image/png', buffer: colourPdf([{ fill: RED }]) }]);
    await expect(teacher.course.upload('photo.png').getByTestId('upload-error')).toHaveAttribute('data-problem', 'type-mismatch');
    await expect(teacher.course.upload('photo.png')).toContainText('application/pdf');

    // A PDF pdf.js cannot read.
    await teacher.course.pick([{ name: 'garbled.pdf', mimeType: 'application/pdf', buffer: garbledPdf() }]);
    await expect(teacher.course.upload('garbled.pdf').getByTestId('upload-error')).toHaveAttribute('data-problem', 'unreadable-pdf');

    // The error is text on the screen, and the course is untouched on both sides.
    await expect(teacher.course.upload('garbled.pdf')).toHaveAttribute('role', 'alert');
    expect(await teacher.course.pageIds()).toEqual(pages);
    expect(await teacher.course.current()).toBe(current);
    expect(await student.course.pageIds()).toEqual(pages);
    expect(await student.course.current()).toBe(current);

    // Dismissed, an error goes away.
    await teacher.course.upload('notes.txt').getByTestId('upload-dismiss').click();
    await expect(teacher.course.upload('notes.txt')).toHaveCount(0);
  } finally {
    await teacher.close();
    await student.close();
  }
});
