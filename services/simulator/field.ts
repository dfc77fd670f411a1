import type { TelemetryEvent } from '../../shared/protocol/messages';
import type { Episode, FaultRecord, FaultShape } from './faults';
import type { SimulationTuning } from './options';
import { Prng } from './prng';

/**
 * The field model: telemetry as consoles in the field produce it, for the simulator's noisy scenario
 * (docs/operations.md, "Simulator"). It is written from what the field reports and from what WebRTC's getStats does,
 * not from the tagger's rules:
 *
 * - **Clocks.** Most consoles' clocks are within a second of true; some are off by seconds to tens of seconds, either
 *   way, and a few are corrected mid-class (a step). Every `at` a console sends is its own clock's.
 * - **Speech.** Teachers talk in spurts with short pauses between sentences and long ones while students work;
 *   students speak now and then, and a share never do. A report's audio level is the RMS over its interval.
 * - **Silence suppression.** With Opus DTX a quiet microphone sends a packet every 400 ms (2.5 a second, a few bytes
 *   each) instead of 50; without it silence still goes at 50 packets a second, a few kbps.
 * - **Video.** Cameras run at 15 fps (some 24–30, some 8–12 in low light); a busy CPU halves a report's frames now
 *   and then; some students keep the camera off.
 * - **Network.** Short outages (1–6 s, sometimes 6–15 s: everything lost both ways, the connection `disconnected`
 *   after 4 s), loss bursts (5–40% for 2–10 s: received video freezes), jitter and round trips that wander.
 * - **Reports.** Media stats every 5 s per connection (a teacher reports each student's connection), batched with
 *   other events and sent 2 s after the first one, stamped with the console's clock; delivery takes 20–150 ms,
 *   sometimes seconds. A console that loses the broker keeps its events and sends them when it is back; one in the
 *   background is throttled to a report a minute covering the whole minute. Some messages arrive twice (same id), a
 *   few are sent again under a new id.
 * - **Board and drawing.** A board falls behind for a few seconds after an outage or a page turn (board-lag is
 *   reported every 5 s while behind and once when caught up); people draw in bursts and retry a stroke that failed.
 * - **Transient failures.** A component that fails to start and succeeds on its retry a second or two later, a
 *   courseware load that fails and loads on the automatic retry.
 * - **Faults** take the shapes of faults.ts (sudden, degrading, flicker, partial, heavy loss, intermittent, now and
 *   then), with their ground truth kept as episodes.
 */
export type NoiseTuning = SimulationTuning['noise'];

/** Media stats go out this often, as the console's MediaCall sends them. */
export const STATS_EVERY_MS = 5_000;
/** The console's telemetry batcher sends this long after the first event it holds. */
const FLUSH_MS = 2_000;
const MAX_EVENTS = 50;
/** A throttled background page runs its timers about once a minute. */
const BACKGROUND_WAKE_MS = 60_000;
/** The console's board-lag watch reports every 5 s while behind. */
const LAG_TICK_MS = 5_000;
/** The board reports a lag episode when it ends only if it lasted this long. */
const MIN_REPORTED_LAG_MS = 1_000;
/** ICE calls a connection `disconnected` after this long without an answer. */
const DISCONNECTED_AFTER_MS = 4_000;
/** A slow entry is one whose ready comes after this. */
const SLOW_AFTER_MS = 15_000;
const KEPT_MS = 5 * 60_000;

const between = (prng: Prng, min: number, max: number) => min + prng.next() * (max - min);
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Spells of "on" between spells of "off", drawn as time goes on and forgotten after a few minutes. */
export class Spells {
  /** Contiguous from the first one on; `value` is what an "on" spell carries (a loss rate, a level). */
  private readonly spells: { from: number; to: number; on: boolean; value: number }[] = [];

  constructor(
    start: number,
    private readonly prng: Prng,
    private readonly onMs: (prng: Prng) => number,
    private readonly offMs: (prng: Prng) => number,
    startOn = false,
    private readonly valueOf: (prng: Prng) => number = () => 1,
  ) {
    // Start somewhere inside a spell, not at its beginning.
    const first = startOn ? onMs(prng) : offMs(prng);
    const into = prng.next() * first;
    this.spells.push({ from: start - into, to: start - into + first, on: startOn, value: startOn ? valueOf(prng) : 0 });
  }

  /** The share of [a, b) that is on, weighted by the spells' values when `weighted`. */
  fraction(a: number, b: number, weighted = false): number {
    if (b <= a) return 0;
    this.extend(b);
    let on = 0;
    for (const spell of this.spells) {
      if (!spell.on || spell.to <= a || spell.from >= b) continue;
      on += (Math.min(b, spell.to) - Math.max(a, spell.from)) * (weighted ? spell.value : 1);
    }
    return on / (b - a);
  }

  /** The spell holding `t`. */
  at(t: number): { on: boolean; from: number; to: number; value: number } {
    this.extend(t + 1);
    for (let i = this.spells.length - 1; i >= 0; i--) if (this.spells[i]!.from <= t) return this.spells[i]!;
    return this.spells[0]!;
  }

  /** The "on" spells overlapping [a, b). */
  onBetween(a: number, b: number): { from: number; to: number; value: number }[] {
    this.extend(b);
    return this.spells.filter((s) => s.on && s.to > a && s.from < b);
  }

  forget(before: number): void {
    while (this.spells.length > 1 && this.spells[0]!.to < before) this.spells.shift();
  }

  private extend(until: number): void {
    let last = this.spells.at(-1)!;
    while (last.to < until) {
      const on = !last.on;
      const length = Math.max(1, on ? this.onMs(this.prng) : this.offMs(this.prng));
      last = { from: last.to, to: last.to + length, on, value: on ? this.valueOf(this.prng) : 0 };
      this.spells.push(last);
    }
  }
}

/** What a fault does over time, drawn when it starts. */
export interface FaultPlan {
  shape: FaultShape;
  startedAt: number;
  /** When it ends by itself. */
  endsAt: number;
  /** degrading: how long the stream takes to fade out. */
  rampMs: number;
  /** intermittent: the episodes, as planned (the ground truth records them as they happen). */
  episodes: { start: number; end: number }[];
  /** flicker: frames still sent, at these times. */
  flicker: { at: number; frames: number }[];
  /** heavy-loss: the share of packets lost; now-and-then: the share of drawing attempts that fail. */
  share: number;
  /** entry.slow: when the re-entry's ready comes. */
  readyAt: number;
  /**
   * When the fault first showed to anyone (null until it did), for the faults that show only when something is used
   * (`SHOWN_WHEN_USED`): a drawing fault at the first stroke it made fail, a stuck microphone or camera once it is on, a
   * picture that does not decode once the teacher's camera sends one. Until then nobody, the participant included, is
   * affected and no telemetry can tell, so the ground truth counts the fault from there (docs/decisions.md).
   */
  observedAt: number | null;
}

/** Draws a fault's plan: its shape's parameters and, for one that comes and goes, its episodes. */
export function planFault(tag: FaultRecord['tag'], shape: FaultShape, startedAt: number, lifetimeMs: number, prng: Prng): FaultPlan {
  const plan: FaultPlan = { shape, startedAt, endsAt: startedAt + lifetimeMs, rampMs: 0, episodes: [], flicker: [], share: 0, readyAt: 0, observedAt: null };
  switch (shape) {
    case 'degrading':
      plan.rampMs = Math.round(between(prng, 6_000, 20_000));
      break;
    case 'heavy-loss':
      plan.share = between(prng, 0.85, 0.97);
      break;
    case 'now-and-then':
      plan.share = between(prng, 0.3, 0.6);
      break;
    case 'flicker':
      for (let at = startedAt + between(prng, 2_000, 15_000); at < plan.endsAt; at += between(prng, 12_000, 18_000)) {
        plan.flicker.push({ at: Math.round(at), frames: prng.int(1, 2) });
      }
      break;
    case 'intermittent': {
      let at = startedAt;
      while (at < plan.endsAt) {
        const end = Math.min(plan.endsAt, at + between(prng, 20_000, 30_000));
        plan.episodes.push({ start: at, end });
        at = end + between(prng, 15_000, 45_000);
      }
      plan.endsAt = plan.episodes.at(-1)!.end;
      break;
    }
    default:
      break;
  }
  if (tag === 'entry.slow') {
    plan.readyAt = startedAt + Math.round(between(prng, 16_000, 30_000));
    plan.endsAt = Math.max(plan.endsAt, plan.readyAt + 10_000);
  }
  return plan;
}

/** Faults that show only when something is used: a stroke drawn, the microphone or camera on, the teacher's camera on. */
export const SHOWN_WHEN_USED: ReadonlySet<FaultRecord['tag']> = new Set(['course.cant-draw', 'stream.audio-stuck', 'stream.video-stuck', 'stream.cant-see']);

/**
 * A fault's ground truth so far: when it was present, by its plan, up to `now` (and `fixedAt`, if it ended). A slow
 * entry counts from when it became slow; a fault that shows only when something is used, from when it first showed
 * (none if it never did: nobody drew, the camera stayed off).
 */
export function episodesOf(tag: FaultRecord['tag'], plan: FaultPlan, now: number, fixedAt: number | null): Episode[] {
  const until = Math.min(now, fixedAt ?? Number.POSITIVE_INFINITY);
  const clip = (start: number, end: number): Episode | null =>
    start >= until ? null : { start, end: end <= until ? end : fixedAt !== null && fixedAt <= now ? fixedAt : null };
  const shown = SHOWN_WHEN_USED.has(tag) ? plan.observedAt : Number.NEGATIVE_INFINITY;
  if (shown === null) return [];
  const planned = plan.shape === 'intermittent' ? plan.episodes : [{ start: tag === 'entry.slow' ? plan.startedAt + SLOW_AFTER_MS : plan.startedAt, end: plan.endsAt }];
  return planned.flatMap(({ start, end }) => (end > shown ? (clip(Math.max(start, shown), end) ?? []) : []));
}

/** Where a class's fault acts on this participant, for the media arithmetic. */
export interface ActiveFault {
  record: FaultRecord;
  plan: FaultPlan;
}

/** Fraction (0..1) of a stream that is left at time t by a sender-side fault of this plan. */
function remaining(plan: FaultPlan, t: number): number {
  if (t < plan.startedAt) return 1;
  if (plan.shape === 'degrading') return Math.max(0, 1 - (t - plan.startedAt) / plan.rampMs);
  return 0;
}

/** The average of `remaining` over [a, b), sampled every 250 ms. */
function remainingOver(plan: FaultPlan, a: number, b: number): number {
  let sum = 0;
  let n = 0;
  for (let t = a + 125; t < b; t += 250, n++) sum += remaining(plan, t);
  return n === 0 ? remaining(plan, a) : sum / n;
}

/** The share of [a, b) inside the plan's episodes (the whole fault for shapes without episodes). */
function activeShare(plan: FaultPlan, a: number, b: number): number {
  const spans = plan.shape === 'intermittent' ? plan.episodes : [{ start: plan.startedAt, end: plan.endsAt }];
  let inside = 0;
  for (const { start, end } of spans) inside += Math.max(0, Math.min(b, end) - Math.max(a, start));
  return b > a ? inside / (b - a) : 0;
}

/** A message the console sends, and when it reaches the broker. */
export interface Delivery {
  deliverAt: number;
  message: { v: 1; id: string; at: number; events: TelemetryEvent[] };
}

/** What a participant's field model needs from its class at a report. */
export interface FieldClass {
  /** The people this participant has a media connection with (a student: the teacher; a teacher: each student). */
  peers: readonly FieldMember[];
  /** The class's fault, if any, and whom it is on. */
  fault: ActiveFault | null;
}

/** One participant as the field model drives them: their clock, voice, camera, network, board and console. */
export class FieldMember {
  readonly prng: Prng;
  /** Their clock minus the true time; `stepAt` is when it is corrected to `skewAfterMs`. */
  readonly skewMs: number;
  readonly stepAt: number | null;
  readonly skewAfterMs: number;
  readonly dtx: boolean;
  readonly quiet: boolean;
  private readonly speechLevel: number;
  private readonly noiseLevel: number;
  private readonly speechKbps: number;
  private readonly silenceKbps: number;
  private readonly fps: number;
  readonly cameraOn: boolean;
  private readonly videoKbps: number;
  private readonly speech: Spells | null;
  private readonly muted: Spells | null;
  readonly outages: Spells;
  private readonly bursts: Spells;
  private readonly background: Spells | null;
  private readonly disconnects: Spells | null;
  private readonly drawing: Spells;
  private readonly baseRttMs: number;

  private lastStatsAt: number | null = null;
  private nextStatsAt: number;
  private nextStrokeAt: number | null = null;
  private retryAt: number | null = null;
  /** The board is behind its peers since then; the lag watch's next tick. */
  private behindSince: number | null = null;
  private behindUntil: number | null = null;
  private nextLagTickAt = 0;
  private outageSeen = Number.NEGATIVE_INFINITY;
  private batch: TelemetryEvent[] = [];
  private flushAt: number | null = null;
  private lastDeliverAt = 0;
  private serial = 0;
  private readonly wakePhase: number;
  /** The last time advance() ran (a fault that begins to show between two runs is dated from the earlier). */
  private lastAdvanceAt: number;

  constructor(
    readonly userId: string,
    readonly role: 'teacher' | 'student',
    seed: number,
    now: number,
    noise: NoiseTuning,
  ) {
    this.prng = new Prng(seed);
    const prng = this.prng;
    const skewed = prng.chance(noise.skewedShare);
    const sign = prng.chance(0.5) ? 1 : -1;
    this.skewMs = Math.round(sign * (skewed ? between(prng, 3_000, Math.max(3_000, noise.maxSkewMs)) : between(prng, 0, prng.chance(0.6) ? 300 : 3_000)));
    this.stepAt = skewed && prng.chance(0.15) ? now + between(prng, 30_000, 600_000) : null;
    this.skewAfterMs = Math.round(between(prng, -200, 200));
    this.dtx = prng.chance(noise.dtxShare);
    this.quiet = role === 'student' && prng.chance(noise.quietShare);
    this.speechLevel = between(prng, 0.04, 0.3);
    this.noiseLevel = between(prng, 0.0002, 0.004);
    this.speechKbps = between(prng, 20, 34);
    this.silenceKbps = between(prng, 3, 8);
    this.fps = prng.chance(0.7) ? 15 : prng.chance(0.5) ? between(prng, 24, 30) : between(prng, 8, 12);
    this.cameraOn = role === 'teacher' ? prng.chance(0.95) : prng.chance(0.7);
    this.videoKbps = between(prng, 300, 1_200);
    this.baseRttMs = between(prng, 30, 180);
    const spellPrng = () => new Prng(prng.int(0, 2 ** 31));
    if (role === 'teacher') {
      // Talk spurts of 1–10 s; pauses between sentences, and now and then a long one while the students work.
      this.speech = new Spells(now, spellPrng(), (p) => between(p, 1_000, 10_000), (p) => (p.chance(0.15) ? between(p, 4_000, 40_000) : between(p, 300, 2_000)), true);
    } else {
      this.speech = this.quiet ? null : new Spells(now, spellPrng(), (p) => between(p, 1_000, 6_000), (p) => between(p, 8_000, 120_000));
    }
    this.muted = role === 'student' && prng.chance(0.3) ? new Spells(now, spellPrng(), (p) => between(p, 20_000, 300_000), (p) => between(p, 20_000, 300_000)) : null;
    // Outages: mostly 1–6 s, sometimes 6–15 s, every few minutes.
    this.outages = new Spells(now, spellPrng(), (p) => (p.chance(0.85) ? between(p, 1_000, 6_000) : between(p, 6_000, 15_000)), (p) => between(p, 60_000, 900_000));
    this.bursts = new Spells(now, spellPrng(), (p) => between(p, 2_000, 10_000), (p) => between(p, 20_000, 240_000), false, (p) => between(p, 0.05, 0.4));
    this.background = prng.chance(noise.backgroundShare) ? new Spells(now, spellPrng(), (p) => between(p, 30_000, 180_000), (p) => between(p, 60_000, 900_000)) : null;
    this.disconnects = prng.chance(noise.disconnectShare) ? new Spells(now, spellPrng(), (p) => between(p, 5_000, 30_000), (p) => between(p, 120_000, 1_200_000)) : null;
    this.drawing = new Spells(now, spellPrng(), (p) => between(p, 10_000, 60_000), (p) => between(p, 30_000, role === 'teacher' ? 120_000 : 300_000));
    this.nextStatsAt = now + prng.next() * STATS_EVERY_MS;
    this.wakePhase = prng.next() * BACKGROUND_WAKE_MS;
    this.lastAdvanceAt = now;
  }

  /** Their clock at true time `t`. */
  clock(t: number): number {
    return Math.round(t + (this.stepAt !== null && t >= this.stepAt ? this.skewAfterMs : this.skewMs));
  }

  /** The participant (re)joined the class: the console starts afresh. */
  joined(now: number): void {
    this.lastStatsAt = null;
    this.nextStatsAt = now + STATS_EVERY_MS * (0.5 + this.prng.next());
    this.batch = [];
    this.flushAt = null;
    this.behindSince = null;
    this.behindUntil = null;
  }

  /** Mic state at `t`: muted or not. */
  micOn(t: number): boolean {
    return !this.muted?.at(t).on;
  }

  /** The share of [a, b) this participant spends speaking (with the mic on). */
  speaking(a: number, b: number): number {
    if (!this.speech) return 0;
    if (!this.muted) return this.speech.fraction(a, b);
    // Speech while muted reaches nobody; sample it.
    let on = 0;
    let n = 0;
    for (let t = a + 125; t < b; t += 250, n++) if (this.speech.at(t).on && this.micOn(t)) on++;
    return n === 0 ? 0 : on / n;
  }

  /** What this participant's microphone sends over [a, b): packets a second, kbps, RMS level; `fault` is their own. */
  sentAudio(a: number, b: number, fault: ActiveFault | null): { pps: number; kbps: number; level: number } {
    const f = this.speaking(a, b);
    const mutedShare = this.muted ? this.muted.fraction(a, b) : 0;
    const heard = Math.max(0, 1 - f - mutedShare);
    const level = Math.sqrt(f * this.speechLevel ** 2 + heard * this.noiseLevel ** 2);
    let pps = this.dtx ? f * 50 + (1 - f) * 2.5 : 50;
    let kbps = f * this.speechKbps + (1 - f) * (this.dtx ? 0.05 : this.silenceKbps);
    if (fault && fault.record.tag === 'stream.audio-stuck') {
      const left = remainingOver(fault.plan, a, b);
      pps *= left;
      kbps *= left;
    }
    return { pps, kbps, level };
  }

  /** Frames this participant's camera encodes over [a, b). */
  sentFrames(a: number, b: number, fault: ActiveFault | null): number {
    if (!this.cameraOn) return 0;
    let frames = this.fps * ((b - a) / 1000);
    if (fault && fault.record.tag === 'stream.video-stuck' && b > fault.plan.startedAt) {
      const { plan } = fault;
      const before = Math.max(0, Math.min(b, plan.startedAt) - a) / (b - a);
      if (plan.shape === 'flicker') {
        return Math.round(frames * before) + plan.flicker.filter((f) => f.at >= a && f.at < b).reduce((sum, f) => sum + f.frames, 0);
      }
      frames *= plan.shape === 'degrading' ? remainingOver(plan, a, b) : before;
    }
    return frames;
  }

  /** Video packets per frame: the bitrate in bytes over 1,100-byte packets, per frame. */
  packetsPerFrame(): number {
    return (this.videoKbps * 125) / 1_100 / this.fps;
  }

  /** The share of [a, b) during which packets between this participant and `peer` were lost, and the loss rate. */
  pathLoss(peer: FieldMember, a: number, b: number): { outage: number; loss: number } {
    const outage = Math.min(1, this.outages.fraction(a, b) + peer.outages.fraction(a, b));
    const burst = Math.min(0.9, this.bursts.fraction(a, b, true) + peer.bursts.fraction(a, b, true));
    const base = 0.002;
    return { outage, loss: 1 - (1 - outage) * (1 - burst) * (1 - base) };
  }

  /** The connection to `peer` as ICE sees it at `t`. */
  link(peer: FieldMember, t: number): 'connected' | 'disconnected' {
    for (const member of [this, peer]) {
      const spell = member.outages.at(t);
      if (spell.on && t - spell.from >= DISCONNECTED_AFTER_MS) return 'disconnected';
    }
    return 'connected';
  }

  /**
   * Everything due by `now`: stats, drawing, board lag and queued events go into the console's batch, and batches
   * that are due go out. `queued` are events (true times) that happened by now: entry steps, loads, onsets.
   */
  advance(now: number, klass: FieldClass, queued: TelemetryEvent[], out: Delivery[]): void {
    const own = klass.fault && klass.fault.record.userId === this.userId ? klass.fault : null;
    if (own && own.plan.observedAt === null && now >= own.plan.startedAt && this.shows(own.record.tag, klass, now)) {
      own.plan.observedAt = Math.max(own.plan.startedAt, this.lastAdvanceAt);
    }
    this.lastAdvanceAt = now;
    for (const event of queued) this.add({ ...event, at: this.clock(event.at ?? now) } as TelemetryEvent, event.at ?? now, out);
    this.board(now, own);
    this.draw(now, own);
    while (this.nextStatsAt <= now) {
      const at = this.nextStatsAt;
      const throttled = this.background?.at(at).on ?? false;
      this.nextStatsAt = throttled ? this.nextWake(at) : at + STATS_EVERY_MS + between(this.prng, -100, 150);
      if (this.lastStatsAt !== null) for (const event of this.stats(this.lastStatsAt, at, klass)) this.add(event, at, out);
      this.lastStatsAt = at;
    }
    this.flushDue(now, out);
  }

  /** Whether a fault of this tag on this participant shows to anyone at `now` (a drawing fault shows in draw()). */
  private shows(tag: FaultRecord['tag'], klass: FieldClass, now: number): boolean {
    switch (tag) {
      case 'stream.audio-stuck':
        return this.micOn(now);
      case 'stream.video-stuck':
        return this.cameraOn;
      case 'stream.cant-see':
        return klass.peers.some((peer) => peer.role === 'teacher' && peer.cameraOn);
      default:
        return false;
    }
  }

  forget(before: number): void {
    for (const spells of [this.speech, this.muted, this.outages, this.bursts, this.background, this.disconnects, this.drawing]) spells?.forget(before - KEPT_MS);
  }

  /** One report's media events over [a, b), one set per connection, stamped with this console's clock. */
  private stats(a: number, b: number, klass: FieldClass): TelemetryEvent[] {
    const events: TelemetryEvent[] = [];
    const intervalMs = Math.round(b - a);
    const seconds = (b - a) / 1000;
    const at = this.clock(b);
    const faultOn = (member: FieldMember) => (klass.fault && klass.fault.record.userId === member.userId ? klass.fault : null);
    const mine = faultOn(this);
    const sentAudio = this.sentAudio(a, b, mine);
    const sentFrames = this.sentFrames(a, b, mine);
    const micOn = this.micOn(b);
    for (const peer of klass.peers) {
      const link = this.link(peer, b);
      const path = this.pathLoss(peer, a, b);
      const jitter = () => Math.round(between(this.prng, 3, 20) + path.loss * 60);
      const rtt = () => Math.round(this.baseRttMs * between(this.prng, 0.9, 1.3) + path.loss * 200);
      // What this participant sends on this connection (the far side's loss comes back in RTCP).
      events.push({
        type: 'media', at, direction: 'send', kind: 'audio', peer: peer.userId, enabled: micOn, link,
        bitrateKbps: round(sentAudio.kbps, 1), lossPct: round(path.loss * 100, 1), jitterMs: jitter(), rttMs: rtt(),
        audioLevel: round(micOn ? sentAudio.level : 0, 3), packets: Math.round(sentAudio.pps * seconds), intervalMs,
      });
      events.push({
        type: 'media', at, direction: 'send', kind: 'video', peer: peer.userId, enabled: this.cameraOn, link,
        bitrateKbps: round(sentFrames > 0 ? this.videoKbps * Math.min(1, sentFrames / (this.fps * seconds)) : between(this.prng, 0, 3), 1),
        lossPct: round(path.loss * 100, 1), jitterMs: jitter(), rttMs: rtt(), frames: Math.round(sentFrames),
        packets: Math.round(sentFrames * this.packetsPerFrame() + (sentFrames > 0 ? 0 : seconds)), intervalMs,
      });
      // What arrives from the peer: a student receives the teacher, a teacher each student.
      const theirs = faultOn(peer);
      const heard = peer.sentAudio(a, b, theirs);
      const seen = peer.sentFrames(a, b, theirs);
      let audioLoss = path.loss;
      let videoFrames = seen * (1 - path.outage) * (1 - Math.min(1, Math.max(0, path.loss - path.outage - 0.05) * 2));
      let frozen = Math.min(1, path.outage + Math.max(0, path.loss - path.outage - 0.05) * 2);
      if (mine && peer.role === 'teacher') {
        const share = activeShare(mine.plan, a, b);
        if (mine.record.tag === 'stream.cant-hear') {
          const lost = mine.plan.shape === 'heavy-loss' ? mine.plan.share : 1;
          audioLoss = 1 - (1 - audioLoss) * (1 - lost * share);
        } else if (mine.record.tag === 'stream.cant-see') {
          if (mine.plan.shape === 'partial') {
            const partial = Math.min(videoFrames, this.prng.int(1, 4) * seconds / 5);
            videoFrames = videoFrames * (1 - share) + partial * share;
          } else {
            videoFrames *= 1 - share;
          }
          frozen = Math.max(frozen, share * 0.97);
        }
      }
      const arrived = 1 - audioLoss;
      const peerMic = peer.micOn(b);
      events.push({
        type: 'media', at, direction: 'receive', kind: 'audio', peer: peer.userId, enabled: peerMic, link,
        bitrateKbps: round(heard.kbps * arrived, 1), lossPct: round(audioLoss * 100, 1), jitterMs: jitter(), rttMs: rtt(),
        audioLevel: round(peerMic ? heard.level * Math.sqrt(arrived) : 0, 3), packets: Math.round(heard.pps * seconds * arrived), intervalMs,
      });
      const decoded = Math.max(0, Math.round(videoFrames * between(this.prng, 0.97, 1)));
      events.push({
        type: 'media', at, direction: 'receive', kind: 'video', peer: peer.userId, enabled: peer.cameraOn, link,
        bitrateKbps: round(seen > 0 ? peer.videoKbps * (1 - path.loss) * Math.min(1, seen / (peer.fps * seconds)) : 0, 1),
        lossPct: round(path.loss * 100, 1), jitterMs: jitter(), rttMs: rtt(), frames: decoded,
        packets: Math.round(seen * (1 - path.loss) * peer.packetsPerFrame()), intervalMs,
        frozenMs: peer.cameraOn ? Math.round(Math.min(1, frozen) * intervalMs) : 0,
      });
    }
    // A busy CPU now and then: a report with about half the frames encoded.
    if (this.prng.chance(0.03)) {
      for (const event of events) if (event.type === 'media' && event.direction === 'send' && event.kind === 'video' && event.frames) event.frames = Math.round(event.frames * 0.5);
    }
    return events;
  }

  /** The board: behind after outages and some page turns, and all the while a not-synced fault lasts. */
  private board(now: number, own: ActiveFault | null): void {
    const stuck = own?.record.tag === 'course.not-synced' && now >= own.plan.startedAt && now < own.plan.endsAt ? own.plan.startedAt : null;
    if (stuck !== null && this.behindSince === null) {
      this.behindSince = stuck;
      this.behindUntil = null;
      this.nextLagTickAt = stuck + between(this.prng, 0, LAG_TICK_MS);
    }
    // After an outage of 2 s or more the board catches up a little after the connection.
    const outage = this.outages.at(now - 1);
    if (outage.on === false && outage.from !== this.outageSeen) {
      const previous = this.outages.at(outage.from - 1);
      this.outageSeen = outage.from;
      if (previous.on && previous.to - previous.from >= 2_000 && this.behindSince === null && stuck === null) {
        this.behindSince = previous.from;
        this.behindUntil = previous.to + between(this.prng, 500, 3_000);
        this.nextLagTickAt = previous.from + between(this.prng, 0, LAG_TICK_MS);
      }
    }
    if (this.behindSince === null) return;
    const until = stuck !== null ? Number.POSITIVE_INFINITY : (this.behindUntil ?? now);
    while (this.nextLagTickAt <= Math.min(now, until)) {
      const lag = this.nextLagTickAt - this.behindSince;
      if (lag >= MIN_REPORTED_LAG_MS) this.queueEvent({ type: 'board-lag', lagMs: Math.round(lag), pendingOps: stuck !== null ? this.prng.int(0, 3) : 0 }, this.nextLagTickAt);
      this.nextLagTickAt += LAG_TICK_MS;
    }
    if (until <= now) {
      const caughtUpAt = stuck !== null ? now : until;
      const lag = caughtUpAt - this.behindSince;
      if (lag >= MIN_REPORTED_LAG_MS) this.queueEvent({ type: 'board-lag', lagMs: Math.round(lag), pendingOps: 0 }, caughtUpAt);
      this.behindSince = null;
      this.behindUntil = null;
    }
  }

  /** A not-synced fault that ended: the board catches up now. */
  caughtUp(now: number): void {
    if (this.behindSince === null) return;
    this.queueEvent({ type: 'board-lag', lagMs: Math.round(now - this.behindSince), pendingOps: 0 }, now);
    this.behindSince = null;
    this.behindUntil = null;
  }

  /** A page turn: the board may trail the teacher's for a second or three. */
  pageTurned(now: number): void {
    if (this.behindSince !== null || !this.prng.chance(0.2)) return;
    this.behindSince = now;
    this.behindUntil = now + between(this.prng, 800, 3_000);
    this.nextLagTickAt = now + between(this.prng, 0, LAG_TICK_MS);
  }

  /** Drawing in bursts, a stroke every 1–5 s; a failed stroke is tried again 1–2 s later. */
  private draw(now: number, own: ActiveFault | null): void {
    for (;;) {
      this.nextStrokeAt ??= this.strokeAfter(now);
      const retry = this.retryAt !== null && this.retryAt <= this.nextStrokeAt;
      const at = retry ? this.retryAt! : this.nextStrokeAt;
      if (at > now) return;
      if (retry) this.retryAt = null;
      else this.nextStrokeAt = this.strokeAfter(at);
      // A stroke planned past the end of a drawing spell is not made.
      if (!retry && !this.drawing.at(at).on) continue;
      const failing = own?.record.tag === 'course.cant-draw' && at >= own.plan.startedAt && at < own.plan.endsAt;
      const fails = failing ? own.plan.shape !== 'now-and-then' || this.prng.chance(own.plan.share) : this.prng.chance(0.003);
      if (failing && fails) own.plan.observedAt ??= at;
      this.queueEvent(fails ? { type: 'draw', ok: false, reason: 'stroke rejected by the board' } : { type: 'draw', ok: true }, at);
      if (fails && !retry) this.retryAt = at + between(this.prng, 1_000, 2_000);
    }
  }

  /** When the next stroke comes after `t`: soon while drawing, else early in the next drawing spell. */
  private strokeAfter(t: number): number {
    const spell = this.drawing.at(t);
    return spell.on ? t + between(this.prng, 1_000, 5_000) : spell.to + between(this.prng, 0, 2_000);
  }

  private pendingQueue: { at: number; event: TelemetryEvent }[] = [];

  /** An event this console reports at true time `at` (stamped with its clock when it goes into the batch). */
  private queueEvent(event: TelemetryEvent, at: number): void {
    this.pendingQueue.push({ at, event: { ...event, at: this.clock(at) } as TelemetryEvent });
  }

  private add(event: TelemetryEvent, at: number, out: Delivery[]): void {
    this.pendingQueue.push({ at, event });
    this.drain(at, out);
  }

  /** Moves events into the batch in time order; the batcher sends at 50 events or 2 s after the first. */
  private drain(now: number, out: Delivery[]): void {
    this.pendingQueue.sort((x, y) => x.at - y.at);
    while (this.pendingQueue.length > 0 && this.pendingQueue[0]!.at <= now) {
      const { at, event } = this.pendingQueue.shift()!;
      this.batch.push(event);
      if (this.flushAt === null) this.flushAt = this.flushTime(at);
      if (this.batch.length >= MAX_EVENTS && !this.offline(at)) this.send(at, out);
    }
  }

  private flushDue(now: number, out: Delivery[]): void {
    for (;;) {
      if (this.flushAt !== null && this.flushAt <= now) {
        const at = this.flushAt;
        this.drain(at, out);
        if (this.offline(at)) {
          // Held while the broker is away; everything goes when it is back.
          this.flushAt = this.disconnects!.at(at).to;
          continue;
        }
        this.send(at, out);
        continue;
      }
      this.drain(now, out);
      if (this.flushAt === null || this.flushAt > now) return;
    }
  }

  private flushTime(at: number): number {
    if (this.background?.at(at).on) return this.nextWake(at + FLUSH_MS);
    return at + FLUSH_MS;
  }

  private offline(at: number): boolean {
    return this.disconnects?.at(at).on ?? false;
  }

  /** The next time after `t` a throttled background page runs its timers (strictly after: a wake is not its own next). */
  private nextWake(t: number): number {
    return (Math.floor((t - this.wakePhase) / BACKGROUND_WAKE_MS) + 1) * BACKGROUND_WAKE_MS + this.wakePhase;
  }

  private send(at: number, out: Delivery[]): void {
    while (this.batch.length > 0) {
      const events = this.batch.splice(0, MAX_EVENTS);
      const message = { v: 1 as const, id: `${this.userId.slice(0, 40)}-${Math.floor(this.prng.next() * 2 ** 31).toString(36)}-${++this.serial}`, at: this.clock(at), events };
      // The network keeps one connection's messages in order; now and then one takes a second or more.
      const delay = this.prng.chance(0.01) ? between(this.prng, 500, 4_000) : between(this.prng, 20, 150);
      const deliverAt = Math.max(this.lastDeliverAt, at + delay);
      this.lastDeliverAt = deliverAt;
      out.push({ deliverAt, message });
    }
    this.flushAt = null;
  }
}

/** Duplicates and re-sends: the same message again (same id), or its events again under a new id. */
export function duplicates(delivery: Delivery, noise: NoiseTuning, prng: Prng): Delivery[] {
  const extra: Delivery[] = [];
  if (prng.chance(noise.duplicateShare)) extra.push({ deliverAt: delivery.deliverAt + between(prng, 0, 2_000), message: delivery.message });
  if (prng.chance(noise.resendShare)) {
    extra.push({ deliverAt: delivery.deliverAt + between(prng, 1_000, 5_000), message: { ...delivery.message, id: `${delivery.message.id}-r` } });
  }
  return extra;
}

/** A fault's lifetime, drawn from the tuning's bands. */
export function lifetimeOf(noise: NoiseTuning, prng: Prng): number {
  const total = noise.lifetimes.reduce((sum, band) => sum + band.weight, 0);
  let roll = prng.next() * total;
  for (const band of noise.lifetimes) {
    roll -= band.weight;
    if (roll <= 0) return prng.int(band.ms[0], band.ms[1]);
  }
  const last = noise.lifetimes.at(-1)!;
  return prng.int(last.ms[0], last.ms[1]);
}
