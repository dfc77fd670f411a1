/**
 * bench:broker — the embedded broker's QoS 1 throughput with LevelDB persistence, with durable acknowledgements
 * (a PUBACK only once the message is stored: services/broker/durable-ack.ts) and without (Aedes' own order, PUBACK
 * first).
 *
 * Each run starts the broker alone in a child process (services/broker/broker-process.ts) on a fresh LevelDB folder.
 * Here, a persistent subscriber (clean session off, QoS 1) stays connected, so every message is written to its queue
 * on disk and cleared again on its PUBACK, and BENCH_PUBLISHERS publishers each keep BENCH_WINDOW QoS 1 messages of
 * 100 bytes unacknowledged. After a second of warm-up, acknowledgements are counted for BENCH_SECONDS. The two modes
 * alternate, BENCH_ROUNDS runs each (durable first).
 *
 * Env: BENCH_ROUNDS (3), BENCH_SECONDS (5), BENCH_PUBLISHERS (2), BENCH_WINDOW (100).
 * It prints one line per run and, as its last line, one JSON object:
 *   durableMsgPerS                 QoS 1 messages acknowledged per second with durable acks (median of the runs)
 *   durableMinMsgPerS, durableMaxMsgPerS        the slowest and the fastest of those runs
 *   pubackFirstMsgPerS             the same without durable acks (median)
 *   pubackFirstMinMsgPerS, pubackFirstMaxMsgPerS
 *   costPercent                    how much lower the durable median is, in % of the other median
 *   durableAckP50Ms, pubackFirstAckP50Ms        publish to PUBACK at the publisher, median over every message of
 *                                  the mode's runs (with BENCH_WINDOW messages in flight per publisher)
 *   deliveredPerAck                messages the subscriber received while acknowledgements were counted, per
 *                                  acknowledged message, all runs. Below 1 in both modes: with LevelDB, Aedes leaves
 *                                  some messages in a connected subscriber's queue instead of delivering them at once
 *                                  (about 5%; they arrive when it reconnects), besides the messages still on their way
 *   rounds, seconds, publishers, window         the settings
 *   loadAverage                    the machine's 1-minute load average before the first run and after the last
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync, type MqttClient } from 'mqtt';
import type { BrokerProcessReady, BrokerProcessRequest } from '../services/broker/broker-process';
import { percentile, round } from './stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const PUBLISHERS = Number(process.env.BENCH_PUBLISHERS ?? 2);
const WINDOW = Number(process.env.BENCH_WINDOW ?? 100);
const WARM_UP_MS = 1_000;
const TOPIC = 'classroom/v1/bench/qos1';
const PAYLOAD = Buffer.alloc(100, 'x');

type Mode = 'durable' | 'pubackFirst';

interface Run {
  mode: Mode;
  msgPerS: number;
  ackMs: number[];
  delivered: number;
  acked: number;
}

const load1 = () => round(loadavg()[0]!, 2);

async function startBroker(dir: string, ackAfterStore: boolean): Promise<{ child: ChildProcess; ready: BrokerProcessReady }> {
  const entry = new URL('../services/broker/broker-process.ts', import.meta.url).pathname;
  const child = fork(entry, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const request: BrokerProcessRequest = { dir, ackAfterStore, service: 'bench' };
  child.send(request);
  const ready = await new Promise<BrokerProcessReady>((resolve, reject) => {
    child.once('message', (message) => resolve(message as BrokerProcessReady));
    child.once('exit', (code) => reject(new Error(`the broker process exited with ${code}`)));
  });
  return { child, ready };
}

function connect(ready: BrokerProcessReady, clientId: string, clean = true): Promise<MqttClient> {
  return connectAsync(ready.mqttUrl, { protocolVersion: 4, reconnectPeriod: 0, clean, clientId, username: ready.username, password: ready.password });
}

/** Keeps `WINDOW` messages in flight until `running()` turns false; records acknowledgements inside the window. */
function publishLoop(client: MqttClient, running: () => boolean, counting: () => boolean, run: Run): Promise<void> {
  return new Promise((resolve) => {
    let inFlight = 0;
    const next = () => {
      if (!running()) {
        if (inFlight === 0) resolve();
        return;
      }
      inFlight++;
      const sentAt = performance.now();
      client.publish(TOPIC, PAYLOAD, { qos: 1 }, (error) => {
        inFlight--;
        if (!error && counting()) {
          run.acked++;
          run.ackMs.push(performance.now() - sentAt);
        }
        next();
      });
    };
    for (let i = 0; i < WINDOW; i++) next();
  });
}

async function measure(mode: Mode, index: number): Promise<Run> {
  const dir = await mkdtemp(join(tmpdir(), 'classroom-bench-broker-'));
  const { child, ready } = await startBroker(dir, mode === 'durable');
  const run: Run = { mode, msgPerS: 0, ackMs: [], delivered: 0, acked: 0 };
  try {
    const subscriber = await connect(ready, 'svc-bench-subscriber', false);
    await subscriber.subscribeAsync(TOPIC, { qos: 1 });
    let counting = false;
    subscriber.on('message', () => {
      if (counting) run.delivered++;
    });
    const publishers = await Promise.all(Array.from({ length: PUBLISHERS }, (_, i) => connect(ready, `svc-bench-publisher${i}`)));
    let running = true;
    const loops = publishers.map((publisher) => publishLoop(publisher, () => running, () => counting, run));
    await new Promise((resolve) => setTimeout(resolve, WARM_UP_MS));
    counting = true;
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1_000));
    counting = false;
    const elapsedS = (performance.now() - started) / 1_000;
    running = false;
    await Promise.all(loops);
    run.msgPerS = Math.round(run.acked / elapsedS);
    await Promise.all([...publishers, subscriber].map((client) => client.endAsync()));
    console.log(
      `run ${index + 1} ${mode.padEnd(11)} ${String(run.msgPerS).padStart(6)} msg/s acknowledged, ` +
        `ack p50 ${round(percentile(run.ackMs, 50))} ms, ${run.delivered} delivered / ${run.acked} acked; load ${load1()}`,
    );
    return run;
  } finally {
    child.kill('SIGKILL');
    await new Promise((resolve) => (child.exitCode === null && child.signalCode === null ? child.once('exit', resolve) : resolve(null)));
    await rm(dir, { recursive: true, force: true });
  }
}

function summary(runs: Run[], mode: Mode) {
  const mine = runs.filter((r) => r.mode === mode);
  const rates = mine.map((r) => r.msgPerS);
  return {
    median: percentile(rates, 50),
    min: Math.min(...rates),
    max: Math.max(...rates),
    ackP50Ms: round(percentile(mine.flatMap((r) => r.ackMs), 50), 2),
  };
}

async function main(): Promise<void> {
  const loadBefore = load1();
  console.log(`machine: ${availableParallelism()} cores, load average ${loadavg().map((n) => n.toFixed(2)).join(' ')} (1, 5, 15 min)`);
  console.log(`${ROUNDS} rounds of ${SECONDS} s per mode, ${PUBLISHERS} publishers with ${WINDOW} messages in flight each`);
  const runs: Run[] = [];
  for (let i = 0; i < ROUNDS * 2; i++) runs.push(await measure(i % 2 === 0 ? 'durable' : 'pubackFirst', i));

  const durable = summary(runs, 'durable');
  const pubackFirst = summary(runs, 'pubackFirst');
  const acked = runs.reduce((sum, r) => sum + r.acked, 0);
  const delivered = runs.reduce((sum, r) => sum + r.delivered, 0);
  console.log(
    JSON.stringify({
      durableMsgPerS: durable.median,
      durableMinMsgPerS: durable.min,
      durableMaxMsgPerS: durable.max,
      pubackFirstMsgPerS: pubackFirst.median,
      pubackFirstMinMsgPerS: pubackFirst.min,
      pubackFirstMaxMsgPerS: pubackFirst.max,
      costPercent: round((1 - durable.median / pubackFirst.median) * 100),
      durableAckP50Ms: durable.ackP50Ms,
      pubackFirstAckP50Ms: pubackFirst.ackP50Ms,
      deliveredPerAck: round(delivered / acked, 3),
      rounds: ROUNDS,
      seconds: SECONDS,
      publishers: PUBLISHERS,
      window: WINDOW,
      loadAverage: [loadBefore, load1()],
    }),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
