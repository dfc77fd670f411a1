import { DropCounter, decode, type Outbound } from '../../shared/protocol/codec';
import { filter } from '../../shared/protocol/topics';
import { ServiceConnection, type ServiceLink } from '../mqtt/service-connection';
import type { ClassDefinition } from './catalogue';
import type { FaultRecord, FaultSpec } from './faults';
import type { GroundTruth } from './ground-truth';
import { LiveSimulation } from './live';
import type { SimulationModel } from './model';
import { tuning as tuningOf, type SimulationTuningData } from './options';

export interface SimulatorOptions {
  link: ServiceLink;
  catalogue: readonly ClassDefinition[];
  root: string;
  seed: number;
  /** When false the initial presence is published once and stays put; telemetry still flows (see `tuning`). */
  simulate: boolean;
  /** How often the one ticker runs (250 ms by default). */
  tickMs?: number;
  /** Share of the active seats that change each second. */
  churn?: number;
  /** Telemetry, random faults, remedy answers and help presses; defaults in options.ts (no random faults). */
  tuning?: SimulationTuningData;
}

/**
 * Virtual teachers and students of local mode, published through one service connection: retained presence for
 * every simulated seat, start commands from scheduled classes' teachers, telemetry from everyone in a live class,
 * answers to commands (remedies) addressed to simulated participants, and help requests. One ticker drives it all;
 * on every (re)connection it republishes all presence, so nothing is queued while the broker is away.
 */
export class Simulator {
  readonly live: LiveSimulation;
  /** Inbound messages that failed to decode (commands on malformed payloads). */
  readonly drops = new DropCounter();
  private timer: NodeJS.Timeout | null = null;
  private connection: ServiceConnection | null = null;
  /** Messages not published because the connection was down. */
  unsent = 0;

  private constructor(private readonly options: SimulatorOptions) {
    this.live = new LiveSimulation({
      catalogue: options.catalogue,
      root: options.root,
      seed: options.seed,
      simulate: options.simulate,
      churn: options.churn ?? 0.01,
      tuning: tuningOf(options.tuning),
      startedAt: Date.now(),
    });
  }

  static async start(options: SimulatorOptions): Promise<Simulator> {
    const simulator = new Simulator(options);
    simulator.connection = await ServiceConnection.open({
      ...options.link,
      service: 'simulator',
      subscriptions: [filter('command', {}, options.root)],
      onMessage: (topicName, payload, retained) => simulator.receive(topicName, payload, retained),
      onConnect: () => simulator.publish(simulator.live.presence(Date.now())),
    });
    simulator.timer = setInterval(() => simulator.tick(), options.tickMs ?? 250);
    simulator.timer.unref();
    return simulator;
  }

  get model(): SimulationModel {
    return this.live.model;
  }

  get truth(): GroundTruth {
    return this.live.truth;
  }

  online(classId: string): { teachers: number; students: number } {
    return this.live.online(classId);
  }

  /** Starts a fault on a simulated participant (see FaultSpec); throws when it cannot be carried there. */
  inject(spec: FaultSpec): FaultRecord {
    return this.live.inject(spec, Date.now());
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.connection?.close();
  }

  private tick(): void {
    this.publish(this.live.advance(Date.now()));
  }

  private receive(topicName: string, payload: Buffer, retained: boolean): void {
    const decoded = decode(topicName, payload, this.options.root, retained);
    if (!decoded.ok) return this.drops.add(decoded);
    if (decoded.kind !== 'command') return;
    this.live.command(decoded.params.classId, decoded.params.userId, decoded.message, Date.now());
    // Acknowledgements due at once (a redelivered command) go out now rather than at the next tick.
    this.tick();
  }

  private publish(messages: readonly Outbound[]): void {
    for (const message of messages) if (!this.connection?.publish(message)) this.unsent++;
  }
}
