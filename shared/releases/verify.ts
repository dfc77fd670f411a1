import type { z } from 'zod';
import { utf8Encode } from '../protocol/text';
import { fromBase64, toBase64 } from './base64';
import {
  ReleaseManifest, ReleaseStatus, RevokeMark, SignedDocument, type ManifestArtifact, type ReleasePublicKey,
} from './documents';

/**
 * The app side's checks of what the release service signed, pure and with no Node types: WebCrypto's Ed25519 and
 * SHA-512, which Node 20 and Chromium (Electron) both have. Each answer says why it refuses.
 */
interface KeyHandle {
  readonly type: string;
}
/** The few WebCrypto calls used here, typed locally because `shared/` is compiled without DOM typings. */
export interface Ed25519Crypto {
  importKey(format: 'raw', key: Uint8Array, algorithm: { name: 'Ed25519' }, extractable: false, usages: ['verify']): Promise<KeyHandle>;
  verify(algorithm: { name: 'Ed25519' }, key: KeyHandle, signature: Uint8Array, data: Uint8Array): Promise<boolean>;
  digest(algorithm: 'SHA-512', data: Uint8Array): Promise<ArrayBuffer>;
}

function webCrypto(): Ed25519Crypto {
  const subtle = (globalThis as { crypto?: { subtle?: Ed25519Crypto } }).crypto?.subtle;
  if (!subtle) throw new Error('WebCrypto (crypto.subtle) is not available in this runtime');
  return subtle;
}

export type Verified<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Checks the signature over the document's exact bytes, then the document's shape; never parses an unsigned text. */
export async function verifySigned<S extends z.ZodType>(
  key: ReleasePublicKey,
  signed: unknown,
  schema: S,
  subtle: Ed25519Crypto = webCrypto(),
): Promise<Verified<z.infer<S>>> {
  const envelope = SignedDocument.safeParse(signed);
  if (!envelope.success) return { ok: false, reason: 'not a signed document' };
  const { document, signature, keyId } = envelope.data;
  if (keyId !== key.keyId) return { ok: false, reason: `signed with key ${keyId}, not the trusted key ${key.keyId}` };
  const raw = fromBase64(key.publicKey);
  const sig = fromBase64(signature);
  if (!raw || raw.length !== 32 || !sig || sig.length !== 64) return { ok: false, reason: 'the key or signature is malformed' };
  const good = await subtle
    .importKey('raw', raw, { name: 'Ed25519' }, false, ['verify'])
    .then((handle) => subtle.verify({ name: 'Ed25519' }, handle, sig, utf8Encode(document)))
    .catch(() => false);
  if (!good) return { ok: false, reason: 'the signature does not verify' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(document);
  } catch {
    return { ok: false, reason: 'the signed document is not JSON' };
  }
  const value = schema.safeParse(parsed);
  return value.success ? { ok: true, value: value.data } : { ok: false, reason: 'the signed document has the wrong shape' };
}

export const verifyManifest = (key: ReleasePublicKey, signed: unknown, subtle?: Ed25519Crypto) => verifySigned(key, signed, ReleaseManifest, subtle);
export const verifyRevokeMark = (key: ReleasePublicKey, signed: unknown, subtle?: Ed25519Crypto) => verifySigned(key, signed, RevokeMark, subtle);
export const verifyStatus = (key: ReleasePublicKey, signed: unknown, subtle?: Ed25519Crypto) => verifySigned(key, signed, ReleaseStatus, subtle);

/** The sha512 (base64) of some bytes, as electron-updater and the manifest write it. */
export async function sha512Base64(bytes: Uint8Array, subtle: Ed25519Crypto = webCrypto()): Promise<string> {
  return toBase64(new Uint8Array(await subtle.digest('SHA-512', bytes)));
}

/**
 * Whether a downloaded artifact is one the release service signed: the manifest's signature must verify, name the
 * expected version, and list a file of this name whose size and sha512 match. A sha512 that matches a manifest whose
 * signature fails is refused: the feed's own sha512 comes from the same server as the file.
 */
export async function verifyArtifactDigest(
  key: ReleasePublicKey,
  signedManifest: unknown,
  artifact: { version: string; name: string; size: number; sha512: string },
  subtle?: Ed25519Crypto,
): Promise<Verified<ManifestArtifact>> {
  const manifest = await verifyManifest(key, signedManifest, subtle);
  if (!manifest.ok) return manifest;
  if (manifest.value.version !== artifact.version) return { ok: false, reason: `the manifest is for ${manifest.value.version}, not ${artifact.version}` };
  const entry = manifest.value.artifacts.find((a) => a.name === artifact.name);
  if (!entry) return { ok: false, reason: `the manifest lists no file ${artifact.name}` };
  if (entry.size !== artifact.size) return { ok: false, reason: `the file has ${artifact.size} bytes, the manifest says ${entry.size}` };
  if (entry.sha512 !== artifact.sha512) return { ok: false, reason: 'the file is not the one the manifest signed (sha512 differs)' };
  return { ok: true, value: entry };
}

/** verifyArtifactDigest over the bytes themselves (hashed here with WebCrypto). */
export async function verifyArtifact(
  key: ReleasePublicKey,
  signedManifest: unknown,
  artifact: { version: string; name: string; bytes: Uint8Array },
  subtle?: Ed25519Crypto,
): Promise<Verified<ManifestArtifact>> {
  const sha512 = await sha512Base64(artifact.bytes, subtle);
  return verifyArtifactDigest(key, signedManifest, { version: artifact.version, name: artifact.name, size: artifact.bytes.length, sha512 }, subtle);
}
