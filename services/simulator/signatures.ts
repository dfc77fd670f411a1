import type { TelemetryEvent } from '../../shared/protocol/messages';
import type { FaultTag } from './faults';
import type { Prng } from './prng';

/**
 * The telemetry a simulated participant reports, healthy or carrying a fault. Healthy values stay well clear of every
 * tagger threshold (docs/protocol.md, "Tags"), and a fault changes only the figures its own tag looks at, so each
 * fault shows as exactly one tag on exactly one participant:
 *
 * | fault | signature |
 * |---|---|
 * | entry.init-failed.media | `init` media ok=false, then no media stats at all |
 * | entry.init-failed.messaging | `init` messaging ok=false |
 * | entry.init-failed.courseware | `init` courseware ok=false, then no courseware loads |
 * | entry.slow | a re-entry whose `ready` step comes after 16–30 s |
 * | stream.audio-stuck | own send audio enabled and connected, 0–1.5 kbps |
 * | stream.video-stuck | own send video enabled, 0 frames |
 * | stream.cant-hear | receive audio from the (speaking) teacher: level 0, 0–1.5 kbps |
 * | stream.cant-see | receive video from the (sending) teacher: 0 frames |
 * | course.load-failed | `courseware` ok=false for the class's asset, on every load |
 * | course.not-synced | `board-lag` 6–20 s with pending ops, every report |
 * | course.cant-draw | two refused `draw` attempts every report |
 *
 * Remedies that fail leave the same signature (and report their own failed attempt where a client would).
 */
export interface MemberView {
  userId: string;
  role: 'teacher' | 'student';
  /** The fault this participant carries and nobody has fixed, if any. */
  fault: FaultTag | null;
}

const SLOW_ENTRY_MS: [number, number] = [16_000, 30_000];
const NORMAL_ENTRY_MS: [number, number] = [1_500, 6_000];
const VIDEO_FPS = 15;

function between(prng: Prng, min: number, max: number): number {
  return min + prng.next() * (max - min);
}

function tenth(value: number): number {
  return Math.round(value * 10) / 10;
}

function milli(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function hasMedia(member: MemberView): boolean {
  return member.fault !== 'entry.init-failed.media';
}

function linkStats(prng: Prng) {
  return { link: 'connected' as const, lossPct: tenth(between(prng, 0, 1.5)), jitterMs: Math.round(between(prng, 4, 25)), rttMs: Math.round(between(prng, 40, 140)) };
}

/** Media stats for one interval: what `self` sends, and what it receives from `peers` (students receive the teacher). */
export function mediaEvents(self: MemberView, peers: readonly MemberView[], at: number, intervalMs: number, prng: Prng): TelemetryEvent[] {
  if (!hasMedia(self)) return [];
  const seconds = Math.max(1, intervalMs / 1000);
  const audioStuck = self.fault === 'stream.audio-stuck';
  const videoStuck = self.fault === 'stream.video-stuck';
  // Teachers speak through the lesson; students less, and sometimes not at all.
  const level = self.role === 'teacher' ? between(prng, 0.04, 0.35) : between(prng, 0.006, 0.2);
  const events: TelemetryEvent[] = [
    { type: 'media', at, direction: 'send', kind: 'audio', enabled: true, ...linkStats(prng),
      bitrateKbps: tenth(audioStuck ? between(prng, 0, 1.5) : between(prng, 24, 40)), audioLevel: milli(level) },
    { type: 'media', at, direction: 'send', kind: 'video', enabled: true, ...linkStats(prng),
      bitrateKbps: tenth(videoStuck ? between(prng, 0, 3) : between(prng, 350, 900)),
      frames: videoStuck ? 0 : Math.round(VIDEO_FPS * seconds * between(prng, 0.9, 1)) },
  ];
  for (const peer of peers) {
    if (!hasMedia(peer) || peer.userId === self.userId) continue;
    if (self.role === 'student' && peer.role !== 'teacher') continue;
    const fromTeacher = peer.role === 'teacher';
    const silent = peer.fault === 'stream.audio-stuck' || (fromTeacher && self.fault === 'stream.cant-hear');
    const black = peer.fault === 'stream.video-stuck' || (fromTeacher && self.fault === 'stream.cant-see');
    events.push(
      { type: 'media', at, direction: 'receive', kind: 'audio', peer: peer.userId, enabled: true, ...linkStats(prng),
        bitrateKbps: tenth(silent ? between(prng, 0, 1.5) : between(prng, 24, 40)),
        audioLevel: silent ? 0 : milli(fromTeacher ? between(prng, 0.03, 0.3) : between(prng, 0.01, 0.15)) },
      { type: 'media', at, direction: 'receive', kind: 'video', peer: peer.userId, enabled: true, ...linkStats(prng),
        bitrateKbps: tenth(black ? between(prng, 0, 3) : between(prng, 300, 850)),
        frames: black ? 0 : Math.round(VIDEO_FPS * seconds * between(prng, 0.85, 1)) },
    );
  }
  return events;
}

/** The board's state for one report, and the drawing attempts made since the last one. */
export function boardEvents(self: MemberView, at: number, prng: Prng): TelemetryEvent[] {
  const events: TelemetryEvent[] = [];
  if (self.fault === 'course.not-synced') {
    events.push({ type: 'board-lag', at, lagMs: Math.round(between(prng, 6_000, 20_000)), pendingOps: prng.int(1, 6) });
  } else {
    events.push({ type: 'board-lag', at, lagMs: Math.round(between(prng, 30, 600)), pendingOps: 0 });
  }
  if (self.fault === 'course.cant-draw') {
    events.push({ type: 'draw', at: at - 1_500, ok: false, reason: 'stroke rejected by the board' });
    events.push({ type: 'draw', at, ok: false, reason: 'stroke rejected by the board' });
  } else if (prng.chance(0.25)) {
    events.push({ type: 'draw', at, ok: true });
  }
  return events;
}

/** Entering the classroom: each step's time since the class was opened, then the components' start-up results. */
export function entryEvents(self: MemberView, openedAt: number, asset: string, page: number, prng: Prng, totalMs?: number): TelemetryEvent[] {
  const [min, max] = self.fault === 'entry.slow' ? SLOW_ENTRY_MS : NORMAL_ENTRY_MS;
  const total = totalMs ?? Math.round(between(prng, min, max));
  const steps = [['token', 0.02], ['broker', 0.1], ['snapshot', 0.3], ['courseware', 0.6], ['media', 0.85], ['ready', 1]] as const;
  const events: TelemetryEvent[] = steps.map(([step, share]) => {
    const ms = step === 'ready' ? total : Math.round(total * share);
    return { type: 'entry', at: openedAt + ms, step, ms };
  });
  const readyAt = openedAt + total;
  events.push(initEvent(self, 'messaging', readyAt));
  events.push(initEvent(self, 'media', readyAt));
  events.push(initEvent(self, 'courseware', readyAt));
  const load = coursewareEvent(self, readyAt, asset, page, prng);
  if (load) events.push(load);
  return events;
}

const INIT_ERRORS = {
  media: 'NotReadableError: could not start audio source',
  messaging: 'connection closed before CONNACK (1006)',
  courseware: 'pdf worker failed to start',
} as const;

/** A component's start-up result; it fails while the participant carries that component's init fault. */
export function initEvent(self: MemberView, component: 'media' | 'messaging' | 'courseware', at: number): TelemetryEvent {
  const failed = self.fault === `entry.init-failed.${component}`;
  return failed ? { type: 'init', at, component, ok: false, error: INIT_ERRORS[component] } : { type: 'init', at, component, ok: true };
}

/** Loading a courseware page; none while courseware failed to start. */
export function coursewareEvent(self: MemberView, at: number, asset: string, page: number, prng: Prng): TelemetryEvent | null {
  if (self.fault === 'entry.init-failed.courseware') return null;
  if (self.fault === 'course.load-failed') {
    return { type: 'courseware', at, asset, page, ok: false, ms: Math.round(between(prng, 8_000, 15_000)), error: 'HTTP 504 from the asset store' };
  }
  return { type: 'courseware', at, asset, page, ok: true, ms: Math.round(between(prng, 150, 1_800)) };
}

/**
 * An event a participant has not reported yet, as it turns out now that `self` carries a different fault: a load or
 * a start-up still in progress succeeds or fails with the participant's current state. Null when it no longer happens.
 */
export function restated(self: MemberView, event: TelemetryEvent, prng: Prng): TelemetryEvent | null {
  const at = event.at ?? 0;
  if (event.type === 'init' && event.component !== 'board') return initEvent(self, event.component, at);
  if (event.type === 'courseware') return coursewareEvent(self, at, event.asset, event.page ?? 1, prng);
  return event;
}

/**
 * What a participant reports when a fault starts: the failed start-up, the failed load, the slow re-entry. Faults
 * that live in the stats (stuck, can't hear, not synced, can't draw) show in the next reports instead.
 */
export function onsetEvents(self: MemberView, at: number, asset: string, page: number, prng: Prng): TelemetryEvent[] {
  switch (self.fault) {
    case 'entry.init-failed.media':
      return [initEvent(self, 'media', at)];
    case 'entry.init-failed.messaging':
      return [initEvent(self, 'messaging', at)];
    case 'entry.init-failed.courseware':
      return [initEvent(self, 'courseware', at)];
    case 'entry.slow':
      return entryEvents(self, at, asset, page, prng);
    case 'course.load-failed': {
      const load = coursewareEvent(self, at, asset, page, prng);
      return load ? [load] : [];
    }
    default:
      return [];
  }
}

/**
 * What the subject of a fault does as soon as a remedy has fixed it, beyond its usual reports: someone who could not
 * draw (and tried twice a report while it failed) tries again at once, and this stroke goes through.
 */
export function fixedEvents(tag: FaultTag, at: number): TelemetryEvent[] {
  return tag === 'course.cant-draw' ? [{ type: 'draw', at, ok: true }] : [];
}

/**
 * What a client reports when it has carried out a remedy, fixed or not: switching line reconnects (a re-entry),
 * restarting media starts it again, reloading courseware loads the page again, resyncing the board shows in the next
 * board report. `self.fault` is the fault still carried after the remedy.
 */
export function remedyEvents(self: MemberView, action: string, at: number, asset: string, page: number, prng: Prng): TelemetryEvent[] {
  switch (action) {
    case 'switch-line':
      return entryEvents(self, at, asset, page, prng);
    case 'restart-media':
      return [initEvent(self, 'media', at)];
    case 'reload-courseware': {
      const load = coursewareEvent(self, at, asset, page, prng);
      return [initEvent(self, 'courseware', at), ...(load ? [load] : [])];
    }
    default:
      return [];
  }
}
