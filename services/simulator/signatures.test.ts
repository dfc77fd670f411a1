import { describe, expect, it } from 'vitest';
import { PROBLEM_TAGS, TAGS } from '../../shared/tags/catalogue';
import { FAULT_TAGS, HELP_OF, carriedBy, type FaultTag } from './faults';
import { T0, eventsOf, liveClass, only, run, signals, simulation } from '../testing/live-simulation';

const MINUTE = 60_000;

function signalled(events: ReturnType<typeof eventsOf>, teacherId: string): Set<string> {
  return new Set(events.flatMap((e) => signals(e, teacherId)));
}

describe('fault tags', () => {
  it('cover every problem tag of the catalogue, each with a remedy and a help topic', () => {
    expect([...FAULT_TAGS].sort()).toEqual([...PROBLEM_TAGS].sort());
    for (const tag of FAULT_TAGS) {
      expect(TAGS[tag].remedy).not.toBeNull();
      expect(HELP_OF[tag].text.length).toBeGreaterThan(0);
    }
  });
});

describe('simulated telemetry', () => {
  it('comes about once a second per class, from everyone online in turn, and always passes the schema', () => {
    const live = simulation(40);
    const messages = run(live, T0, T0 + MINUTE);
    const telemetry = only(messages, 'telemetry');
    const reporting = new Set(telemetry.map((m) => m.params.classId));
    expect(telemetry.length / reporting.size).toBeGreaterThan(55);
    expect(telemetry.length / reporting.size).toBeLessThanOrEqual(61);
    const { classId, seats } = liveClass(live);
    const online = seats.filter((s) => s.online).map((s) => s.participant.id);
    const senders = new Set(telemetry.filter((m) => m.params.classId === classId).map((m) => m.params.userId));
    expect([...senders].sort()).toEqual([...online].sort());
    expect(new Set(telemetry.map((m) => m.message.id)).size).toBe(telemetry.length);
  });

  it('from healthy classes signals no problem at all, with the teacher speaking and sending video', () => {
    const live = simulation(30);
    const messages = run(live, T0, T0 + 2 * MINUTE);
    const { classId, teacherId, seats } = liveClass(live);
    for (const seat of seats.filter((s) => s.online)) {
      const events = eventsOf(messages, classId, seat.participant.id);
      expect(events.some((e) => e.type === 'entry' && e.step === 'ready')).toBe(true);
      expect(events.some((e) => e.type === 'board-lag')).toBe(true);
      expect(signalled(events, teacherId)).toEqual(new Set());
    }
    const teacherSends = eventsOf(messages, classId, teacherId).flatMap((e) => (e.type === 'media' && e.direction === 'send' ? [e] : []));
    expect(teacherSends.length).toBeGreaterThan(10);
    expect(teacherSends.filter((e) => e.kind === 'audio').every((e) => (e.audioLevel ?? 0) > 0.02)).toBe(true);
    expect(teacherSends.filter((e) => e.kind === 'video').every((e) => (e.frames ?? 0) > 0)).toBe(true);
  });

  it.each(FAULT_TAGS)('carries %s as exactly its own signature, on its participant only', (tag: FaultTag) => {
    const live = simulation(30);
    run(live, T0, T0 + 10_000);
    const { classId, teacherId, studentId, seats } = liveClass(live);
    const subject = carriedBy(tag) === 'student' ? studentId : teacherId;
    live.inject({ classId, userId: subject, tag, help: false }, T0 + 10_000);
    const messages = run(live, T0 + 10_000, T0 + 70_000);
    const events = eventsOf(messages, classId, subject);
    expect(signalled(events, teacherId)).toEqual(new Set([tag]));
    for (const seat of seats.filter((s) => s.online && s.participant.id !== subject)) {
      expect(signalled(eventsOf(messages, classId, seat.participant.id), teacherId)).toEqual(new Set());
    }
    const failing = events.filter((e) => signals(e, teacherId).length > 0);
    if (tag === 'course.cant-draw') {
      // At least two refused attempts in every 30 s window.
      for (let start = T0 + 30_000; start + 30_000 <= T0 + 70_000; start += 30_000) {
        expect(failing.filter((e) => e.at! >= start && e.at! < start + 30_000).length).toBeGreaterThanOrEqual(2);
      }
    }
    if (tag === 'entry.init-failed.media') expect(events.some((e) => e.type === 'media')).toBe(false);
    if (['stream.audio-stuck', 'stream.video-stuck', 'stream.cant-hear', 'stream.cant-see', 'course.not-synced'].includes(tag)) {
      // Every sample of the affected stream shows it, so any window the fault spans shows it whole.
      const stream = events.filter((e) => (tag === 'course.not-synced' ? e.type === 'board-lag' : e.type === 'media') && e.at! > T0 + 10_000);
      const affected = stream.filter((e) => signals(e, teacherId).length > 0 || matchesStream(tag, e, teacherId));
      expect(affected.length).toBeGreaterThan(5);
      expect(affected.every((e) => signals(e, teacherId).includes(tag))).toBe(true);
    }
  });
});

describe('simulated recovery', () => {
  it("shows at the fixed participant's next report: who could not draw draws again, and it goes through", () => {
    const live = simulation(30, { remedies: { refuseShare: 0, silentShare: 0 } });
    run(live, T0, T0 + 10_000);
    const { classId, studentId } = liveClass(live);
    const fault = live.inject({ classId, userId: studentId, tag: 'course.cant-draw', help: false }, T0 + 10_000);
    run(live, T0 + 10_000, T0 + 20_000);
    live.command(classId, studentId, { v: 1, id: 'c-1', action: 'resync-board', by: 'dispatcher', params: {}, ts: T0 + 20_000 }, T0 + 20_000);
    const reports = only(run(live, T0 + 20_000, T0 + 40_000), 'telemetry').filter((m) => m.params.classId === classId && m.params.userId === studentId);
    expect(fault.fixedAt).not.toBeNull();
    const next = reports.find((m) => m.message.at >= fault.fixedAt!);
    expect(next?.message.events).toContainEqual({ type: 'draw', at: fault.fixedAt, ok: true });
    expect(next?.message.events.some((e) => e.type === 'draw' && !e.ok)).toBe(false);
  });
});

function matchesStream(tag: FaultTag, event: ReturnType<typeof eventsOf>[number], teacherId: string): boolean {
  if (event.type !== 'media') return event.type === 'board-lag';
  if (tag === 'stream.audio-stuck') return event.direction === 'send' && event.kind === 'audio';
  if (tag === 'stream.video-stuck') return event.direction === 'send' && event.kind === 'video';
  if (tag === 'stream.cant-hear') return event.direction === 'receive' && event.kind === 'audio' && event.peer === teacherId;
  return event.direction === 'receive' && event.kind === 'video' && event.peer === teacherId;
}
