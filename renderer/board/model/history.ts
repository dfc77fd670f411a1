import type { ElementRecord } from '../../../shared/whiteboard';

/** One element's state before and after a local action; `before` is null when the action created it. */
export interface Change {
  id: string;
  before: ElementRecord | null;
  after: ElementRecord;
}

/** One local action: the changes it made, on the page it was made on (undo goes back to that page's elements). */
export interface Action {
  pageId: string;
  changes: Change[];
}

/**
 * The local user's own actions, for undo and redo. Undoing is itself an edit (new versions, never a rollback), so
 * every peer sees it as an ordinary op. A deleted element can never come back (tombstones stick), so undoing a
 * deletion re-creates the element under a new id; `rename` records that so older entries still find it.
 */
export class History {
  private readonly undoStack: Action[] = [];
  private readonly redoStack: Action[] = [];
  private readonly renamed = new Map<string, string>();

  constructor(private readonly limit = 100) {}

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  record(action: Action): void {
    if (action.changes.length === 0) return;
    push(this.undoStack, action, this.limit);
    this.redoStack.length = 0;
  }

  takeUndo(): Action | undefined {
    return this.undoStack.pop();
  }

  takeRedo(): Action | undefined {
    return this.redoStack.pop();
  }

  /** The result of undoing an action goes on the redo stack, and the other way round. */
  pushRedo(action: Action): void {
    if (action.changes.length > 0) push(this.redoStack, action, this.limit);
  }

  pushUndo(action: Action): void {
    if (action.changes.length > 0) push(this.undoStack, action, this.limit);
  }

  rename(from: string, to: string): void {
    this.renamed.set(from, to);
  }

  /** The id an element has now, following re-creations. */
  resolve(id: string): string {
    let current = id;
    for (let hops = 0; hops < 1_000; hops++) {
      const next = this.renamed.get(current);
      if (next === undefined) return current;
      current = next;
    }
    return current;
  }

  clear(): void {
    this.undoStack.length = 0;
    this.redoStack.length = 0;
  }
}

function push(stack: Action[], action: Action, limit: number): void {
  stack.push(action);
  if (stack.length > limit) stack.shift();
}
