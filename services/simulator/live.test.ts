import { describe, expect, it } from 'vitest';
import type { Command } from '../../shared/protocol/messages';
import type { Dropped } from '../../shared/protocol/codec';
import { T0, eventsOf, liveClass, only, run, signals, simulation } from '../testing/live-simulation';

const MINUTE = 60_000;
const certain = { remedies: { refuseShare: 0, silentShare: 0 } };

function command(id: string, action: Command['action']): Command {
  return { v: 1, id, action, by: 'svc-dispatcher', params: {}, ts: T0 };
}

describe('remedies in the live simulation', () => {
  it('acknowledge a matching remedy and fix the fault when it completes, in telemetry and in ground truth', () => {
    const live = simulation(30, certain);
    const { classId, teacherId, studentId } = liveClass(live);
    const fault = live.inject({ classId, userId: studentId, tag: 'stream.cant-hear', help: false }, T0);
    run(live, T0, T0 + 40_000);
    live.command(classId, studentId, command('c-1', 'switch-line'), T0 + 40_000);
    const messages = run(live, T0 + 40_000, T0 + 70_000);
    const acks = only(messages, 'commandAck');
    expect(acks).toHaveLength(1);
    expect(acks[0]).toMatchObject({ params: { classId, userId: studentId }, message: { commandId: 'c-1', ok: true } });
    expect(fault.fixedAt).not.toBeNull();
    expect(fault.fixedAt! - (T0 + 40_000)).toBeGreaterThanOrEqual(1_100);
    expect(fault.fixedAt! - (T0 + 40_000)).toBeLessThanOrEqual(8_600);
    expect(fault.fixedBy).toEqual({ commandId: 'c-1', action: 'switch-line', by: 'svc-dispatcher' });
    const after = eventsOf(messages, classId, studentId).filter((e) => e.at! > fault.fixedAt!);
    expect(after.some((e) => e.type === 'media' && e.direction === 'receive')).toBe(true);
    expect(after.flatMap((e) => signals(e, teacherId))).toEqual([]);
    expect(live.truth.snapshot().commands).toEqual([expect.objectContaining({ commandId: 'c-1', answer: 'ok', effect: 'fixed', faultId: fault.id })]);
  });

  it('leave the fault in place when the remedy is wrong or the fault is unfixable, and acknowledge all the same', () => {
    const live = simulation(30, certain);
    const { classId, teacherId, studentId } = liveClass(live);
    const fault = live.inject({ classId, userId: studentId, tag: 'course.load-failed', fixable: false, help: false }, T0);
    live.command(classId, studentId, command('c-wrong', 'resync-board'), T0 + 1_000);
    live.command(classId, studentId, command('c-right', 'reload-courseware'), T0 + 1_000);
    const messages = run(live, T0, T0 + 30_000);
    expect(only(messages, 'commandAck').map((a) => a.message.ok)).toEqual([true, true]);
    expect(fault.fixedAt).toBeNull();
    // The reload was carried out and failed again, as a real client would report it.
    const loads = eventsOf(messages, classId, studentId).filter((e) => e.type === 'courseware');
    expect(loads.length).toBeGreaterThanOrEqual(2);
    expect(loads.every((e) => signals(e, teacherId).includes('course.load-failed'))).toBe(true);
    expect(live.truth.snapshot().commands.map((c) => c.effect).sort()).toEqual(['unfixable', 'wrong-remedy']);
  });

  it('answer a redelivered command again without carrying it out twice, and ignore commands to real people', () => {
    const live = simulation(30, certain);
    const { classId, studentId } = liveClass(live);
    live.inject({ classId, userId: studentId, tag: 'stream.video-stuck', resists: 1, help: false }, T0);
    live.command(classId, studentId, command('c-1', 'restart-media'), T0 + 1_000);
    run(live, T0, T0 + 500);
    live.command(classId, studentId, command('c-1', 'restart-media'), T0 + 1_000);
    live.command('class-0001', 'student1', command('c-2', 'restart-media'), T0 + 1_000);
    const messages = run(live, T0 + 500, T0 + 20_000);
    expect(only(messages, 'commandAck').map((a) => a.message.commandId)).toEqual(['c-1', 'c-1']);
    // Carried out once: the one resistance used up, the fault still there.
    expect(live.truth.snapshot().faults[0]).toMatchObject({ resists: 0, fixedAt: null });
    expect(live.counts.commandsIgnored).toBe(1);
  });

  it('get no answer at all from a client told to stay silent', () => {
    const live = simulation(30, certain);
    const { classId, studentId } = liveClass(live);
    live.inject({ classId, userId: studentId, tag: 'stream.audio-stuck', silent: 1, help: false }, T0);
    live.command(classId, studentId, command('c-1', 'restart-media'), T0 + 1_000);
    const messages = run(live, T0, T0 + 20_000);
    expect(only(messages, 'commandAck')).toEqual([]);
    expect(live.truth.snapshot().faults[0]!.fixedAt).toBeNull();
  });
});

describe('faults and help in the live simulation', () => {
  it('refuses to inject what cannot be carried, and changes nothing', () => {
    const live = simulation(30);
    const { classId, teacherId, studentId } = liveClass(live);
    expect(() => live.inject({ classId, userId: teacherId, tag: 'stream.audio-stuck' }, T0)).toThrow(/students only/);
    expect(() => live.inject({ classId: 'class-0001', userId: 'teacher1', tag: 'course.cant-draw' }, T0)).toThrow(/not a simulated participant/);
    expect(() => live.inject({ classId, userId: studentId, tag: 'stream.nope' as never }, T0)).toThrow(/not a problem tag/);
    live.inject({ classId, userId: studentId, tag: 'course.cant-draw', help: false }, T0);
    expect(() => live.inject({ classId, userId: teacherId, tag: 'course.cant-draw' }, T0)).toThrow(/already has a fault/);
    expect(live.truth.snapshot().faults).toHaveLength(1);
  });

  it('has the participant press help after the delay with diagnostics that show the problem', () => {
    const live = simulation(30);
    const { classId, studentId } = liveClass(live);
    const fault = live.inject({ classId, userId: studentId, tag: 'course.not-synced', help: { delayMs: 45_000 } }, T0);
    const messages = run(live, T0, T0 + 50_000);
    const [request] = only(messages, 'help');
    expect(request).toMatchObject({ params: { classId, userId: studentId }, message: { topic: 'board', from: { id: studentId, role: 'student' }, ts: T0 + 45_000 } });
    expect(request!.message.diagnostics.board.unsent).toBeGreaterThan(0);
    expect(request!.message.diagnostics.stats.some((e) => e.type === 'board-lag' && e.lagMs > 5_000)).toBe(true);
    expect(live.truth.snapshot().help).toEqual([{ id: request!.message.id, classId, userId: studentId, at: T0 + 45_000, kind: 'fault', faultId: fault.id }]);
    expect(live.truth.snapshot().faults[0]!.help).toEqual([request!.message.id]);
  });

  it('sends no help once the fault is gone', () => {
    const live = simulation(30, certain);
    const { classId, studentId } = liveClass(live);
    live.inject({ classId, userId: studentId, tag: 'course.cant-draw', help: { delayMs: 30_000 } }, T0);
    live.command(classId, studentId, command('c-1', 'resync-board'), T0 + 1_000);
    expect(only(run(live, T0, T0 + 40_000), 'help')).toEqual([]);
  });

  it('injects random faults at the configured rate, into live classes of simulated people, mixed over every tag', () => {
    const live = simulation(300, { faults: { perClassHour: 60, stopAfterMs: 2 * MINUTE }, help: { faultShare: 0 } });
    const eligible = [...new Set(live.model.seats().map((s) => s.classId))].filter((id) => {
      const online = live.model.online(id);
      return id > 'class-0002' && live.model.stateOf(id) === 'live' && online.teachers === 1 && online.students > 0;
    });
    run(live, T0, T0 + 3 * MINUTE, 1_000);
    const faults = live.truth.snapshot().faults;
    // One fault per class at a time, started with a chance of 1/60 each second: 1 - e^-2 = 86% of the classes that
    // can carry one get one within the 2 minutes.
    expect(faults.length / eligible.length).toBeGreaterThan(0.78);
    expect(faults.length / eligible.length).toBeLessThan(0.94);
    expect(faults.every((f) => f.origin === 'random' && eligible.includes(f.classId) && f.injectedAt <= T0 + 2 * MINUTE)).toBe(true);
    expect(new Set(faults.map((f) => f.tag)).size).toBe(11);
    const unfixable = faults.filter((f) => !f.fixable).length / faults.length;
    expect(unfixable).toBeGreaterThan(0.1);
    expect(unfixable).toBeLessThan(0.3);
  });

  it('keeps everyone in a class with a fault while people come and go elsewhere', () => {
    const live = simulation(100, { faults: { perClassHour: 120, stopAfterMs: 30_000 }, help: { faultShare: 0 } }, { simulate: true });
    run(live, T0, T0 + 30_000, 1_000);
    const faults = live.truth.snapshot().faults;
    const before = new Map(faults.map((f) => [f.classId, live.model.seatsOf(f.classId).map((s) => s.online)]));
    const messages = run(live, T0 + 30_000, T0 + 3 * MINUTE, 1_000);
    expect(only(messages, 'presence').length).toBeGreaterThan(20);
    for (const [classId, online] of before) expect(live.model.seatsOf(classId).map((s) => s.online)).toEqual(online);
  });

  it('sends help from healthy classes and invalid requests when asked to, each recorded with its kind', () => {
    const live = simulation(100, { help: { healthyPerClassHour: 30, invalidPerClassHour: 30 } });
    const dropped: Dropped[] = [];
    const messages = run(live, T0, T0 + 2 * MINUTE, 1_000, dropped);
    expect(dropped.length).toBe(live.truth.snapshot().help.filter((h) => h.kind === 'malformed').length);
    expect(dropped.every((d) => d.reason === 'schema' && d.topic.includes('/help/'))).toBe(true);
    const kinds = new Set(live.truth.snapshot().help.map((h) => h.kind));
    expect(kinds).toEqual(new Set(['healthy', 'impersonated', 'expired', 'wrong-class', 'malformed']));
    const sent = live.truth.snapshot().help.filter((h) => h.kind !== 'malformed').map((h) => h.id).sort();
    expect(only(messages, 'help').map((h) => h.message.id).sort()).toEqual(sent);
  });
});
