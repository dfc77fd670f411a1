import { decode, type Decoded, type Dropped, type Outbound } from '../../shared/protocol/codec';
import type { TelemetryEvent } from '../../shared/protocol/messages';
import { buildCatalogue } from '../simulator/catalogue';
import { LiveSimulation } from '../simulator/live';
import { tuning, type SimulationTuningData } from '../simulator/options';

/** Helpers for the simulator's tests: a live simulation on a fake clock, and what each telemetry sample signals. */
export const T0 = Date.UTC(2026, 0, 5, 9, 30);

export function simulation(classes: number, data: SimulationTuningData = {}, options: { simulate?: boolean; seed?: number } = {}): LiveSimulation {
  const seed = options.seed ?? 7;
  return new LiveSimulation({
    catalogue: buildCatalogue({ classes, seed, now: T0 }),
    root: 'classroom',
    seed,
    simulate: options.simulate ?? false,
    churn: 0.01,
    tuning: tuning(data),
    startedAt: T0,
  });
}

/**
 * Advances the simulation from `from` to `to` in ticks of `tickMs` and decodes everything it published. A message
 * that fails to decode throws, unless `dropped` is given to collect it.
 */
export function run(live: LiveSimulation, from: number, to: number, tickMs = 250, dropped?: Dropped[]): Decoded[] {
  const out: Outbound[] = [];
  for (let now = from + tickMs; now <= to; now += tickMs) out.push(...live.advance(now));
  const decoded: Decoded[] = [];
  for (const message of out) {
    const result = decode(message.topic, message.payload);
    if (result.ok && result.kind !== 'cleared') decoded.push(result);
    else if (!result.ok && dropped) dropped.push(result);
    else throw new Error(`published an invalid message on ${message.topic}: ${JSON.stringify(result)}`);
  }
  return decoded;
}

export type Sent<K extends Decoded['kind']> = Extract<Decoded, { kind: K }>;

export function only<K extends Decoded['kind']>(messages: readonly Decoded[], kind: K): Sent<K>[] {
  return messages.filter((m): m is Sent<K> => m.kind === kind);
}

/** Every telemetry event a participant of a class sent, with the message time standing in for a missing `at`. */
export function eventsOf(messages: readonly Decoded[], classId: string, userId: string): TelemetryEvent[] {
  return only(messages, 'telemetry')
    .filter((m) => m.params.classId === classId && m.params.userId === userId)
    .flatMap((m) => m.message.events.map((event) => ({ ...event, at: event.at ?? m.message.at })));
}

/**
 * The problem tags one sample could point at on its own, by the tagger's rules (docs/protocol.md): stricter than the
 * rules, which need a whole window, so a healthy participant must signal nothing at all.
 */
export function signals(event: TelemetryEvent, teacherId: string | null): string[] {
  switch (event.type) {
    case 'entry':
      return event.step === 'ready' && event.ms > 15_000 ? ['entry.slow'] : [];
    case 'init':
      return event.ok || event.component === 'board' ? [] : [`entry.init-failed.${event.component}`];
    case 'courseware':
      return event.ok ? [] : ['course.load-failed'];
    case 'board-lag':
      return event.lagMs > 5_000 || event.pendingOps > 0 ? ['course.not-synced'] : [];
    case 'draw':
      return event.ok ? [] : ['course.cant-draw'];
    case 'media': {
      if (event.direction === 'send' && event.kind === 'audio') return event.enabled && event.link === 'connected' && event.bitrateKbps < 2 ? ['stream.audio-stuck'] : [];
      if (event.direction === 'send') return event.enabled && event.frames === 0 ? ['stream.video-stuck'] : [];
      if (event.peer !== teacherId) return [];
      if (event.kind === 'audio') return (event.audioLevel ?? 0) < 0.005 || event.bitrateKbps < 2 ? ['stream.cant-hear'] : [];
      return event.frames === 0 ? ['stream.cant-see'] : [];
    }
  }
}

/**
 * A live class of simulated people only (class-0001 and class-0002 seat the demo accounts) with its teacher and a
 * student online.
 */
export function liveClass(live: LiveSimulation) {
  for (const classId of new Set(live.model.seats().map((s) => s.classId))) {
    const seats = live.model.seatsOf(classId);
    const teacher = seats.find((s) => s.participant.role === 'teacher' && s.online);
    const student = seats.find((s) => s.participant.role === 'student' && s.online);
    if (classId > 'class-0002' && live.model.stateOf(classId) === 'live' && teacher && student) {
      return { classId, teacherId: teacher.participant.id, studentId: student.participant.id, seats };
    }
  }
  throw new Error('no suitable class');
}
