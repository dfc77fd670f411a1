import { z } from 'zod';
import { valid } from 'semver';

/**
 * The documents the release service signs (Ed25519) and the desktop app verifies before it trusts an update: the
 * manifest of a release, the revoke mark that alone allows going back to an older version, and the status an install
 * asks for just before it installs. Each travels as its exact JSON text with a signature over that text's UTF-8
 * bytes, so nothing has to be re-serialised the same way on both sides.
 */
export const RELEASE_PLATFORMS = ['linux', 'win', 'mac'] as const;
export type ReleasePlatform = (typeof RELEASE_PLATFORMS)[number];

export const RELEASE_RINGS = ['canary', 'pilot', 'broad'] as const;
export type ReleaseRing = (typeof RELEASE_RINGS)[number];

/** A release's version: strict semver (`1.4.2`, `1.5.0-beta.1`), at most 64 characters. */
export const ReleaseVersion = z
  .string()
  .max(64)
  .refine((text) => valid(text) === text, 'not a semantic version such as 1.4.2');

/** An artifact's file name: one path segment of letters, digits, `.`, `_`, `-` and spaces, never `.` or `..`. */
export const ArtifactName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._ -]+$/, 'only letters, digits, ".", "_", "-" and spaces')
  .refine((name) => !name.startsWith('.') && !name.includes('..'), 'must not start with "." or contain ".."');

/** sha512 in standard base64, as electron-updater writes and checks it. */
export const Sha512Base64 = z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'a sha512 in base64 (88 characters)');

const timestamp = z.number().int().nonnegative();

export const ManifestArtifact = z.object({
  platform: z.enum(RELEASE_PLATFORMS),
  name: ArtifactName,
  size: z.number().int().positive(),
  sha512: Sha512Base64,
  /** The size of the blockmap appended to the file (AppImage), when it carries one. */
  blockMapSize: z.number().int().positive().optional(),
});
export type ManifestArtifact = z.infer<typeof ManifestArtifact>;

export const MANIFEST_FORMAT = 'classroom-release-manifest/1';
export const ReleaseManifest = z.object({
  format: z.literal(MANIFEST_FORMAT),
  version: ReleaseVersion,
  channel: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/),
  notes: z.string().max(8_000),
  publishedAt: timestamp,
  artifacts: z.array(ManifestArtifact).min(1).max(20),
});
export type ReleaseManifest = z.infer<typeof ReleaseManifest>;

export const REVOKE_FORMAT = 'classroom-revoke-mark/1';
/** Says that `revoked` is withdrawn and installs running it go to `target`, an older version. */
export const RevokeMark = z.object({
  format: z.literal(REVOKE_FORMAT),
  revoked: ReleaseVersion,
  target: ReleaseVersion,
  reason: z.string().max(500),
  revokedAt: timestamp,
});
export type RevokeMark = z.infer<typeof RevokeMark>;

export const RELEASE_STATES = ['active', 'halted', 'revoked', 'unknown'] as const;
export type ReleaseState = (typeof RELEASE_STATES)[number];

export const STATUS_FORMAT = 'classroom-release-status/1';
/**
 * The state of one version, answered to one install's nonce: an install that downloaded a version asks just before
 * installing it and installs only on `active`. The nonce, not a clock, makes an old answer useless.
 */
export const ReleaseStatus = z.object({
  format: z.literal(STATUS_FORMAT),
  version: ReleaseVersion,
  state: z.enum(RELEASE_STATES),
  reason: z.string().max(500),
  nonce: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/),
  issuedAt: timestamp,
});
export type ReleaseStatus = z.infer<typeof ReleaseStatus>;

/** A signed document: its exact JSON text, the base64 Ed25519 signature over its UTF-8 bytes, and the signing key's id. */
export const SignedDocument = z.object({
  document: z.string().min(2).max(64 * 1024),
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'an Ed25519 signature in base64'),
  keyId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
});
export type SignedDocument = z.infer<typeof SignedDocument>;

/** What the release service adds to electron-updater's `latest*.yml` under `classroom`. */
export const FeedExtension = z.object({
  manifest: SignedDocument,
  revoke: SignedDocument.optional(),
});
export type FeedExtension = z.infer<typeof FeedExtension>;

/** The public key as the service exports it (`GET /api/releases/public-key`) and the app embeds it. */
export const ReleasePublicKey = z.object({
  algorithm: z.literal('Ed25519'),
  keyId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  /** The raw 32-byte public key, base64. */
  publicKey: z.string().regex(/^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/, 'a 32-byte key in base64'),
});
export type ReleasePublicKey = z.infer<typeof ReleasePublicKey>;
