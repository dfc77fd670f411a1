import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { calculateJwkThumbprint, importJWK, type CryptoKey, type JWK } from 'jose';
import { z } from 'zod';
import { TEMP_SUFFIX, writePrivateFile } from './private-file';

export const SIGNING_ALGORITHM = 'ES256';

/** One signing key as the backend keeps it; `retiredAt` is set once a newer key took over signing. */
export interface KeyRecord {
  kid: string;
  /** The private key as a JWK (EC P-256, with `d`); its public part is the JWKS entry. */
  privateJwk: JWK;
  createdAt: number;
  retiredAt: number | null;
  /** The longest lifetime of any token this key signed: how long it must stay trusted after retirement. */
  longestTokenSeconds: number;
}

const FORMAT = 'classroom-signing-key/1';

const KeyFile = z
  .object({
    format: z.literal(FORMAT),
    kid: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    createdAt: z.iso.datetime(),
    retiredAt: z.iso.datetime().nullable(),
    longestTokenSeconds: z.number().int().positive(),
    privateKey: z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string(), d: z.string() }),
  })
  .strict();

/** A key file that cannot be used; the backend refuses to start rather than trust or replace it. */
export class KeyFileError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(
      `The signing key file ${file} cannot be used: ${reason}. Restore it, or move it out of its folder to start ` +
        'without it (tokens it signed are then refused).',
    );
  }
}

export function publicJwkOf(privateJwk: JWK): JWK {
  const { kty, crv, x, y } = privateJwk;
  return { kty, crv, x, y };
}

/** The kid of a key: its RFC 7638 thumbprint, so a key file's name and content can be checked against each other. */
export function kidOf(privateJwk: JWK): Promise<string> {
  return calculateJwkThumbprint(publicJwkOf(privateJwk));
}

export function importPrivateKey(record: KeyRecord): Promise<CryptoKey> {
  return importJWK(record.privateJwk, SIGNING_ALGORITHM) as Promise<CryptoKey>;
}

/**
 * The signing keys under one folder (`<persistDir>/keys`), one file `<kid>.json` per key, readable by the owner
 * only (0600, folder 0700), each replaced atomically: written in full to a temporary file, flushed, then renamed.
 */
export class KeyFiles {
  constructor(readonly dir: string) {}

  path(kid: string): string {
    return join(this.dir, `${kid}.json`);
  }

  /** Every key in the folder, each checked; throws `KeyFileError` for the first that is unreadable or wrong. */
  async load(): Promise<KeyRecord[]> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const records: KeyRecord[] = [];
    for (const name of (await readdir(this.dir)).sort()) {
      const file = join(this.dir, name);
      // A write that never reached its rename; the key it held was never used.
      if (name.endsWith(TEMP_SUFFIX)) await rm(file, { force: true });
      else if (name.endsWith('.json')) records.push(await this.read(file, name.slice(0, -'.json'.length)));
    }
    return records;
  }

  async save(record: KeyRecord): Promise<void> {
    const { kty, crv, x, y, d } = record.privateJwk;
    const text = JSON.stringify({
      format: FORMAT,
      kid: record.kid,
      createdAt: new Date(record.createdAt).toISOString(),
      retiredAt: record.retiredAt === null ? null : new Date(record.retiredAt).toISOString(),
      longestTokenSeconds: record.longestTokenSeconds,
      privateKey: { kty, crv, x, y, d },
    });
    await writePrivateFile(this.path(record.kid), `${text}\n`);
  }

  async remove(kid: string): Promise<void> {
    await rm(this.path(kid), { force: true });
  }

  private async read(file: string, kidFromName: string): Promise<KeyRecord> {
    let text: string;
    let content: unknown;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new KeyFileError(file, `it cannot be read (${(error as Error).message})`);
    }
    try {
      content = JSON.parse(text);
    } catch (error) {
      throw new KeyFileError(file, `it is not JSON (${(error as Error).message})`);
    }
    const parsed = KeyFile.safeParse(content);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new KeyFileError(file, `it is not a signing key (${issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'invalid'})`);
    }
    const { kid, createdAt, retiredAt, longestTokenSeconds, privateKey } = parsed.data;
    const record: KeyRecord = {
      kid,
      privateJwk: privateKey,
      createdAt: Date.parse(createdAt),
      retiredAt: retiredAt === null ? null : Date.parse(retiredAt),
      longestTokenSeconds,
    };
    // Web Crypto refuses a private key whose public point does not match it; the thumbprint ties that point to the kid.
    try {
      await importPrivateKey(record);
    } catch (error) {
      throw new KeyFileError(file, `its key does not import (${(error as Error).message})`);
    }
    if ((await kidOf(privateKey)) !== kid) throw new KeyFileError(file, 'its key is not the key its kid names');
    if (kid !== kidFromName) throw new KeyFileError(file, `it holds the key ${kid}, not the one its name says`);
    return record;
  }
}
