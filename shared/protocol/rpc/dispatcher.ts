import { z } from 'zod';
import { Id } from '../ids';
import { HELP_OUTCOMES, HELP_PROGRESS } from '../messages';
import { ClassTags, HELP_STATUSES, HELP_TOPICS, HelpState } from '../supervision';
import { REMEDIES, TagIdSchema } from '../../tags/catalogue';
import { method } from './contract';

const timestamp = z.number().int().nonnegative();

export const RequestRef = z.object({ id: Id });

/** Entries per audit export page at most; a page is also cut short to fit one reply. */
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

export const AuditPage = z.object({
  format: z.enum(['jsonl', 'csv']),
  text: z.string(),
  count: z.number().int().nonnegative(),
  /** Pass as `after` for the next page; null when this page is the last. */
  next: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;

/**
 * One line of the audit log. `action` is a name from the dispatcher's list (services/dispatcher/audit-log.ts); a
 * console shows one it does not know by name, so a newer backend's actions do not break an older console.
 */
export const AuditEntry = z.object({
  seq: z.number().int().positive(),
  at: timestamp,
  action: z.string().min(1).max(64),
  actor: z.object({ id: Id, kind: z.enum(['dispatcher', 'supervisor', 'participant']) }),
  requestId: Id.optional(),
  classId: Id.optional(),
  detail: z.string().max(1000),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** A problem tag appearing or clearing in a class, as the dispatcher saw the tagger publish it. */
export const TagChange = z.object({
  /** The ClassTags message's time. */
  at: timestamp,
  tag: TagIdSchema,
  userId: Id.optional(),
  change: z.enum(['appeared', 'cleared']),
  evidence: z.string().max(200),
});
export type TagChange = z.infer<typeof TagChange>;

export const ClassTimeline = z.object({
  classId: Id,
  tags: ClassTags.nullable(),
  changes: z.array(TagChange).max(1_000),
  actions: z.array(AuditEntry).max(1_000),
  open: z
    .array(z.object({ id: Id, status: z.enum(HELP_STATUSES), topic: z.enum(HELP_TOPICS), from: z.object({ id: Id, name: z.string().max(120) }) }))
    .max(100),
});
export type ClassTimeline = z.infer<typeof ClassTimeline>;

export const HelpStatusResult = z.object({
  id: Id,
  status: z.enum(HELP_STATUSES),
  progress: z.enum(HELP_PROGRESS),
  /** Once it is resolved: how it ended (optional within v1). */
  outcome: z.enum(HELP_OUTCOMES).optional(),
  updatedAt: timestamp,
});

/** The `dispatcher` service: help requests, their remedies, claims and the audit log. */
export const DISPATCHER = {
  'help.claim': method(RequestRef, HelpState, 'a supervisor takes a request; exactly one of two racing supervisors holds it'),
  'help.release': method(RequestRef, HelpState, 'the holder gives a request back to the queue'),
  'help.remedy': method(
    z.object({ id: Id, action: z.enum(REMEDIES), to: Id.optional() }),
    z.object({ commandId: Id, state: HelpState }),
    'the holder sends a remedy to a participant (by default the one the tags name)',
  ),
  'help.escalate': method(z.object({ id: Id, note: z.string().max(1000).default('') }), HelpState, 'the holder escalates a request'),
  'help.resolve': method(
    z.object({ id: Id, note: z.string().max(1000).default(''), force: z.boolean().default(false) }),
    HelpState,
    'the holder resolves a request; refused while its tags remain unless forced with a note',
  ),
  'help.status': method(RequestRef, HelpStatusResult, "where a request stands, for its sender or a supervisor"),
  'audit.export': method(AuditExportParams, AuditPage, 'a page of the audit log as JSON lines or CSV'),
  'class.timeline': method(
    z.object({ classId: Id, from: timestamp.optional(), to: timestamp.optional() }),
    ClassTimeline,
    "a class's tags, tag changes, audit actions and open requests (the last two hours by default)",
  ),
} as const;
