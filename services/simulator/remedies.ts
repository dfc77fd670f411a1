import { REMEDIES } from '../../shared/tags/catalogue';
import { remedyFor, type CommandEffect, type FaultRecord } from './faults';
import type { SimulationTuning } from './options';
import type { Prng } from './prng';

/** How a simulated client answers a command addressed to it. */
export interface CommandResponse {
  answer: 'ok' | 'refused' | 'none';
  detail: string;
  /** When the acknowledgement goes out (for `ok` and `refused`). */
  ackAt: number;
  /** When carrying the command out completes (see `complete`); null when it is not carried out. */
  completesAt: number | null;
}

const REFUSALS = ['busy: a screen share is in progress', 'not now: the participant is presenting', 'device busy, try again'];

function isRemedy(action: string): boolean {
  return (REMEDIES as readonly string[]).includes(action);
}

/** What carrying out `action` does to the participant's fault (which it may not have). */
export function effectOf(action: string, fault: FaultRecord | null): CommandEffect {
  if (!isRemedy(action)) return 'not-a-remedy';
  if (!fault) return 'no-fault';
  if (remedyFor(fault.tag) !== action) return 'wrong-remedy';
  if (!fault.fixable) return 'unfixable';
  return fault.resists > 0 ? 'resisted' : 'fixed';
}

/**
 * Decides the client's answer the way a real console would behave: an offline client never answers; a fault may keep
 * the client silent for a while; otherwise it refuses a small share (busy) or never answers a small share (the
 * message got lost), and acknowledges the rest after a short delay, then carries the command out. A remedy takes
 * 1–8 s by default to complete; only then is a matching remedy's fix visible in telemetry. Uses up `fault.silent`.
 */
export function respond(
  action: string,
  online: boolean,
  fault: FaultRecord | null,
  now: number,
  tuning: SimulationTuning['remedies'],
  prng: Prng,
): CommandResponse {
  const none: CommandResponse = { answer: 'none', detail: '', ackAt: now, completesAt: null };
  if (!online) return none;
  if (fault && fault.silent > 0) {
    fault.silent--;
    return none;
  }
  const roll = prng.next();
  if (roll < tuning.silentShare) return none;
  const ackAt = now + prng.int(tuning.ackDelayMs[0], tuning.ackDelayMs[1]);
  if (roll < tuning.silentShare + tuning.refuseShare) return { answer: 'refused', detail: prng.pick(REFUSALS), ackAt, completesAt: null };
  const takes = isRemedy(action) ? prng.int(tuning.fixDelayMs[0], tuning.fixDelayMs[1]) : 0;
  return { answer: 'ok', detail: isRemedy(action) ? `${action} started` : '', ackAt, completesAt: ackAt + takes };
}

/**
 * A command carried out: what it did to the fault the participant carries at that moment. A matching remedy on a
 * resisting fault uses up one resistance; `fixed` means the caller ends the fault now.
 */
export function complete(action: string, fault: FaultRecord | null): CommandEffect {
  const effect = effectOf(action, fault);
  if (effect === 'resisted' && fault) fault.resists--;
  return effect;
}
