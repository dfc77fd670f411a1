import { encode } from '../../shared/protocol/codec';
import type { ClassState, Presence } from '../../shared/protocol/messages';
import { topic } from '../../shared/protocol/topics';
import { ServiceConnection, type ServiceLink } from '../mqtt/service-connection';
import type { ClassDefinition, Participant } from './catalogue';
import { Prng } from './prng';

export interface SimulatorOptions {
  link: ServiceLink;
  catalogue: readonly ClassDefinition[];
  root: string;
  seed: number;
  /** When false the initial presence is published once and nothing changes afterwards. */
  simulate: boolean;
  tickMs?: number;
  /** Share of the active seats that change each tick. */
  churn?: number;
}

interface Seat {
  classId: string;
  participant: Participant;
  online: boolean;
}

interface SimulatedClass {
  definition: ClassDefinition;
  state: ClassState;
  seats: Seat[];
}

/**
 * Virtual teachers and students of local mode. Their presence comes and goes, scheduled classes start when their time
 * comes, and everything is published through one service connection. Seeded: the same seed and catalogue give the
 * same initial presence and the same sequence of changes.
 */
export class Simulator {
  private readonly prng: Prng;
  private readonly classes: SimulatedClass[];
  private timer: NodeJS.Timeout | null = null;
  private connection: ServiceConnection | null = null;

  private constructor(private readonly options: SimulatorOptions) {
    this.prng = new Prng(options.seed ^ 0x5eed);
    this.classes = options.catalogue.map((definition) => ({
      definition,
      state: definition.state,
      seats: [definition.teacher, ...definition.students]
        .filter((participant) => participant.simulated)
        .map((participant) => ({ classId: definition.id, participant, online: this.initiallyOnline(definition.state, participant) })),
    }));
  }

  static async start(options: SimulatorOptions): Promise<Simulator> {
    const simulator = new Simulator(options);
    simulator.connection = await ServiceConnection.open({
      ...options.link,
      clientId: 'svc-simulator',
      subscriptions: [],
      onMessage: () => {},
      onConnect: () => simulator.publishAll(),
    });
    simulator.publishAll();
    if (options.simulate) {
      simulator.timer = setInterval(() => simulator.tick(Date.now()), options.tickMs ?? 1000);
      simulator.timer.unref();
    }
    return simulator;
  }

  /** How many simulated participants are online now, per class. */
  online(classId: string): { teachers: number; students: number } {
    const seats = this.classes.find((c) => c.definition.id === classId)?.seats ?? [];
    const online = seats.filter((s) => s.online);
    return { teachers: online.filter((s) => s.participant.role === 'teacher').length, students: online.filter((s) => s.participant.role === 'student').length };
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.connection?.close();
  }

  private initiallyOnline(state: ClassState, participant: Participant): boolean {
    if (state === 'live') return this.prng.chance(participant.role === 'teacher' ? 0.95 : 0.85);
    if (state === 'scheduled') return participant.role === 'student' && this.prng.chance(0.15);
    return false;
  }

  /** One step of the timeline: scheduled classes whose time has come start, and some participants come and go. */
  tick(now: number): void {
    for (const simulated of this.classes) {
      const teacher = simulated.seats.find((s) => s.participant.role === 'teacher');
      if (simulated.state !== 'scheduled' || !teacher || simulated.definition.startsAt > now) continue;
      simulated.state = 'live';
      this.setOnline(teacher, true);
      const control = topic('classControl', { classId: simulated.definition.id, userId: teacher.participant.id }, this.options.root);
      this.connection?.publish(encode('classControl', control, { v: 1, action: 'start', requestId: `sim-${now}`, ts: now }));
    }
    const active = this.classes.filter((c) => c.state !== 'ended' && c.seats.length > 0);
    const seatCount = active.reduce((sum, c) => sum + c.seats.length, 0);
    if (seatCount === 0) return;
    const changes = Math.max(1, Math.round(seatCount * (this.options.churn ?? 0.01)));
    for (let i = 0; i < changes; i++) {
      const simulated = this.prng.pick(active);
      const seat = this.prng.pick(simulated.seats);
      // Teachers are steadier than students, and a scheduled class's teacher waits for the start.
      if (seat.participant.role === 'teacher' && (simulated.state !== 'live' || !this.prng.chance(0.3))) continue;
      this.setOnline(seat, !seat.online);
    }
  }

  private setOnline(seat: Seat, online: boolean): void {
    if (seat.online === online) return;
    seat.online = online;
    this.publish(seat);
  }

  private publishAll(): void {
    for (const simulated of this.classes) for (const seat of simulated.seats) this.publish(seat);
  }

  private publish(seat: Seat): void {
    const { participant } = seat;
    const message: Presence = {
      v: 1,
      userId: participant.id,
      name: participant.name,
      role: participant.role,
      online: seat.online,
      device: 'simulator',
      ts: Date.now(),
    };
    const presenceTopic = topic('presence', { classId: seat.classId, userId: participant.id }, this.options.root);
    this.connection?.publish(encode('presence', presenceTopic, message));
  }
}
