import { BoardEditor, BoardPage, ElementProps, type ElementKind, type ElementRecord } from '../../../shared/whiteboard';
import { History, type Action, type Change } from './history';

/** Where a change came from: this user's edit, or records merged from elsewhere (ops, snapshots). */
export type ChangeSource = 'local' | 'remote';

/** Some elements of one page changed; `ids` are exactly the ones whose stored record is different now. */
export interface DocumentChange {
  pageId: string;
  ids: string[];
  source: ChangeSource;
}

export type NewElementProps = Partial<ElementProps> & Pick<ElementProps, 'x' | 'y'>;

export interface BoardDocumentOptions {
  /** The local user: the author of every local edit. */
  userId: string;
  random: () => number;
  /** Ids for elements an undo brings back (a deleted id never lives again). */
  newId: () => string;
}

/**
 * The board's document: one BoardPage per course page, the local user's edits on them and the history of those edits
 * for undo and redo. It knows nothing of the network or of rights. Every change, local or merged in, is reported to
 * its listeners with the ids it touched: the replica sends the local ones, the view patches exactly those.
 */
export class BoardDocument {
  private readonly pages = new Map<string, BoardPage>();
  private readonly editors = new Map<string, BoardEditor>();
  /** Each page's revision (sum of record versions), kept up to date as records change. */
  private readonly revisions = new Map<string, number>();
  private readonly history = new History();
  private readonly listeners = new Set<(change: DocumentChange) => void>();

  constructor(private readonly options: BoardDocumentOptions) {}

  onChange(listener: (change: DocumentChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(pageId: string, id: string): ElementRecord | undefined {
    return this.pages.get(pageId)?.get(id);
  }

  /** Live elements of a page in paint order. */
  visible(pageId: string): ElementRecord[] {
    return this.page(pageId).visible();
  }

  /** The BoardSync revision: the sum of the page's record versions, equal on peers holding the same state. */
  revision(pageId: string): number {
    return this.revisions.get(pageId) ?? 0;
  }

  /** The canonical serialized page: equal bytes on converged peers. */
  serialize(pageId: string): string {
    return this.page(pageId).serialize();
  }

  get canUndo(): boolean {
    return this.history.canUndo;
  }

  get canRedo(): boolean {
    return this.history.canRedo;
  }

  /** Merges records from elsewhere (ops, snapshots) last-writer-wins; returns the ids whose record changed. */
  merge(pageId: string, records: readonly ElementRecord[]): string[] {
    const page = this.page(pageId);
    const previous = new Map<string, number>();
    for (const r of records) if (!previous.has(r.id)) previous.set(r.id, page.get(r.id)?.version ?? 0);
    const changed = page.apply(records);
    if (changed.length === 0) return changed;
    for (const id of changed) this.bumpRevision(pageId, page.get(id)!.version - previous.get(id)!);
    this.notify({ pageId, ids: changed, source: 'remote' });
    return changed;
  }

  // ---- local edits: each is one undoable action ----------------------------------------------------------------

  create(pageId: string, id: string, kind: ElementKind, props: NewElementProps): ElementRecord | null {
    const checked = ElementProps.safeParse(props);
    if (!checked.success || this.page(pageId).get(id)) return null;
    const after = this.editor(pageId).create(id, kind, checked.data);
    this.commit(pageId, [{ id, before: null, after }]);
    return after;
  }

  update(pageId: string, id: string, patch: Partial<ElementProps>): ElementRecord | null {
    const before = this.page(pageId).get(id);
    if (!before || before.deleted) return null;
    const checked = ElementProps.safeParse({ ...before.props, ...patch });
    if (!checked.success) return null;
    const after = this.editor(pageId).update(id, checked.data);
    if (!after) return null;
    this.commit(pageId, [{ id, before, after }]);
    return after;
  }

  remove(pageId: string, ids: readonly string[]): number {
    const page = this.page(pageId);
    const changes: Change[] = [];
    for (const id of ids) {
      const before = page.get(id);
      const after = before ? this.editor(pageId).remove(id) : null;
      if (before && after) changes.push({ id, before, after });
    }
    this.commit(pageId, changes);
    return changes.length;
  }

  reorder(pageId: string, id: string, where: 'front' | 'back'): ElementRecord | null {
    const page = this.page(pageId);
    const order = page.visible().filter((r) => r.id !== id);
    const before = page.get(id);
    if (!before || before.deleted || order.length === 0) return null;
    const after = where === 'front'
      ? this.editor(pageId).reorder(id, order[order.length - 1]!.id, null)
      : this.editor(pageId).reorder(id, null, order[0]!.id);
    if (after) this.commit(pageId, [{ id, before, after }]);
    return after;
  }

  /** Takes back the user's last action (on the page it was made on); false when there is none. */
  undo(): boolean {
    const action = this.history.takeUndo();
    if (action) this.history.pushRedo(this.revert(action));
    return action !== undefined;
  }

  redo(): boolean {
    const action = this.history.takeRedo();
    if (action) this.history.pushUndo(this.revert(action));
    return action !== undefined;
  }

  /**
   * Takes each element of an action back to its state before the action, as new versions. An element someone else
   * deleted since stays deleted; one this user deleted comes back under a new id.
   */
  private revert(action: Action): Action {
    const { pageId } = action;
    const page = this.page(pageId);
    const done: Change[] = [];
    for (const change of [...action.changes].reverse()) {
      const id = this.history.resolve(change.id);
      const current = page.get(id);
      if (change.before === null) {
        const after = current && !current.deleted ? this.editor(pageId).remove(id) : null;
        if (current && after) done.push({ id, before: current, after });
      } else if (!current || current.deleted) {
        if (!change.after.deleted) continue;
        const newId = this.options.newId();
        const after = this.stamp({ ...change.before, id: newId, version: 1, deleted: false });
        page.apply([after]);
        this.history.rename(id, newId);
        done.push({ id: newId, before: null, after });
      } else {
        const after = this.stamp({ ...current, props: change.before.props, z: change.before.z, version: current.version + 1 });
        page.apply([after]);
        done.push({ id, before: current, after });
      }
    }
    this.commit(pageId, done, false);
    return { pageId, changes: done.reverse() };
  }

  private stamp(record: ElementRecord): ElementRecord {
    return { ...record, by: this.options.userId, nonce: Math.floor(this.options.random() * 2 ** 31) };
  }

  /** Records an applied local action (unless it is an undo or redo) and reports it. */
  private commit(pageId: string, changes: Change[], remember = true): void {
    if (changes.length === 0) return;
    const page = this.page(pageId);
    if (remember) this.history.record({ pageId, changes });
    for (const c of changes) this.bumpRevision(pageId, page.get(c.id)!.version - (c.before?.version ?? 0));
    this.notify({ pageId, ids: changes.map((c) => c.id), source: 'local' });
  }

  private notify(change: DocumentChange): void {
    for (const listener of this.listeners) listener(change);
  }

  private bumpRevision(pageId: string, delta: number): void {
    this.revisions.set(pageId, this.revision(pageId) + delta);
  }

  private page(pageId: string): BoardPage {
    let page = this.pages.get(pageId);
    if (!page) {
      page = new BoardPage(pageId);
      this.pages.set(pageId, page);
    }
    return page;
  }

  private editor(pageId: string): BoardEditor {
    let editor = this.editors.get(pageId);
    if (!editor) {
      editor = new BoardEditor(this.page(pageId), this.options.userId, this.options.random);
      this.editors.set(pageId, editor);
    }
    return editor;
  }
}
