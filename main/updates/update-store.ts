import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { writeAtomically } from '../settings-store';
import type { FailureRecord } from './policy';

/**
 * What the updater remembers across restarts (`<userData>/updates.json`): past failures per version (so a failing
 * install is never retried in a loop, even across launches), the install that was started (so the next launch can
 * tell whether it happened), the last class start time the console reported (so an install at launch respects a
 * class that starts soon), and the day the person chose "at the end of the day".
 */
const Failure = z.object({
  version: z.string().max(64),
  attempts: z.number().int().nonnegative(),
  lastAt: z.number().int().nonnegative(),
  reason: z.string().max(500),
});

export const UpdateMemory = z.object({
  failures: z.array(Failure).max(20).default([]),
  /** Set just before an install starts; cleared by the next launch once it has seen the outcome. */
  pendingInstall: z.object({ version: z.string().max(64), from: z.string().max(64), at: z.number().int().nonnegative() }).nullable().default(null),
  lastStartsAt: z.number().int().nonnegative().nullable().default(null),
  deferredOn: z.string().max(10).nullable().default(null),
});
export type UpdateMemory = z.infer<typeof UpdateMemory>;

export const EMPTY_MEMORY: UpdateMemory = { failures: [], pendingInstall: null, lastStartsAt: null, deferredOn: null };

/** What a launch learns from the install the previous run started. */
export type InstallOutcome = null | { installed: string } | { failed: string; reason: string };

/**
 * Settles the install the previous run started: running `currentVersion` means it worked (its failures are
 * forgotten); anything else means it did not, which counts as a failure of that version.
 */
export function settlePendingInstall(memory: UpdateMemory, currentVersion: string, now: number): { memory: UpdateMemory; outcome: InstallOutcome } {
  const pending = memory.pendingInstall;
  if (pending === null) return { memory, outcome: null };
  if (pending.version === currentVersion) {
    return {
      memory: { ...memory, pendingInstall: null, failures: memory.failures.filter((f) => f.version !== currentVersion) },
      outcome: { installed: currentVersion },
    };
  }
  const reason = `the installer ran but the app is still ${currentVersion}`;
  return { memory: recordFailure({ ...memory, pendingInstall: null }, pending.version, reason, now), outcome: { failed: pending.version, reason } };
}

/** One more failed attempt at `version`. Only the newest 20 versions are remembered. */
export function recordFailure(memory: UpdateMemory, version: string, reason: string, now: number): UpdateMemory {
  const previous = memory.failures.find((f) => f.version === version);
  const record: FailureRecord = { version, attempts: (previous?.attempts ?? 0) + 1, lastAt: now, reason: reason.slice(0, 500) };
  return { ...memory, failures: [...memory.failures.filter((f) => f.version !== version), record].slice(-20) };
}

/**
 * A failure time in the future means the clock was moved back since; the wait then starts again from now rather
 * than lasting until the clock catches up (which could be hours, or forever).
 */
export function clampClock(memory: UpdateMemory, now: number): UpdateMemory {
  if (!memory.failures.some((f) => f.lastAt > now)) return memory;
  return { ...memory, failures: memory.failures.map((f) => (f.lastAt > now ? { ...f, lastAt: now } : f)) };
}

export class UpdateStore {
  private writes: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private memory: UpdateMemory,
  ) {}

  /** A missing or unreadable file starts empty (the report says so); nothing in it is needed to run. */
  static async open(file: string, report: (problem: string) => void = () => {}): Promise<UpdateStore> {
    await mkdir(dirname(file), { recursive: true });
    let memory = EMPTY_MEMORY;
    try {
      const parsed = UpdateMemory.safeParse(JSON.parse(await readFile(file, 'utf8')));
      if (parsed.success) memory = parsed.data;
      else report(`update state ${file} did not fit its schema; starting empty`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') report(`update state ${file} was unreadable (${(error as Error).message}); starting empty`);
    }
    return new UpdateStore(file, memory);
  }

  get(): UpdateMemory {
    return this.memory;
  }

  /** Replaces the memory and writes it; writes are serialised and atomic. */
  set(next: UpdateMemory): Promise<void> {
    this.memory = next;
    const text = `${JSON.stringify(next, null, 2)}\n`;
    const write = this.writes.then(() => writeAtomically(this.file, text));
    this.writes = write.catch(() => {});
    return write;
  }

  /** Resolves when every write so far is on disk (the quit sequence waits for it). */
  flush(): Promise<void> {
    return this.writes;
  }
}
