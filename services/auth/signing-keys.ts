import { createLocalJWKSet, errors, exportJWK, generateKeyPair, type CryptoKey, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { SIGNING_ALGORITHM, importPrivateKey, kidOf, publicJwkOf, type KeyFiles, type KeyRecord } from './key-files';

export interface SigningKeys {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

export interface SigningKeyRingOptions {
  /** The tokens' lifetime in this process: the current key must stay trusted that long after it retires. */
  ttlSeconds: number;
  /** Where the keys are kept across restarts; without it they live and die with the process. */
  files?: KeyFiles;
  /** An existing key pair (extractable) to sign with, in memory; by default a fresh one. */
  keys?: SigningKeys;
  onError(error: unknown): void;
}

interface LiveKey {
  record: KeyRecord;
  privateKey: CryptoKey;
}

/** setTimeout's longest delay; a later deadline is reached in several steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

async function liveKey(record: KeyRecord): Promise<LiveKey> {
  return { record, privateKey: await importPrivateKey(record) };
}

async function recordOf(privateKey: CryptoKey, ttlSeconds: number, now: number): Promise<KeyRecord> {
  const privateJwk = await exportJWK(privateKey);
  return { kid: await kidOf(privateJwk), privateJwk, createdAt: now, retiredAt: null, longestTokenSeconds: ttlSeconds };
}

async function freshKey(ttlSeconds: number, now: number): Promise<LiveKey> {
  const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  return { record: await recordOf(privateKey, ttlSeconds, now), privateKey };
}

/** When a retired key's last token has expired; it is not trusted from then on. */
function trustedUntil(record: KeyRecord): number {
  return (record.retiredAt ?? Infinity) + record.longestTokenSeconds * 1000;
}

/**
 * The backend's signing keys: one current key that signs, and the retired keys that still verify the tokens they
 * signed until those have expired. Every key is in the JWKS while it is trusted, and only then; verification picks
 * the key by the token's `kid`.
 */
export class SigningKeyRing {
  private retired: LiveKey[] = [];
  private keySet: JSONWebKeySet = { keys: [] };
  private keyOf = createLocalJWKSet(this.keySet);
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private current: LiveKey,
    private readonly options: SigningKeyRingOptions,
  ) {}

  static async open(options: SigningKeyRingOptions): Promise<SigningKeyRing> {
    const now = Date.now();
    const { files, ttlSeconds } = options;
    if (!files) {
      const given = options.keys?.privateKey;
      const current = given ? { record: await recordOf(given, ttlSeconds, now), privateKey: given } : await freshKey(ttlSeconds, now);
      return new SigningKeyRing(current, options).rebuilt();
    }

    const records = await files.load();
    for (const gone of records.filter((r) => trustedUntil(r) <= now)) await files.remove(gone.kid);
    const unretired = records.filter((r) => r.retiredAt === null).sort((a, b) => b.createdAt - a.createdAt);
    const retired = records.filter((r) => r.retiredAt !== null && trustedUntil(r) > now);
    const current = unretired[0] ? await liveKey(unretired[0]) : await freshKey(ttlSeconds, now);
    if (!unretired[0]) await files.save(current.record);
    // More than one unretired key means a rotation was interrupted after the new key was written: retire the rest now.
    for (const record of unretired.slice(1)) {
      record.retiredAt = now;
      await files.save(record);
      retired.push(record);
    }
    const ring = new SigningKeyRing(current, options);
    ring.retired = await Promise.all(retired.sort((a, b) => (b.retiredAt ?? 0) - (a.retiredAt ?? 0)).map(liveKey));
    await ring.signingKey(ttlSeconds);
    return ring.rebuilt();
  }

  get currentKid(): string {
    return this.current.record.kid;
  }

  /** The trusted public keys, the current one first, for `/api/jwks`. */
  jwks(): JSONWebKeySet {
    this.dropExpired();
    return structuredClone(this.keySet);
  }

  /** For `jwtVerify`: the trusted key the token's `kid` names. A token that names none is not ours. */
  readonly verificationKey: JWTVerifyGetKey = (header, token) => {
    this.dropExpired();
    if (typeof header.kid !== 'string') throw new errors.JWKSNoMatchingKey('the token does not name its signing key (kid)');
    return this.keyOf(header, token);
  };

  /**
   * The key to sign a token of `ttlSeconds` with. A lifetime longer than any before is recorded first, so the key
   * stays trusted long enough after it retires.
   */
  async signingKey(ttlSeconds: number): Promise<{ kid: string; privateKey: CryptoKey }> {
    if (ttlSeconds > this.current.record.longestTokenSeconds) {
      await this.serially(async () => {
        const record = { ...this.current.record, longestTokenSeconds: Math.max(ttlSeconds, this.current.record.longestTokenSeconds) };
        await this.options.files?.save(record);
        this.current = { ...this.current, record };
      });
    }
    return { kid: this.current.record.kid, privateKey: this.current.privateKey };
  }

  /** A new key signs from now on; the previous one stays trusted until the last token it signed has expired. */
  rotate(): Promise<string> {
    return this.serially(async () => {
      const next = await freshKey(this.options.ttlSeconds, Date.now());
      // The new key is on disk before it signs; should the old one's file not be marked retired (a crash), the next
      // start finds two unretired keys and retires the older one then.
      await this.options.files?.save(next.record);
      // Retired at the moment it stops signing, so no token it signs is dated after its retirement.
      const previous = { ...this.current, record: { ...this.current.record, retiredAt: Date.now() } };
      this.retired.unshift(previous);
      this.current = next;
      this.rebuilt();
      await this.options.files?.save(previous.record);
      return next.record.kid;
    });
  }

  /** Stops the retirement timer and waits for pending file writes. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.queue;
  }

  private serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => {});
    return run;
  }

  private dropExpired(now = Date.now()): void {
    const expired = this.retired.filter((key) => trustedUntil(key.record) <= now);
    if (expired.length === 0) return;
    this.retired = this.retired.filter((key) => !expired.includes(key));
    this.rebuilt();
    const { files } = this.options;
    for (const key of expired) if (files) this.serially(() => files.remove(key.record.kid)).catch(this.options.onError);
  }

  private rebuilt(): this {
    this.keySet = {
      keys: [this.current, ...this.retired].map(({ record }) => ({ ...publicJwkOf(record.privateJwk), kid: record.kid, alg: SIGNING_ALGORITHM, use: 'sig' })),
    };
    this.keyOf = createLocalJWKSet(this.keySet);
    this.scheduleRetirement();
    return this;
  }

  /** Drops each retired key on time even when nobody verifies or asks for the JWKS. */
  private scheduleRetirement(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.closed || this.retired.length === 0) return;
    const next = Math.min(...this.retired.map((key) => trustedUntil(key.record)));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.dropExpired();
      if (!this.timer) this.scheduleRetirement();
    }, Math.min(Math.max(0, next - Date.now()), LONGEST_TIMER_MS));
    this.timer.unref();
  }
}
