import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isId } from '../../shared/protocol/ids';
import { HelpState } from '../../shared/protocol/supervision';

/**
 * Where the dispatcher keeps every request it has taken on, so a restarted dispatcher resumes exactly where the last
 * one stopped: open requests continue (a pending remedy keeps its windows), and a request seen before is recognised
 * when it arrives again.
 */
export interface HelpStore {
  load(): Promise<HelpState[]>;
  put(state: HelpState): void;
  delete(id: string): void;
  /** Resolves once every put and delete so far is durable. */
  flushed(): Promise<void>;
}

/** Outlives the dispatcher within one backend process (a restarted dispatcher gets the same store). */
export class MemoryHelpStore implements HelpStore {
  private readonly states = new Map<string, HelpState>();

  async load(): Promise<HelpState[]> {
    return [...this.states.values()];
  }

  put(state: HelpState): void {
    this.states.set(state.id, state);
  }

  delete(id: string): void {
    this.states.delete(id);
  }

  async flushed(): Promise<void> {}
}

/**
 * One JSON file per request under `dir`, replaced atomically (write, then rename), so a crash leaves either the old
 * or the new state and never half of one. Writes to the same request are serialised; files that do not parse are
 * skipped and reported.
 */
export class DiskHelpStore implements HelpStore {
  private readonly chains = new Map<string, Promise<void>>();

  constructor(
    private readonly dir: string,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  async load(): Promise<HelpState[]> {
    await mkdir(this.dir, { recursive: true });
    const states: HelpState[] = [];
    for (const name of await readdir(this.dir)) {
      if (!name.endsWith('.json')) continue;
      try {
        const parsed = HelpState.safeParse(JSON.parse(await readFile(join(this.dir, name), 'utf8')));
        if (parsed.success) states.push(parsed.data);
        else this.onError(new Error(`help store: ${name} is not a help state; skipped`));
      } catch (error) {
        this.onError(error);
      }
    }
    return states;
  }

  put(state: HelpState): void {
    const text = JSON.stringify(state);
    this.then(state.id, async () => {
      const path = this.path(state.id);
      await writeFile(`${path}.tmp`, text, 'utf8');
      await rename(`${path}.tmp`, path);
    });
  }

  delete(id: string): void {
    this.then(id, () => rm(this.path(id), { force: true }));
  }

  async flushed(): Promise<void> {
    await Promise.all(this.chains.values());
  }

  private path(id: string): string {
    if (!isId(id)) throw new Error(`help store: ${JSON.stringify(id)} is not an id`);
    return join(this.dir, `${id}.json`);
  }

  private then(id: string, work: () => Promise<unknown>): void {
    const previous = this.chains.get(id) ?? mkdir(this.dir, { recursive: true }).then(() => {});
    const next = previous.then(work).then(
      () => {},
      (error: unknown) => this.onError(error),
    );
    this.chains.set(id, next);
    void next.then(() => {
      if (this.chains.get(id) === next) this.chains.delete(id);
    });
  }
}
