import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ReleaseError } from './errors';

export interface UploadExpectation {
  /** The size the uploader says the file has. */
  size: number;
  /** Its sha512 in base64. */
  sha512: string;
  /** The largest file accepted. */
  maxBytes: number;
}

export interface ReceivedFile {
  tempPath: string;
  size: number;
  sha512: string;
}

/**
 * Artifacts on disk: `<dir>/<version>/<name>`. An upload is streamed to `<dir>/incoming/` while its sha512 is
 * computed and its bytes counted, and only a complete file whose size and hash are the declared ones is moved into
 * place; anything else is deleted and refused, and the release keeps what it had.
 */
export class ArtifactStore {
  constructor(readonly dir: string) {}

  async open(): Promise<void> {
    await mkdir(join(this.dir, 'incoming'), { recursive: true });
    // Uploads a crash interrupted never became artifacts.
    for (const name of await readdir(join(this.dir, 'incoming'))) await rm(join(this.dir, 'incoming', name), { force: true });
  }

  pathOf(version: string, name: string): string {
    return join(this.dir, version, name);
  }

  async receive(body: Readable, expected: UploadExpectation): Promise<ReceivedFile> {
    const tempPath = join(this.dir, 'incoming', `${randomBytes(8).toString('hex')}.part`);
    const hash = createHash('sha512');
    let size = 0;
    const limit = Math.min(expected.maxBytes, expected.size);
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > limit) {
          done(
            size > expected.maxBytes
              ? new ReleaseError(413, 'too-large', `the file is larger than ${expected.maxBytes} bytes`)
              : new ReleaseError(400, 'size-mismatch', `the upload is larger than the declared ${expected.size} bytes`),
          );
          return;
        }
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(body, meter, createWriteStream(tempPath, { flags: 'wx', mode: 0o644 }));
    } catch (error) {
      await rm(tempPath, { force: true });
      if (error instanceof ReleaseError) throw error;
      throw new ReleaseError(400, 'truncated', `the upload ended early after ${size} of ${expected.size} bytes`);
    }
    const sha512 = hash.digest('base64');
    const refusal =
      size !== expected.size
        ? new ReleaseError(400, 'truncated', `the upload has ${size} bytes, ${expected.size} were declared: it was cut short`)
        : sha512 !== expected.sha512
          ? new ReleaseError(400, 'hash-mismatch', `the file's sha512 is ${sha512}, not the declared ${expected.sha512}`)
          : null;
    if (refusal) {
      await rm(tempPath, { force: true });
      throw refusal;
    }
    return { tempPath, size, sha512 };
  }

  async commit(file: ReceivedFile, version: string, name: string): Promise<void> {
    await mkdir(join(this.dir, version), { recursive: true });
    await rename(file.tempPath, this.pathOf(version, name));
  }

  discard(file: ReceivedFile): Promise<void> {
    return rm(file.tempPath, { force: true });
  }
}
