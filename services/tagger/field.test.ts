import { describe, expect, it } from 'vitest';
import { FAULT_TAGS, SHAPES_OF, carriedBy } from '../simulator/faults';
import { occurrencesOf, spansOf, appearedDuring } from '../simulator/noisy-score';
import { FieldPipeline, noisyScenario } from '../testing/field-pipeline';
import { T0 } from '../testing/live-simulation';

/**
 * The tagger against the simulator's field model (services/simulator/field.ts): noisy telemetry from skewed clocks,
 * silence suppression, dropouts and late batches, through the real tag engine on a simulated clock.
 */
const published = (p: FieldPipeline) => p.published.map((t) => ({ classId: t.classId, ts: t.ts, tags: t.tags }));

describe('tagger on field telemetry', () => {
  it('tags each fault shape within 20 s of its start and clears it within 15 s of its end', () => {
    const pipeline = new FieldPipeline({ classes: 60, seed: 11, durationMs: 160_000 });
    const shapes = FAULT_TAGS.flatMap((tag) => SHAPES_OF[tag].map((shape) => ({ tag, shape })));
    const live = [...new Set(pipeline.live.model.seats().map((s) => s.classId))].filter((id) => pipeline.live.model.stateOf(id) === 'live').sort();
    const pending = [...shapes];
    pipeline.runUntil(T0 + 20_000);
    for (const classId of live) {
      if (pending.length === 0) break;
      const seats = pipeline.live.model.seatsOf(classId).filter((s) => s.online && s.participant.simulated);
      const { tag, shape } = pending[0]!;
      const carrier = seats.find((s) => carriedBy(tag) === 'anyone' || s.participant.role === 'student');
      if (!carrier || !seats.some((s) => s.participant.role === 'teacher')) continue;
      // A drawing fault shows only while the student draws: it goes to someone drawing now and then, like any other.
      pipeline.inject({ classId, userId: carrier.participant.id, tag, shape, lifetimeMs: 90_000, help: false });
      pending.shift();
    }
    expect(pending).toEqual([]);
    pipeline.runUntil(T0 + 160_000);
    const spans = spansOf(published(pipeline));
    const results = occurrencesOf(pipeline.live.truth.snapshot().faults).filter((o) => o.end !== null && o.end - o.start >= 20_000).map((o) => {
      const mine = spans.filter((s) => appearedDuring(s, o)).sort((a, b) => a.from - b.from);
      const detectS = mine.length === 0 ? null : Math.max(0, mine[0]!.from - o.start) / 1000;
      const last = mine.filter((s) => s.from <= o.end!).at(-1);
      const clearS = last ? Math.max(0, (last.to ?? T0 + 160_000) - o.end!) / 1000 : null;
      return { fault: `${o.tag} ${o.shape}`, detected: detectS !== null && detectS <= 20, cleared: clearS !== null && clearS <= 15, detectS, clearS };
    });
    expect(results.length).toBeGreaterThanOrEqual(shapes.length);
    // What the field cannot show is not held against the tagger here, and is left in the score: a camera that is off
    // cannot be seen to stick, and a student who does not draw cannot be seen failing to. Seed 11 has three such or
    // slower cases of twenty (docs/operations.md, "Simulator"); more is a regression.
    const missed = results.filter((r) => !r.detected || !r.cleared);
    expect(missed.length).toBeLessThanOrEqual(3);
    for (const tag of FAULT_TAGS) expect(results.some((r) => r.fault.startsWith(`${tag} `) && r.detected && r.cleared), tag).toBe(true);
  }, 120_000);

  it('tags participants whose clocks are off by up to 30 s either way as accurately as those with true clocks', () => {
    const run = (skewedShare: number) => noisyScenario({ seed: 5, classes: 80, durationMs: 5 * 60_000, tuning: { noise: { skewedShare, maxSkewMs: 30_000 } } });
    const truth = run(0);
    const skewed = run(1);
    expect(truth.score.noisyRecall).toBeGreaterThanOrEqual(0.85);
    expect(skewed.score.noisyRecall).toBeGreaterThanOrEqual(truth.score.noisyRecall! - 0.05);
    expect(skewed.score.noisyPrecision).toBeGreaterThanOrEqual(truth.score.noisyPrecision! - 0.05);
    expect(skewed.score.detectP95S).toBeLessThanOrEqual(truth.score.detectP95S! + 3);
    // Every participant is skewed, yet about as little is set aside as with true clocks (late batches, re-sends).
    const setAside = (r: typeof truth) => r.pipeline.engine.totals.late + r.pipeline.engine.totals.future;
    expect(setAside(skewed)).toBeLessThan(setAside(truth) * 1.5 + 50);
  }, 180_000);

  it('never shows a tag for the first time after its fault has ended', () => {
    const { pipeline } = noisyScenario({ seed: 2, classes: 80, durationMs: 5 * 60_000 });
    const spans = spansOf(published(pipeline));
    const occurrences = occurrencesOf(pipeline.live.truth.snapshot().faults).filter((o) => o.end !== null && o.end - o.start >= 20_000);
    const lateFirsts = occurrences.filter((o) => {
      const mine = spans.filter((s) => s.classId === o.classId && s.userId === o.userId && s.tag === o.tag && s.from >= o.start - 5_000);
      return mine.length > 0 && Math.min(...mine.map((s) => s.from)) > o.end!;
    });
    expect(occurrences.length).toBeGreaterThan(10);
    expect(lateFirsts).toEqual([]);
  }, 180_000);
});
