import type { CommandRecord, FaultRecord, HelpRecord } from './faults';

export interface GroundTruthSnapshot {
  faults: FaultRecord[];
  commands: CommandRecord[];
  help: HelpRecord[];
}

/** Most commands kept; the oldest go first (faults and help requests are few and all kept). */
const COMMANDS_KEPT = 20_000;

/**
 * What really happened in the simulation, for scoring detection and automatic handling: every fault (where, when,
 * fixable or not, when it ended and by which command), every command a simulated participant received and what it
 * did, and every help request sent and why.
 */
export class GroundTruth {
  private readonly faultsById = new Map<string, FaultRecord>();
  private readonly commandsById = new Map<string, CommandRecord>();
  private readonly helpRequests: HelpRecord[] = [];
  commandsDropped = 0;

  addFault(fault: FaultRecord): void {
    this.faultsById.set(fault.id, fault);
  }

  fault(id: string): FaultRecord | undefined {
    return this.faultsById.get(id);
  }

  addCommand(command: CommandRecord): void {
    this.commandsById.set(`${command.classId}/${command.userId}/${command.commandId}`, command);
    if (this.commandsById.size > COMMANDS_KEPT) {
      const oldest = this.commandsById.keys().next().value;
      if (oldest !== undefined) this.commandsById.delete(oldest);
      this.commandsDropped++;
    }
  }

  addHelp(help: HelpRecord): void {
    this.helpRequests.push(help);
    if (help.faultId) this.faultsById.get(help.faultId)?.help.push(help.id);
  }

  /** The faults that were present at `at`: injected by then and not yet ended. */
  presentAt(at: number): FaultRecord[] {
    return [...this.faultsById.values()].filter((f) => f.injectedAt <= at && (f.fixedAt === null || f.fixedAt > at));
  }

  /** A deep copy, safe to keep while the simulation goes on. */
  snapshot(): GroundTruthSnapshot {
    return structuredClone({ faults: [...this.faultsById.values()], commands: [...this.commandsById.values()], help: this.helpRequests });
  }
}
