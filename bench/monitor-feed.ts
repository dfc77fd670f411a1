/**
 * The supervisor traffic of `npm run bench:monitor`'s console phase, in a worker thread: what the backend of N live
 * classes sends a supervisor console, without the backend that makes it (measured apart, bench/monitor-backend.ts).
 *
 * - Class health: every class's retained ClassHealth once at the start (what a tagger publishes when it starts), then
 *   changes at `healthPerClassHour` per class: a class gets a warning problem ("can't draw") that clears two minutes
 *   later, as the tagger publishes when a tag is raised and cleared (with the default 6, one class in ten holds one).
 *   The feed starts in that steady state: the classes holding a warning at the start clear during the first two
 *   minutes, so the rate of changes is the asked one from the first second.
 * - Help: `helpPerClassHour` requests per class; each one's HelpState goes received → remedy-pending → auto-resolved
 *   (six in ten, as the field reports) or escalated, a few seconds apart, retained as the dispatcher publishes them.
 * - Marked faults: on the main thread's request, a class gets a critical problem ("messaging failed to initialise");
 *   the health carries `updatedAt` = when it was published, for the tag-to-visible measurement.
 * Payloads are valid ClassHealth and HelpState messages (docs/protocol.md), built from templates. No ClassTags: the
 * console reads a class's tags only while its detail is open, which the bench does not do.
 */
import { connect, type MqttClient } from 'mqtt';
import { parentPort, workerData } from 'node:worker_threads';

export interface FeedClass {
  classId: string;
  title: string;
  teacherId: string;
  teacherName: string;
  studentId: string;
  studentName: string;
  region: string;
}

export interface FeedConfig {
  mqttUrl: string;
  username: string;
  clientId: string;
  token: string;
  root: string;
  classes: FeedClass[];
  healthPerClassHour: number;
  helpPerClassHour: number;
}

export type FeedCommand = { type: 'mark'; classId: string } | { type: 'stop' };
export type FeedEvent =
  | { type: 'ready' }
  | { type: 'stats'; health: number; help: number; at: number }
  | { type: 'marked'; classId: string; at: number }
  | { type: 'error'; message: string };

const TICK_MS = 20;
const HOUR_MS = 3_600_000;
const WARNING = 'course.cant-draw';
const CRITICAL = 'entry.init-failed.messaging';
/** How long each help state lasts before the next one. */
const HELP_STEP_MS = 4_000;

const config = workerData as FeedConfig;
const port = parentPort!;
let client: MqttClient | null = null;
let health = 0;
let help = 0;
let helpSerial = 0;

interface ClassFeed {
  c: FeedClass;
  /** The warning problem's start, or null. */
  warning: number | null;
  critical: number | null;
}

const feeds: ClassFeed[] = config.classes.map((c) => ({ c, warning: null, critical: null }));
const byId = new Map(feeds.map((f) => [f.c.classId, f]));
const json = JSON.stringify;

function publishHealth(feed: ClassFeed, now: number): void {
  const { c } = feed;
  const problems: string[] = [];
  const problem = (tag: string, since: number) =>
    `{"tag":"${tag}","userId":${json(c.studentId)},"name":${json(c.studentName)},"role":"student","since":${since}}`;
  if (feed.critical !== null) problems.push(problem(CRITICAL, feed.critical));
  if (feed.warning !== null) problems.push(problem(WARNING, feed.warning));
  const severity = feed.critical !== null ? 'critical' : feed.warning !== null ? 'warning' : 'ok';
  const payload =
    `{"v":1,"classId":${json(c.classId)},"title":${json(c.title)},"teacher":{"id":${json(c.teacherId)},"name":${json(c.teacherName)}},` +
    `"region":${json(c.region)},"appVersion":"1.4.0","state":"live","severity":"${severity}","problems":[${problems.join(',')}],"updatedAt":${now}}`;
  client!.publish(`${config.root}/v1/supervise/health/${c.classId}`, payload, { qos: 1, retain: true });
  health++;
}

function publishHelp(id: string, feed: ClassFeed, status: string, reason: string, createdAt: number, now: number): void {
  const { c } = feed;
  const resolved = status === 'auto-resolved' ? now : null;
  const remedies =
    status === 'received'
      ? ''
      : `{"action":"resync-board","to":${json(c.studentId)},"commandId":"${id}-c1","by":"dispatcher","sentAt":${createdAt + 500},` +
        `"ackedAt":${createdAt + 900},"outcome":"${status === 'remedy-pending' ? 'acked' : status === 'auto-resolved' ? 'cleared' : 'not-cleared'}","detail":""}`;
  const payload =
    `{"v":1,"id":"${id}","classId":${json(c.classId)},"from":{"id":${json(c.studentId)},"name":${json(c.studentName)},"role":"student"},` +
    `"topic":"board","text":"I am allowed to draw but nothing appears.","status":"${status}","reason":${json(reason)},"tags":[],` +
    `"remedies":[${remedies}],"claimedBy":null,"note":"","diagnostics":null,"createdAt":${createdAt},"updatedAt":${now},"resolvedAt":${resolved}}`;
  client!.publish(`${config.root}/v1/supervise/help/${id}`, payload, { qos: 1, retain: true });
  help++;
}

/** Help requests in progress: their next state and when it is due. */
const helpSteps: { at: number; run: () => void }[] = [];

function startHelp(feed: ClassFeed, now: number): void {
  const id = `bench-help-${++helpSerial}`;
  publishHelp(id, feed, 'received', '', now, now);
  helpSteps.push({ at: now + HELP_STEP_MS, run: () => publishHelp(id, feed, 'remedy-pending', 'remedy sent', now, Date.now()) });
  const auto = Math.random() < 0.6;
  helpSteps.push({
    at: now + 2 * HELP_STEP_MS,
    run: () => publishHelp(id, feed, auto ? 'auto-resolved' : 'escalated', auto ? 'the tag cleared after the remedy' : 'the tag did not clear', now, Date.now()),
  });
}

/** How long a warning holds: a raise and its clearing are two of the class's health changes. */
const WARNING_MS = 120_000;
let raiseDebt = 0;
let helpDebt = 0;
let last = Date.now();
const clears: { at: number; feed: ClassFeed }[] = [];

function tick(): void {
  const now = Date.now();
  const elapsed = now - last;
  last = now;
  raiseDebt += (feeds.length * (config.healthPerClassHour / 2) * elapsed) / HOUR_MS;
  helpDebt += (feeds.length * config.helpPerClassHour * elapsed) / HOUR_MS;
  while (clears.length > 0 && clears[0]!.at <= now) {
    const { feed } = clears.shift()!;
    if (feed.warning === null) continue;
    feed.warning = null;
    publishHealth(feed, now);
  }
  for (; raiseDebt >= 1; raiseDebt--) {
    const feed = feeds[Math.floor(Math.random() * feeds.length)]!;
    if (feed.critical !== null || feed.warning !== null) continue;
    feed.warning = now;
    clears.push({ at: now + WARNING_MS, feed });
    publishHealth(feed, now);
  }
  for (; helpDebt >= 1; helpDebt--) startHelp(feeds[Math.floor(Math.random() * feeds.length)]!, now);
  for (let i = helpSteps.length - 1; i >= 0; i--) {
    if (helpSteps[i]!.at > now) continue;
    helpSteps[i]!.run();
    helpSteps.splice(i, 1);
  }
}

port.on('message', (command: FeedCommand) => {
  if (command.type === 'stop') {
    clearInterval(timer);
    client?.end(true);
    port.close();
    return;
  }
  const feed = byId.get(command.classId);
  if (!feed) return;
  const now = Date.now();
  feed.warning = null;
  feed.critical = now;
  publishHealth(feed, now);
  port.postMessage({ type: 'marked', classId: feed.c.classId, at: now } satisfies FeedEvent);
});

let timer: ReturnType<typeof setInterval> | undefined;
client = connect(config.mqttUrl, { username: config.username, password: config.token, clientId: config.clientId, protocolVersion: 4, clean: true, reconnectPeriod: 1_000 });
client.on('error', (error) => port.postMessage({ type: 'error', message: error.message } satisfies FeedEvent));
client.once('connect', () => {
  const now = Date.now();
  // Already in the steady state: the share of classes holding a warning at any time (raises per hour times how long
  // each holds) hold one, raised at some moment of the last two minutes, so clearings flow from the start too.
  const holding = Math.min(1, ((config.healthPerClassHour / 2) * WARNING_MS) / HOUR_MS);
  const seeded: { at: number; feed: ClassFeed }[] = [];
  for (const feed of feeds) {
    if (Math.random() >= holding) continue;
    feed.warning = now - Math.floor(Math.random() * WARNING_MS);
    seeded.push({ at: feed.warning + WARNING_MS, feed });
  }
  clears.push(...seeded.sort((a, b) => a.at - b.at));
  // The tagger's start: every class's health, retained.
  for (const feed of feeds) publishHealth(feed, now);
  last = Date.now();
  timer = setInterval(tick, TICK_MS);
  setInterval(() => port.postMessage({ type: 'stats', health, help, at: Date.now() } satisfies FeedEvent), 1_000).unref();
  port.postMessage({ type: 'ready' } satisfies FeedEvent);
});
