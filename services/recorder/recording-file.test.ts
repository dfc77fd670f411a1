import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordedEntry } from '../../shared/protocol/recording';
import { frame, MAGIC, readRecording, RecordingWriter } from './recording-file';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function fileIn(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rec-file-'));
  dirs.push(dir);
  return join(dir, 'class-0001.rec');
}

const entries: RecordedEntry[] = [
  { t: 1_000, k: '$start', by: 'teacher1' },
  { t: 1_010, k: 'hand', p: { classId: 'class-0001', userId: 'student1' }, m: { v: 1, raised: true, at: 1_009 } },
  { t: 1_020, k: 'chat', p: { classId: 'class-0001' }, m: { v: 1, id: 'm1', text: '<b>hi</b> ✓' } },
  { t: 1_030, k: '$stop', reason: 'teacher' },
];

function written(): { path: string; data: Buffer } {
  const path = fileIn();
  const { writer } = RecordingWriter.open(path);
  for (const entry of entries) writer.append(frame(entry));
  expect(writer.flush()).toBeNull();
  writer.close();
  return { path, data: readFileSync(path) };
}

describe('recording file', () => {
  it('reads back every entry it appended, in order, with nothing broken', () => {
    const { data } = written();
    expect(data.subarray(0, MAGIC.length).equals(MAGIC)).toBe(true);
    expect(readRecording(data)).toEqual({ entries, goodBytes: data.length, broken: null });
  });

  it('stops at a flipped byte and keeps the entries before it, saying where it breaks', () => {
    const { data } = written();
    const third = MAGIC.length + frame(entries[0]!).length + frame(entries[1]!).length;
    data.writeUInt8(data.readUInt8(third + 12) ^ 0x20, third + 12);
    const read = readRecording(data);
    expect(read.entries).toEqual(entries.slice(0, 2));
    expect(read.broken).toEqual({ offset: third, entries: 2, reason: 'a frame fails its checksum' });
  });

  it('stops at a frame cut off at the end of the file', () => {
    const { data } = written();
    const read = readRecording(data.subarray(0, data.length - 3));
    expect(read.entries).toEqual(entries.slice(0, 3));
    expect(read.broken?.reason).toBe('the last frame is cut off');
  });

  it('refuses a file that is not a recording', () => {
    expect(readRecording(Buffer.from('{"not":"a recording"}')).broken).toEqual({ offset: 0, entries: 0, reason: 'not a recording file (its header is missing or wrong)' });
  });

  it('opening a file with a broken tail cuts the tail off, so what is appended after it stays readable', () => {
    const { path, data } = written();
    writeFileSync(path, data.subarray(0, data.length - 5));
    const { writer, existing } = RecordingWriter.open(path);
    expect(existing.entries).toHaveLength(3);
    writer.append(frame({ t: 2_000, k: '$resume', from: 1_020 }));
    expect(writer.flush()).toBeNull();
    writer.close();
    const read = readRecording(readFileSync(path));
    expect(read.broken).toBeNull();
    expect(read.entries.map((e) => e.k)).toEqual(['$start', 'hand', 'chat', '$resume']);
  });
});
