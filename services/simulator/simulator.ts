import type { DropCounter, Outbound } from '../../shared/protocol/codec';
import { ServiceHost } from '../host/service-host';
import type { ServiceLink } from '../mqtt/service-connection';
import type { ClassDefinition } from './catalogue';
import type { FaultRecord, FaultSpec, FaultTag } from './faults';
import type { GroundTruth } from './ground-truth';
import { InstallsSchema, SimulatedInstalls, type InstallsInput, type ReleaseDesk } from './installs';
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
  /** Simulated installs of the app polling the release service (installs.ts); none without. */
  installs?: { options: InstallsInput; releases: ReleaseDesk };
}

/**
 * Virtual teachers and students of local mode, published through one service connection: retained presence for
 * every simulated seat, start commands from scheduled classes' teachers, telemetry from everyone in a live class,
 * answers to commands (remedies) addressed to simulated participants, and help requests. One ticker drives it all;
 * on every (re)connection it republishes all presence, so nothing is queued while the broker is away.
 */
export class Simulator {
  readonly live: LiveSimulation;
  readonly installs: SimulatedInstalls | null;
  private readonly host: ServiceHost;
  /** Messages not published because the connection was down. */
  unsent = 0;

  private constructor(options: SimulatorOptions) {
    this.live = new LiveSimulation({
      catalogue: options.catalogue,
      root: options.root,
      seed: options.seed,
      simulate: options.simulate,
      churn: options.churn ?? 0.01,
      tuning: tuningOf(options.tuning),
      startedAt: Date.now(),
    });
    this.installs = options.installs
      ? new SimulatedInstalls(InstallsSchema.parse(options.installs.options), options.installs.releases, this.desks(), Date.now())
      : null;
    this.host = new ServiceHost(
      {
        name: 'simulator',
        subscriptions: ['command'],
        handlers: {
          command: ({ params, message }) => {
            this.live.command(params.classId, params.userId, message, Date.now());
            // Acknowledgements due at once (a redelivered command) go out now rather than at the next tick.
            this.tick();
          },
        },
        onConnect: () => this.publish(this.live.presence(Date.now())),
        timers: [{ everyMs: options.tickMs ?? 250, run: () => this.tick() }],
      },
      { link: options.link, root: options.root },
    );
  }

  static async start(options: SimulatorOptions): Promise<Simulator> {
    const simulator = new Simulator(options);
    await simulator.host.start();
    return simulator;
  }

  /** Inbound messages that failed to decode (commands on malformed payloads). */
  get drops(): DropCounter {
    return this.host.drops;
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

  stop(): Promise<void> {
    return this.host.stop();
  }

  private tick(): void {
    const now = Date.now();
    this.publish(this.live.advance(now));
    this.installs?.advance(now);
  }

  /** The simulated seats as the installs see them: their desks' versions, in class or not, and their faults. */
  private desks() {
    return {
      desks: () => this.live.desks(),
      runVersion: (classId: string, userId: string, version: string) => {
        const presence = this.live.runVersion(classId, userId, version, Date.now());
        if (presence) this.publish([presence]);
      },
      inject: (classId: string, userId: string, tag: FaultTag) => {
        try {
          this.live.inject({ classId, userId, tag, help: false }, Date.now());
          return true;
        } catch {
          return false;
        }
      },
    };
  }

  private publish(messages: readonly Outbound[]): void {
    for (const message of messages) if (!this.host.publish(message)) this.unsent++;
  }
}
