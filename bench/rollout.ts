/**
 * bench:rollout — 10,000 simulated installs against the release service (services/releases/), which runs alone in a
 * child process (bench/rollout-service.ts): the embedded backend's HTTP server on one core, the installs on the other.
 *
 * An install is an id and the version it runs. It checks as electron-updater does (GET latest-linux.yml with the
 * app's headers: install id, running version); when a newer or rollback version is offered it downloads the file
 * (16 KiB) and from then on runs that version. Installs are placed in rings by the service (a sticky hash of their
 * id). A sweep checks every install once, BENCH_CONCURRENCY requests in flight: a sweep is one poll interval of the
 * fleet, compressed to as fast as the service answers.
 *
 * Phases: 1.0.0 at 100% everywhere, 1.1.0 published. (1) 1.1.0 at 5% in every ring, one sweep of checks: the share
 * offered 1.1.0. (2) Checks only, sweeping for BENCH_SECONDS: sustained checks per second and their latency. (3) 1.1.0
 * at 100%, installs sweep and download; halfway through a sweep the admin halts it; one more full sweep after the
 * halt: the last download of 1.1.0 that was started and served, measured from the halt. (4) Resumed, every install
 * moves to 1.1.0; the admin revokes it; sweeps until every install runs 1.0.0 again, each rollback feed carrying a
 * signed revoke mark (the first one is checked with the app's verifier).
 *
 * Env: BENCH_INSTALLS (10000), BENCH_SECONDS (10), BENCH_CONCURRENCY (64).
 * It prints what it does and, as its last line, one JSON object:
 *   installs                 simulated installs
 *   checksPerS               checks answered per second over phase 2 (sustained, BENCH_SECONDS)
 *   checkP95Ms               95th percentile of a check's round trip in phase 2, with BENCH_CONCURRENCY in flight
 *   eligibleShareAt5Pct      share of the installs offered 1.1.0 at 5% (phase 1)
 *   haltToLastNewDownloadS   seconds from the halt's answer to the start of the last 1.1.0 download that was served;
 *                            0 when none was (a download asked for before the halt and served after counts at its start)
 *   rollbackToAllRevertedS   seconds from the revoke's answer until the last install runs 1.0.0 again
 *   sweepS                   seconds one sweep took in phases 3 and 4, median (the fleet's poll interval here)
 *   rollbackPolls            sweeps it took until every install ran 1.0.0 again: 1 is within one poll interval
 *   serviceRssMB             the service process's resident memory at the end, MiB
 *   loadAverage              the machine's 1-minute load average before and after
 */
import { fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { parse } from 'yaml';
import type { ReleasePublicKey } from '../shared/releases/documents';
import { decideUpdate, type FeedInfo } from '../shared/releases/update-decision';
import { ReleaseAdmin, expectOk, fakeInstaller } from '../services/releases/testing/release-admin';
import { InstallClient, sweep, type SimInstall } from './rollout-installs';
import type { RolloutServiceMessage, RolloutServiceReady } from './rollout-service';
import { percentile, round } from './stats';

const INSTALLS = Number(process.env.BENCH_INSTALLS ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const load1 = () => round(loadavg()[0]!, 2);
const seconds = (ms: number) => round(ms / 1000, 2);

const loadBefore = load1();
const child = fork(new URL('./rollout-service.ts', import.meta.url).pathname, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const ready = await new Promise<RolloutServiceReady>((resolve, reject) => {
  child.once('message', (message) => resolve(message as RolloutServiceReady));
  child.once('exit', (code) => reject(new Error(`the release service exited (${code})`)));
});
const rss = () =>
  new Promise<number>((resolve) => {
    child.once('message', (message) => resolve((message as RolloutServiceMessage).rssBytes));
    child.send('rss');
  });

const admin = new ReleaseAdmin(ready.httpUrl, ready.adminToken);
const client = new InstallClient(new URL(ready.httpUrl), CONCURRENCY);
const feedBase = new URL('/api/releases/feed/', ready.httpUrl);
const key = (await (await fetch(`${ready.httpUrl}/api/releases/public-key`)).json()) as ReleasePublicKey;
const rollout = async (version: string, percent: number) => {
  for (const ring of ['canary', 'pilot', 'broad'] as const) await expectOk(admin.rollout(version, ring, percent));
};

console.log(`bench:rollout: ${INSTALLS} installs, ${CONCURRENCY} requests in flight, service pid ${ready.pid} at ${ready.httpUrl}`);
await admin.publishRelease('1.0.0', { 'Classroom-Console-1.0.0.AppImage': fakeInstaller('1.0.0', 16 * 1024) });
await rollout('1.0.0', 100);
await admin.publishRelease('1.1.0', { 'Classroom-Console-1.1.0.AppImage': fakeInstaller('1.1.0', 16 * 1024) });
const installs: SimInstall[] = Array.from({ length: INSTALLS }, (_, i) => ({ id: `desk-${String(i).padStart(6, '0')}`, version: '1.0.0' }));

// (1) Eligibility at 5%.
await rollout('1.1.0', 5);
let offered = 0;
await sweep(installs, CONCURRENCY, async (install) => {
  if ((await client.check(install)).version === '1.1.0') offered++;
});
const eligibleShareAt5Pct = round(offered / INSTALLS, 4);
console.log(`eligible at 5%: ${offered} of ${INSTALLS} (${eligibleShareAt5Pct})`);

// (2) Sustained checks.
client.latenciesMs.length = 0;
let checks = 0;
const sustainedFrom = performance.now();
const sustainedUntil = sustainedFrom + SECONDS * 1000;
while (performance.now() < sustainedUntil) {
  await sweep(installs, CONCURRENCY, async (install) => {
    if (performance.now() >= sustainedUntil) return;
    await client.check(install);
    checks++;
  });
}
const checksPerS = Math.round(checks / ((performance.now() - sustainedFrom) / 1000));
const checkP95Ms = round(percentile(client.latenciesMs, 95), 2);
console.log(`sustained: ${checks} checks in ${SECONDS} s = ${checksPerS}/s, p95 ${checkP95Ms} ms`);

/** One poll of one install: check, and when something else is offered, download it and run it from then on. */
const downloads: { version: string; startedAt: number }[] = [];
let rollbackChecked = false;
async function poll(install: SimInstall): Promise<void> {
  const answer = await client.check(install);
  if (answer.status !== 200 || !answer.version || answer.version === install.version || !answer.file) return;
  if (answer.offer === 'rollback' && !rollbackChecked) {
    rollbackChecked = true;
    const decision = await decideUpdate(key, parse(answer.text) as FeedInfo, install.version);
    if (decision.action !== 'rollback') throw new Error(`the rollback feed did not verify: ${JSON.stringify(decision)}`);
  }
  const startedAt = performance.now();
  const { status } = await client.get(new URL(answer.file, feedBase).pathname);
  if (status !== 200) return;
  downloads.push({ version: answer.version, startedAt });
  install.version = answer.version;
}
const sweepTimes: number[] = [];
async function timedSweep(work: (install: SimInstall) => Promise<void> = poll): Promise<void> {
  const from = performance.now();
  await sweep(installs, CONCURRENCY, work);
  sweepTimes.push(performance.now() - from);
}

// (3) Halt in the middle of a sweep at 100%.
await rollout('1.1.0', 100);
let polled = 0;
let haltAt = 0;
await timedSweep(async (install) => {
  await poll(install);
  if (++polled === Math.floor(INSTALLS / 2)) {
    await expectOk(admin.act('1.1.0', 'halt', { reason: 'bench: halt mid-sweep' }));
    haltAt = performance.now();
  }
});
await timedSweep();
const lastNew = Math.max(...downloads.filter((d) => d.version === '1.1.0').map((d) => d.startedAt));
const haltToLastNewDownloadS = Math.max(0, seconds(lastNew - haltAt));
console.log(`halt: ${downloads.length} installs took 1.1.0 before it; last download start ${haltToLastNewDownloadS} s after the halt`);

// (4) Everyone on 1.1.0, then one revoke.
await expectOk(admin.act('1.1.0', 'resume', { reason: 'bench' }));
for (let i = 0; i < 5 && installs.some((install) => install.version !== '1.1.0'); i++) await timedSweep();
await expectOk(admin.act('1.1.0', 'revoke', { reason: 'bench: roll back' }));
const revokeAt = performance.now();
let rollbackPolls = 0;
for (; rollbackPolls < 5 && installs.some((install) => install.version !== '1.0.0'); rollbackPolls++) await timedSweep();
const reverted = installs.filter((install) => install.version === '1.0.0').length;
const lastBack = Math.max(...downloads.filter((d) => d.version === '1.0.0').map((d) => d.startedAt));
const rollbackToAllRevertedS = reverted === INSTALLS ? seconds(lastBack - revokeAt) : null;
console.log(`rollback: ${reverted} of ${INSTALLS} back on 1.0.0 in ${rollbackPolls} sweep(s); the last ${rollbackToAllRevertedS} s after the revoke`);

// One more round of checks, so the service has seen every install on the version it now runs.
await sweep(installs, CONCURRENCY, async (install) => void (await client.check(install)));
const overview = await admin.overview();
const adoption = overview.adoption.counts.filter((c) => c.version === '1.0.0').reduce((sum, c) => sum + c.installs, 0);
console.log(`adoption the service counts for 1.0.0 (from the checks it saw): ${adoption} of ${INSTALLS}`);
const serviceRssMB = round((await rss()) / 1024 / 1024, 1);
client.close();
child.send('stop');
await new Promise((resolve) => child.once('exit', resolve));

console.log(
  JSON.stringify({
    installs: INSTALLS,
    checksPerS,
    checkP95Ms,
    eligibleShareAt5Pct,
    haltToLastNewDownloadS,
    rollbackToAllRevertedS,
    sweepS: seconds(percentile(sweepTimes, 50)),
    rollbackPolls,
    serviceRssMB,
    loadAverage: { before: loadBefore, after: load1() },
  }),
);
process.exit(0);
