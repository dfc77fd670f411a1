import type { AuditAction, AuditLog } from '../dispatcher/audit-log';
import { ReleaseError } from './errors';
import type { ReleaseRecord, ReleasesState } from './model';
import { SerialQueue } from './serial';
import type { StateFile } from './state-file';

/** Who changed something: an admin by user id, or the health gate. */
export interface Actor {
  id: string;
  kind: 'admin' | 'release-gate';
}

/** What a change records in the audit log; a change that returns null changed nothing and records nothing. */
export interface AuditNote {
  action: AuditAction;
  detail: string;
  data?: Record<string, unknown>;
}

export type Mutation = (draft: ReleasesState) => AuditNote | null;

export interface ChangeResult {
  changed: boolean;
  state: ReleasesState;
}

/**
 * The release state and the one way to change it: each change runs alone (SerialQueue), on a copy; the copy is
 * saved before it replaces the state, and only then is the change audited and announced. A mutation that throws (a
 * refusal) or a save that fails leaves the state as it was.
 */
export class ReleaseBook {
  private readonly queue = new SerialQueue();
  private readonly listeners: (() => void)[] = [];

  constructor(
    private current: ReleasesState,
    private readonly file: StateFile,
    private readonly audit: AuditLog,
  ) {}

  get state(): ReleasesState {
    return this.current;
  }

  /** Called after every change, once it is saved. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** `beforeSave` runs once the mutation has been accepted, before the new state is saved (moving a file into place). */
  change(actor: Actor, mutation: Mutation, beforeSave?: () => Promise<void>): Promise<ChangeResult> {
    return this.queue.run(async () => {
      const draft = structuredClone(this.current);
      const note = mutation(draft);
      if (!note) return { changed: false, state: this.current };
      await beforeSave?.();
      await this.file.save(draft);
      this.current = draft;
      this.audit.append({ action: note.action, actor: { id: actor.id, kind: actor.kind }, detail: note.detail.slice(0, 1000), data: note.data });
      for (const listener of this.listeners) listener();
      return { changed: true, state: draft };
    });
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }
}

export function findRelease(state: ReleasesState, version: string): ReleaseRecord {
  const release = state.releases.find((r) => r.version === version);
  if (!release) throw new ReleaseError(404, 'not-found', `there is no release ${version}`);
  return release;
}
