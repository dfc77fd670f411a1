import { describe, expect, it } from 'vitest';
import type { FaultRecord } from './faults';
import { FieldMember, episodesOf, planFault, type Delivery } from './field';
import { tuning } from './options';
import { Prng } from './prng';

describe('field model: ground truth', () => {
  it("counts a can't-draw fault from the first stroke it made fail, and not at all while nobody draws", () => {
    const noise = tuning({ noise: { enabled: true, skewedShare: 0, backgroundShare: 0, disconnectShare: 0 } }).noise;
    const start = 1_700_000_000_000;
    const outcomes = { drew: 0, didNotDraw: 0 };
    for (let seed = 1; seed <= 30; seed++) {
      const student = new FieldMember(`s${seed}`, 'student', seed, start, noise);
      const teacher = new FieldMember(`t${seed}`, 'teacher', seed + 1_000, start, noise);
      const plan = planFault('course.cant-draw', 'sudden', start + 10_000, 60_000, new Prng(seed));
      const record = { userId: student.userId, tag: 'course.cant-draw' } as FaultRecord;
      const out: Delivery[] = [];
      for (let t = start; t <= start + 80_000; t += 250) {
        student.advance(t, { peers: [teacher], fault: t >= plan.startedAt && t < plan.endsAt ? { record, plan } : null }, [], out);
      }
      // The console stamps events with its own clock: back to true time.
      const failed = out
        .flatMap((d) => d.message.events)
        .flatMap((e) => (e.type === 'draw' && !e.ok ? [(e.at ?? 0) - student.skewMs] : []))
        .filter((at) => at >= plan.startedAt && at < plan.endsAt);
      const episodes = episodesOf('course.cant-draw', plan, start + 80_000, plan.endsAt);
      if (failed.length === 0) {
        outcomes.didNotDraw++;
        expect(episodes).toEqual([]);
      } else {
        outcomes.drew++;
        expect(episodes).toHaveLength(1);
        expect(Math.abs(episodes[0]!.start - Math.min(...failed))).toBeLessThanOrEqual(1);
        expect(episodes[0]!.end).toBe(plan.endsAt);
      }
    }
    expect(outcomes.drew).toBeGreaterThan(0);
    expect(outcomes.didNotDraw).toBeGreaterThan(0);
  });

  it('counts a stuck camera from its start while it is on, and not at all while it is off', () => {
    const noise = tuning({ noise: { enabled: true } }).noise;
    const start = 1_700_000_000_000;
    const seen = { on: 0, off: 0 };
    for (let seed = 1; seed <= 20; seed++) {
      const student = new FieldMember(`s${seed}`, 'student', seed, start, noise);
      const teacher = new FieldMember(`t${seed}`, 'teacher', seed + 1_000, start, noise);
      const plan = planFault('stream.video-stuck', 'sudden', start + 10_000, 30_000, new Prng(seed));
      const fault = { record: { userId: student.userId, tag: 'stream.video-stuck' } as FaultRecord, plan };
      for (let t = start; t <= start + 45_000; t += 250) student.advance(t, { peers: [teacher], fault: t < plan.endsAt ? fault : null }, [], []);
      const episodes = episodesOf('stream.video-stuck', plan, start + 45_000, plan.endsAt);
      seen[student.cameraOn ? 'on' : 'off']++;
      expect(episodes).toEqual(student.cameraOn ? [{ start: plan.startedAt, end: plan.endsAt }] : []);
    }
    expect(seen.on).toBeGreaterThan(0);
    expect(seen.off).toBeGreaterThan(0);
  });
});
