import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { isId } from '../../shared/protocol/ids';
import { NamedAnswer, PollState } from '../../shared/protocol/polls';
import type { PollRecord } from './poll-book';

const StoredClass = z.object({
  v: z.literal(1),
  classId: z.string(),
  polls: z.array(z.object({ poll: PollState, key: z.record(z.string(), z.array(z.string())), answers: z.array(NamedAnswer) })),
});

/** Where the poll service keeps every class's polls with their answers, so they outlive the class and the service. */
export interface PollStore {
  load(): Promise<Map<string, PollRecord[]>>;
  put(classId: string, polls: readonly PollRecord[]): void;
  /** Resolves once every put so far is durable. */
  flushed(): Promise<void>;
}

/** Outlives the service within one backend process (a restarted service gets the same store). */
export class MemoryPollStore implements PollStore {
  private readonly classes = new Map<string, string>();

  async load(): Promise<Map<string, PollRecord[]>> {
    return new Map([...this.classes].map(([classId, text]) => [classId, StoredClass.parse(JSON.parse(text)).polls]));
  }

  put(classId: string, polls: readonly PollRecord[]): void {
    this.classes.set(classId, JSON.stringify({ v: 1, classId, polls }));
  }

  async flushed(): Promise<void> {}
}

/**
 * One JSON file per class under `dir`, replaced atomically (write, then rename), so a crash leaves the old or the
 * new polls and never half of them. Writes of one class are serialised; a file that does not parse is reported and
 * skipped (and left on disk).
 */
export class DiskPollStore implements PollStore {
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly dir: string,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  async load(): Promise<Map<string, PollRecord[]>> {
    await mkdir(this.dir, { recursive: true });
    const classes = new Map<string, PollRecord[]>();
    for (const name of await readdir(this.dir)) {
      if (!name.endsWith('.json')) continue;
      try {
        const parsed = StoredClass.safeParse(JSON.parse(await readFile(join(this.dir, name), 'utf8')));
        if (parsed.success) classes.set(parsed.data.classId, parsed.data.polls);
        else this.onError(new Error(`poll store: ${name} is not a class's polls; skipped`));
      } catch (error) {
        this.onError(error);
      }
    }
    return classes;
  }

  put(classId: string, polls: readonly PollRecord[]): void {
    if (!isId(classId)) throw new Error(`poll store: ${JSON.stringify(classId)} is not an id`);
    const text = JSON.stringify({ v: 1, classId, polls });
    const path = join(this.dir, `${classId}.json`);
    this.chain = this.chain
      .then(async () => {
        await mkdir(this.dir, { recursive: true });
        await writeFile(`${path}.tmp`, text, 'utf8');
        await rename(`${path}.tmp`, path);
      })
      .catch((error: unknown) => this.onError(error));
  }

  flushed(): Promise<void> {
    return this.chain;
  }
}
