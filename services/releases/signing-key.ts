import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { ReleasePublicKey, SignedDocument } from '../../shared/releases/documents';
import { writePrivateFile } from '../auth/private-file';

const FORMAT = 'classroom-release-signing-key/1';
export const KEY_FILE = 'signing-key.json';
/** The public half, for the app build to embed (also at GET /api/releases/public-key). */
export const PUBLIC_KEY_FILE = 'public-key.json';

const KeyFile = z
  .object({
    format: z.literal(FORMAT),
    keyId: z.string().regex(/^[A-Za-z0-9_-]{16}$/),
    createdAt: z.iso.datetime(),
    privateKey: z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string(), d: z.string() }).strict(),
  })
  .strict();

/** A key file that cannot be used: the release service refuses to start rather than sign with another key. */
export class ReleaseKeyError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(
      `The release signing key file ${file} cannot be used: ${reason}. Restore it from a backup; installs trust only ` +
        'the key their build embeds, so a new key would need a new build everywhere.',
    );
  }
}

function keyIdOf(publicKey: KeyObject): string {
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');
  return createHash('sha256').update(raw).digest('base64url').slice(0, 16);
}

/** The Ed25519 key the release service signs manifests, revoke marks and statuses with. */
export class ReleaseSigningKey {
  private constructor(
    private readonly privateKey: KeyObject,
    readonly publicKey: ReleasePublicKey,
  ) {}

  /**
   * Loads `<dir>/signing-key.json`, or makes one (0600, written atomically) when there is none; writes the public
   * half to `<dir>/public-key.json`. A file that is there but unreadable, not JSON, not a key, or whose key is not
   * the one its keyId names throws ReleaseKeyError naming it.
   */
  static async open(dir: string): Promise<ReleaseSigningKey> {
    const file = join(dir, KEY_FILE);
    let text: string | null = null;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new ReleaseKeyError(file, `it cannot be read (${(error as Error).message})`);
    }
    const key = text === null ? await ReleaseSigningKey.create(file) : ReleaseSigningKey.parse(file, text);
    await writeFile(join(dir, PUBLIC_KEY_FILE), `${JSON.stringify(key.publicKey, null, 2)}\n`, 'utf8');
    return key;
  }

  private static async create(file: string): Promise<ReleaseSigningKey> {
    const { privateKey } = generateKeyPairSync('ed25519');
    const key = ReleaseSigningKey.from(privateKey);
    const { x, d } = privateKey.export({ format: 'jwk' });
    const record = { format: FORMAT, keyId: key.publicKey.keyId, createdAt: new Date().toISOString(), privateKey: { kty: 'OKP', crv: 'Ed25519', x, d } };
    await writePrivateFile(file, `${JSON.stringify(record)}\n`);
    return key;
  }

  private static parse(file: string, text: string): ReleaseSigningKey {
    let content: unknown;
    try {
      content = JSON.parse(text);
    } catch (error) {
      throw new ReleaseKeyError(file, `it is not JSON (${(error as Error).message})`);
    }
    const parsed = KeyFile.safeParse(content);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ReleaseKeyError(file, `it is not a release signing key (${issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'invalid'})`);
    }
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey({ key: parsed.data.privateKey, format: 'jwk' });
    } catch (error) {
      throw new ReleaseKeyError(file, `its key does not import (${(error as Error).message})`);
    }
    const key = ReleaseSigningKey.from(privateKey);
    // The public point in the file must be the one the private scalar gives, and the keyId must name it.
    if (createPublicKey(privateKey).export({ format: 'jwk' }).x !== parsed.data.privateKey.x) throw new ReleaseKeyError(file, 'its public and private parts do not match');
    if (key.publicKey.keyId !== parsed.data.keyId) throw new ReleaseKeyError(file, `it holds the key ${key.publicKey.keyId}, not ${parsed.data.keyId}`);
    return key;
  }

  private static from(privateKey: KeyObject): ReleaseSigningKey {
    const publicKey = createPublicKey(privateKey);
    const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');
    return new ReleaseSigningKey(privateKey, { algorithm: 'Ed25519', keyId: keyIdOf(publicKey), publicKey: raw.toString('base64') });
  }

  /** Signs a document's exact JSON text. */
  sign(value: object): SignedDocument {
    const document = JSON.stringify(value);
    const signature = sign(null, Buffer.from(document, 'utf8'), this.privateKey).toString('base64');
    return { document, signature, keyId: this.publicKey.keyId };
  }
}
