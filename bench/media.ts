/**
 * bench:media — one peer-to-peer call between a teacher and a student in Chromium (fake camera and microphone), in
 * browser mode against the embedded backend, with the built renderer. It prints its figures; the last line is one
 * JSON object:
 *   setupToFirstFrameMs  the student opens the class (the teacher is already in it, devices remembered, so no device
 *                        check) → both have decoded the first video frame from the other (median of the runs)
 *   recoveryAfterCutMs   on the relay line, the relay is cut for 10 s and restored → video frames arrive again on
 *                        both sides (median), with no remedy sent: the session recovers by itself
 *   cpuPercent           CPU time of every Chromium process while the call runs (both ends, one browser), over
 *                        CPU_WINDOW_S seconds, in percent of one core
 *   runs                 how many calls were set up and cut
 * Timing is read by polling getStats every POLL_MS, so figures are within that of the truth.
 */
import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { connect } from 'mqtt';
import { encode, topic } from '../shared/protocol';
import { launchBackend, type BackendInternals, type RunningBackend } from '../services/backend';
import { CHROMIUM_BASE_ARGS, CHROMIUM_PATH, FAKE_MEDIA_ARGS } from '../e2e/chromium';
import { medianMs } from './stats';
import { ownClientId } from '../services/testing/clients';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CUT_MS = 10_000;
const CPU_WINDOW_S = Number(process.env.BENCH_CPU_SECONDS ?? 10);
const POLL_MS = 25;
const rendererDir = resolve(import.meta.dirname, '../out/renderer');


interface Inbound {
  framesDecoded: number;
}

async function framesFrom(page: Page, userId: string): Promise<number> {
  return page.evaluate(async (from) => {
    const hook = (window as unknown as { __media?: { inbound(): Promise<Record<string, Inbound>> } }).__media;
    return (await hook?.inbound())?.[from]?.framesDecoded ?? 0;
  }, userId);
}

/** Resolves with Date.now() when frames from `userId` have grown past `above` on `page`. */
async function framesPast(page: Page, userId: string, above: number, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await framesFrom(page, userId)) > above) return Date.now();
    if (Date.now() > deadline) throw new Error(`no frames from ${userId} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

async function participant(browser: Browser, url: string, username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // The devices are remembered from an earlier check, as for anyone who has taken a class before.
  await context.addInitScript(() => {
    localStorage.setItem('classroom-console.devices', JSON.stringify({ audioInput: null, videoInput: null, audioOutput: null, checkedAt: Date.now() }));
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId(`demo-account-${username}`).click();
  await page.locator('[data-testid="class-row"][data-class-id="class-0001"]').waitFor();
  return { context, page };
}

async function openClass(page: Page): Promise<void> {
  await page.locator('[data-testid="class-row"][data-class-id="class-0001"]').getByTestId('class-open').click();
}

async function remedy(backend: RunningBackend, to: string, params: Record<string, string>): Promise<void> {
  const issued = await backend.issueToken('supervisor1', 'demo');
  if (!issued.ok) throw new Error(issued.message);
  const client = await connect(backend.mqttUrl, { username: 'supervisor1', password: issued.token.token, clientId: ownClientId('supervisor1'), protocolVersion: 4, reconnectPeriod: 0 });
  await new Promise<void>((ok, fail) => (client.once('connect', () => ok()), client.once('error', fail)));
  const command = encode('command', topic('command', { classId: 'class-0001', userId: to }), { v: 1, id: randomUUID(), action: 'switch-line', by: 'supervisor1', params, ts: Date.now() });
  await client.publishAsync(command.topic, Buffer.from(command.payload), { qos: 1 });
  await client.endAsync();
}

/** CPU seconds used so far by every process below this one (Chromium and its helpers). */
function descendantsCpuSeconds(): number {
  const ticks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  const parents = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
      cpu.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / ticks);
    } catch {
      // The process ended while being read.
    }
  }
  const below = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) if (p === process.pid) return true;
    return false;
  };
  let total = 0;
  for (const [pid, seconds] of cpu) if (below(pid)) total += seconds;
  return total;
}

async function oneCall(browser: Browser, backend: RunningBackend, internals: BackendInternals, run: number, measureCpu: boolean) {
  const teacher = await participant(browser, backend.httpUrl, 'teacher1');
  const student = await participant(browser, backend.httpUrl, 'student1');
  try {
    await openClass(teacher.page);
    await teacher.page.getByTestId('media-stage').and(teacher.page.locator('[data-phase="live"]')).waitFor();

    const openedAt = Date.now();
    await openClass(student.page);
    const [atTeacher, atStudent] = await Promise.all([framesPast(teacher.page, 'student1', 0), framesPast(student.page, 'teacher1', 0)]);
    const setup = Math.max(atTeacher, atStudent) - openedAt;
    console.log(`run ${run}: setup to first frame both ways ${setup} ms`);

    let cpuPercent: number | null = null;
    if (measureCpu) {
      const before = descendantsCpuSeconds();
      await new Promise((r) => setTimeout(r, CPU_WINDOW_S * 1000));
      cpuPercent = Math.round(((descendantsCpuSeconds() - before) / CPU_WINDOW_S) * 1000) / 10;
      console.log(`run ${run}: Chromium CPU during the call ${cpuPercent} % of one core`);
    }

    // Onto the relay line, then cut the relay: the call's network path goes down for real.
    await remedy(backend, 'student1', { line: 'line-b' });
    await student.page.locator('[data-testid="media-line"][data-line-id="line-b"]').waitFor();
    await Promise.all([framesPast(teacher.page, 'student1', await framesFrom(teacher.page, 'student1')), framesPast(student.page, 'teacher1', await framesFrom(student.page, 'teacher1'))]);
    const relay = internals.media?.relay;
    if (!relay) throw new Error('the embedded relay is not running');
    relay.setCut(true);
    await new Promise((r) => setTimeout(r, CUT_MS));
    const [frozenTeacher, frozenStudent] = await Promise.all([framesFrom(teacher.page, 'student1'), framesFrom(student.page, 'teacher1')]);
    relay.setCut(false);
    const restoredAt = Date.now();
    const [backTeacher, backStudent] = await Promise.all([framesPast(teacher.page, 'student1', frozenTeacher), framesPast(student.page, 'teacher1', frozenStudent)]);
    const recovery = Math.max(backTeacher, backStudent) - restoredAt;
    console.log(`run ${run}: after a ${CUT_MS / 1000} s cut, frames again both ways ${recovery} ms after the network came back`);
    return { setup, recovery, cpuPercent };
  } finally {
    await teacher.context.close();
    await student.context.close();
  }
}

async function main(): Promise<void> {
  if (!existsSync(resolve(rendererDir, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first');
  const { backend, internals } = await launchBackend({ classes: 2, staticDir: rendererDir, simulate: false });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_BASE_ARGS, ...FAKE_MEDIA_ARGS],
  });
  try {
    const setups: number[] = [];
    const recoveries: number[] = [];
    let cpuPercent: number | null = null;
    for (let run = 1; run <= RUNS; run++) {
      const result = await oneCall(browser, backend, internals, run, run === 1);
      setups.push(result.setup);
      recoveries.push(result.recovery);
      cpuPercent ??= result.cpuPercent;
    }
    console.log(JSON.stringify({ setupToFirstFrameMs: medianMs(setups), recoveryAfterCutMs: medianMs(recoveries), cpuPercent, runs: RUNS }));
  } finally {
    await browser.close();
    await backend.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
