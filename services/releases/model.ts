import { z } from 'zod';
import {
  ArtifactName, RELEASE_PLATFORMS, RELEASE_RINGS, ReleaseVersion, Sha512Base64, SignedDocument, type ReleaseRing,
} from '../../shared/releases/documents';

/** The release service's state as it is kept in `state.json`: everything an answer depends on, nothing else. */
const timestamp = z.number().int().nonnegative();
const actor = z.string().min(1).max(64);

export const Channel = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'a channel is lower-case letters, digits and "-"');

export const ArtifactRecord = z.object({
  platform: z.enum(RELEASE_PLATFORMS),
  name: ArtifactName,
  size: z.number().int().positive(),
  sha512: Sha512Base64,
  /** A blockmap appended to the file itself (AppImage); its size is what electron-updater reads from the feed. */
  blockMapSize: z.number().int().positive().optional(),
  /** A separate `<name>.blockmap` file, for differential downloads of the other formats. */
  blockmap: z.object({ size: z.number().int().positive(), sha512: Sha512Base64 }).optional(),
  uploadedAt: timestamp,
});
export type ArtifactRecord = z.infer<typeof ArtifactRecord>;

export const Percent = z.number().min(0).max(100).refine((p) => Math.round(p * 100) === p * 100, 'at most two decimals');

export const Rollout = z.object({ canary: Percent, pilot: Percent, broad: Percent });
export type Rollout = z.infer<typeof Rollout>;

const Reasoned = z.object({ at: timestamp, by: actor, reason: z.string().max(500) });

export const ReleaseRecord = z.object({
  version: ReleaseVersion,
  channel: Channel,
  notes: z.string().max(8_000),
  createdAt: timestamp,
  createdBy: actor,
  artifacts: z.array(ArtifactRecord).max(20),
  /** Set once: the signed manifest; from then on the artifacts never change. */
  published: z.object({ at: timestamp, by: actor, manifest: SignedDocument }).nullable(),
  rollout: Rollout,
  /** No install is offered a halted release; resuming clears this. */
  halted: Reasoned.extend({ byGate: z.boolean() }).nullable(),
  /** For good: installs on it go back to `target` (or stay, when nothing older is good). */
  revoked: Reasoned.extend({ target: ReleaseVersion.nullable() }).nullable(),
});
export type ReleaseRecord = z.infer<typeof ReleaseRecord>;

export const RingConfig = z.object({
  /** Share (%) of the installs placed in canary, then pilot, by their fixed mark; the rest are broad. */
  shares: z.object({ canary: Percent, pilot: Percent }).refine((s) => s.canary + s.pilot <= 100, 'canary + pilot must not exceed 100'),
  /** Groups an install names (`school:…`, `region:…`) mapped to a ring; the first of its groups listed here wins. */
  groups: z.record(z.string().regex(/^[a-z]+:[A-Za-z0-9_.-]{1,64}$/, 'a group is kind:name, such as school:north-7'), z.enum(RELEASE_RINGS)),
});
export type RingConfig = z.infer<typeof RingConfig>;

export const DEFAULT_RINGS: RingConfig = { shares: { canary: 2, pilot: 10 }, groups: {} };

export const STATE_FORMAT = 'classroom-releases-state/1';
export const ReleasesState = z.object({
  format: z.literal(STATE_FORMAT),
  releases: z.array(ReleaseRecord),
  rings: RingConfig,
});
export type ReleasesState = z.infer<typeof ReleasesState>;

export const RINGS: readonly ReleaseRing[] = RELEASE_RINGS;

export function emptyState(): ReleasesState {
  return { format: STATE_FORMAT, releases: [], rings: structuredClone(DEFAULT_RINGS) };
}
