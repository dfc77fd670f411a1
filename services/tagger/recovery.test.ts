import { describe, expect, it } from 'vitest';
import type { TelemetryEvent } from '../../shared/protocol/messages';
import type { ClassTags } from '../../shared/protocol/supervision';
import { T0, audioReceive, audioSend, every, videoReceive, videoSend } from './fixtures';
import { CLASS, harness } from '../testing/tag-engine';

const stuckAudio = (from: number, to: number) => every(from, to, 1_000, (at) => audioSend(at, 0, { audioLevel: 0 }));
const lag = (at: number, lagMs: number, pendingOps: number): TelemetryEvent => ({ type: 'board-lag', at, lagMs, pendingOps });
const draw = (at: number, ok: boolean): TelemetryEvent => ({ type: 'draw', at, ok });

/** A harness whose first tumbling window [T0, T0+30 s) has closed on `events`, showing one problem tag. */
function tagged(events: Record<string, TelemetryEvent[]>, expected: string) {
  const h = harness();
  h.play(events);
  h.advance(T0 + 40_000);
  expect(h.tags()).toContain(expected);
  const before = h.published.length;
  return {
    h,
    shows: () => h.tags().includes(expected),
    /** Tags were republished at once: no window closed since the tag appeared. */
    publishedWithoutClosing: () => h.published.length > before && h.latest()!.windowEnd === T0 + 30_000,
  };
}

describe('tags clear at once on recovery evidence from the same participant, later in event time', () => {
  it('audio stuck: after two consecutive healthy send-audio reports (≥ 2 kbps, link connected)', () => {
    const { h, shows, publishedWithoutClosing } = tagged({ student1: stuckAudio(T0, T0 + 30_000) }, 'stream.audio-stuck student1');
    h.send('student1', [audioSend(T0 + 41_000, 32)]);
    expect(shows()).toBe(true);
    // A bad report between two healthy ones: not consecutive.
    h.send('student1', [audioSend(T0 + 42_000, 0.5)]);
    h.send('student1', [audioSend(T0 + 43_000, 32)]);
    expect(shows()).toBe(true);
    // Healthy, but the link is reconnecting: says nothing either way.
    h.send('student1', [audioSend(T0 + 43_500, 32, { link: 'connecting' })]);
    expect(shows()).toBe(true);
    h.send('student1', [audioSend(T0 + 44_000, 32)]);
    expect(h.tags()).toEqual(['stream.normal student1']);
    expect(publishedWithoutClosing()).toBe(true);
    expect(h.latest()?.tags).toEqual([{ tag: 'stream.normal', userId: 'student1', since: T0 + 44_000, evidence: '' }]);
  });

  it('video stuck: on one send-video report with frames', () => {
    const { h, shows, publishedWithoutClosing } = tagged({ student1: every(T0, T0 + 30_000, 1_000, (at) => videoSend(at, 0)) }, 'stream.video-stuck student1');
    h.send('student1', [videoSend(T0 + 41_000, 0, { frames: undefined })]);
    expect(shows()).toBe(true);
    h.send('student1', [videoSend(T0 + 42_000, 15)]);
    expect(shows()).toBe(false);
    expect(publishedWithoutClosing()).toBe(true);
  });

  it("can't hear: when the audio received from the speaking teacher carries energy again, twice", () => {
    const { h, shows, publishedWithoutClosing } = tagged(
      {
        teacher1: every(T0, T0 + 30_000, 1_000, (at) => audioSend(at, 32, { audioLevel: 0.3 })),
        student1: every(T0, T0 + 30_000, 1_000, (at) => audioReceive(at, 'teacher1', 0.001)),
      },
      'stream.cant-hear student1',
    );
    // Another student's audio says nothing about the teacher's.
    h.send('student1', [audioReceive(T0 + 41_000, 'student2', 0.2), audioReceive(T0 + 42_000, 'student2', 0.2)]);
    expect(shows()).toBe(true);
    h.send('student1', [audioReceive(T0 + 43_000, 'teacher1', 0.2)]);
    expect(shows()).toBe(true);
    h.send('student1', [audioReceive(T0 + 44_000, 'teacher1', 0.2)]);
    expect(shows()).toBe(false);
    expect(publishedWithoutClosing()).toBe(true);
  });

  it("can't see: when the video received from the teacher decodes frames again (a report without peer is the sole teacher's)", () => {
    const { h, shows, publishedWithoutClosing } = tagged(
      {
        teacher1: every(T0, T0 + 30_000, 1_000, (at) => videoSend(at, 15)),
        student1: every(T0, T0 + 30_000, 1_000, (at) => videoReceive(at, 'teacher1', 0)),
      },
      'stream.cant-see student1',
    );
    h.send('student1', [videoReceive(T0 + 41_000, 'teacher1', 0)]);
    expect(shows()).toBe(true);
    h.send('student1', [videoReceive(T0 + 42_000, undefined, 12)]);
    expect(shows()).toBe(false);
    expect(publishedWithoutClosing()).toBe(true);
  });

  it('not synced: on a board-lag report under the limit with nothing pending', () => {
    const { h, shows, publishedWithoutClosing } = tagged({ student1: [lag(T0 + 5_000, 7_200, 1)] }, 'course.not-synced student1');
    h.send('student1', [lag(T0 + 41_000, 300, 2)]);
    expect(shows()).toBe(true);
    h.send('student1', [lag(T0 + 42_000, 300, 0)]);
    expect(h.tags()).toEqual(['course.normal student1']);
    expect(publishedWithoutClosing()).toBe(true);
  });

  it("can't draw: on a drawing attempt that succeeds", () => {
    const { h, shows, publishedWithoutClosing } = tagged({ student1: [draw(T0 + 1_000, false), draw(T0 + 25_000, false)] }, 'course.cant-draw student1');
    h.send('student1', [draw(T0 + 41_000, true)]);
    expect(shows()).toBe(false);
    expect(publishedWithoutClosing()).toBe(true);
  });

  it('failed load, failed component, slow entry: on the success that follows, without waiting for its pane to close', () => {
    const { h, publishedWithoutClosing } = tagged(
      {
        student1: [
          { type: 'courseware', at: T0 + 1_000, asset: 'deck-1', ok: false, ms: 900, error: 'HTTP 404' },
          { type: 'init', at: T0 + 1_000, component: 'media', ok: false, error: 'NotReadableError' },
          { type: 'entry', at: T0 + 2_000, step: 'ready', ms: 19_000 },
        ],
      },
      'course.load-failed student1',
    );
    expect(h.tags()).toEqual(['course.load-failed student1', 'entry.entered student1', 'entry.init-failed.media student1', 'entry.slow student1']);
    h.send('student1', [{ type: 'courseware', at: T0 + 41_000, asset: 'deck-2', ok: true, ms: 300 }]);
    expect(h.tags()).toContain('course.load-failed student1');
    h.send('student1', [{ type: 'courseware', at: T0 + 42_000, asset: 'deck-1', ok: true, ms: 300 }]);
    h.send('student1', [{ type: 'init', at: T0 + 43_000, component: 'media', ok: true }]);
    h.send('student1', [{ type: 'entry', at: T0 + 44_000, step: 'ready', ms: 2_500 }]);
    expect(h.tags()).toEqual(['course.normal student1', 'entry.entered student1']);
    expect(publishedWithoutClosing()).toBe(true);
  });

  it('clears a tag taken over from an earlier run on the same evidence', () => {
    const h = harness();
    const published: ClassTags = {
      v: 1, classId: CLASS, windowEnd: T0 + 30_000, ts: T0,
      tags: [{ tag: 'stream.audio-stuck', userId: 'student1', since: T0, evidence: 'mic on and link connected, but at most 0.0 kbps sent' }],
      setAside: { late: 0, future: 0, duplicate: 0 },
    };
    h.engine.restore(published);
    h.send('student1', [audioSend(T0 + 31_000, 32), audioSend(T0 + 33_000, 32)]);
    expect(h.tags()).toEqual(['stream.normal student1']);
  });
});

describe('recovery evidence in event time', () => {
  it('never clears from a late event: it is set aside and counted', () => {
    const h = harness();
    h.play({ student1: [...stuckAudio(T0, T0 + 60_000), draw(T0 + 31_000, false), draw(T0 + 50_000, false)] });
    h.advance(T0 + 70_000);
    expect(h.tags()).toEqual(['course.cant-draw student1', 'stream.audio-stuck student1']);
    // Healthy reports and a successful stroke from the closed window [T0+30 s, T0+60 s), arriving after it closed.
    h.send('student1', [audioSend(T0 + 55_000, 32), audioSend(T0 + 57_000, 32), draw(T0 + 58_000, true)]);
    expect(h.tags()).toEqual(['course.cant-draw student1', 'stream.audio-stuck student1']);
    expect(h.engine.tags(CLASS)?.setAside).toEqual({ late: 3, future: 0, duplicate: 0 });
  });

  it('does not clear on evidence older than the latest bad sample, however it arrives', () => {
    const { h, shows } = tagged({ student1: [lag(T0 + 5_000, 7_200, 1)] }, 'course.not-synced student1');
    h.send('student1', [lag(T0 + 36_000, 9_000, 3)]);
    // Within the allowed lateness, but earlier than the lag it follows in arrival order.
    h.send('student1', [lag(T0 + 35_000, 200, 0)]);
    expect(shows()).toBe(true);
    h.send('student1', [lag(T0 + 37_000, 200, 0)]);
    expect(shows()).toBe(false);
  });

  it('takes a clearance back when a bad sample turns up between the healthy ones that made it', () => {
    const { h, shows } = tagged({ student1: stuckAudio(T0, T0 + 30_000) }, 'stream.audio-stuck student1');
    h.send('student1', [audioSend(T0 + 41_000, 32)]);
    h.send('student1', [audioSend(T0 + 43_000, 32)]);
    expect(shows()).toBe(false);
    h.send('student1', [audioSend(T0 + 42_000, 0, { audioLevel: 0 })]);
    expect(shows()).toBe(true);
    expect(h.latest()?.tags.find((t) => t.tag === 'stream.audio-stuck')?.since).toBe(T0);
    h.send('student1', [audioSend(T0 + 44_000, 32)]);
    expect(shows()).toBe(false);
  });

  it('raises a recovered tag again only through the window rule, on bad evidence after the recovery', () => {
    const h = harness();
    h.play({ student1: [...stuckAudio(T0, T0 + 30_000), lag(T0 + 5_000, 9_000, 2)] });
    h.advance(T0 + 40_000);
    expect(h.tags()).toEqual(['course.not-synced student1', 'stream.audio-stuck student1']);
    // Still bad early in the next window, then recovered.
    h.send('student1', [lag(T0 + 32_000, 8_000, 2), audioSend(T0 + 32_000, 0, { audioLevel: 0 })]);
    h.send('student1', [lag(T0 + 34_000, 100, 0), audioSend(T0 + 34_000, 30), audioSend(T0 + 35_000, 30)]);
    expect(h.tags()).toEqual(['course.normal student1', 'stream.normal student1']);
    // The window [T0+30 s, T0+60 s) closes holding the lag of T0+32 s: older than the recovery, so no tag.
    h.sendAll('student1', stuckAudio(T0 + 36_000, T0 + 60_000));
    h.advance(T0 + 70_000);
    expect(h.engine.tags(CLASS)?.windowEnd).toBe(T0 + 60_000);
    expect(h.tags()).toEqual(['course.normal student1', 'stream.normal student1']);
    // Renewed trouble shows when its own window closes, not before.
    h.sendAll('student1', [...stuckAudio(T0 + 60_000, T0 + 90_000), lag(T0 + 75_000, 9_000, 1)]);
    expect(h.tags()).toEqual(['course.normal student1', 'stream.normal student1']);
    h.advance(T0 + 100_000);
    expect(h.tags()).toEqual(['course.not-synced student1', 'stream.audio-stuck student1']);
    expect(h.latest()?.tags.map((t) => t.since - T0)).toEqual([60_000, 60_000]);
  });
});
