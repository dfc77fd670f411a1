import { appendFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HelpState } from '../../shared/protocol/supervision';
import { DiskAuditLog, MemoryAuditLog, toCsv, type NewAuditEntry } from './audit-log';
import { exportAudit } from './audit-export';
import { DiskHelpStore } from './help-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dispatcher-store-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const entry = (detail: string, at: number, classId = 'class-0001'): NewAuditEntry => ({
  action: 'received', actor: { id: 'student1', kind: 'participant' }, requestId: 'h-1', classId, detail, at,
});
const day = Date.parse('2026-03-01T12:00:00Z');

describe('the audit log on disk', () => {
  it('appends JSON lines per UTC day, numbers on across reopening, and skips a torn line', async () => {
    const log = await DiskAuditLog.open(dir);
    log.append(entry('one', day));
    log.append(entry('two', day + 86_400_000));
    await log.flushed();
    expect((await readdir(dir)).sort()).toEqual(['audit-2026-03-01.jsonl', 'audit-2026-03-02.jsonl']);
    await appendFile(join(dir, 'audit-2026-03-02.jsonl'), '{"seq":3,"at":');

    const reopened = await DiskAuditLog.open(dir);
    expect(reopened.append(entry('three', day + 86_400_000 + 1)).seq).toBe(3);
    const all = await reopened.query({ limit: 10 });
    expect(all.map((e) => [e.seq, e.detail])).toEqual([[1, 'one'], [2, 'two'], [3, 'three']]);
    expect(reopened.unreadable).toBeGreaterThan(0);
    expect((await reopened.query({ from: day + 86_400_000, limit: 10 })).map((e) => e.detail)).toEqual(['two', 'three']);
    expect((await reopened.query({ to: day + 1, limit: 10 })).map((e) => e.detail)).toEqual(['one']);
    expect((await reopened.query({ after: 2, limit: 10 })).map((e) => e.detail)).toEqual(['three']);
  });

  it('refuses an entry that is not one, without writing anything', async () => {
    const log = await DiskAuditLog.open(dir);
    expect(() => log.append({ ...entry('x', day), requestId: 'not an id' })).toThrow();
    await log.flushed();
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('audit export', () => {
  it('pages by cursor and renders CSV that a spreadsheet cannot run', async () => {
    const log = new MemoryAuditLog();
    for (let i = 0; i < 5; i++) log.append(entry(i === 0 ? '=HYPERLINK("x")' : `line, "${i}"\nnext`, day + i));
    const first = await exportAudit(log, { limit: 2, format: 'csv' }, 100_000);
    expect(first).toMatchObject({ count: 2, next: 2 });
    const rows = first.text.split('\n');
    expect(rows[0]).toBe('seq,at,action,actor,actorKind,requestId,classId,detail,data');
    expect(rows[1]).toBe(`1,2026-03-01T12:00:00.000Z,received,student1,participant,h-1,class-0001,"'=HYPERLINK(""x"")",`);
    expect(rows[2]).toBe('2,2026-03-01T12:00:00.001Z,received,student1,participant,h-1,class-0001,"line, ""1""');
    const rest = await exportAudit(log, { limit: 10, after: 2, format: 'jsonl' }, 100_000);
    expect(rest).toMatchObject({ count: 3, next: null });
    // A page that would not fit is cut short, and says where to go on.
    const small = await exportAudit(log, { limit: 10, format: 'jsonl' }, 400);
    expect(small.text.length).toBeLessThanOrEqual(400);
    expect(small.next).toBe(small.count);
  });

  it('keeps the newest entries in memory and counts those let go', () => {
    const log = new MemoryAuditLog(3);
    for (let i = 0; i < 5; i++) log.append(entry(String(i), day));
    expect(log.dropped).toBe(2);
    expect(toCsv([], false)).toBe('\n');
  });
});

describe('the help store on disk', () => {
  const state = (id: string, status: HelpState['status']): HelpState => ({
    v: 1, id, classId: 'class-0001', from: { id: 'student1', name: 'Student One', role: 'student' }, topic: 'audio', text: '',
    status, reason: '', tags: [], remedies: [], claimedBy: null, note: '', diagnostics: null, createdAt: day, updatedAt: day, resolvedAt: null,
  });

  it('keeps the latest state of each request, forgets deleted ones, and skips files that are not states', async () => {
    const store = new DiskHelpStore(join(dir, 'help'));
    store.put(state('h-1', 'received'));
    store.put(state('h-1', 'remedy-pending'));
    store.put(state('h-2', 'manual'));
    store.delete('h-2');
    await store.flushed();
    await writeFile(join(dir, 'help', 'h-3.json'), '{"v":1,"id":"h-3"}');
    const errors: unknown[] = [];
    const loaded = await new DiskHelpStore(join(dir, 'help'), (e) => errors.push(e)).load();
    expect(loaded.map((s) => [s.id, s.status])).toEqual([['h-1', 'remedy-pending']]);
    expect(errors).toHaveLength(1);
  });
});
