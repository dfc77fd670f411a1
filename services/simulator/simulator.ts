import { encode } from '../../shared/protocol/codec';
import type { Presence } from '../../shared/protocol/messages';
import { topic } from '../../shared/protocol/topics';
import { ServiceConnection, type ServiceLink } from '../mqtt/service-connection';
import type { ClassDefinition } from './catalogue';
import { SimulationModel, type Seat } from './model';

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

/**
 * Virtual teachers and students of local mode, published through one service connection: presence (retained) for
 * every simulated seat, and a start command from a scheduled class's teacher when its time comes. On every
 * (re)connection it republishes all presence, so nothing is queued while the broker is away.
 */
export class Simulator {
  readonly model: SimulationModel;
  private timer: NodeJS.Timeout | null = null;
  private connection: ServiceConnection | null = null;

  private constructor(private readonly options: SimulatorOptions) {
    this.model = new SimulationModel(options.catalogue, options.seed);
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

  online(classId: string): { teachers: number; students: number } {
    return this.model.online(classId);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.connection?.close();
  }

  private tick(now: number): void {
    const step = this.model.step(now, this.options.churn ?? 0.01);
    for (const seat of step.presence) this.publish(seat);
    for (const { classId, teacherId } of step.started) {
      const control = topic('classControl', { classId, userId: teacherId }, this.options.root);
      this.connection?.publish(encode('classControl', control, { v: 1, action: 'start', requestId: `sim-${now}`, ts: now }));
    }
  }

  private publishAll(): void {
    for (const seat of this.model.seats()) this.publish(seat);
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
