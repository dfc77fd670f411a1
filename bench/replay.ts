/**
 * bench:replay — records a simulated 60-minute class through the real recorder service, replays it on the console's
 * replay screen in Chromium, and measures recording cost, seeking, and whether the replay ends where the class did.
 *
 * An embedded backend (broker, board service, moderation, polls) serving the built renderer (npm run build first).
 * The recorder runs as a process of its own (bench/replay-recorder.ts, the real RecorderService), so its CPU is its
 * own; the backend's embedded recorder is stopped first. A student (student1) follows the class live in the real
 * console in Chromium. The class (bench/replay-class.ts: about 50,000 board ops over 30 pages, page turns, chat, hands
 * and a poll, by the teacher and ten students, each its own MQTT connection) is played `--speed` times faster than
 * real time; the recorder's clock runs at the same speed, so the recording's times are the class's. Then the teacher
 * opens the replay in Chromium (`?replay=`), seeks to seeded random moments and to the end, and every page of the
 * replayed board is compared with the live console's. Last, bench/poll-tally.ts's `measurePollTally` runs on a
 * backend of its own.
 *
 * The board service's snapshot interval is wall-clock (2 s): played faster, the class records fewer snapshots than a
 * real hour would, so a replay has more ops to feed after each page's last snapshot than it would then.
 *
 * Usage: npm run bench:replay [-- --minutes 60 --ops 50000 --speed 20 --seeks 30]
 * Last line, one JSON object:
 *   ops                  board ops recorded (entries of kind boardOps written while the class ran)
 *   recordCpuPct         the recorder process's CPU time (user + system, process.cpuUsage) from the start of the
 *                        recording to its stop, as a percentage of the class's duration (minutes × 60 s): the share of
 *                        one core a recorder needs to keep up with this class in real time
 *   recordCpuPctWall     the same CPU time against the wall-clock time it took here (the class played `speed`× faster)
 *   recordCpuMs          that CPU time
 *   seekP95Ms            95th percentile of a seek on the replay screen: from the player's seek to the frame after the
 *                        replayed board's view holds every live element of the shown page (nearest rank; aim ≤ 500)
 *   seekP50Ms, seekMaxMs, seeks
 *   replayEndIdentical   true when, after seeking to the end, every page of the replayed board serializes
 *                        byte-identical to the live console's board at the end of the class
 *   pagesDiffering       pages where they differ (0 when identical)
 *   liveMatchesSent      true when the live board also equals the merge of every op sent (a check on the bench)
 *   pollTallyP95Ms       measurePollTally's 95th percentile to the teacher's screen (bench/poll-tally.ts; aim ≤ 1,000)
 *   pollTallyWireP95Ms   the same to the teacher's MQTT client
 *   classMinutes, speed, pages, pageTurns, chat, hands, polls   the class played
 *   recordedEntries, recordingBytes, snapshotsRecorded            the recording
 *   loadReplayMs         from the replay screen's sign-in to its board mounted (download, checks, first seek)
 *   loadAverage          1-minute load average at the start and at the end
 * BENCH_REPLAY_PROFILE=<file> also writes the replay page's CPU profile over the seeks (a .cpuprofile for DevTools), and
 * BENCH_REPLAY_SCREENSHOTS=<folder> the replay screen at the end at 1280×720 and 1920×1080.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { encode, type Outbound } from '../shared/protocol/codec';
import type { RecordingState } from '../shared/protocol/recording';
import { DEFAULT_ROOT, topic } from '../shared/protocol/topics';
import { launchBackend, type BackendInternals, type RunningBackend } from '../services/backend';
import type { Denial } from '../services/broker/access';
import { readRecordingFile } from '../services/recorder/recording-file';
import { recordingPath } from '../services/recorder/recorder';
import { Clients } from '../services/testing/clients';
import { roomMessage, TestParticipant } from '../services/testing/test-participant';
import { CHROMIUM_BASE_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { measurePollTally } from './poll-tally';
import { POLL_ID, simulateClass, STUDENTS, TEACHER, type ClassEvent, type SimulatedClass } from './replay-class';
import { percentile, round } from './stats';

const CLASS_ID = 'class-0001';
const LIVE_VIEWER = 'student1';
/** Course and room versions above any a fresh backend holds. */
const VERSION_BASE = 1_000;
const rendererDir = resolve(import.meta.dirname, '../out/renderer');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i === -1 ? NaN : Number(process.argv[i + 1]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

interface Cpu {
  userMs: number;
  systemMs: number;
  errors: number;
  drops: number;
}

/** The recorder in its own process, on the backend's broker and recordings folder. */
async function startRecorder(backend: RunningBackend, internals: BackendInternals, speed: number): Promise<{ child: ChildProcess; startClock(epoch: number): Promise<void>; cpu(): Promise<Cpu>; stop(): Promise<void> }> {
  const teacher = internals.access.claimsOfUser(TEACHER);
  if (!teacher) throw new Error(`${TEACHER} is not connected: the recorder could not check who may record`);
  const child = fork(resolve(import.meta.dirname, 'replay-recorder.ts'), [], {
    env: {
      ...process.env,
      REPLAY_MQTT_URL: backend.mqttUrl,
      REPLAY_ROOT: DEFAULT_ROOT,
      REPLAY_DIR: internals.recordingsDir,
      REPLAY_TOKEN: await backend.serviceToken('recorder'),
      REPLAY_CLAIMS: JSON.stringify({ [TEACHER]: teacher }),
      REPLAY_SPEED: String(speed),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolveReady, reject) => {
    child.once('message', () => resolveReady());
    child.once('exit', (code) => reject(new Error(`the recorder process exited (${code}) before it was ready`)));
  });
  const ask = <T>(type: string, extra: object = {}) =>
    new Promise<T>((resolveAnswer) => {
      const onMessage = (message: { type: string } & T) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        resolveAnswer(message);
      };
      child.on('message', onMessage);
      child.send({ type, ...extra });
    });
  const cpu = () => ask<Cpu>('cpu');
  const startClock = async (epoch: number) => void (await ask<unknown>('clock', { epoch }));
  const stop = () =>
    new Promise<void>((resolveStop) => {
      if (child.exitCode !== null) return resolveStop();
      child.once('exit', () => resolveStop());
      child.send({ type: 'stop' });
      setTimeout(() => child.kill(), 10_000).unref();
    });
  return { child, startClock, cpu, stop };
}

/** Signs in a demo account in a fresh context of the browser; `search` is the address's query (a replay link). */
async function signIn(browser: Browser, httpUrl: string, who: string, search = ''): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(`${httpUrl}/${search}`);
  await page.getByTestId(`demo-account-${who}`).click();
  return page;
}

/**
 * Waits for sends to be acknowledged; a connection the broker closed would leave them waiting for ever (refusals are
 * printed as they happen). On a machine loaded far past its cores the broker can take over a minute to catch up.
 */
async function settled(pending: Promise<unknown>[]): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${pending.length} sends were not acknowledged within 300 s (the broker fell behind, or closed a connection)`)), 300_000);
  });
  try {
    await Promise.race([Promise.all(pending), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The teacher's second connection: room changes, polls and chat, never queued behind the teacher's board ops. */
const CONTROL = `${TEACHER}#control`;

/**
 * Sends the class's events as their time comes, at `speed`; returns what the services refused. Chat is sent as a
 * request without waiting for its answer (the recording shows what went through). A room change waits until every
 * earlier send is acknowledged and is itself acknowledged before anything after it is sent: a student's op that
 * reached the broker on the wrong side of a grant or a revoke would be refused and close their connection. Poll steps
 * wait for their answer (a launch is retried with its id, which the poll service answers as it is).
 */
async function playClass(sim: SimulatedClass, people: Map<string, TestParticipant>, epoch: number, speed: number): Promise<{ refused: string[] }> {
  const refused: string[] = [];
  let pending: Promise<unknown>[] = [];
  let courseVersion = VERSION_BASE + 1;
  let roomVersion = VERSION_BASE + 1;
  const person = (id: string) => people.get(id)!;
  const publish = (who: TestParticipant, message: Outbound) => {
    pending.push(who.send(message).catch((error: Error) => refused.push(`publish: ${error.message}`)));
  };
  const request = (who: TestParticipant, service: string, method: string, params: unknown) => {
    const requestTopic = topic('serviceRequest', { service, userId: who.userId });
    publish(who, encode('serviceRequest', requestTopic, { v: 1, id: randomUUID(), method, replyTo: who.replyTo, params, deadline: Date.now() + 60_000 }));
  };
  const answered = async (service: string, method: string, params: unknown) => {
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await people.get(CONTROL)!.call(service, method, params, 20_000);
        if (!response.ok) refused.push(`${service}.${method}: ${response.error.message}`);
        return;
      } catch (error) {
        if (attempt === 5) return void refused.push(`${service}.${method}: ${(error as Error).message}`);
      }
    }
  };
  const send = async (event: ClassEvent): Promise<void> => {
    switch (event.type) {
      case 'ops':
        return publish(person(event.actor), encode('boardOps', topic('boardOps', { classId: CLASS_ID, userId: event.actor }), event.message));
      case 'course':
        return publish(person(TEACHER), encode('course', topic('course', { classId: CLASS_ID }), { ...event.message, version: courseVersion++, ts: Date.now() }));
      case 'room': {
        await settled(pending);
        pending = [];
        await people.get(CONTROL)!.send(roomMessage(CLASS_ID, roomVersion++, { drawing: event.drawing, by: TEACHER }));
        return;
      }
      case 'hand':
        return publish(person(event.actor), encode('hand', topic('hand', { classId: CLASS_ID, userId: event.actor }), { v: 1, raised: event.raised, at: Date.now() }));
      case 'chat':
        return request(event.actor === TEACHER ? people.get(CONTROL)! : person(event.actor), 'moderation', 'chat.send', { classId: CLASS_ID, id: event.id, text: event.text });
      case 'answer':
        return request(person(event.actor), 'polls', 'answer', { classId: CLASS_ID, pollId: POLL_ID, answers: [{ questionId: 'q1', choices: [event.choice] }] });
      case 'poll':
        if (event.step === 'launch') {
          const draft = { kind: 'poll', title: 'Is x = 3 a solution?', anonymous: false, questions: [{ id: 'q1', type: 'truefalse', prompt: 'Is x = 3 a solution?', options: [{ id: 'true', text: 'True' }, { id: 'false', text: 'False' }] }] };
          return answered('polls', 'launch', { classId: CLASS_ID, id: POLL_ID, draft });
        }
        if (event.step === 'close') return answered('polls', 'close', { classId: CLASS_ID, pollId: POLL_ID });
        return answered('polls', 'show', { classId: CLASS_ID, pollId: POLL_ID, shown: true });
    }
  };
  let next = 0;
  const { events } = sim;
  while (next < events.length) {
    const classNow = (Date.now() - epoch) * speed;
    while (next < events.length && events[next]!.at <= classNow) await send(events[next++]!);
    if (pending.length > 2_000) await settled(pending.splice(0));
    await sleep(5);
  }
  await settled(pending);
  return { refused };
}

/** Seeks the replay screen's player and times it to the frame after the board's view holds the shown page. */
function timedSeek(page: Page, at: number): Promise<number> {
  // No named functions inside: the bench runs under tsx, whose keep-names helper does not exist in the page.
  return page.evaluate(async (target) => {
    const w = window as unknown as {
      __replay: { seek(at: number): void };
      __board?: { serialize(pageId?: string): string; objectCount(): number; status(): { resyncing: boolean } };
    };
    const start = performance.now();
    w.__replay.seek(target);
    for (let i = 0; i < 3_000; i++) {
      await new Promise<void>((r) => requestAnimationFrame(() => r()));
      const board = w.__board;
      if (!board || board.status().resyncing) continue;
      const serialized = board.serialize();
      const live = serialized ? (JSON.parse(serialized) as { elements: { deleted: boolean }[] }).elements.filter((e) => !e.deleted).length : 0;
      if (board.objectCount() === live) {
        await new Promise<void>((r) => requestAnimationFrame(() => r()));
        return performance.now() - start;
      }
    }
    return NaN;
  }, at);
}

const serializedPages = (page: Page, pageIds: string[]) =>
  page.evaluate((ids) => ids.map((id) => (window as unknown as { __board?: { serialize(pageId: string): string } }).__board?.serialize(id) ?? ''), pageIds);

async function main(): Promise<void> {
  const minutes = arg('minutes', 60);
  const speed = arg('speed', 20);
  const seekCount = arg('seeks', 30);
  const loadStart = round(loadavg()[0]!, 2);
  if (!existsSync(resolve(rendererDir, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first (seeks are measured in the console)');
  const sim = simulateClass({ minutes, ops: arg('ops', 50_000) });

  // Refused publishes close their sender's connection: each is reported, as the class would be played wrong after it.
  const denials: string[] = [];
  const onDenied = (d: Denial) => {
    if (d.action === 'publish' && denials.push(`${d.user ?? '?'} ${d.topic}: ${d.why}`) <= 5) console.error(`broker refused ${d.user ?? '?'} on ${d.topic}: ${d.why}`);
  };
  const { backend, internals } = await launchBackend({ classes: 50, simulate: false, tagger: false, staticDir: rendererDir, onDenied });
  const clients = new Clients();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_BASE_ARGS] });
  let recorder: Awaited<ReturnType<typeof startRecorder>> | null = null;
  try {
    // The backend's own recorder steps aside for the one in its own process.
    await internals.recorder().stop();
    const people = new Map<string, TestParticipant>();
    people.set(TEACHER, await TestParticipant.open(clients, backend, TEACHER));
    people.set(CONTROL, await TestParticipant.open(clients, backend, TEACHER));
    for (const id of STUDENTS) {
      const { token } = await internals.tokens.sign({ sub: id, name: `Student ${id.slice(-1)}`, role: 'student', classes: [CLASS_ID] });
      people.set(id, await TestParticipant.open(clients, backend, id, token));
    }
    const teacher = people.get(TEACHER)!;
    // The class as it stands when recording starts: the course on its first page, nobody else drawing.
    const first = sim.events.find((e) => e.type === 'course');
    if (first?.type !== 'course') throw new Error('the simulated class has no course');
    await teacher.send(encode('course', topic('course', { classId: CLASS_ID }), { ...first.message, current: sim.pageIds[0]!, version: VERSION_BASE, ts: Date.now() }));
    await teacher.send(roomMessage(CLASS_ID, VERSION_BASE, { drawing: [], by: TEACHER }));

    const live = await signIn(browser, backend.httpUrl, LIVE_VIEWER);
    await live.locator(`[data-testid="class-row"][data-class-id="${CLASS_ID}"]`).getByTestId('class-open').click();
    await live.getByTestId('board').waitFor({ timeout: 60_000 });

    recorder = await startRecorder(backend, internals, speed);
    const started = await teacher.call('recorder', 'start', { classId: CLASS_ID }, 30_000);
    if (!started.ok) throw new Error(`recording refused: ${started.error.message}`);
    // The class starts now: the recorder's clock runs at its speed from here (the retained state it wrote at its start
    // is a few wall-clock seconds earlier).
    const epoch = Date.now();
    await recorder.startClock(epoch);
    const cpuStart = await recorder.cpu();
    const wallStart = Date.now();
    const { refused } = await playClass(sim, people, epoch, speed);
    const stopped = await teacher.call('recorder', 'stop', { classId: CLASS_ID }, 30_000);
    if (!stopped.ok || (stopped.result as RecordingState).state !== 'stopped') throw new Error('the recording did not stop');
    const cpuEnd = await recorder.cpu();
    const wallMs = Date.now() - wallStart;
    const cpuMs = cpuEnd.userMs + cpuEnd.systemMs - cpuStart.userMs - cpuStart.systemMs;
    await recorder.stop();
    if (refused.length > 0) console.error(`${refused.length} requests refused, e.g. ${refused.slice(0, 3).join('; ')}`);

    const file = recordingPath(internals.recordingsDir, CLASS_ID);
    const recording = readRecordingFile(file);
    const recordingBytes = statSync(file).size;
    const ops = recording.entries.filter((e) => e.k === 'boardOps' && !('state' in e && e.state)).length;

    // The live board once it has taken everything: it equals the merge of every op sent, or stops changing.
    const expected = sim.pageIds.map((id) => sim.pages.get(id)!.serialize());
    let livePages: string[] = [];
    for (let tries = 0; tries < 120; tries++) {
      const now = await serializedPages(live, sim.pageIds);
      const settled = now.every((s, i) => s === expected[i]) || (livePages.length > 0 && now.every((s, i) => s === livePages[i]) && tries > 10);
      livePages = now;
      if (settled) break;
      await sleep(500);
    }
    const liveMatchesSent = livePages.every((s, i) => s === expected[i]);

    const loadStarted = Date.now();
    const replay = await signIn(browser, backend.httpUrl, TEACHER, `?replay=${CLASS_ID}`);
    await replay.waitForFunction(() => (window as unknown as { __replay?: unknown }).__replay !== undefined && (window as unknown as { __board?: unknown }).__board !== undefined, null, { timeout: 300_000 });
    const loadReplayMs = Date.now() - loadStarted;
    const durationMs = await replay.evaluate(() => (window as unknown as { __replay: { durationMs: number } }).__replay.durationMs);
    const random = seeded(7);
    const seeks: number[] = [];
    const seek = async (at: number) => {
      const ms = await timedSeek(replay, at);
      if (!Number.isFinite(ms)) throw new Error(`a seek to ${at} ms never showed its board`);
      seeks.push(ms);
    };
    // BENCH_REPLAY_PROFILE=<file>: the replay page's CPU profile over the seeks (open in Chromium's DevTools).
    const profiler = process.env.BENCH_REPLAY_PROFILE ? await replay.context().newCDPSession(replay) : null;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.start');
    }
    for (let i = 0; i < seekCount; i++) await seek(Math.round(random() * durationMs));
    await seek(durationMs);
    if (profiler) writeFileSync(process.env.BENCH_REPLAY_PROFILE!, JSON.stringify((await profiler.send('Profiler.stop')).profile));
    // BENCH_REPLAY_SCREENSHOTS=<folder>: the replay screen at the end, at 1280×720 and 1920×1080, to look at.
    const shots = process.env.BENCH_REPLAY_SCREENSHOTS;
    if (shots) {
      mkdirSync(shots, { recursive: true });
      for (const [width, height] of [[1280, 720], [1920, 1080]] as const) {
        await replay.setViewportSize({ width, height });
        await replay.waitForTimeout(500);
        await replay.screenshot({ path: resolve(shots, `replay-${width}x${height}.png`) });
      }
    }
    const replayPages = await serializedPages(replay, sim.pageIds);
    const pagesDiffering = replayPages.filter((s, i) => s !== livePages[i] || s === '').length;
    await browser.close();
    await clients.closeAll();
    await backend.close();

    const poll = await measurePollTally();
    const classMs = minutes * 60_000;
    const figures = {
      ops,
      recordCpuPct: round((cpuMs / classMs) * 100, 2),
      recordCpuPctWall: round((cpuMs / wallMs) * 100, 1),
      recordCpuMs: Math.round(cpuMs),
      seekP95Ms: Math.round(percentile(seeks, 95)),
      seekP50Ms: Math.round(percentile(seeks, 50)),
      seekMaxMs: Math.round(Math.max(...seeks)),
      seeks: seeks.length,
      replayEndIdentical: pagesDiffering === 0,
      pagesDiffering,
      liveMatchesSent,
      pollTallyP95Ms: poll.pollTallyP95Ms,
      pollTallyWireP95Ms: poll.pollTallyWireP95Ms,
      classMinutes: minutes,
      speed,
      pages: sim.pageIds.length,
      pageTurns: sim.counts.pageTurns,
      chat: recording.entries.filter((e) => e.k === 'chat').length,
      hands: recording.entries.filter((e) => e.k === 'hand' && !('state' in e && e.state)).length,
      polls: new Set(recording.entries.flatMap((e) => (e.k === 'poll' ? [(e.m as { id: string }).id] : []))).size,
      recordedEntries: recording.entries.length,
      recordingBytes,
      snapshotsRecorded: recording.entries.filter((e) => e.k === 'boardSnapshot').length,
      recorderDrops: cpuEnd.drops,
      loadReplayMs,
      loadAverage: { start: loadStart, end: round(loadavg()[0]!, 2) },
    };
    console.log(JSON.stringify(figures));
  } finally {
    await recorder?.stop();
    await browser.close().catch(() => {});
    await clients.closeAll().catch(() => {});
    await backend.close().catch(() => {});
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
