import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { isId } from '../../shared/protocol/ids';
import { ClassReport, ReportHelp } from '../../shared/protocol/reports';
import { TagIdSchema } from '../../shared/tags/catalogue';
import type { ClassRecord } from './report-book';

const time = z.number().int().nonnegative();
const count = z.number().int().nonnegative();

/** A stored record, checked when it is read back: a file that does not match is skipped, never half used. */
const StoredRecord = z.object({
  v: z.literal(1),
  classId: z.string().refine(isId),
  title: z.string(),
  teacher: z.object({ id: z.string(), name: z.string() }).nullable(),
  state: ClassReport.shape.state,
  startedAt: time,
  endedAt: time.nullable(),
  updatedAt: time,
  people: z.record(
    z.string(),
    z.object({
      userId: z.string(), name: z.string(), role: z.enum(['teacher', 'student', 'supervisor']), online: z.boolean(), firstSeen: time,
      openSince: time.nullable(), presentMs: z.number().nonnegative(), lastLeft: time.nullable(), joins: count, hands: count,
      handUp: z.boolean(), chat: count, boardOps: count,
    }),
  ),
  chatIds: z.array(z.string()),
  boardSeqs: z.record(z.string(), count),
  polls: z.record(
    z.string(),
    z.object({
      pollId: z.string(), title: z.string(), kind: z.enum(['poll', 'quiz']), anonymous: z.boolean(), state: z.enum(['open', 'closed']),
      launchedAt: time, closedAt: time.nullable(), questions: z.array(z.object({ questionId: z.string(), prompt: z.string() })),
      respondents: count, perQuestion: z.record(z.string(), z.object({ respondents: count, correct: count.optional() })),
      named: z.array(z.object({ userId: z.string(), score: count.optional() })),
    }),
  ),
  problems: z.array(z.object({ tag: TagIdSchema, userId: z.string().optional(), from: time, to: time.nullable() })),
  help: z.record(z.string(), ReportHelp),
});

/** Where the reports service keeps each class's record, so a report outlives the class and the service. */
export interface ReportStore {
  /** Where, for a person to read ("in memory", "in <dir>"). */
  readonly where: string;
  load(): Promise<ClassRecord[]>;
  put(record: ClassRecord): void;
  /** Removes a class's record (its retention ran out). */
  delete(classId: string): void;
  /** Resolves once every put and delete so far is done. */
  flushed(): Promise<void>;
}

/** Outlives the service within one backend process (a restarted service gets the same store). */
export class MemoryReportStore implements ReportStore {
  readonly where = 'in memory';
  private readonly records = new Map<string, string>();

  async load(): Promise<ClassRecord[]> {
    return [...this.records.values()].map((text) => StoredRecord.parse(JSON.parse(text)) as ClassRecord);
  }

  put(record: ClassRecord): void {
    this.records.set(record.classId, JSON.stringify(record));
  }

  delete(classId: string): void {
    this.records.delete(classId);
  }

  async flushed(): Promise<void> {}

  /** The class ids held (tests). */
  classIds(): string[] {
    return [...this.records.keys()];
  }
}

/**
 * One JSON file per class under `dir` (`<classId>.json`), replaced atomically (write, then rename), so a crash leaves
 * the old or the new record and never half of one. Writes and deletions run in order; a file that does not parse is
 * reported and skipped (and left on disk).
 */
export class DiskReportStore implements ReportStore {
  private chain: Promise<void> = Promise.resolve();

  constructor(
    readonly dir: string,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  get where(): string {
    return `in ${this.dir}`;
  }

  pathOf(classId: string): string {
    if (!isId(classId)) throw new Error(`report store: ${JSON.stringify(classId)} is not an id`);
    return join(this.dir, `${classId}.json`);
  }

  async load(): Promise<ClassRecord[]> {
    await mkdir(this.dir, { recursive: true });
    const records: ClassRecord[] = [];
    for (const name of await readdir(this.dir)) {
      if (!name.endsWith('.json')) continue;
      try {
        const parsed = StoredRecord.safeParse(JSON.parse(await readFile(join(this.dir, name), 'utf8')));
        if (parsed.success) records.push(parsed.data as ClassRecord);
        else this.onError(new Error(`report store: ${name} is not a class report; skipped`));
      } catch (error) {
        this.onError(error);
      }
    }
    return records;
  }

  put(record: ClassRecord): void {
    const path = this.pathOf(record.classId);
    const text = JSON.stringify(record);
    this.run(async () => {
      await mkdir(this.dir, { recursive: true });
      await writeFile(`${path}.tmp`, text, 'utf8');
      await rename(`${path}.tmp`, path);
    });
  }

  delete(classId: string): void {
    const path = this.pathOf(classId);
    this.run(() => rm(path, { force: true }));
  }

  flushed(): Promise<void> {
    return this.chain;
  }

  private run(step: () => Promise<void>): void {
    this.chain = this.chain.then(step).catch((error: unknown) => this.onError(error));
  }
}
