import { z } from 'zod';
import { CLASS_ROLES } from '../auth/claims';
import { REMEDIES, SEVERITIES, TagIdSchema } from '../tags/catalogue';
import { Id } from './ids';
import { ClassState, TelemetryEvent } from './messages';

/** Messages of the supervision side: tags, class health, help requests and their handling, whispers. */
const v1 = z.literal(1);
const timestamp = z.number().int().nonnegative();
const count = z.number().int().nonnegative();
const person = z.object({ id: Id, name: z.string().min(1).max(120) });

/** One tag the tagger holds for a class, about one participant or (without `userId`) the class as a whole. */
export const TagEntry = z.object({
  tag: TagIdSchema,
  userId: Id.optional(),
  /** When the tag started to hold: event time, corrected by its sender's clock offset (the tagger's time). */
  since: timestamp,
  /** What the tagger saw, in a few words ("student2 received 0 kbps audio while teacher1 sent 32 kbps"). */
  evidence: z.string().max(200).default(''),
});
export type TagEntry = z.infer<typeof TagEntry>;

/** Retained, per class: every tag currently held, and what the tagger set aside instead of using. */
export const ClassTags = z.object({
  v: v1,
  classId: Id,
  /** The newest event time (corrected by its sender's clock offset) these tags reflect; the name is kept from v1's windows. */
  windowEnd: timestamp,
  tags: z.array(TagEntry).max(500),
  setAside: z.object({ late: count, future: count, duplicate: count }),
  /**
   * Each participant the tagger holds, with the event time of the last telemetry it had from them. It is sent with the
   * tags and never republishes them alone. The dispatcher counts a remedy as working only if its participant was
   * still heard from after the remedy. Without it, a participant who left or went silent looks just like one whose
   * problem cleared. Optional within v1.
   */
  heard: z.array(z.object({ userId: Id, at: timestamp })).max(500).default([]),
  ts: timestamp,
});
export type ClassTags = z.infer<typeof ClassTags>;

/** Retained, per class: the one-line health the class wall shows. */
export const ClassHealth = z.object({
  v: v1,
  classId: Id,
  title: z.string().max(120),
  teacher: person.nullable(),
  region: z.string().max(32),
  appVersion: z.string().max(40).default(''),
  state: ClassState,
  severity: z.enum(SEVERITIES),
  problems: z
    .array(
      z.object({
        tag: TagIdSchema,
        userId: Id.optional(),
        /** The participant's name and role as their presence gives them, when the tagger has seen it (for the wall). */
        name: z.string().min(1).max(120).optional(),
        role: z.enum(CLASS_ROLES).optional(),
        since: timestamp,
      }),
    )
    .max(50),
  updatedAt: timestamp,
});
export type ClassHealth = z.infer<typeof ClassHealth>;

/** What a help button sends along: enough for a supervisor to understand the problem without asking. */
export const HelpDiagnostics = z.object({
  appVersion: z.string().max(40),
  device: z.string().max(80),
  /** The last 60 s of telemetry events, oldest first, each with its event time. */
  stats: z.array(TelemetryEvent).max(300),
  course: z.object({ pageId: Id.nullable(), failedAssets: z.array(Id).max(20) }),
  board: z.object({ pageId: Id.nullable(), revision: count, unsent: count }),
});
export type HelpDiagnostics = z.infer<typeof HelpDiagnostics>;

export const HELP_TOPICS = ['audio', 'video', 'courseware', 'board', 'other'] as const;

/** A participant's help request, from the help button. */
export const HelpRequest = z.object({
  v: v1,
  id: Id,
  from: person.extend({ role: z.enum(CLASS_ROLES) }),
  topic: z.enum(HELP_TOPICS),
  text: z.string().max(500).default(''),
  diagnostics: HelpDiagnostics,
  ts: timestamp,
});
export type HelpRequest = z.infer<typeof HelpRequest>;

/**
 * Where a help request stands. `manual`: it could not be handled automatically (the reason says why) and waits for
 * a person; `remedy-pending`: a remedy was sent and the dispatcher watches for the tag to clear; `escalated`: the
 * remedy did not work and a person must act; `claimed`: a supervisor holds it; `auto-resolved` and `resolved` end it.
 */
export const HELP_STATUSES = ['received', 'manual', 'remedy-pending', 'escalated', 'claimed', 'auto-resolved', 'resolved'] as const;
export type HelpStatus = (typeof HELP_STATUSES)[number];

export const RemedyAttempt = z.object({
  action: z.enum(REMEDIES),
  to: Id,
  commandId: Id,
  by: Id,
  sentAt: timestamp,
  /** When the dispatcher received the client's acknowledgement; the pending window runs from here. */
  ackedAt: timestamp.optional(),
  outcome: z.enum(['pending', 'acked', 'refused', 'no-ack', 'cleared', 'not-cleared']),
  detail: z.string().max(300).default(''),
});
export type RemedyAttempt = z.infer<typeof RemedyAttempt>;

/** Retained, per help request: its state as the dispatcher holds it. */
export const HelpState = z.object({
  v: v1,
  id: Id,
  classId: Id,
  from: HelpRequest.shape.from,
  topic: z.enum(HELP_TOPICS),
  text: z.string().max(500),
  status: z.enum(HELP_STATUSES),
  /** Why it is manual or escalated, or how it was resolved. */
  reason: z.string().max(300).default(''),
  tags: z.array(TagEntry).max(50),
  remedies: z.array(RemedyAttempt).max(20),
  claimedBy: person.nullable(),
  note: z.string().max(1000).default(''),
  diagnostics: HelpDiagnostics.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  resolvedAt: timestamp.nullable(),
});
export type HelpState = z.infer<typeof HelpState>;

/** Retained: the supervisor console's headline figures. */
export const SupervisorMetrics = z.object({
  v: v1,
  liveClasses: count,
  openHelp: count,
  escalated: count,
  /** Share of ended help requests the dispatcher resolved without a person. */
  autoResolvedRate: z.number().min(0).max(1),
  medianResolveS: z.number().nonnegative().nullable(),
  at: timestamp,
});
export type SupervisorMetrics = z.infer<typeof SupervisorMetrics>;

/** A supervisor's private message to one participant (the teacher); nobody else in the class sees it. */
export const Whisper = z.object({ v: v1, id: Id, from: person, text: z.string().min(1).max(500), ts: timestamp });
export type Whisper = z.infer<typeof Whisper>;
