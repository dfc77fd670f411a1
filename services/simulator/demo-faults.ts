import type { SimulationTuningData } from './options';

/** The variable that turns local mode's demo faults off (`off`, `0`, `false` or `no`). */
export const DEMO_FAULTS_ENV = 'CLASSROOM_DEMO_FAULTS';

/**
 * Local mode's simulation (`npm start`): random faults in the live classes, so that a new user sees problem tags,
 * automatic remedies and an escalation within a few minutes. About six faults per live, fully simulated class per hour
 * (two or three a minute across the 50 demo classes), from 10 s after the start; half of them beyond any remedy (those
 * escalate to a person); nine in ten faulty participants press help 5–30 s later; an unfixed fault ends after 6 min.
 */
export const DEMO_SIMULATION: SimulationTuningData = {
  faults: { perClassHour: 6, unfixableShare: 0.5, startAfterMs: 10_000, lifetimeMs: 6 * 60_000 },
  help: { faultShare: 0.9, delayMs: [5_000, 30_000], healthyPerClassHour: 0.05 },
};

/** Whether local mode injects its demo faults: yes unless the environment turns them off. */
export function demoFaultsWanted(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env[DEMO_FAULTS_ENV]?.trim().toLowerCase();
  return !(value === 'off' || value === '0' || value === 'false' || value === 'no');
}

/** The simulation local mode runs with: the demo faults, or the quiet defaults when they are turned off. */
export function localModeSimulation(env: Readonly<Record<string, string | undefined>>): SimulationTuningData | undefined {
  return demoFaultsWanted(env) ? DEMO_SIMULATION : undefined;
}
