import { z } from 'zod';
import { Id } from '../../shared/protocol/ids';
import { REMEDIES } from '../../shared/tags/catalogue';

/** Params of the `dispatcher` service's methods (docs/protocol.md, "The dispatcher service"). */
const timestamp = z.number().int().nonnegative();

export const RequestRef = z.object({ id: Id });
export const RemedyParams = z.object({ id: Id, action: z.enum(REMEDIES), to: Id.optional() });
export const EscalateParams = z.object({ id: Id, note: z.string().max(1000).default('') });
export const ResolveParams = z.object({ id: Id, note: z.string().max(1000).default(''), force: z.boolean().default(false) });

/** Entries per export page at most; a page is also cut short to fit one reply. */
export const MAX_EXPORT_ENTRIES = 5_000;
export const AuditExportParams = z.object({
  from: timestamp.optional(),
  to: timestamp.optional(),
  after: z.number().int().nonnegative().optional(),
  classId: Id.optional(),
  requestId: Id.optional(),
  limit: z.number().int().positive().max(MAX_EXPORT_ENTRIES).default(1_000),
  format: z.enum(['jsonl', 'csv']).default('jsonl'),
});
export type AuditExportParams = z.infer<typeof AuditExportParams>;

export const TimelineParams = z.object({ classId: Id, from: timestamp.optional(), to: timestamp.optional() });
