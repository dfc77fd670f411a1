import { closeSync, fstatSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import type { RecordedEntry, RecordingBreak } from '../../shared/protocol/recording';

/**
 * The recording file: an 8-byte magic, then one frame per entry, appended and never rewritten. A frame is the
 * payload's length (uint32, big-endian), its CRC-32 (uint32, big-endian) and the payload (the entry as UTF-8 JSON).
 * A reader stops at the first frame that is cut off or whose checksum or JSON is wrong, and keeps everything before.
 */
export const MAGIC = Buffer.from('CLSREC1\n', 'latin1');
const HEADER_BYTES = 8;
/** No entry is larger than the largest message (an 8 MiB snapshot) with its envelope. */
export const MAX_FRAME_PAYLOAD = 9 * 1024 * 1024;

export function frame(entry: RecordedEntry): Buffer {
  const payload = Buffer.from(JSON.stringify(entry), 'utf8');
  const head = Buffer.allocUnsafe(HEADER_BYTES);
  head.writeUInt32BE(payload.length, 0);
  head.writeUInt32BE(crc32(payload), 4);
  return Buffer.concat([head, payload]);
}

export interface ReadRecording {
  entries: RecordedEntry[];
  /** Where the readable part ends: the file's length when nothing is broken. */
  goodBytes: number;
  broken: RecordingBreak | null;
}

/** Reads every whole, intact frame from the start; the entries' shapes are the recorder's own and not checked again. */
export function readRecording(data: Buffer): ReadRecording {
  const entries: RecordedEntry[] = [];
  const broken = (offset: number, reason: string): ReadRecording => ({ entries, goodBytes: offset, broken: { offset, entries: entries.length, reason } });
  if (data.length < MAGIC.length || !data.subarray(0, MAGIC.length).equals(MAGIC)) return broken(0, 'not a recording file (its header is missing or wrong)');
  let offset = MAGIC.length;
  while (offset < data.length) {
    if (data.length - offset < HEADER_BYTES) return broken(offset, 'the last frame is cut off in its header');
    const length = data.readUInt32BE(offset);
    const checksum = data.readUInt32BE(offset + 4);
    if (length > MAX_FRAME_PAYLOAD) return broken(offset, `a frame claims ${length} bytes, more than any entry`);
    const start = offset + HEADER_BYTES;
    if (data.length - start < length) return broken(offset, 'the last frame is cut off');
    const payload = data.subarray(start, start + length);
    if (crc32(payload) !== checksum) return broken(offset, 'a frame fails its checksum');
    let entry: RecordedEntry;
    try {
      entry = JSON.parse(payload.toString('utf8')) as RecordedEntry;
    } catch {
      return broken(offset, 'a frame is not JSON');
    }
    entries.push(entry);
    offset = start + length;
  }
  return { entries, goodBytes: offset, broken: null };
}

export function readRecordingFile(path: string): ReadRecording {
  return readRecording(readFileSync(path));
}

export type WriteFailure = 'disk-full' | 'write-failed';

/** A full disk (or quota) says `disk-full`; any other write error `write-failed`. */
export function writeFailure(error: unknown): WriteFailure {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOSPC' || code === 'EDQUOT' ? 'disk-full' : 'write-failed';
}

/**
 * Appends frames to one class's recording file. Frames are buffered and written by `flush`; a write that fails (a
 * full disk) is cut back to the last whole frame, so the file stays readable to its end.
 */
export class RecordingWriter {
  private readonly fd: number;
  private buffered: Buffer[] = [];
  private bufferedBytes = 0;
  /** Bytes on disk, all of them whole frames. */
  private written: number;

  private constructor(fd: number, written: number) {
    this.fd = fd;
    this.written = written;
  }

  /**
   * Opens a class's file for appending: a new file gets the magic; an existing one is read, and a broken tail (the
   * recorder stopped in the middle of a write) is cut off, so what follows is readable. Returns the entries kept.
   */
  static open(path: string): { writer: RecordingWriter; existing: ReadRecording } {
    const fd = openSync(path, 'a+');
    try {
      const size = fstatSync(fd).size;
      if (size === 0) {
        writeSync(fd, MAGIC);
        return { writer: new RecordingWriter(fd, MAGIC.length), existing: { entries: [], goodBytes: MAGIC.length, broken: null } };
      }
      const existing = readRecording(readFileSync(path));
      if (existing.goodBytes === 0) throw new Error(`${path} is not a recording file`);
      if (existing.goodBytes < size) ftruncateSync(fd, existing.goodBytes);
      return { writer: new RecordingWriter(fd, existing.goodBytes), existing };
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  /** Bytes on disk plus bytes waiting to be written. */
  get bytes(): number {
    return this.written + this.bufferedBytes;
  }

  append(bytes: Buffer): void {
    this.buffered.push(bytes);
    this.bufferedBytes += bytes.length;
  }

  /** Writes what is buffered; on failure the file is cut back to its last whole frame and the failure returned. */
  flush(): WriteFailure | null {
    if (this.bufferedBytes === 0) return null;
    const data = this.buffered.length === 1 ? this.buffered[0]! : Buffer.concat(this.buffered, this.bufferedBytes);
    this.buffered = [];
    this.bufferedBytes = 0;
    try {
      let done = 0;
      while (done < data.length) done += writeSync(this.fd, data, done, data.length - done);
      this.written += data.length;
      return null;
    } catch (error) {
      try {
        ftruncateSync(this.fd, this.written);
      } catch {
        // A device that cannot be cut back (or a disk gone): the reader still stops at the broken frame.
      }
      return writeFailure(error);
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}
