import { createReadStream } from 'node:fs';
import { appendFile, mkdir, open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { Id } from '../../shared/protocol/ids';
import { csvField } from '../../shared/csv';

export const AUDIT_ACTIONS = [
  'received', 'duplicate-ignored', 'manual', 'remedy-sent', 'remedy-acked', 'remedy-refused', 'remedy-no-ack',
  'tags-cleared', 'tags-not-cleared', 'auto-resolved', 'escalated', 'claimed', 'claim-refused', 'released',
  'remedy-requested', 'resolved', 'resolve-refused', 'resumed', 'retained-cleared',
  // The release service's own log (services/releases/) uses the same format.
  'release-created', 'artifact-uploaded', 'release-published', 'rollout-set', 'release-promoted', 'release-halted',
  'release-resumed', 'release-revoked', 'rings-set',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One line of the audit log: a step the dispatcher took or an action a person took, never changed once written. */
export const AuditEntry = z.object({
  seq: z.number().int().positive(),
  at: z.number().int().nonnegative(),
  action: z.enum(AUDIT_ACTIONS),
  actor: z.object({ id: Id, kind: z.enum(['dispatcher', 'supervisor', 'participant', 'admin', 'release-gate']) }),
  requestId: Id.optional(),
  classId: Id.optional(),
  detail: z.string().max(1000),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export type NewAuditEntry = Omit<AuditEntry, 'seq' | 'at'> & { at?: number };
/** An audit entry as the dispatcher writes it: by the dispatcher unless it names someone else. */
export type AuditStep = Omit<NewAuditEntry, 'actor'> & { actor?: NewAuditEntry['actor'] };

export interface AuditQuery {
  /** Inclusive, ms since the epoch. */
  from?: number;
  /** Exclusive. */
  to?: number;
  /** Only entries with a higher sequence number: the cursor of a paged export. */
  after?: number;
  classId?: string;
  requestId?: string;
  limit: number;
}

/** The append-only audit log. Appends are ordered and numbered at once; writing to disk happens behind. */
export interface AuditLog {
  append(entry: NewAuditEntry): AuditEntry;
  query(query: AuditQuery): Promise<AuditEntry[]>;
  /** Resolves once everything appended so far is written. */
  flushed(): Promise<void>;
}

function matches(entry: AuditEntry, query: AuditQuery): boolean {
  return (
    (query.from === undefined || entry.at >= query.from) &&
    (query.to === undefined || entry.at < query.to) &&
    (query.after === undefined || entry.seq > query.after) &&
    (query.classId === undefined || entry.classId === query.classId) &&
    (query.requestId === undefined || entry.requestId === query.requestId)
  );
}

/** In memory, for a backend that does not persist: the newest `capacity` entries, with a count of those let go. */
export class MemoryAuditLog implements AuditLog {
  private readonly entries: AuditEntry[] = [];
  private seq = 0;
  dropped = 0;

  constructor(private readonly capacity = 100_000) {}

  append(entry: NewAuditEntry): AuditEntry {
    const stored = AuditEntry.parse({ ...entry, seq: ++this.seq, at: entry.at ?? Date.now() });
    this.entries.push(stored);
    if (this.entries.length > this.capacity) this.dropped += this.entries.splice(0, this.entries.length - this.capacity).length;
    return stored;
  }

  async query(query: AuditQuery): Promise<AuditEntry[]> {
    const out: AuditEntry[] = [];
    for (const entry of this.entries) {
      if (out.length >= query.limit) break;
      if (matches(entry, query)) out.push(entry);
    }
    return out;
  }

  async flushed(): Promise<void> {}
}

const DAY_MS = 86_400_000;
const FILE = /^audit-(\d{4}-\d{2}-\d{2})\.jsonl$/;

function dayOf(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/**
 * On disk: one JSON line per entry in `audit-YYYY-MM-DD.jsonl` (UTC days) under `dir`, appended and never rewritten.
 * Numbering continues from the newest file, so an export cursor stays valid across restarts. Lines that do not parse
 * (a torn last write) are skipped and counted.
 */
export class DiskAuditLog implements AuditLog {
  private seq = 0;
  private writing: Promise<void> = Promise.resolve();
  private pending: AuditEntry[] = [];
  unreadable = 0;

  private constructor(
    private readonly dir: string,
    private readonly onError: (error: unknown) => void,
  ) {}

  static async open(dir: string, onError: (error: unknown) => void = () => {}): Promise<DiskAuditLog> {
    await mkdir(dir, { recursive: true });
    const log = new DiskAuditLog(dir, onError);
    const days = await log.days();
    if (days.length > 0) await log.endWithNewline(days.at(-1)!);
    for (const day of days.reverse()) {
      let last = 0;
      await log.scan(day, (entry) => void (last = Math.max(last, entry.seq)));
      if (last > 0) {
        log.seq = last;
        break;
      }
    }
    return log;
  }

  append(entry: NewAuditEntry): AuditEntry {
    const stored = AuditEntry.parse({ ...entry, seq: ++this.seq, at: entry.at ?? Date.now() });
    this.pending.push(stored);
    if (this.pending.length === 1) this.writing = this.writing.then(() => this.writePending());
    return stored;
  }

  async query(query: AuditQuery): Promise<AuditEntry[]> {
    await this.flushed();
    const from = query.from ?? 0;
    const to = query.to ?? Number.MAX_SAFE_INTEGER;
    const out: AuditEntry[] = [];
    for (const day of await this.days()) {
      const start = Date.parse(`${day}T00:00:00Z`);
      if (start + DAY_MS <= from || start >= to) continue;
      await this.scan(day, (entry) => {
        if (out.length < query.limit && matches(entry, query)) out.push(entry);
      });
      if (out.length >= query.limit) break;
    }
    return out;
  }

  flushed(): Promise<void> {
    return this.writing;
  }

  private async writePending(): Promise<void> {
    const batch = this.pending.splice(0);
    const byDay = new Map<string, string[]>();
    for (const entry of batch) {
      const day = dayOf(entry.at);
      byDay.set(day, [...(byDay.get(day) ?? []), JSON.stringify(entry)]);
    }
    for (const [day, lines] of byDay) {
      await appendFile(join(this.dir, `audit-${day}.jsonl`), `${lines.join('\n')}\n`, 'utf8').catch(this.onError);
    }
  }

  /** A write torn by a crash leaves a partial last line; the next entry must not be glued onto it. */
  private async endWithNewline(day: string): Promise<void> {
    const path = join(this.dir, `audit-${day}.jsonl`);
    const file = await open(path, 'r');
    try {
      const { size } = await file.stat();
      if (size === 0) return;
      const last = Buffer.alloc(1);
      await file.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) await appendFile(path, '\n', 'utf8');
    } finally {
      await file.close();
    }
  }

  private async days(): Promise<string[]> {
    const names = await readdir(this.dir);
    return names.map((name) => FILE.exec(name)?.[1]).filter((day): day is string => day !== undefined).sort();
  }

  private async scan(day: string, visit: (entry: AuditEntry) => void): Promise<void> {
    const lines = createInterface({ input: createReadStream(join(this.dir, `audit-${day}.jsonl`), 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) {
      if (line.length === 0) continue;
      let parsed;
      try {
        parsed = AuditEntry.safeParse(JSON.parse(line));
      } catch {
        parsed = null;
      }
      if (parsed?.success) visit(parsed.data);
      else this.unreadable++;
    }
  }
}

const CSV_COLUMNS = ['seq', 'at', 'action', 'actor', 'actorKind', 'requestId', 'classId', 'detail', 'data'] as const;


export function toCsv(entries: readonly AuditEntry[], header = true): string {
  const rows = entries.map((e) =>
    [String(e.seq), new Date(e.at).toISOString(), e.action, e.actor.id, e.actor.kind, e.requestId ?? '', e.classId ?? '', e.detail, e.data ? JSON.stringify(e.data) : '']
      .map(csvField)
      .join(','),
  );
  return `${[...(header ? [CSV_COLUMNS.join(',')] : []), ...rows].join('\n')}\n`;
}

export function toJsonl(entries: readonly AuditEntry[]): string {
  return entries.map((e) => `${JSON.stringify(e)}\n`).join('');
}
