/**
 * The telemetry load of `npm run bench:monitor`'s backend phase, in a worker thread so it never competes with the
 * bench's own event loop: every class reports telemetry about once a second through the broker, like its
 * participants' consoles do, taking turns among them. Payloads are built from per-participant templates (one string
 * concatenation per message) so that the generator costs little next to what it measures. Besides healthy reports it
 * keeps a share of classes in a "can't draw" fault (a warning, toggling on and off, so class health keeps changing).
 * On `stop` it stops publishing, lets the connection flush what it still holds, and reports its final count.
 */
import { connect, type MqttClient } from 'mqtt';
import { parentPort, workerData } from 'node:worker_threads';

export interface LoadClass {
  classId: string;
  teacherId: string;
  studentIds: string[];
}

export interface LoadConfig {
  mqttUrl: string;
  username: string;
  clientId: string;
  token: string;
  root: string;
  classes: LoadClass[];
  /** Telemetry messages per class per second. */
  perClassPerSecond: number;
  /** Share of classes in a background "can't draw" fault at any time. */
  backgroundFaultShare: number;
  /** How long a background fault lasts. */
  backgroundFaultMs: number;
  /** Put before every message id, so that a second load over the same classes is not taken for duplicates. */
  idPrefix?: string;
}

export type LoadCommand = { type: 'stop' };
export type LoadEvent =
  | { type: 'ready' }
  | { type: 'stats'; published: number; at: number }
  /** After `stop`, once the connection wrote out everything published: the final count, and when publishing stopped. */
  | { type: 'stopped'; published: number; at: number }
  | { type: 'error'; message: string };

const TICK_MS = 20;

interface Member {
  userId: string;
  topic: string;
  /** The events of a healthy report, as JSON without the brackets. */
  healthy: string;
}

interface ClassLoad {
  classId: string;
  members: Member[];
  /** Whose turn it is to report. */
  turn: number;
  nextAt: number;
  seq: number;
  drawFaultUntil: number;
}

const config = workerData as LoadConfig;
const port = parentPort!;

function sendAudio(level: number): string {
  return `{"type":"media","direction":"send","kind":"audio","enabled":true,"link":"connected","bitrateKbps":32,"lossPct":0,"jitterMs":4,"rttMs":40,"audioLevel":${level}}`;
}
const SEND_VIDEO = '{"type":"media","direction":"send","kind":"video","enabled":true,"link":"connected","bitrateKbps":600,"lossPct":0,"jitterMs":6,"rttMs":40,"frames":450}';
const receiveAudio = (peer: string) =>
  `{"type":"media","direction":"receive","kind":"audio","peer":"${peer}","enabled":true,"link":"connected","bitrateKbps":30,"lossPct":0,"jitterMs":5,"rttMs":40,"audioLevel":0.08}`;
const receiveVideo = (peer: string) =>
  `{"type":"media","direction":"receive","kind":"video","peer":"${peer}","enabled":true,"link":"connected","bitrateKbps":550,"lossPct":0,"jitterMs":6,"rttMs":40,"frames":420}`;
const BOARD = '{"type":"board-lag","lagMs":120,"pendingOps":0}';
const DRAW_FAILED = '{"type":"draw","ok":false,"reason":"refused"},{"type":"draw","ok":false,"reason":"refused"}';
const ENTERED = '{"type":"entry","step":"ready","ms":3200}';

function classLoad(c: LoadClass, index: number, now: number): ClassLoad {
  const topicOf = (userId: string) => `${config.root}/v1/class/${c.classId}/telemetry/${userId}`;
  const members: Member[] = [
    { userId: c.teacherId, topic: topicOf(c.teacherId), healthy: `${sendAudio(0.12)},${SEND_VIDEO},${BOARD}` },
    ...c.studentIds.map((id) => ({
      userId: id,
      topic: topicOf(id),
      healthy: `${sendAudio(0.06)},${SEND_VIDEO},${receiveAudio(c.teacherId)},${receiveVideo(c.teacherId)},${BOARD}`,
    })),
  ];
  // Spread the classes over the second so the broker sees an even stream.
  const offset = (index / config.classes.length) * (1_000 / config.perClassPerSecond);
  return { classId: c.classId, members, turn: 0, nextAt: now + offset, seq: 0, drawFaultUntil: 0 };
}

let client: MqttClient | null = null;
let published = 0;
let timer: ReturnType<typeof setInterval> | undefined;
const classes: ClassLoad[] = [];
const periodMs = 1_000 / config.perClassPerSecond;
const idPrefix = config.idPrefix ?? '';
/** Each class starts a background fault with this probability per report, which keeps the share steady. */
const faultChance = config.backgroundFaultShare / Math.max(1, (config.backgroundFaultMs / periodMs) * (1 - config.backgroundFaultShare));

function report(c: ClassLoad, now: number): void {
  const member = c.members[c.turn % c.members.length]!;
  c.turn++;
  const student = member.userId !== c.members[0]!.userId;
  let events = member.healthy;
  if (c.seq === 0 || c.turn <= c.members.length) events = `${ENTERED},${events}`;
  if (student && c.drawFaultUntil > now) events = `${events},${DRAW_FAILED}`;
  c.seq++;
  const payload = `{"v":1,"id":"${idPrefix}${c.classId}-${c.seq}","at":${now},"events":[${events}]}`;
  client!.publish(member.topic, payload, { qos: 0 });
  published++;
}

function tick(): void {
  const now = Date.now();
  for (const c of classes) {
    if (c.nextAt > now) continue;
    // A generator that fell behind catches up by one report, not a burst: the rate offered is what it managed.
    c.nextAt = Math.max(c.nextAt + periodMs, now);
    if (c.drawFaultUntil <= now && Math.random() < faultChance) c.drawFaultUntil = now + config.backgroundFaultMs;
    report(c, now);
  }
}

port.on('message', (command: LoadCommand) => {
  if (command.type !== 'stop') return;
  clearInterval(timer);
  const stoppedAt = Date.now();
  // A graceful end: what the connection still buffers is written out before the socket closes.
  client?.end(false, {}, () => {
    port.postMessage({ type: 'stopped', published, at: stoppedAt } satisfies LoadEvent);
    port.close();
  });
});

client = connect(config.mqttUrl, { username: config.username, password: config.token, clientId: config.clientId, protocolVersion: 4, clean: true, reconnectPeriod: 1_000 });
client.on('error', (error) => port.postMessage({ type: 'error', message: error.message } satisfies LoadEvent));
client.once('connect', () => {
  const now = Date.now();
  config.classes.forEach((c, i) => classes.push(classLoad(c, i, now)));
  timer = setInterval(tick, TICK_MS);
  setInterval(() => port.postMessage({ type: 'stats', published, at: Date.now() } satisfies LoadEvent), 1_000).unref();
  port.postMessage({ type: 'ready' } satisfies LoadEvent);
});
