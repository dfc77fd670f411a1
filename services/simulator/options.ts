import { z } from 'zod';
import { FAULT_TAGS, type FaultTag } from './faults';

const share = z.number().min(0).max(1);
const perHour = z.number().min(0).max(10_000);
const ms = z.number().int().min(0).max(24 * 3_600_000);
const range = z.tuple([ms, ms]).refine(([min, max]) => min <= max, 'the first number must not exceed the second');

/**
 * How the live side of the simulation behaves: telemetry, random faults, how simulated clients answer remedies, and
 * who presses help. Every field has a default; `SimulationTuningSchema` accepts a partial object as data (command
 * line, utilityProcess) and fills in the rest.
 */
export const SimulationTuningSchema = z
  .object({
    telemetry: z
      .object({
        /** Simulated participants of live classes publish telemetry like the console does. */
        enabled: z.boolean().default(true),
        /** Telemetry messages per class per second, taking turns among the class's online participants. */
        perClassPerSecond: z.number().min(0.05).max(10).default(1),
      })
      .strict()
      .prefault({}),
    faults: z
      .object({
        /** Random faults started per live class per hour; 0 injects none (faults can still be injected by hand). */
        perClassHour: perHour.default(0),
        /** Relative weight of each tag among random faults (1 each by default; 0 never picks it). */
        weights: z.partialRecord(z.enum(FAULT_TAGS), z.number().min(0).max(1_000)).default({}),
        /** Share of random faults that no remedy fixes. */
        unfixableShare: share.default(0.2),
        /** Random faults start no earlier than this after the simulation starts… */
        startAfterMs: ms.default(0),
        /** …and no later than this (unbounded when left out). */
        stopAfterMs: ms.optional(),
        /** A fault nobody fixed ends by itself after this long (the participant leaves and comes back healthy). */
        lifetimeMs: ms.default(15 * 60_000),
      })
      .strict()
      .prefault({}),
    remedies: z
      .object({
        /** Share of commands a simulated client refuses (acknowledges with ok=false: busy, not supported). */
        refuseShare: share.default(0.03),
        /** Share of commands a simulated client never answers. */
        silentShare: share.default(0.02),
        /** How long a client takes to acknowledge a command. */
        ackDelayMs: range.default([100, 600]),
        /** How long carrying out a remedy takes; a matching remedy fixes a fixable fault when it completes. */
        fixDelayMs: range.default([1_000, 8_000]),
      })
      .strict()
      .prefault({}),
    noise: z
      .object({
        /**
         * Telemetry as the field produces it (services/simulator/field.ts, docs/operations.md "Simulator"): skewed
         * clocks, silence suppression and quiet participants, speech with pauses, dips and loss bursts, late and
         * duplicated batches, backgrounded consoles, and faults that degrade, flicker or come and go. Off: the clean
         * signatures of signatures.ts, one report per class per second.
         */
        enabled: z.boolean().default(false),
        /** Share of participants whose clock is off by more than 3 s (up to `maxSkewMs`, either way). */
        skewedShare: share.default(0.2),
        maxSkewMs: ms.default(60_000),
        /** Share of participants whose audio uses silence suppression (Opus DTX). */
        dtxShare: share.default(0.5),
        /** Share of students who never speak. */
        quietShare: share.default(0.35),
        /** Share of participants who put the console in the background now and then. */
        backgroundShare: share.default(0.1),
        /** Share of telemetry messages delivered twice (same id), and re-sent with a new id. */
        duplicateShare: share.default(0.01),
        resendShare: share.default(0.003),
        /** Share of participants who lose the broker for a few seconds now and then (their telemetry arrives late). */
        disconnectShare: share.default(0.1),
        /** How a random fault's life is drawn: [min, max] ms per band, with the band's weight. */
        lifetimes: z.array(z.object({ weight: z.number().min(0), ms: range })).min(1).default([
          { weight: 0.15, ms: [8_000, 18_000] },
          { weight: 0.5, ms: [30_000, 90_000] },
          { weight: 0.35, ms: [90_000, 180_000] },
        ]),
      })
      .strict()
      .prefault({}),
    help: z
      .object({
        /** Share of faults whose participant presses help. */
        faultShare: share.default(0.8),
        /**
         * How long after a fault starts its participant presses help (they notice, wait a little, then ask), drawn
         * from the simulator's seeded random numbers. Often before the tagger can see the problem (it needs a closed
         * window, up to 70 s for "stuck for the whole window"): the dispatcher waits for tags that cover a request.
         */
        delayMs: range.default([10_000, 60_000]),
        /** Share of those who press help a second time while waiting (a new request about the same problem). */
        repeatShare: share.default(0.05),
        /** Share of requests the client sends twice with the same id (a redelivery). */
        redeliverShare: share.default(0.03),
        /** Help pressed in healthy classes (nothing the tags can see), per live class per hour. */
        healthyPerClassHour: perHour.default(0),
        /** Invalid requests (impersonated sender, expired, wrong class, malformed), per live class per hour. */
        invalidPerClassHour: perHour.default(0),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type SimulationTuningData = z.input<typeof SimulationTuningSchema>;
export type SimulationTuning = z.infer<typeof SimulationTuningSchema>;

export function tuning(data: SimulationTuningData = {}): SimulationTuning {
  return SimulationTuningSchema.parse(data);
}

/** The weight of each fault tag, defaults filled in. */
export function weightsOf(tuning: SimulationTuning): Record<FaultTag, number> {
  return Object.fromEntries(FAULT_TAGS.map((tag) => [tag, tuning.faults.weights[tag] ?? 1])) as Record<FaultTag, number>;
}
