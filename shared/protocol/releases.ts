import { z } from 'zod';
import { RELEASE_PLATFORMS, RELEASE_RINGS, ReleaseVersion } from '../releases/documents';

/**
 * Release state as the release service publishes it for the Releases screen: retained, one message per topic,
 * published by service `releases` only and read by admins and supervisors. Admins change it over the release
 * service's HTTP API (docs/protocol.md, "HTTP API"), never over MQTT.
 */
const v1 = z.literal(1);
const timestamp = z.number().int().nonnegative();
const count = z.number().int().nonnegative();
const percent = z.number().min(0).max(100);
const ring = z.enum(RELEASE_RINGS);
const who = z.string().min(1).max(64);
const reason = z.string().max(500);

/** Percentage of each ring's installs a release is offered to. */
export const RingPercents = z.object({ canary: percent, pilot: percent, broad: percent });

/** One release as the screen lists it. */
export const ReleaseSummary = z.object({
  version: ReleaseVersion,
  channel: z.string().min(1).max(32),
  notes: z.string().max(8_000),
  createdAt: timestamp,
  createdBy: who,
  /** Platforms it has an installer for. */
  platforms: z.array(z.enum(RELEASE_PLATFORMS)).max(3),
  /** When it was published (signed); null while it is a draft. */
  publishedAt: timestamp.nullable(),
  rollout: RingPercents,
  /** Halted: offered to no install until resumed. `byGate` when the health gate halted it. */
  halted: z.object({ at: timestamp, by: who, reason, byGate: z.boolean() }).nullable(),
  /** Revoked for good: its installs go back to `target`. */
  revoked: z.object({ at: timestamp, by: who, reason, target: ReleaseVersion.nullable() }).nullable(),
});
export type ReleaseSummary = z.infer<typeof ReleaseSummary>;

/** A health-gate judgement that halted a release, as it happened. */
export const GateEvent = z.object({ at: timestamp, version: ReleaseVersion, reason });
export type GateEvent = z.infer<typeof GateEvent>;

/** Retained: every release, the rings and the health gate's settings and recent halts, republished on each change. */
export const ReleaseState = z.object({
  v: v1,
  releases: z.array(ReleaseSummary).max(200),
  rings: z.object({
    /** Share (%) of the installs placed in canary, then pilot, by a sticky hash of their id; the rest are broad. */
    shares: z.object({ canary: percent, pilot: percent }),
    /** Groups (`school:…`, `region:…`) placed in a ring. */
    groups: z.record(z.string().max(80), ring),
  }),
  gate: z.object({ maxRatio: z.number().positive(), minSessions: count, rateFloor: z.number().nonnegative() }),
  /** The health gate's halts, newest last. */
  gateEvents: z.array(GateEvent).max(50),
  at: timestamp,
});
export type ReleaseState = z.infer<typeof ReleaseState>;

/** Installs that last said they run `version`, placed in `ring`. */
export const AdoptionCount = z.object({ version: ReleaseVersion, ring, installs: count });
export type AdoptionCount = z.infer<typeof AdoptionCount>;

/** Retained: installs per version and ring now, and sampled over time (oldest first), for the adoption chart. */
export const ReleaseAdoption = z.object({
  v: v1,
  counts: z.array(AdoptionCount).max(300),
  history: z.array(z.object({ at: timestamp, counts: z.array(AdoptionCount).max(300) })).max(240),
  at: timestamp,
});
export type ReleaseAdoption = z.infer<typeof ReleaseAdoption>;

const healthCounts = z.object({ sessions: count, problemTags: count, failedEntries: count });

/** One ring a release is rolling in: its classroom counts against the version it replaces, and the gate's view. */
export const RingHealth = z.object({
  ring,
  counts: healthCounts,
  baseline: z.object({ version: ReleaseVersion, counts: healthCounts }).nullable(),
  /** `halt` when the gate judges it unhealthy; `why` says what it saw either way. */
  halt: z.boolean(),
  why: z.string().max(500),
});
export type RingHealth = z.infer<typeof RingHealth>;

/** Retained: the health gate's input and judgement per published version and ring. */
export const ReleaseHealth = z.object({
  v: v1,
  versions: z.array(z.object({ version: ReleaseVersion, rings: z.array(RingHealth).max(3) })).max(200),
  at: timestamp,
});
export type ReleaseHealth = z.infer<typeof ReleaseHealth>;
