/**
 * The field model's telemetry through the tagger's engine on a simulated clock: the noisy scenario of sim:score
 * without the broker and without waiting, for tests that check the tagger against the field model.
 */
import { decode, type Outbound } from '../../shared/protocol/codec';
import type { ClassTags } from '../../shared/protocol/supervision';
import { buildCatalogue } from '../simulator/catalogue';
import type { FaultSpec } from '../simulator/faults';
import { LiveSimulation } from '../simulator/live';
import { noisyScore, type NoisyScore, type PublishedTags } from '../simulator/noisy-score';
import { tuning, type SimulationTuningData } from '../simulator/options';
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
