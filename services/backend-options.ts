import { z } from 'zod';
import { ID_PATTERN } from '../shared/protocol/ids';
import { MediaOptionsSchema } from './classroom/media-services';
import { SimulationTuningSchema } from './simulator/options';

const port = z.number().int().min(0).max(65_535);

/** BackendOptions as data, for options that cross a process boundary (the utilityProcess, the command line). */
export const BackendOptionsSchema = z
  .object({
    host: z.string().min(1).max(255).optional(),
    port: port.optional(),
    mqttPort: port.optional(),
    classes: z.number().int().min(0).max(100_000).optional(),
    simulate: z.boolean().optional(),
    seed: z.number().int().optional(),
    simulation: SimulationTuningSchema.optional(),
    persistDir: z.string().min(1).optional(),
    rotateSigningKey: z.boolean().optional(),
    staticDir: z.string().min(1).optional(),
    tokenTtlSeconds: z.number().int().min(10).max(86_400).optional(),
    disconnectOnTokenExpiry: z.boolean().optional(),
    root: z.string().regex(ID_PATTERN).optional(),
    moderation: z
      .object({ words: z.array(z.string().min(1).max(100)).max(10_000), mode: z.enum(['replace', 'reject']) })
      .strict()
      .optional(),
    tagger: z.boolean().optional(),
    boardSnapshotIntervalMs: z.number().int().min(100).max(60_000).optional(),
    media: MediaOptionsSchema.optional(),
    /** Messages at most queued for an away persistent session (services/broker/offline-queue-cap.ts). */
    offlineQueueCap: z.number().int().min(1, 'at least 1').max(1_000_000, 'at most 1,000,000').optional(),
    releasesDir: z.string().min(1).optional(),
    reportsDir: z.string().min(1).optional(),
    /** How long a class's report is kept after the class ends (services/reports/). */
    reportRetentionMs: z.number().int().min(1_000, 'at least 1 s').max(10 * 366 * 86_400_000, 'at most 10 years').optional(),
    releases: z
      .object({
        maxArtifactBytes: z.number().int().min(1).max(16 * 1024 ** 3).optional(),
        gate: z
          .object({ maxRatio: z.number().min(1).max(100).optional(), minSessions: z.number().int().min(1).optional(), rateFloor: z.number().min(0).max(10).optional() })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    /** The help dispatcher's windows (services/dispatcher/dispatcher.ts, DispatcherTuning). */
    dispatcher: z
      .object({
        coverageGraceMs: z.number().int().min(0).max(600_000, 'at most 600 s').optional(),
        ackTimeoutMs: z.number().int().min(1_000, 'at least 1 s').max(120_000, 'at most 120 s').optional(),
        pendingWindowMs: z.number().int().min(5_000, 'at least 5 s').max(600_000, 'at most 600 s').optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type BackendOptionsData = z.infer<typeof BackendOptionsSchema>;

/** One line per problem, for a person to read. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`).join('; ');
}
