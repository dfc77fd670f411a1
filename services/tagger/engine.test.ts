import { describe, expect, it } from 'vitest';
import type { TelemetryEvent } from '../../shared/protocol/messages';
import type { ClassTags } from '../../shared/protocol/supervision';
import { T0, audioReceive, audioSend, every, videoReceive, videoSend } from './fixtures';
import { CLASS, harness } from '../testing/tag-engine';

const stuckAudio = (from: number, to: number) => every(from, to, 1_000, (at) => audioSend(at, 0, { audioLevel: 0 }));
const goodAudio = (from: number, to: number) => every(from, to, 1_000, (at) => audioSend(at, 32));

describe('tag engine: event time', () => {
  it('closes a 30 s window only when the watermark (newest event minus 10 s) passes its end', () => {
    const h = harness();
    h.sendAll('student1', stuckAudio(T0, T0 + 30_000));
    h.advance(T0 + 39_999);
    expect(h.published).toEqual([]);
    h.advance(T0 + 40_000);
    expect(h.tags()).toEqual(['stream.audio-stuck student1']);
    expect(h.latest()).toMatchObject({ classId: CLASS, windowEnd: T0 + 30_000, setAside: { late: 0, future: 0, duplicate: 0 } });
    expect(h.latest()?.tags[0]).toMatchObject({ since: T0, evidence: expect.stringContaining('0.0 kbps') });
  });

  it('gives the same tags whatever order the events arrive in, within the allowed lateness', () => {
    const events = [...stuckAudio(T0, T0 + 30_000), ...every(T0, T0 + 30_000, 1_000, (at) => videoSend(at, 0))];
    const inOrder = harness();
    inOrder.sendAll('student1', events);
    inOrder.advance(T0 + 40_000);
    const shuffled = harness();
    const reversed = [...events].reverse();
    // Newest first: each later message is older than the last, yet none is older than a closed window.
    shuffled.sendAll('student1', reversed);
    shuffled.advance(T0 + 40_000);
    expect(shuffled.tags()).toEqual(['stream.audio-stuck student1', 'stream.video-stuck student1']);
    expect(shuffled.tags()).toEqual(inOrder.tags());
    expect(shuffled.latest()?.setAside).toEqual({ late: 0, future: 0, duplicate: 0 });
  });

  it('uses an event that arrives after newer ones but before its window closes', () => {
    const h = harness();
    h.sendAll('student1', stuckAudio(T0, T0 + 30_000).filter((e) => e.at !== T0 + 25_000));
    h.advance(T0 + 34_000);
    // 9 s behind the newest event, within the allowed lateness: a healthy report means the audio was not stuck for
    // the whole window.
    h.send('student1', [audioSend(T0 + 25_000, 40)]);
    h.advance(T0 + 40_000);
    expect(h.tags()).toEqual(['stream.normal student1']);
  });

  it('sets a late event aside, counts it, and never lets it change a tag', () => {
    const h = harness();
    h.sendAll('student1', stuckAudio(T0, T0 + 30_000));
    h.advance(T0 + 40_000);
    expect(h.tags()).toEqual(['stream.audio-stuck student1']);
    // Healthy audio for the closed window, arriving too late: it must not clear the tag.
    h.send('student1', [audioSend(T0 + 20_000, 40), audioSend(T0 + 29_999, 40)]);
    h.sendAll('student1', stuckAudio(T0 + 30_000, T0 + 60_000));
    h.advance(T0 + 70_000);
    expect(h.tags()).toEqual(['stream.audio-stuck student1']);
    expect(h.latest()?.tags[0]?.since).toBe(T0);
    expect(h.latest()?.setAside).toEqual({ late: 2, future: 0, duplicate: 0 });
  });

  it('sets aside events stamped more than 5 s ahead of its clock; they neither count nor move the watermark', () => {
    const h = harness();
    const now = h.clock.now;
    h.clock.now = T0 + 30_000; // the tagger's clock: "now" is the end of the first window
    h.sendAll('student1', stuckAudio(T0, T0 + 30_000));
    // 5 s ahead is tolerated (clock skew); 5.001 s is future, and would otherwise close the window.
    h.send('student1', [audioSend(T0 + 35_000, 0, { audioLevel: 0 })]);
    h.send('student1', [audioSend(T0 + 35_001, 40), audioSend(T0 + 90_000, 40)]);
    expect(h.published).toEqual([]);
    h.clock.now = now;
    h.advance(T0 + 40_000);
    expect(h.tags()).toEqual(['stream.audio-stuck student1']);
    expect(h.latest()?.setAside).toEqual({ late: 0, future: 2, duplicate: 0 });
  });

  it('counts a replayed message (same id from the same sender) once, as a duplicate', () => {
    const h = harness();
    const failedDraw: TelemetryEvent = { type: 'draw', at: T0 + 1_000, ok: false, reason: 'refused' };
    h.send('student1', [failedDraw], 'batch-7');
    h.send('student1', [failedDraw], 'batch-7');
    // Another sender may use the same id.
    h.send('student2', [{ ...failedDraw, at: T0 + 2_000 }], 'batch-7');
    h.advance(T0 + 40_000);
    // Two failures are needed for "can't draw": the replay did not count as the second one.
    expect(h.tags()).toEqual(['course.normal student1', 'course.normal student2']);
    expect(h.latest()?.setAside).toEqual({ late: 0, future: 0, duplicate: 1 });
    expect(h.engine.totals).toMatchObject({ duplicate: 1, late: 0, future: 0 });
  });

  it('takes an event without its own time at the message time', () => {
    const h = harness();
    h.engine.ingest(CLASS, 'student1', { v: 1, id: 'x', at: T0 + 3_000, events: [{ type: 'draw', ok: false }, { type: 'draw', ok: false }] });
    h.advance(T0 + 40_000);
    expect(h.tags()).toEqual(['course.cant-draw student1']);
    expect(h.latest()?.tags[0]?.since).toBe(T0);
  });

  it('closes many windows at once when event time jumps, and clears what the empty windows no longer show', () => {
    const h = harness();
    h.sendAll('student1', stuckAudio(T0, T0 + 30_000));
    h.advance(T0 + 40_000);
    expect(h.tags()).toEqual(['stream.audio-stuck student1']);
    h.advance(T0 + 3_600_000);
    expect(h.latest()?.windowEnd).toBe(T0 + 3_585_000);
    expect(h.tags()).toEqual([]);
  });

  it('publishes only when the tags, their since or the counters change', () => {
    const h = harness();
    for (let w = 0; w < 4; w++) h.sendAll('student1', stuckAudio(T0 + w * 30_000, T0 + (w + 1) * 30_000));
    h.advance(T0 + 130_000);
    expect(h.published).toHaveLength(1);
    expect(h.latest()?.windowEnd).toBe(T0 + 30_000);
  });
});

describe('tag engine: L2 streaming', () => {
  it('says "normal" for a participant whose media flows, and "audio stuck" only for a whole silent window', () => {
    const h = harness();
    h.sendAll('student1', goodAudio(T0, T0 + 30_000));
    h.sendAll('student2', [...stuckAudio(T0, T0 + 29_000), audioSend(T0 + 29_000, 3)]);
    h.sendAll('student3', [...stuckAudio(T0, T0 + 15_000), ...every(T0 + 15_000, T0 + 30_000, 1_000, (at) => audioSend(at, 0, { enabled: false }))]);
    h.sendAll('student4', every(T0, T0 + 30_000, 1_000, (at) => audioSend(at, 0, { link: 'connecting' })));
    h.advance(T0 + 40_000);
    expect(h.tags()).toEqual(['stream.normal student1', 'stream.normal student2', 'stream.normal student3', 'stream.normal student4']);
  });

  it('tags video stuck when the camera is on and no frame is encoded in the window', () => {
    const h = harness();
    h.sendAll('student1', every(T0, T0 + 30_000, 1_000, (at) => videoSend(at, 0)));
    h.sendAll('student2', every(T0, T0 + 30_000, 1_000, (at) => videoSend(at, at === T0 + 29_000 ? 1 : 0)));
    h.sendAll('student3', every(T0, T0 + 30_000, 1_000, (at) => videoSend(at, 0, { enabled: false })));
    h.advance(T0 + 40_000);
    expect(h.tags()).toEqual(['stream.normal student2', 'stream.normal student3', 'stream.video-stuck student1']);
  });

  it("joins the teacher's and the students' streams: can't hear while the teacher speaks", () => {
    const h = harness();
    h.play({
      teacher1: every(T0, T0 + 30_000, 1_000, (at) => audioSend(at, 32, { audioLevel: 0.3 })),
      student1: every(T0, T0 + 30_000, 1_000, (at) => audioReceive(at, 'teacher1', 0.001)),
      student2: every(T0, T0 + 30_000, 1_000, (at) => audioReceive(at, 'teacher1', 0.25)),
      student3: every(T0, T0 + 30_000, 1_000, (at) => audioReceive(at, 'teacher1', 0.3, 0.5)),
    });
    h.advance(T0 + 40_000);
    expect(h.tags()).toEqual([
      'stream.cant-hear student1',
      'stream.cant-hear student3',
      'stream.normal student2',
      'stream.normal teacher1',
    ]);
    expect(h.latest()?.tags.find((t) => t.userId === 'student1')?.evidence).toMatch(/teacher1 spoke .* at most level 0\.001/);
  });

  it("blames the teacher, not the students, when the teacher's own audio is stuck", () => {
    const h = harness();
    h.play({
      // Speaking into a microphone whose audio never leaves: the level is there, the bitrate is not.
      teacher1: every(T0, T0 + 30_000, 1_000, (at) => audioSend(at, 0.5, { audioLevel: 0.3 })),
      student1: every(T0, T0 + 30_000, 1_000, (at) => audioReceive(at, 'teacher1', 0, 0.5)),
    });
    h.advance(T0 + 40_000);
    expect(h.tags()).toEqual(['stream.audio-stuck teacher1', 'stream.normal student1']);
  });

  it("does not say can't hear while the teacher is silent", () => {
    const h = harness();
    h.play({
      teacher1: every(T0, T0 + 30_000, 1_000, (at) => audioSend(at, 32, { audioLevel: 0.01 })),
      student1: every(T0, T0 + 30_000, 1_000, (at) => audioReceive(at, 'teacher1', 0)),
    });
    h.advance(T0 + 40_000);
    expect(h.tags()).toEqual(['stream.normal student1', 'stream.normal teacher1']);
  });

  it('evaluates the join on the sliding windows, every 15 s, not only on tumbling ones', () => {
    const h = harness();
    const speaking = every(T0, T0 + 60_000, 1_000, (at) => audioSend(at, 32, { audioLevel: 0.3 }));
    // The student hears the teacher until T0+20 s, then silence.
    const hearing = every(T0, T0 + 60_000, 1_000, (at) => audioReceive(at, 'teacher1', at < T0 + 20_000 ? 0.3 : 0));
    const until = (at: number) => (e: TelemetryEvent) => e.at! < at;
    h.play({ teacher1: speaking.filter(until(T0 + 50_000)), student1: hearing.filter(until(T0 + 50_000)) });
    h.advance(T0 + 50_000);
    expect(h.tags()).not.toContain('stream.cant-hear student1');
    h.play({ teacher1: speaking.filter((e) => !until(T0 + 50_000)(e)), student1: hearing.filter((e) => !until(T0 + 50_000)(e)) });
    h.advance(T0 + 55_000);
    // The sliding window [T0+15 s, T0+45 s) still holds heard audio; [T0+30 s, T0+60 s) does not.
    expect(h.engine.tags(CLASS)?.windowEnd).toBe(T0 + 45_000);
    expect(h.tags()).not.toContain('stream.cant-hear student1');
    h.advance(T0 + 70_000);
    expect(h.latest()?.windowEnd).toBe(T0 + 60_000);
    expect(h.tags()).toContain('stream.cant-hear student1');
    expect(h.latest()?.tags.find((t) => t.tag === 'stream.cant-hear')?.since).toBe(T0 + 30_000);
  });

  it("says can't see when the teacher sends frames and the student decodes none; a report without peer is the sole teacher's", () => {
    const h = harness();
    h.play({
      teacher1: every(T0, T0 + 30_000, 1_000, (at) => videoSend(at, 15)),
      student1: every(T0, T0 + 30_000, 1_000, (at) => videoReceive(at, undefined, 0)),
      student2: every(T0, T0 + 30_000, 1_000, (at) => videoReceive(at, 'teacher1', 15)),
    });
    h.advance(T0 + 40_000);
    expect(h.tags()).toEqual(['stream.cant-see student1', 'stream.normal student2', 'stream.normal teacher1']);
  });

  it('knows the teacher from presence as well as from the summary', () => {
    const h = harness();
    h.engine.notePresence(CLASS, 'teacher9', 'teacher', true);
    h.play({
      teacher9: every(T0, T0 + 30_000, 1_000, (at) => audioSend(at, 32, { audioLevel: 0.3 })),
      student1: every(T0, T0 + 30_000, 1_000, (at) => audioReceive(at, 'teacher9', 0)),
    });
    h.advance(T0 + 40_000);
    expect(h.tags()).toContain('stream.cant-hear student1');
  });

  it('clears a stream tag when a closed window no longer shows it, and keeps since while it holds', () => {
    const h = harness();
    h.sendAll('student1', stuckAudio(T0, T0 + 60_000));
    h.advance(T0 + 70_000);
    expect(h.latest()?.tags).toMatchObject([{ tag: 'stream.audio-stuck', since: T0 }]);
    // Muting is no recovery evidence (a muted microphone says nothing about a stuck one), so the window decides.
    const muted = every(T0 + 75_000, T0 + 90_000, 1_000, (at) => audioSend(at, 0, { enabled: false, audioLevel: 0 }));
    h.sendAll('student1', [...stuckAudio(T0 + 60_000, T0 + 75_000), ...muted]);
    expect(h.tags()).toEqual(['stream.audio-stuck student1']);
    h.advance(T0 + 100_000);
    expect(h.tags()).toEqual(['stream.normal student1']);
    expect(h.latest()?.tags[0]?.since).toBe(T0 + 60_000);
  });
});

describe('tag engine: L1 entry and L3 courseware', () => {
  it('tags entered, slow entry and failed components, and clears a component once it initialises', () => {
    const h = harness();
    h.send('student1', [{ type: 'entry', at: T0 + 1_000, step: 'ready', ms: 3_000 }]);
    h.send('student2', [
      { type: 'init', at: T0 + 500, component: 'media', ok: false, error: 'NotAllowedError' },
      { type: 'init', at: T0 + 600, component: 'messaging', ok: false },
      { type: 'entry', at: T0 + 20_000, step: 'ready', ms: 19_500 },
    ]);
    h.advance(T0 + 40_000);
    expect(h.tags()).toEqual([
      'entry.entered student1',
      'entry.entered student2',
      'entry.init-failed.media student2',
      'entry.init-failed.messaging student2',
      'entry.slow student2',
    ]);
    expect(h.latest()?.tags.find((t) => t.tag === 'entry.init-failed.media')).toMatchObject({ since: T0 + 500, evidence: 'media failed: NotAllowedError' });
    h.send('student2', [{ type: 'init', at: T0 + 50_000, component: 'media', ok: true }]);
    h.advance(T0 + 70_000);
    expect(h.tags()).not.toContain('entry.init-failed.media student2');
    expect(h.tags()).toContain('entry.init-failed.messaging student2');
  });

  it('applies lasting states in event-time order, whatever order they arrive in', () => {
    const h = harness();
    // The failure happened after the success; it arrives first.
    h.send('student1', [{ type: 'init', at: T0 + 9_000, component: 'courseware', ok: false, error: 'timeout' }]);
    h.send('student1', [{ type: 'init', at: T0 + 2_000, component: 'courseware', ok: true }]);
    h.advance(T0 + 40_000);
    expect(h.tags()).toEqual(['entry.init-failed.courseware student1']);
  });

  it('tags a failed courseware load until that asset loads, and says normal afterwards', () => {
    const h = harness();
    h.send('student1', [{ type: 'courseware', at: T0 + 1_000, asset: 'deck-1', ok: false, ms: 900, error: 'HTTP 404' }]);
    h.advance(T0 + 40_000);
    expect(h.tags()).toEqual(['course.load-failed student1']);
    expect(h.latest()?.tags[0]?.evidence).toBe('asset deck-1 failed: HTTP 404');
    h.send('student1', [{ type: 'courseware', at: T0 + 45_000, asset: 'deck-2', ok: true, ms: 300 }]);
    h.advance(T0 + 70_000);
    expect(h.tags()).toEqual(['course.load-failed student1']);
    h.send('student1', [{ type: 'courseware', at: T0 + 75_000, asset: 'deck-1', ok: true, ms: 300 }]);
    h.advance(T0 + 100_000);
    expect(h.tags()).toEqual(['course.normal student1']);
  });

  it('tags not synced on a lag over 5 s, or operations pending through a whole window', () => {
    const h = harness();
    const pending = (at: number): TelemetryEvent => ({ type: 'board-lag', at, lagMs: 1_000, pendingOps: 3 });
    h.play({
      student1: [{ type: 'board-lag', at: T0 + 5_000, lagMs: 7_200, pendingOps: 1 }],
      student2: every(T0, T0 + 30_000, 2_000, pending),
      // Pending only in the first half: not the whole window.
      student3: every(T0, T0 + 15_000, 2_000, pending),
    });
    h.advance(T0 + 40_000);
    expect(h.tags()).toEqual(['course.normal student3', 'course.not-synced student1', 'course.not-synced student2']);
    expect(h.latest()?.tags.find((t) => t.userId === 'student1')?.evidence).toBe('board 7200 ms behind');
  });

  it("tags can't draw on two failed drawing attempts in a window", () => {
    const h = harness();
    h.send('student1', [{ type: 'draw', at: T0 + 1_000, ok: false }, { type: 'draw', at: T0 + 25_000, ok: false }]);
    h.send('student2', [{ type: 'draw', at: T0 + 25_000, ok: false }, { type: 'draw', at: T0 + 31_000, ok: false }]);
    h.advance(T0 + 40_000);
    expect(h.tags()).toEqual(['course.cant-draw student1', 'course.normal student2']);
  });
});

describe('tag engine: participants, idle classes, restarts', () => {
  it('drops an offline participant once they stop sending, with their tags', () => {
    const h = harness();
    h.play({ student1: stuckAudio(T0, T0 + 30_000), student2: goodAudio(T0, T0 + 30_000) });
    h.advance(T0 + 40_000);
    h.engine.notePresence(CLASS, 'student1', 'student', false);
    h.sendAll('student2', goodAudio(T0 + 30_000, T0 + 90_000));
    h.advance(T0 + 100_000);
    expect(h.tags()).toEqual(['stream.normal student2']);
  });

  it("runs a silent class's event time on with the clock after the idle time, so its windows close", () => {
    const h = harness({ idleMs: 30_000 });
    h.sendAll('student1', stuckAudio(T0, T0 + 30_000));
    h.advance(T0 + 40_000);
    expect(h.tags()).toEqual(['stream.audio-stuck student1']);
    h.engine.tick();
    expect(h.published).toHaveLength(1);
    h.clock.now += 30_000;
    h.engine.tick();
    expect(h.tags()).toEqual([]);
  });

  it('forgets a class silent for long, publishing empty tags once', () => {
    const h = harness({ idleMs: 1_000_000, forgetAfterMs: 60_000 });
    h.send('student1', [{ type: 'init', at: T0, component: 'media', ok: false }]);
    h.advance(T0 + 40_000);
    expect(h.tags()).toEqual(['entry.init-failed.media student1']);
    h.clock.now += 60_000;
    h.engine.tick();
    expect(h.latest()).toMatchObject({ classId: CLASS, tags: [] });
    expect(h.engine.classes).toBe(0);
    h.engine.tick();
    expect(h.published).toHaveLength(2);
  });

  it('takes over published tags on restart: lasting states, since and counters survive', () => {
    const before = harness();
    before.send('student1', [{ type: 'init', at: T0 + 1_000, component: 'media', ok: false }, { type: 'entry', at: T0 + 2_000, step: 'ready', ms: 1_000 }]);
    before.sendAll('student1', stuckAudio(T0, T0 + 30_000));
    before.send('student1', [audioSend(T0 + 29_500, 0, { audioLevel: 0 })], 'dup');
    before.send('student1', [audioSend(T0 + 29_500, 0, { audioLevel: 0 })], 'dup');
    before.advance(T0 + 40_000);
    const published = before.latest()!;
    expect(published.setAside.duplicate).toBe(1);

    const after = harness();
    expect(after.engine.restore(published)).toBe(true);
    expect(after.engine.restore(published)).toBe(false);
    expect(after.engine.tags(CLASS)?.tags).toEqual(published.tags);
    // Still failing media, still no audio; the restored states and since carry on, and late events stay late.
    after.send('student1', [audioSend(T0 + 10_000, 40)]);
    after.sendAll('student1', stuckAudio(T0 + 30_000, T0 + 60_000));
    after.advance(T0 + 70_000);
    expect(after.tags()).toEqual(['entry.entered student1', 'entry.init-failed.media student1', 'stream.audio-stuck student1']);
    expect(after.latest()?.tags.find((t) => t.tag === 'stream.audio-stuck')?.since).toBe(T0);
    expect(after.latest()?.tags.find((t) => t.tag === 'entry.init-failed.media')?.since).toBe(T0 + 1_000);
    expect(after.latest()?.setAside).toEqual({ late: 1, future: 0, duplicate: 1 });
    after.send('student1', [{ type: 'init', at: T0 + 71_000, component: 'media', ok: true }]);
    after.advance(T0 + 100_000);
    expect(after.tags()).toEqual(['entry.entered student1']);
  });

  it('still takes over published tags when telemetry arrives first, counting what those tags had closed as late', () => {
    const h = harness();
    // Before the retained tags arrive: one event of a window they closed, one of a window still open.
    h.send('student1', [{ type: 'draw', at: T0 + 20_000, ok: false }]);
    h.send('student1', [{ type: 'draw', at: T0 + 31_000, ok: false }]);
    const published: ClassTags = {
      v: 1, classId: CLASS, windowEnd: T0 + 30_000, ts: T0,
      tags: [{ tag: 'entry.init-failed.messaging', userId: 'student1', since: T0 + 2_000, evidence: 'messaging failed' }],
      setAside: { late: 0, future: 3, duplicate: 0 },
    };
    expect(h.engine.restore(published)).toBe(true);
    h.send('student1', [{ type: 'draw', at: T0 + 32_000, ok: false }]);
    h.advance(T0 + 70_000);
    expect(h.tags()).toEqual(['course.cant-draw student1', 'entry.init-failed.messaging student1']);
    expect(h.latest()?.setAside).toEqual({ late: 1, future: 3, duplicate: 0 });
  });
});
