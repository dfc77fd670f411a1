import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writePrivateFile } from '../auth/private-file';
import { emptyState, ReleasesState } from './model';

export const STATE_FILE = 'state.json';

/** A state file that is there but cannot be read as one: the service does not start, so nothing in it is lost. */
export class ReleaseStateError extends Error {
  constructor(file: string, reason: string) {
    super(`The release state file ${file} cannot be used: ${reason}. Restore it from a backup, or move it away to start with no releases.`);
  }
}

/** `<dir>/state.json`: the whole release state, replaced atomically after every change. */
export class StateFile {
  readonly path: string;

  constructor(dir: string) {
    this.path = join(dir, STATE_FILE);
  }

  async load(): Promise<ReleasesState> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
      throw new ReleaseStateError(this.path, `it cannot be read (${(error as Error).message})`);
    }
    let content: unknown;
    try {
      content = JSON.parse(text);
    } catch (error) {
      throw new ReleaseStateError(this.path, `it is not JSON (${(error as Error).message})`);
    }
    const parsed = ReleasesState.safeParse(content);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ReleaseStateError(this.path, issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'invalid');
    }
    return parsed.data;
  }

  save(state: ReleasesState): Promise<void> {
    return writePrivateFile(this.path, `${JSON.stringify(state, null, 1)}\n`);
  }
}
