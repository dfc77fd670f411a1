/**
 * How many telemetry messages a second one tagger instance takes in. `npx tsx services/tagger/bench.ts`
 *
 * 1. fold: decoding and folding alone (no network): pre-encoded messages of 10,000 classes, 2 minutes of event time.
 * 2. broker: the embedded broker and a publisher in a child process offer 10,000 classes × 1 message/s (2-3 media
 *    events each; 5% of classes with a student who can't hear) for 45 s through MQTT to one TaggerService here.
 *
 * Env: BENCH_CLASSES (10000), BENCH_RATE (msg/s offered, default = classes), BENCH_SECONDS (45).
 * Last line, one JSON object:
 *   classes
 *   foldMsgPerS, foldMsgPerCpuS   messages decoded and folded per second (wall clock; CPU time), no network
 *   offeredMsgPerS                what the publisher sent, per second
 *   ingestedMsgPerS               what the tagger decoded and folded, per second, while the publisher offered
 *   lost                          offered minus ingested in all (QoS 0: dropped anywhere on the way)
 *   backlogS                      how long the last offered messages took to arrive after the publisher stopped
 *                                 (queued in the broker's process, which shares the machine's two cores)
 *   taggerCpuPct                  the tagger process's CPU while the publisher offered (100 = one core)
 *   cpuUsPerMsg                   the tagger process's CPU per ingested message, MQTT included (µs): one core's
 *                                 ceiling is 1,000,000 / cpuUsPerMsg messages a second, however busy the machine is
 *   loopDelayP99Ms                the tagger's event-loop delay, 99th percentile
 *   tagsPublished, classesTagged  ClassTags messages published, classes the tagger holds state for
 *   taggerHeapMB                  this process's heap after the run (the tagger's state and the fold run's leftovers)
 */
import { fork } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { decode } from '../../shared/protocol/codec';
import { topic } from '../../shared/protocol/topics';
import { TagEngine } from './engine';
import { T0, audioReceive, audioSend, videoReceive, videoSend } from './fixtures';
import { TaggerService } from './tagger';

const CLASSES = Number(process.env.BENCH_CLASSES ?? 10_000);
const RATE = Number(process.env.BENCH_RATE ?? CLASSES);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 45);

function fold(): { foldMsgPerS: number; foldMsgPerCpuS: number } {
  const encoder = new TextEncoder();
  const seconds = 120;
  const frames: { topic: string; payload: Uint8Array }[] = [];
  for (let s = 0; s < seconds; s++) {
    for (let c = 0; c < CLASSES; c++) {
      const at = T0 + s * 1_000;
      const teacher = s % 2 === 0;
      const userId = teacher ? `teacher-${c}` : `student-${c}`;
      const events = teacher ? [audioSend(at, 32, { audioLevel: 0.3 }), videoSend(at, 30)] : [audioReceive(at, `teacher-${c}`, 0.3), videoReceive(at, `teacher-${c}`, 30), audioSend(at, 32)];
      frames.push({ topic: topic('telemetry', { classId: `class-${c}`, userId }), payload: encoder.encode(JSON.stringify({ v: 1, id: `m${s}-${c}`, at, events })) });
    }
  }
  let published = 0;
  const engine = new TagEngine({ clock: () => T0 + seconds * 1_000, onTags: () => published++ });
  for (let c = 0; c < CLASSES; c++) engine.noteTeacher(`class-${c}`, `teacher-${c}`);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  for (const frame of frames) {
    const decoded = decode(frame.topic, frame.payload);
    if (decoded.ok && decoded.kind === 'telemetry') engine.ingest(decoded.params.classId, decoded.params.userId, decoded.message);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const ms = performance.now() - started;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(`fold: ${frames.length} messages in ${Math.round(ms)} ms (${Math.round(cpuMs)} ms of CPU), ${published} tag changes`);
  return { foldMsgPerS: Math.round(frames.length / (ms / 1000)), foldMsgPerCpuS: Math.round(frames.length / (cpuMs / 1000)) };
}

async function throughBroker() {
  const child = fork(new URL('./bench-load.ts', import.meta.url).pathname, { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const ready = await new Promise<{ url: string; token: string }>((resolve) => child.once('message', (m) => resolve(m as { url: string; token: string })));
  const tagger = await TaggerService.start({
    link: { url: ready.url, token: async () => ready.token, refreshEveryMs: 600_000 },
    root: 'classroom',
    onError: (error) => console.error('[tagger]', error),
  });
  for (let c = 0; c < CLASSES; c++) tagger.engine.noteTeacher(`class-${c}`, `teacher-${c}`);

  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const before = tagger.stats().messages;
  child.send({ classes: CLASSES, rate: RATE, seconds: SECONDS, faulty: 0.05 });
  const done = await new Promise<{ sent: number; ms: number }>((resolve) => child.once('message', (m) => resolve(m as { sent: number; ms: number })));
  const offeredMs = performance.now() - started;
  const duringOffer = tagger.stats().messages - before;
  const cpuDuringOffer = process.cpuUsage(cpuBefore);
  delay.disable();
  // What is still on its way (queued in the broker or the socket) arrives after the publisher stopped.
  let last = -1;
  while (tagger.stats().messages !== last) {
    last = tagger.stats().messages;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const backlogMs = Math.max(0, performance.now() - started - offeredMs - 250);
  const cpuInAll = process.cpuUsage(cpuBefore);
  const stats = tagger.stats();
  const ingested = stats.messages - before;
  console.log(`broker: offered ${done.sent} in ${done.ms} ms; ingested ${duringOffer} meanwhile and ${ingested} in all;`, stats);
  await tagger.stop();
  child.kill();
  return {
    offeredMsgPerS: Math.round(done.sent / (done.ms / 1000)),
    ingestedMsgPerS: Math.round(duringOffer / (offeredMs / 1000)),
    lost: done.sent - ingested,
    backlogS: Math.round(backlogMs / 100) / 10,
    taggerCpuPct: Math.round(((cpuDuringOffer.user + cpuDuringOffer.system) / 1000 / offeredMs) * 100),
    cpuUsPerMsg: Math.round((cpuInAll.user + cpuInAll.system) / ingested),
    loopDelayP99Ms: Math.round(delay.percentile(99) / 1e5) / 10,
    tagsPublished: stats.tagsPublished,
    classesTagged: stats.classes,
    taggerHeapMB: Math.round(process.memoryUsage().heapUsed / 1_048_576),
  };
}

const folded = fold();
const broker = await throughBroker();
console.log(JSON.stringify({ classes: CLASSES, ...folded, ...broker }));
process.exit(0);
