import type { HelpState } from '../../shared/protocol/supervision';
import { isEnded } from './metrics';

/**
 * The dispatcher's books in memory: every request it holds, with indexes kept in step: the open ones per class, the
 * request each outstanding command belongs to, and the ended ones in the order they ended (for clearing their
 * retained state and, later, forgetting them).
 */
export class HelpBook {
  private readonly states = new Map<string, HelpState>();
  private readonly openByClass = new Map<string, Set<string>>();
  private readonly commands = new Map<string, string>();
  private readonly retainedEnded = new Map<string, number>();
  private readonly rememberedEnded = new Map<string, number>();

  get(id: string): HelpState | undefined {
    return this.states.get(id);
  }

  has(id: string): boolean {
    return this.states.has(id);
  }

  all(): IterableIterator<HelpState> {
    return this.states.values();
  }

  openIn(classId: string): HelpState[] {
    return [...(this.openByClass.get(classId) ?? [])].map((id) => this.states.get(id)!);
  }

  open(): HelpState[] {
    return [...this.openByClass.values()].flatMap((ids) => [...ids].map((id) => this.states.get(id)!));
  }

  /** The open request a command was sent for, while the command is outstanding (pending or acknowledged). */
  ofCommand(commandId: string): HelpState | undefined {
    const id = this.commands.get(commandId);
    return id === undefined ? undefined : this.states.get(id);
  }

  /** When an ended request's retained state is (still) published, the time it ended. */
  retainedSince(id: string): number | undefined {
    return this.retainedEnded.get(id);
  }

  put(state: HelpState): void {
    const previous = this.states.get(state.id);
    this.states.set(state.id, state);
    if (previous) for (const r of previous.remedies) this.commands.delete(r.commandId);
    const open = this.openByClass.get(state.classId) ?? new Set<string>();
    if (isEnded(state)) {
      open.delete(state.id);
      const endedAt = state.resolvedAt ?? state.updatedAt;
      if (!this.rememberedEnded.has(state.id)) {
        this.rememberedEnded.set(state.id, endedAt);
        this.retainedEnded.set(state.id, endedAt);
      }
    } else {
      open.add(state.id);
      for (const r of state.remedies) if (r.outcome === 'pending' || r.outcome === 'acked') this.commands.set(r.commandId, state.id);
    }
    if (open.size > 0) this.openByClass.set(state.classId, open);
    else this.openByClass.delete(state.classId);
  }

  /**
   * Ended requests whose retained state is due to be cleared (ended before `before`), taken off that list. Memory
   * keeps them, without diagnostics, for the metrics and to recognise them if they arrive again.
   */
  takeRetainedBefore(before: number): string[] {
    const due: string[] = [];
    for (const [id, endedAt] of this.retainedEnded) {
      if (endedAt >= before) break;
      this.retainedEnded.delete(id);
      const state = this.states.get(id);
      if (state) this.states.set(id, { ...state, diagnostics: null });
      due.push(id);
    }
    return due;
  }

  /** Forgets ended requests that ended before `before`, and returns their ids. */
  forgetBefore(before: number): string[] {
    const due: string[] = [];
    for (const [id, endedAt] of this.rememberedEnded) {
      if (endedAt >= before) break;
      this.rememberedEnded.delete(id);
      this.retainedEnded.delete(id);
      this.states.delete(id);
      due.push(id);
    }
    return due;
  }

  clear(): void {
    this.states.clear();
    this.openByClass.clear();
    this.commands.clear();
    this.retainedEnded.clear();
    this.rememberedEnded.clear();
  }
}
