import { describe, expect, it } from 'vitest';
import type { TelemetryEvent } from '../../shared/protocol/messages';
import { audioReceive, audioSend, videoReceive, videoSend } from './fixtures';
import { CLASS, harness } from '../testing/tag-engine';
import { COURSE_QUIET_MS } from './time';

/** Reports as a console sends them: every 5 s, each in its own message stamped by the console's clock (true + skew). */
function consoleOf(h: ReturnType<typeof harness>, userId: string, skewMs = 0) {
  return (at: number, events: (at: number) => TelemetryEvent[]) => {
    h.clock.now = at + 150;
    h.engine.ingest(CLASS, userId, { v: 1, at: at + skewMs, events: events(at + skewMs) });
  };
}

const stuckMic = (at: number) => [audioSend(at, 0, { packets: 0, intervalMs: 5_000, audioLevel: 0.1 })];
const quietDtxMic = (at: number) => [audioSend(at, 0.05, { packets: 12, intervalMs: 5_000, audioLevel: 0.001 })];
const problems = (h: ReturnType<typeof harness>) => h.tags().filter((t) => !t.includes('normal') && !t.includes('entered'));

describe('tag engine: clocks', () => {
  it('tags a participant 30 s ahead and one 30 s behind as it tags one with a true clock', () => {
    const runs = [0, 30_000, -30_000].map((skew) => {
      const h = harness();
      const send = consoleOf(h, 'student1', skew);
      const start = h.clock.now;
      for (let at = start; at < start + 60_000; at += 5_000) send(at, at < start + 20_000 ? (t) => [audioSend(t, 30, { packets: 250, intervalMs: 5_000 })] : stuckMic);
      const raised = h.published.find((p) => p.tags.some((t) => t.tag === 'stream.audio-stuck'))!;
      return { tags: h.tags(), raisedAfter: raised.ts - start, since: raised.tags.find((t) => t.tag === 'stream.audio-stuck')!.since - start, setAside: h.latest()!.setAside };
    });
    expect(runs[0]!.tags).toEqual(['stream.audio-stuck student1']);
    for (const run of runs.slice(1)) {
      expect(run.tags).toEqual(runs[0]!.tags);
      expect(run.raisedAfter).toBe(runs[0]!.raisedAfter);
      expect(Math.abs(run.since - runs[0]!.since)).toBeLessThan(500);
      expect(run.setAside).toEqual({ late: 0, future: 0, duplicate: 0 });
    }
  });

  it('sets aside only what is implausible after correction: later than its own message, or older than 30 s', () => {
    const h = harness();
    const now = h.clock.now;
    // A clock an hour off: message and events agree, so all of it is used.
    h.engine.ingest(CLASS, 'student1', { v: 1, id: 'a', at: now + 3_600_000, events: [{ type: 'draw', at: now + 3_600_000 - 2_000, ok: false }, { type: 'draw', at: now + 3_600_000, ok: false }] });
    expect(h.tags()).toEqual(['course.cant-draw student1']);
    h.engine.ingest(CLASS, 'student1', { v: 1, id: 'a', at: now + 3_600_000, events: [{ type: 'draw', at: now, ok: true }] });
    h.engine.ingest(CLASS, 'student1', { v: 1, id: 'b', at: now + 3_600_000, events: [{ type: 'draw', at: now + 3_660_000, ok: false }, { type: 'draw', at: now + 3_540_000, ok: false }] });
    expect(h.latest()?.setAside).toEqual({ late: 1, future: 1, duplicate: 1 });
  });
});

describe('tag engine: silence is not failure', () => {
  it('raises no problem tag for a quiet participant with silence suppression over ten minutes', () => {
    const h = harness();
    const send = consoleOf(h, 'student1');
    const start = h.clock.now;
    for (let at = start; at < start + 10 * 60_000; at += 5_000) {
      send(at, quietDtxMic);
      h.engine.tick();
      expect(problems(h)).toEqual([]);
    }
    expect(h.tags()).toEqual(['stream.normal student1']);
  });

  it('tags a stuck microphone from one report that carries no packet at all', () => {
    const h = harness();
    const send = consoleOf(h, 'student1');
    const start = h.clock.now;
    send(start, quietDtxMic);
    send(start + 5_000, stuckMic);
    expect(problems(h)).toEqual(['stream.audio-stuck student1']);
    send(start + 10_000, quietDtxMic);
    expect(problems(h)).toEqual(['stream.audio-stuck student1']);
    send(start + 15_000, quietDtxMic);
    expect(problems(h)).toEqual([]);
  });

  it('tags a microphone without DTX once its packet rate falls below 20 a second, though it still sends some', () => {
    const h = harness();
    const send = consoleOf(h, 'student1');
    const start = h.clock.now;
    send(start, (at) => [audioSend(at, 6, { packets: 250, intervalMs: 5_000, audioLevel: 0.002 })]);
    send(start + 5_000, (at) => [audioSend(at, 2, { packets: 60, intervalMs: 5_000, audioLevel: 0.002 })]);
    expect(problems(h)).toEqual([]);
    send(start + 10_000, (at) => [audioSend(at, 1, { packets: 30, intervalMs: 5_000, audioLevel: 0.002 })]);
    expect(problems(h)).toEqual(['stream.audio-stuck student1']);
  });

  it('tags video stuck below one frame a second (a frame or two every 15 s), not a camera that slows down', () => {
    const h = harness();
    const send = consoleOf(h, 'student1');
    const start = h.clock.now;
    for (let i = 0; i < 4; i++) send(start + i * 5_000, (at) => [videoSend(at, 75, { intervalMs: 5_000 })]);
    send(start + 20_000, (at) => [videoSend(at, 38, { intervalMs: 5_000 })]);
    expect(problems(h)).toEqual([]);
    send(start + 25_000, (at) => [videoSend(at, 2, { intervalMs: 5_000 })]);
    send(start + 30_000, (at) => [videoSend(at, 0, { intervalMs: 5_000 })]);
    expect(problems(h)).toEqual(['stream.video-stuck student1']);
  });
});

describe('tag engine: fades are tagged while they fade', () => {
  it('tags a camera that fades on a weakened report followed by a failing one, not on one or two half-rate reports', () => {
    const h = harness();
    const send = consoleOf(h, 'student1');
    const start = h.clock.now;
    for (let i = 0; i < 4; i++) send(start + i * 5_000, (at) => [videoSend(at, 75, { intervalMs: 5_000 })]);
    // A busy CPU halves a report's frames now and then, even twice in a row: weak, never a tag.
    send(start + 20_000, (at) => [videoSend(at, 38, { intervalMs: 5_000 })]);
    send(start + 25_000, (at) => [videoSend(at, 38, { intervalMs: 5_000 })]);
    send(start + 30_000, (at) => [videoSend(at, 75, { intervalMs: 5_000 })]);
    expect(problems(h)).toEqual([]);
    // A fade: 70% of the rate, then 40%.
    send(start + 35_000, (at) => [videoSend(at, 52, { intervalMs: 5_000 })]);
    expect(problems(h)).toEqual([]);
    send(start + 40_000, (at) => [videoSend(at, 30, { intervalMs: 5_000 })]);
    expect(problems(h)).toEqual(['stream.video-stuck student1']);
    // Since the fade began (corrected by the console's clock offset, the 150 ms its messages take here).
    expect(Math.abs(h.latest()!.tags.find((t) => t.tag === 'stream.video-stuck')!.since - (start + 30_000))).toBeLessThan(500);
    send(start + 45_000, (at) => [videoSend(at, 75, { intervalMs: 5_000 })]);
    expect(problems(h)).toEqual([]);
  });

  it('tags a speaking microphone whose packets fall short of what its level calls for; its pauses are not failures', () => {
    const h = harness();
    const send = consoleOf(h, 'teacher1');
    const start = h.clock.now;
    // Speaking most of the time (level 0.2 at 50 packets a second), pausing (DTX: 2.5 a second at a whisper of level).
    const report = (packets: number, level: number) => (at: number) => [audioSend(at, 20, { packets, intervalMs: 5_000, audioLevel: level })];
    for (let i = 0; i < 4; i++) send(start + i * 5_000, report(i % 2 === 0 ? 250 : 138, i % 2 === 0 ? 0.2 : 0.15));
    send(start + 20_000, report(13, 0.002));
    send(start + 25_000, report(250, 0.2));
    expect(problems(h)).toEqual([]);
    // The microphone still hears speech, but the packets fade: 70%, then 35% of what speech sends.
    send(start + 30_000, report(175, 0.2));
    expect(problems(h)).toEqual([]);
    send(start + 35_000, report(88, 0.2));
    expect(problems(h)).toEqual(['stream.audio-stuck teacher1']);
  });
});

describe("tag engine: can't hear, can't see", () => {
  const hearing = (loss: number) => (at: number) => [
    { ...audioReceive(at, 'teacher1', loss > 50 ? 0 : 0.1), lossPct: loss, packets: Math.round(250 * (1 - loss / 100)), intervalMs: 5_000 },
  ];

  it("says can't hear when most of the teacher's audio is lost on the way, and clears when it arrives again", () => {
    const h = harness();
    const send = consoleOf(h, 'student1');
    const start = h.clock.now;
    send(start, hearing(0));
    send(start + 5_000, hearing(90));
    expect(problems(h)).toEqual([]);
    send(start + 10_000, hearing(95));
    expect(problems(h)).toEqual(['stream.cant-hear student1']);
    send(start + 15_000, hearing(1));
    send(start + 20_000, hearing(1));
    expect(problems(h)).toEqual([]);
  });

  it("does not say can't hear while the student's own network drops out", () => {
    const h = harness();
    const send = consoleOf(h, 'student1');
    const start = h.clock.now;
    for (let i = 1; i <= 3; i++) {
      send(start + i * 5_000, (at) => [audioSend(at, 30, { packets: 250, intervalMs: 5_000, lossPct: 80 }), ...hearing(90)(at)]);
    }
    expect(problems(h)).toEqual([]);
  });

  it("says can't see when the teacher's packets arrive but no frame decodes; not when the teacher sends nothing", () => {
    const h = harness();
    const student = consoleOf(h, 'student1');
    const other = consoleOf(h, 'student2');
    const start = h.clock.now;
    for (let i = 1; i <= 2; i++) {
      student(start + i * 5_000, (at) => [{ ...videoReceive(at, 'teacher1', 0), packets: 300, intervalMs: 5_000, frozenMs: 5_000 }]);
      other(start + i * 5_000, (at) => [{ ...videoReceive(at, 'teacher1', 0), packets: 0, intervalMs: 5_000, frozenMs: 0 }]);
    }
    expect(problems(h)).toEqual(['stream.cant-see student1']);
  });
});

describe('tag engine: board, drawing, lasting states', () => {
  it('tags not synced on lag with operations pending; a board catching up after a dropout is not', () => {
    const h = harness();
    const stuck = consoleOf(h, 'student1');
    const start = h.clock.now;
    stuck(start, (at) => [{ type: 'board-lag', at, lagMs: 6_000, pendingOps: 2 }]);
    stuck(start + 5_000, (at) => [{ type: 'board-lag', at, lagMs: 11_000, pendingOps: 1 }]);
    expect(problems(h)).toEqual(['course.not-synced student1']);
    const behind = consoleOf(h, 'student2');
    behind(start + 5_000, (at) => [audioSend(at, 30, { packets: 0, intervalMs: 5_000, link: 'disconnected' }), { type: 'board-lag', at, lagMs: 6_000, pendingOps: 0 }]);
    behind(start + 10_000, (at) => [{ type: 'board-lag', at, lagMs: 11_000, pendingOps: 0 }, { type: 'board-lag', at, lagMs: 12_000, pendingOps: 0 }]);
    expect(problems(h)).toEqual(['course.not-synced student1']);
  });

  it('tags not synced on one report of a board 8 s behind with operations pending', () => {
    const h = harness();
    const start = h.clock.now;
    const pending = consoleOf(h, 'student1');
    pending(start, (at) => [{ type: 'board-lag', at, lagMs: 9_000, pendingOps: 1 }]);
    expect(problems(h)).toEqual(['course.not-synced student1']);
    expect(Math.abs(h.latest()!.tags.find((t) => t.tag === 'course.not-synced')!.since - (start - 9_000))).toBeLessThan(500);
    // A board reporting, with nothing pending, how long it was behind (as it does when it has caught up) is no fault.
    const caughtUp = consoleOf(h, 'student2');
    caughtUp(start, (at) => [{ type: 'board-lag', at, lagMs: 12_000, pendingOps: 0 }]);
    expect(problems(h)).toEqual(['course.not-synced student1']);
  });

  it("tags can't draw on two failures within 30 s and clears 12 s after the last one", () => {
    const h = harness();
    const send = consoleOf(h, 'student1');
    const start = h.clock.now;
    send(start, (at) => [{ type: 'draw', at, ok: false }, { type: 'draw', at: at + 1_500, ok: true }]);
    expect(problems(h)).toEqual([]);
    send(start + 10_000, (at) => [{ type: 'draw', at, ok: false }]);
    expect(problems(h)).toEqual(['course.cant-draw student1']);
    h.clock.now = start + 10_000 + COURSE_QUIET_MS + 500;
    h.engine.tick();
    expect(problems(h)).toEqual([]);
  });

  it('confirms a failed start-up after 10 s unless the retry succeeds; a load that fails on its retry at once', () => {
    const h = harness();
    const send = consoleOf(h, 'student1');
    const start = h.clock.now;
    send(start, (at) => [{ type: 'init', at, component: 'media', ok: false }, { type: 'courseware', at, asset: 'a1', ok: false, ms: 900 }]);
    send(start + 2_000, (at) => [{ type: 'init', at, component: 'media', ok: true }]);
    // Nothing more from the participant: a success sent within the 10 s would have arrived a batch's wait (2.5 s)
    // later. (Times here are the console's; the tagger's are 150 ms later, the messages' delay.)
    h.clock.now = start + 12_000;
    h.engine.tick();
    expect(problems(h)).toEqual([]);
    h.clock.now = start + 12_700;
    h.engine.tick();
    expect(problems(h)).toEqual(['course.load-failed student1']);
    send(start + 13_000, (at) => [{ type: 'init', at, component: 'messaging', ok: false }, { type: 'courseware', at, asset: 'a2', ok: false, ms: 900 }, { type: 'courseware', at: at + 1, asset: 'a2', ok: false, ms: 900 }]);
    expect(problems(h)).toEqual(['course.load-failed student1']);
    // An event of theirs from after the 10 s, with no success before it, confirms at once.
    send(start + 23_500, (at) => [quietDtxMic(at)[0]!]);
    expect(problems(h)).toEqual(['course.load-failed student1', 'entry.init-failed.messaging student1']);
  });

  it('shows no start-up failure whose success is still on its way when the 10 s are up', () => {
    const h = harness();
    const start = h.clock.now;
    h.engine.ingest(CLASS, 'student1', { v: 1, at: start, events: [{ type: 'init', at: start, component: 'media', ok: false }] });
    // The retry succeeded at 9.5 s; the console's batch with it arrives at 11.6 s.
    h.clock.now = start + 10_500;
    h.engine.tick();
    expect(problems(h)).toEqual([]);
    h.clock.now = start + 11_600;
    h.engine.ingest(CLASS, 'student1', { v: 1, at: start + 11_500, events: [{ type: 'init', at: start + 9_500, component: 'media', ok: true }] });
    h.clock.now = start + 20_000;
    h.engine.tick();
    expect(h.published.some((p) => p.tags.some((t) => t.tag === 'entry.init-failed.media'))).toBe(false);
  });
});

describe('tag engine: entering again', () => {
  const entry = (steps: [string, number][]) => (at: number) =>
    steps.map(([step, ms]) => ({ type: 'entry', at: at + ms, step, ms }) as TelemetryEvent);

  it('keeps a start-up failure through a new entry that fails the same way, without a gap', () => {
    const h = harness();
    const send = consoleOf(h, 'student1');
    const start = h.clock.now;
    send(start, (at) => [{ type: 'init', at, component: 'messaging', ok: false, error: 'closed before CONNACK' }]);
    for (let at = start + 5_000; at <= start + 15_000; at += 5_000) send(at, quietDtxMic);
    expect(problems(h)).toEqual(['entry.init-failed.messaging student1']);
    const since = h.latest()!.tags.find((t) => t.tag === 'entry.init-failed.messaging')!.since;
    // The console enters again (a switched line): the token step comes in one report, ready and the start-up's
    // results in the next, and messaging fails again.
    const count = h.published.length;
    send(start + 20_000, entry([['token', 100], ['broker', 500]]));
    h.clock.now = start + 23_000;
    h.engine.tick();
    send(start + 25_000, (at) => [...entry([['ready', 3_000]])(at - 3_000), { type: 'init', at, component: 'messaging', ok: false, error: 'closed before CONNACK' }]);
    for (let at = start + 30_000; at <= start + 50_000; at += 5_000) send(at, quietDtxMic);
    const after = h.published.slice(count);
    expect(after.length).toBeGreaterThan(0);
    for (const published of after) expect(published.tags.find((t) => t.tag === 'entry.init-failed.messaging')?.since).toBe(since);
  });

  it('clears a start-up failure when the new entry starts the component, or does not report it once ready', () => {
    for (const retried of [true, false]) {
      const h = harness();
      const send = consoleOf(h, 'student1');
      const start = h.clock.now;
      send(start, (at) => [{ type: 'init', at, component: 'media', ok: false }]);
      send(start + 12_000, quietDtxMic);
      expect(problems(h)).toEqual(['entry.init-failed.media student1']);
      send(start + 20_000, (at) => [...entry([['token', 0], ['broker', 400], ['ready', 2_000]])(at - 2_000), ...(retried ? [{ type: 'init', at, component: 'media', ok: true } as TelemetryEvent] : [])]);
      if (retried) {
        expect(problems(h)).toEqual([]);
        continue;
      }
      expect(problems(h)).toEqual(['entry.init-failed.media student1']);
      for (let at = start + 25_000; at <= start + 60_000; at += 5_000) send(at, quietDtxMic);
      expect(problems(h)).toEqual([]);
    }
  });
});

describe('tag engine: participants, silent classes, restarts', () => {
  it('says when it last heard from each participant, latest first, without republishing for that alone', () => {
    const h = harness();
    const [first, second] = [consoleOf(h, 'student1'), consoleOf(h, 'student2')];
    const start = h.clock.now;
    const healthy = (at: number) => [audioSend(at, 30, { packets: 250, intervalMs: 5_000 })];
    for (let at = start; at <= start + 30_000; at += 5_000) {
      first(at, healthy);
      if (at <= start + 10_000) second(at, healthy);
    }
    const published = h.published.length;
    // Student2 falls silent; student1 goes on with reports that change no tag.
    first(start + 35_000, healthy);
    expect(h.published).toHaveLength(published);
    first(start + 40_000, stuckMic);
    const heard = h.latest()!.heard;
    expect(heard.map((p) => p.userId)).toEqual(['student1', 'student2']);
    expect(Math.abs(heard[0]!.at - (start + 40_000))).toBeLessThan(1_000);
    expect(Math.abs(heard[1]!.at - (start + 10_000))).toBeLessThan(1_000);
  });

  it('forgets a class silent for long, publishing empty tags once', () => {
    const h = harness({ forgetAfterMs: 60_000 });
    consoleOf(h, 'student1')(h.clock.now, stuckMic);
    expect(problems(h)).toEqual(['stream.audio-stuck student1']);
    h.clock.now += 61_000;
    h.engine.tick();
    expect(h.latest()?.tags).toEqual([]);
    const count = h.published.length;
    h.engine.tick();
    expect(h.published).toHaveLength(count);
    expect(h.engine.classes).toBe(0);
  });

  it('takes over published tags on restart: lasting states, since and counters survive', () => {
    const h = harness();
    const since = h.clock.now - 20_000;
    const restored = h.engine.restore({
      v: 1, classId: CLASS, windowEnd: since, ts: since, setAside: { late: 3, future: 1, duplicate: 2 }, heard: [],
      tags: [{ tag: 'entry.init-failed.media', userId: 'student1', since, evidence: 'x' }, { tag: 'stream.audio-stuck', userId: 'student2', since, evidence: 'y' }],
    });
    expect(restored).toBe(true);
    expect(h.engine.tags(CLASS)?.tags.map((t) => `${t.tag} ${t.since === since}`)).toEqual(['entry.init-failed.media true', 'stream.audio-stuck true']);
    consoleOf(h, 'student2')(h.clock.now, quietDtxMic);
    consoleOf(h, 'student2')(h.clock.now + 5_000, quietDtxMic);
    expect(problems(h)).toEqual(['entry.init-failed.media student1']);
    expect(h.latest()?.setAside).toEqual({ late: 3, future: 1, duplicate: 2 });
  });
});

