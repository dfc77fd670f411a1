/**
 * bench:poll-tally — how long 50 students' answers take to reach the teacher's tally, over the real broker.
 *
 * An embedded backend (broker, poll service) on OS-chosen ports; a teacher's MQTT client subscribed to the class's
 * tallies, as the console's link worker is; 50 students, each its own MQTT connection with a token the backend
 * signed. Each round the teacher launches a poll (not anonymous, so the tally names who is counted) and the 50
 * students answer at once through the poll service's `answer` method. An answer's latency is from the moment its
 * student sent it to the first tally the teacher receives that counts that student (`pollTallyWireP95Ms`). When the
 * built renderer exists (npm run build), the teacher is also signed in to the real console in Chromium with the poll
 * panel open, and `pollTallyP95Ms` is measured to the teacher's screen: to the moment the panel first shows a count
 * that includes that student (a tally's respondents only grow, so the first count at or above the one of the tally
 * that first named the student is that tally or a later one). Without the build it falls back to the wire figure.
 *
 * Usage: npm run bench:poll-tally [-- --rounds 10 --students 50]
 * Last line, one JSON object:
 *   students          students answering each round
 *   rounds            polls launched
 *   answers           answers measured (students × rounds)
 *   pollTallyP50Ms    median answer-to-tally latency
 *   pollTallyP95Ms    95th percentile (the issue's `pollTallyP95Ms`; aim ≤ 1,000), to the teacher's screen
 *   pollTallyMaxMs    the slowest
 *   pollTallyWireP95Ms  95th percentile to the teacher's MQTT client (the tally on the wire)
 *   onScreen          true when measured in the console, false when the renderer was not built
 *   loadAverage       1-minute load average when it finished
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { pathToFileURL } from 'node:url';
import type { PollTally } from '../shared/protocol/polls';
import { filter } from '../shared/protocol/topics';
import { launchBackend, type BackendInternals, type RunningBackend } from '../services/backend';
import { Clients, subscribe } from '../services/testing/clients';
import { TestParticipant } from '../services/testing/test-participant';
import { CHROMIUM_BASE_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { percentile, round } from './stats';

export interface PollTallyFigures {
  students: number;
  rounds: number;
  answers: number;
  pollTallyP50Ms: number;
  pollTallyP95Ms: number;
  pollTallyMaxMs: number;
  pollTallyWireP95Ms: number;
  onScreen: boolean;
  loadAverage: number;
}

const rendererDir = resolve(import.meta.dirname, '../out/renderer');

/** The real console in Chromium, signed in as the teacher with the poll panel open; records each count it shows. */
async function teacherScreen(httpUrl: string): Promise<{ countsShown(): Promise<{ at: number; count: number; pollId: string }[]>; close(): Promise<void> }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_BASE_ARGS] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(httpUrl);
  await page.getByTestId('demo-account-teacher1').click();
  await page.locator(`[data-testid="class-row"][data-class-id="${classId}"]`).getByTestId('class-open').click();
  await page.getByTestId('polls-toggle').click();
  await page.getByTestId('polls-panel').waitFor();
  await page.evaluate(() => {
    const shown: { at: number; count: number; pollId: string }[] = [];
    (window as unknown as { __pollCounts: typeof shown }).__pollCounts = shown;
    new MutationObserver((records) => {
      const at = Date.now();
      for (const r of records) {
        const el = r.target as Element;
        if (el.getAttribute?.('data-testid') === 'poll-summary') shown.push({ at, count: Number(el.getAttribute('data-respondents')), pollId: el.getAttribute('data-poll-id') ?? '' });
      }
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-respondents'] });
  });
  return {
    countsShown: () => page.evaluate(() => (window as unknown as { __pollCounts: { at: number; count: number; pollId: string }[] }).__pollCounts),
    close: () => browser.close(),
  };
}

const classId = 'class-0001';

/**
 * Measures answer-to-tally latency with `students` simulated students over `rounds` polls. Starts its own backend
 * unless one is given (with its internals, for signing the students' tokens).
 */
export async function measurePollTally(options: { students?: number; rounds?: number; backend?: { backend: RunningBackend; internals: BackendInternals } } = {}): Promise<PollTallyFigures> {
  const studentCount = options.students ?? 50;
  const rounds = options.rounds ?? 10;
  const onScreen = existsSync(resolve(rendererDir, 'index.html'));
  const own = options.backend ? null : await launchBackend({ classes: 50, simulate: false, tagger: false, staticDir: onScreen ? rendererDir : undefined });
  const { backend, internals } = options.backend ?? own!;
  const clients = new Clients();
  const screen = onScreen ? await teacherScreen(backend.httpUrl) : null;
  try {
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    await subscribe(teacher.client, [filter('pollTally', { classId })]);
    const students = await Promise.all(
      Array.from({ length: studentCount }, async (_, i) => {
        const id = `bench-student-${i}`;
        const { token } = await internals.tokens.sign({ sub: id, name: `Student ${i}`, role: 'student', classes: [classId] });
        return TestParticipant.open(clients, backend, id, token);
      }),
    );
    const latencies: number[] = [];
    const wire: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const pollId = `bench-${randomUUID().slice(0, 8)}`;
      const draft = { kind: 'poll', title: `Bench ${round}`, anonymous: false, questions: [{ id: 'q1', type: 'single', prompt: 'Ready?', options: [{ id: 'yes', text: 'Yes' }, { id: 'no', text: 'No' }] }] };
      const launched = await teacher.call('polls', 'launch', { classId, id: pollId, draft });
      if (!launched.ok) throw new Error(`launch refused: ${launched.error.message}`);
      const sentAt = new Map<string, number>();
      const seenAt = new Map<string, number>();
      const countAt = new Map<string, number>();
      const done = new Promise<void>((resolve) => {
        const onMessage = (topic: string, payload: Buffer) => {
          if (!topic.endsWith(`/polls/${pollId}/tally`)) return;
          const now = Date.now();
          const tally = JSON.parse(payload.toString()) as PollTally;
          for (const a of tally.answers ?? []) {
            if (seenAt.has(a.userId)) continue;
            seenAt.set(a.userId, now);
            countAt.set(a.userId, tally.results.respondents);
          }
          if (seenAt.size === studentCount) {
            teacher.client.off('message', onMessage);
            resolve();
          }
        };
        teacher.client.on('message', onMessage);
      });
      await Promise.all(
        students.map(async (s, i) => {
          sentAt.set(s.userId, Date.now());
          const answered = await s.call('polls', 'answer', { classId, pollId, answers: [{ questionId: 'q1', choices: [i % 2 ? 'yes' : 'no'] }] }, 30_000);
          if (!answered.ok) throw new Error(`answer refused: ${answered.error.message}`);
        }),
      );
      await done;
      for (const [userId, at] of seenAt) wire.push(at - sentAt.get(userId)!);
      if (screen) {
        // Wait until the panel shows everyone, then read when each count first appeared.
        let shown: { at: number; count: number; pollId: string }[] = [];
        for (let tries = 0; tries < 200; tries++) {
          shown = (await screen.countsShown()).filter((c) => c.pollId === pollId);
          if (shown.some((c) => c.count >= studentCount)) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        for (const [userId, count] of countAt) {
          const first = shown.find((c) => c.count >= count);
          if (first) latencies.push(first.at - sentAt.get(userId)!);
        }
      }
    }
    if (!screen) latencies.push(...wire);
    return {
      students: studentCount,
      rounds,
      answers: latencies.length,
      pollTallyP50Ms: Math.round(percentile(latencies, 50)),
      pollTallyP95Ms: Math.round(percentile(latencies, 95)),
      pollTallyMaxMs: Math.round(Math.max(...latencies)),
      pollTallyWireP95Ms: Math.round(percentile(wire, 95)),
      onScreen: screen !== null,
      loadAverage: round(loadavg()[0]!, 2),
    };
  } finally {
    await screen?.close();
    await clients.closeAll();
    await own?.backend.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i === -1 ? undefined : Number(process.argv[i + 1]);
  };
  const figures = await measurePollTally({ students: arg('students'), rounds: arg('rounds') });
  console.log(JSON.stringify(figures));
  process.exit(0);
}
