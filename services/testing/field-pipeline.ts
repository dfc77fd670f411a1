/**
 * The field model's telemetry through the tagger's engine on a simulated clock: the noisy scenario of sim:score
 * without the broker and without waiting, for tests that check the tagger against the field model.
 */
import { decode, type Outbound } from '../../shared/protocol/codec';
import type { ClassTags } from '../../shared/protocol/supervision';
import { buildCatalogue } from '../simulator/catalogue';
import { FAULT_TAGS, SHAPES_OF, carriedBy, type FaultShape, type FaultSpec, type FaultTag } from '../simulator/faults';
import { LiveSimulation } from '../simulator/live';
import { noisyScore, type NoisyScore, type PublishedTags } from '../simulator/noisy-score';
import { tuning, type SimulationTuningData } from '../simulator/options';
import { Prng } from '../simulator/prng';
import { TagEngine } from '../tagger/engine';
import { T0 } from './live-simulation';

export interface FieldRunOptions {
  classes: number;
  seed: number;
  /** Simulated run length. */
  durationMs: number;
  /** Random faults start per live class per hour (0: only the ones `inject` starts). */
  faultsPerClassHour?: number;
  /** Random faults start no later than this before the end. */
  faultsStopBeforeEndMs?: number;
  tuning?: SimulationTuningData;
  /** Called once a second of simulated time, to inject faults by hand. */
  onSecond?(pipeline: FieldPipeline): void;
}

/** A live simulation with the field model, feeding a tag engine on the same simulated clock. */
export class FieldPipeline {
  now = T0;
  readonly published: ClassTags[] = [];
  readonly live: LiveSimulation;
  readonly engine: TagEngine;

  constructor(readonly options: FieldRunOptions) {
    const stopAfterMs = options.durationMs - (options.faultsStopBeforeEndMs ?? 60_000);
    const data: SimulationTuningData = {
      ...options.tuning,
      noise: { enabled: true, ...options.tuning?.noise },
      faults: { perClassHour: options.faultsPerClassHour ?? 0, startAfterMs: 20_000, stopAfterMs: Math.max(20_000, stopAfterMs), ...options.tuning?.faults },
      help: { faultShare: 0, ...options.tuning?.help },
    };
    const catalogue = buildCatalogue({ classes: options.classes, seed: options.seed, now: T0 });
    this.live = new LiveSimulation({ catalogue, root: 'classroom', seed: options.seed, simulate: true, churn: 0.01, tuning: tuning(data), startedAt: T0 });
    this.engine = new TagEngine({ clock: () => this.now, onTags: (tags) => this.published.push(tags) });
    for (const definition of catalogue) this.engine.noteTeacher(definition.id, definition.teacher.id);
    this.feed(this.live.presence(this.now));
  }

  /** Runs the simulation and the engine to `until`, in 250 ms steps. */
  runUntil(until: number): void {
    while (this.now < until) {
      this.now += 250;
      this.feed(this.live.advance(this.now));
      if (this.now % 1_000 === 0) {
        this.engine.tick();
        this.options.onSecond?.(this);
      }
    }
  }

  inject(spec: FaultSpec) {
    return this.live.inject(spec, this.now);
  }

  /** The score of everything so far. */
  score(): NoisyScore {
    const published: PublishedTags[] = this.published.map((t) => ({ classId: t.classId, ts: t.ts, tags: t.tags }));
    return noisyScore({ faults: this.live.truth.snapshot().faults, published, from: T0, until: this.now, liveClasses: this.liveClasses() });
  }

  liveClasses(): number {
    return new Set(this.live.model.seats().filter((s) => this.live.model.stateOf(s.classId) === 'live').map((s) => s.classId)).size;
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

/** Runs the noisy scenario on a simulated clock and scores it. */
export function fieldRun(options: FieldRunOptions): { pipeline: FieldPipeline; score: NoisyScore } {
  const pipeline = new FieldPipeline(options);
  pipeline.runUntil(T0 + options.durationMs);
  return { pipeline, score: pipeline.score() };
}

export interface NoisyScenarioOptions {
  seed: number;
  /** Catalogue size: about four in five classes are live (default 125, so about 100 live). */
  classes?: number;
  durationMs?: number;
  tuning?: SimulationTuningData;
}

/** Faults of the noisy scenario start between these times into the run (the last ones can still be seen to clear). */
const SCENARIO_FAULTS_FROM_MS = 20_000;
const SCENARIO_FAULTS_UNTIL_BEFORE_END_MS = 150_000;
const SCENARIO_RETRY_MS = 5_000;

/**
 * The noisy scenario of `npm run sim:score` (docs/operations.md, "Simulator"): about 100 live classes with the field
 * model's noise for six minutes; half of them (seeded) get one fault each, every tag in turn and each of its field
 * shapes in turn, starting at a seeded time between 20 s in and 150 s before the end; the other half stay healthy.
 * A stream fault a teacher can carry (their own microphone or camera) goes to the teacher one time in three. Runs on a
 * simulated clock through the real tag engine, so a run takes seconds and the same seed gives the same figures.
 */
export function noisyScenario({ seed, classes = 125, durationMs = 6 * 60_000, tuning: data }: NoisyScenarioOptions): { pipeline: FieldPipeline; score: NoisyScore } {
  const prng = new Prng(seed ^ 0x5ce7a);
  const plan = new Map<number, { classId: string; tag: FaultTag; shape: FaultShape }[]>();
  const pipeline = new FieldPipeline({
    classes, seed, durationMs, faultsPerClassHour: 0, tuning: data,
    onSecond: (p) => {
      for (const due of plan.get(p.now) ?? []) {
        const seats = p.live.model.seatsOf(due.classId).filter((s) => s.online);
        const teacher = seats.find((s) => s.participant.role === 'teacher');
        const students = seats.filter((s) => s.participant.role === 'student');
        if (!teacher || students.length === 0) {
          // Nobody to carry it yet (the teacher is not in, or no student): try again a little later.
          const retryAt = p.now + SCENARIO_RETRY_MS;
          if (retryAt <= T0 + durationMs - SCENARIO_FAULTS_UNTIL_BEFORE_END_MS) plan.set(retryAt, [...(plan.get(retryAt) ?? []), due]);
          continue;
        }
        const toTeacher = (due.tag === 'stream.audio-stuck' || due.tag === 'stream.video-stuck') && prng.chance(1 / 3);
        const pool = toTeacher ? [teacher] : carriedBy(due.tag) === 'student' ? students : seats;
        try {
          p.inject({ classId: due.classId, userId: prng.pick(pool).participant.id, tag: due.tag, shape: due.shape, help: false });
        } catch {
          // The class ended or already carries a fault: it stays healthy.
        }
      }
    },
  });
  const live = [...new Set(pipeline.live.model.seats().map((s) => s.classId))].filter((id) => pipeline.live.model.stateOf(id) === 'live').sort();
  const faulty = live.filter(() => prng.chance(0.5));
  const tags = [...FAULT_TAGS];
  for (let i = tags.length - 1; i > 0; i--) {
    const j = prng.int(0, i);
    [tags[i], tags[j]] = [tags[j]!, tags[i]!];
  }
  const shapeTurn = new Map<FaultTag, number>();
  faulty.forEach((classId, index) => {
    const tag = tags[index % tags.length]!;
    const turn = shapeTurn.get(tag) ?? 0;
    shapeTurn.set(tag, turn + 1);
    const shape = SHAPES_OF[tag][turn % SHAPES_OF[tag].length]!;
    const at = T0 + Math.round(prng.int(SCENARIO_FAULTS_FROM_MS, durationMs - SCENARIO_FAULTS_UNTIL_BEFORE_END_MS) / 1_000) * 1_000;
    plan.set(at, [...(plan.get(at) ?? []), { classId, tag, shape }]);
  });
  pipeline.runUntil(T0 + durationMs);
  return { pipeline, score: pipeline.score() };
}
