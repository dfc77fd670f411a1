import type { ClassState } from '../../shared/protocol/messages';
import type { ClassDefinition, Participant } from './catalogue';
import { Prng } from './prng';

export interface Seat {
  classId: string;
  participant: Participant;
  online: boolean;
}

/** What one step of the timeline changed. */
export interface Step {
  /** Seats whose presence changed. */
  presence: Seat[];
  /** Scheduled classes whose (simulated) teacher started them. */
  started: { classId: string; teacherId: string }[];
}

interface SimulatedClass {
  definition: ClassDefinition;
  state: ClassState;
  seats: Seat[];
  /** Held classes keep their presence: nobody comes or goes while a fault is being handled there. */
  held: boolean;
}

/**
 * The simulated participants and their presence over time, without any I/O. Seeded: the same seed and catalogue give
 * the same initial presence and the same sequence of steps.
 */
export class SimulationModel {
  private readonly prng: Prng;
  private readonly classes: SimulatedClass[];
  private readonly byId = new Map<string, SimulatedClass>();

  constructor(catalogue: readonly ClassDefinition[], seed: number) {
    this.prng = new Prng(seed ^ 0x5eed);
    this.classes = catalogue.map((definition) => ({
      definition,
      state: definition.state,
      seats: [definition.teacher, ...definition.students]
        .filter((participant) => participant.simulated)
        .map((participant) => ({ classId: definition.id, participant, online: this.initiallyOnline(definition.state, participant) })),
      held: false,
    }));
    for (const simulated of this.classes) this.byId.set(simulated.definition.id, simulated);
  }

  seats(): Seat[] {
    return this.classes.flatMap((c) => c.seats);
  }

  /** The simulated seats of one class (the same objects every time, so `online` stays current). */
  seatsOf(classId: string): readonly Seat[] {
    return this.byId.get(classId)?.seats ?? [];
  }

  stateOf(classId: string): ClassState | undefined {
    return this.byId.get(classId)?.state;
  }

  /** While held, a class's seats neither come nor go. */
  hold(classId: string, held: boolean): void {
    const simulated = this.byId.get(classId);
    if (simulated) simulated.held = held;
  }

  online(classId: string): { teachers: number; students: number } {
    const seats = this.byId.get(classId)?.seats ?? [];
    const online = seats.filter((s) => s.online);
    return { teachers: online.filter((s) => s.participant.role === 'teacher').length, students: online.filter((s) => s.participant.role === 'student').length };
  }

  /** Scheduled classes whose time has come start; about `churn` of the active seats come or go. */
  step(now: number, churn: number): Step {
    const step: Step = { presence: [], started: [] };
    for (const simulated of this.classes) {
      const teacher = simulated.seats.find((s) => s.participant.role === 'teacher');
      if (simulated.state !== 'scheduled' || !teacher || simulated.definition.startsAt > now) continue;
      simulated.state = 'live';
      step.started.push({ classId: simulated.definition.id, teacherId: teacher.participant.id });
      this.set(teacher, true, step);
    }
    const active = this.classes.filter((c) => c.state !== 'ended' && c.seats.length > 0);
    const seatCount = active.reduce((sum, c) => sum + c.seats.length, 0);
    if (seatCount === 0) return step;
    const changes = Math.max(1, Math.round(seatCount * churn));
    for (let i = 0; i < changes; i++) {
      const simulated = this.prng.pick(active);
      const seat = this.prng.pick(simulated.seats);
      if (simulated.held) continue;
      // Teachers are steadier than students, and a scheduled class's teacher waits for the start.
      if (seat.participant.role === 'teacher' && (simulated.state !== 'live' || !this.prng.chance(0.3))) continue;
      this.set(seat, !seat.online, step);
    }
    return step;
  }

  private initiallyOnline(state: ClassState, participant: Participant): boolean {
    if (state === 'live') return this.prng.chance(participant.role === 'teacher' ? 0.95 : 0.85);
    if (state === 'scheduled') return participant.role === 'student' && this.prng.chance(0.15);
    return false;
  }

  private set(seat: Seat, online: boolean, step: Step): void {
    if (seat.online === online) return;
    seat.online = online;
    if (!step.presence.includes(seat)) step.presence.push(seat);
  }
}
