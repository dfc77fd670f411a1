import { describe, expect, it } from 'vitest';
import { decode, type Outbound } from '../../shared/protocol/codec';
import type { ClassTags } from '../../shared/protocol/supervision';
import { PROBLEM_TAGS } from '../../shared/tags/catalogue';
import { TagEngine } from '../tagger/engine';
import { FAULT_TAGS, carriedBy, remedyFor, type FaultTag } from './faults';
import type { LiveSimulation } from './live';
import { T0, liveClass, simulation } from '../testing/live-simulation';

/**
 * The simulator's telemetry through the real tagger rules (the tagger's engine on the same fake clock): each fault
 * shows as its own tag and nothing else, and clears once a matching remedy fixed it. Bounds follow from the shared
 * semantics: a problem needs at most two 30 s windows plus 10 s lateness to show (or to clear), plus a report interval.
 */
const SHOW_WITHIN_MS = 75_000;
const CLEAR_WITHIN_MS = 8_600 + 75_000;
/**
 * A fixed fault's tag clears on the participant's next healthy reports, without waiting for a window: the remedy is
 * acknowledged and carried out within 8.6 s, a re-entry after switching line takes up to 6 s more, and each of a
 * class's (at most 5) participants reports every few seconds.
 */
const CLEAR_AFTER_FIX_MS = 8_600 + 12_000;
const PROBLEMS = new Set<string>(PROBLEM_TAGS);

class Pipeline {
  now = T0;
  readonly published: ClassTags[] = [];
  readonly engine = new TagEngine({ clock: () => this.now, onTags: (tags) => this.published.push(tags) });

  constructor(readonly live: LiveSimulation) {
    this.feed(live.presence(this.now));
  }

  runUntil(until: number): void {
    while (this.now < until) {
      this.now += 250;
      this.feed(this.live.advance(this.now));
      this.engine.tick();
    }
  }

  /** Runs until `done` holds or `limitMs` passes; returns how long it took, or null. */
  waitFor(done: () => boolean, limitMs: number): number | null {
    const from = this.now;
    while (!done()) {
      if (this.now - from >= limitMs) return null;
      this.runUntil(this.now + 250);
    }
    return this.now - from;
  }

  problems(classId: string): string[] {
    const tags = this.published.filter((t) => t.classId === classId).at(-1)?.tags ?? [];
    return tags.filter((t) => PROBLEMS.has(t.tag)).map((t) => `${t.tag}/${t.userId}`);
  }

  private feed(messages: readonly Outbound[]): void {
    for (const message of messages) {
      const decoded = decode(message.topic, message.payload);
      if (!decoded.ok || decoded.kind === 'cleared') continue;
      if (decoded.kind === 'telemetry') this.engine.ingest(decoded.params.classId, decoded.params.userId, decoded.message);
      if (decoded.kind === 'presence') this.engine.notePresence(decoded.params.classId, decoded.params.userId, decoded.message.role, decoded.message.online);
    }
  }
}

function faulted(tag: FaultTag, options: { fixable?: boolean; offsetMs?: number } = {}) {
  const pipeline = new Pipeline(simulation(30, { remedies: { refuseShare: 0, silentShare: 0 } }, { simulate: true }));
  pipeline.runUntil(T0 + 20_000 + (options.offsetMs ?? 0));
  const { classId, teacherId, studentId } = liveClass(pipeline.live);
  pipeline.engine.noteTeacher(classId, teacherId);
  const userId = carriedBy(tag) === 'student' ? studentId : teacherId;
  const fault = pipeline.live.inject({ classId, userId, tag, fixable: options.fixable, help: false }, pipeline.now);
  const remedy = (action: string, id: string) =>
    pipeline.live.command(classId, userId, { v: 1, id, action: action as never, by: 'dispatcher', params: {}, ts: pipeline.now }, pipeline.now);
  return { pipeline, classId, userId, fault, remedy, shown: () => pipeline.problems(classId).includes(`${tag}/${userId}`) };
}

describe('simulated faults through the tagger', () => {
  it('leave healthy classes without a single problem tag', () => {
    const pipeline = new Pipeline(simulation(40, {}, { simulate: true }));
    pipeline.runUntil(T0 + 3 * 60_000);
    const classes = new Set(pipeline.published.map((t) => t.classId));
    expect(classes.size).toBeGreaterThan(25);
    expect(pipeline.published.flatMap((t) => t.tags).filter((t) => PROBLEMS.has(t.tag))).toEqual([]);
    expect(pipeline.published.flatMap((t) => t.tags).some((t) => t.tag === 'stream.normal')).toBe(true);
  });

  it.each(FAULT_TAGS)('show %s as exactly that tag, cleared by its remedy and by nothing else', (tag) => {
    for (const offsetMs of [0, 13_000]) {
      const { pipeline, classId, userId, fault, remedy, shown } = faulted(tag, { offsetMs });
      expect(pipeline.waitFor(shown, SHOW_WITHIN_MS)).not.toBeNull();
      expect(pipeline.problems(classId)).toEqual([`${tag}/${userId}`]);

      const wrong = FAULT_TAGS.map(remedyFor).find((action) => action !== remedyFor(tag))!;
      remedy(wrong, 'c-wrong');
      pipeline.runUntil(pipeline.now + CLEAR_WITHIN_MS);
      expect(shown()).toBe(true);

      remedy(remedyFor(tag), 'c-right');
      expect(pipeline.waitFor(() => !shown(), CLEAR_AFTER_FIX_MS)).not.toBeNull();
      expect(fault.fixedBy).toMatchObject({ commandId: 'c-right' });
      expect(pipeline.problems(classId)).toEqual([]);
    }
  });

  // A gap in the tag reads as the remedy having worked: the dispatcher would mark the request resolved.
  it.each(FAULT_TAGS)('keep an unfixable %s tagged whatever the remedy, without a gap', (tag) => {
    const { pipeline, remedy, shown, fault } = faulted(tag, { fixable: false });
    expect(pipeline.waitFor(shown, SHOW_WITHIN_MS)).not.toBeNull();
    remedy(remedyFor(tag), 'c-1');
    expect(pipeline.waitFor(() => !shown(), 2 * CLEAR_WITHIN_MS)).toBeNull();
    expect(fault.fixedAt).toBeNull();
  });
});
