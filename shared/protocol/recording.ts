import { z } from 'zod';
import { Id } from './ids';

const v1 = z.literal(1);
const timestamp = z.number().int().nonnegative();

/** Why a recording stopped: its teacher stopped it, the class ended, it reached its class's size bound, the disk filled, or writing failed. */
export const RECORDING_STOP_REASONS = ['teacher', 'class-ended', 'limit', 'disk-full', 'write-failed'] as const;
export type RecordingStopReason = (typeof RECORDING_STOP_REASONS)[number];

/**
 * Retained, per class, published by the recorder service only: whether the class is being recorded. Everyone in the
 * class reads it (the console shows "recording"); the teacher asks the recorder to start and stop (`RPC.recorder`).
 */
export const RecordingState = z.object({
  v: v1,
  /** `recording` while the recorder writes the class's sync log; `stopped` afterwards (what was written is kept). */
  state: z.enum(['recording', 'stopped']),
  /** When this recording started (its timeline's zero). */
  startedAt: timestamp,
  /** Who started it. */
  by: Id,
  /** With `stopped`: why. `limit` and `disk-full` stop it by themselves; the teacher is told. */
  reason: z.enum(RECORDING_STOP_REASONS).optional(),
  /** Bytes written to the recording so far, and the class's bound. */
  bytes: z.number().int().nonnegative(),
  limitBytes: z.number().int().positive(),
  /** Times the recorder resumed this recording after being away (each leaves a gap on the timeline). */
  gaps: z.number().int().nonnegative(),
  ts: timestamp,
});
export type RecordingState = z.infer<typeof RecordingState>;

/**
 * The class traffic a recording keeps: the sync log a replay needs, and what its timeline marks. Polls are kept as
 * their state (launched, closed, results shown) and their tally; a tally names who answered only in a poll that is not
 * anonymous, and `GET /api/recordings/{classId}` leaves tallies out for students, who never read them live either.
 */
export const RECORDED_KINDS = ['presence', 'course', 'room', 'boardOps', 'boardSnapshot', 'chat', 'hand', 'poll', 'pollTally'] as const;
export type RecordedKind = (typeof RECORDED_KINDS)[number];

const params = z.record(z.string(), Id);

/**
 * One entry of a recording file, as the recorder wrote it: `t` is when the recorder received it (ms since the epoch).
 * A class message keeps its kind, its topic's params and its payload; `state` marks the class's retained state written
 * when recording starts or resumes. `$start`, `$resume` (after the recorder was away since `from`: a gap) and `$stop`
 * are the recorder's own marks.
 */
export const RecordedEntry = z.union([
  z.object({ t: timestamp, k: z.enum(RECORDED_KINDS), p: params, m: z.unknown(), state: z.literal(true).optional() }),
  z.object({ t: timestamp, k: z.literal('$start'), by: Id }),
  z.object({ t: timestamp, k: z.literal('$resume'), from: timestamp }),
  z.object({ t: timestamp, k: z.literal('$stop'), reason: z.enum(RECORDING_STOP_REASONS) }),
]);
export type RecordedEntry = z.infer<typeof RecordedEntry>;

/** Where a recording file stops being readable: the byte offset, how many entries were read before it, and why. */
export const RecordingBreak = z.object({
  offset: z.number().int().nonnegative(),
  entries: z.number().int().nonnegative(),
  reason: z.string().max(200),
});
export type RecordingBreak = z.infer<typeof RecordingBreak>;

/** `GET /api/recordings/{classId}`: every readable entry, in order, and where the file breaks (null when it does not). */
export const RecordingDocument = z.object({
  v: v1,
  classId: Id,
  bytes: z.number().int().nonnegative(),
  entries: z.array(RecordedEntry),
  broken: RecordingBreak.nullable(),
});
export type RecordingDocument = z.infer<typeof RecordingDocument>;

/** `GET /api/recordings`: the recordings of the classes in the requester's scope. */
export const RecordingList = z.object({
  v: v1,
  recordings: z.array(z.object({ classId: Id, state: RecordingState })),
});
export type RecordingList = z.infer<typeof RecordingList>;
