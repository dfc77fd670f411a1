import { generateKeyBetween } from 'fractional-indexing';
import { canonical, mergeRecords, sameRecord, type ElementKind, type ElementProps, type ElementRecord } from './element';

export type Random = () => number;

/**
 * One whiteboard page: a set of element records. `apply` merges records from anywhere (a local edit, a remote op,
 * a snapshot) and reports which ids changed, so a view can patch exactly those and nothing else.
 */
export class BoardPage {
  private readonly records = new Map<string, ElementRecord>();

  constructor(readonly pageId: string) {}

  get size(): number {
    return this.records.size;
  }

  get(id: string): ElementRecord | undefined {
    return this.records.get(id);
  }

  /** Merges records in; returns the ids whose stored record changed. */
  apply(incoming: Iterable<ElementRecord>): string[] {
    const changed: string[] = [];
    for (const record of incoming) {
      const current = this.records.get(record.id);
      const next = current ? mergeRecords(current, record) : canonical(record);
      if (!current || !sameRecord(current, next)) {
        this.records.set(record.id, next);
        changed.push(record.id);
      }
    }
    return changed;
  }

  /** Live elements in paint order. */
  visible(): ElementRecord[] {
    return [...this.records.values()].filter((r) => !r.deleted).sort(paintOrder);
  }

  /** Every record including tombstones, sorted by id: what a snapshot carries. */
  all(): ElementRecord[] {
    return [...this.records.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Canonical serialisation: peers that converged produce byte-identical strings. */
  serialize(): string {
    return JSON.stringify({ pageId: this.pageId, elements: this.all() });
  }

  /** The z key that puts a new element on top. */
  topZ(): string {
    let top: string | null = null;
    for (const r of this.records.values()) if (top === null || r.z > top) top = r.z;
    return generateKeyBetween(top, null);
  }
}

function paintOrder(a: ElementRecord, b: ElementRecord): number {
  if (a.z !== b.z) return a.z < b.z ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Builds the records a user's edits produce. Every edit is a new version of the whole element. */
export class BoardEditor {
  constructor(
    private readonly page: BoardPage,
    private readonly userId: string,
    private readonly random: Random = Math.random,
  ) {}

  create(id: string, kind: ElementKind, props: ElementProps): ElementRecord {
    return this.commit({ id, kind, props, version: 1, nonce: this.nonce(), by: this.userId, z: this.page.topZ(), deleted: false });
  }

  update(id: string, patch: Partial<ElementProps>): ElementRecord | null {
    const current = this.page.get(id);
    if (!current || current.deleted) return null;
    return this.commit({ ...current, props: { ...current.props, ...patch }, version: current.version + 1, nonce: this.nonce(), by: this.userId });
  }

  /** Moves an element between two others in paint order (either may be null for bottom or top). */
  reorder(id: string, below: string | null, above: string | null): ElementRecord | null {
    const current = this.page.get(id);
    if (!current || current.deleted) return null;
    const lo = below ? this.page.get(below)?.z ?? null : null;
    const hi = above ? this.page.get(above)?.z ?? null : null;
    if (lo !== null && hi !== null && lo >= hi) return null;
    const z = generateKeyBetween(lo, hi);
    return this.commit({ ...current, z, version: current.version + 1, nonce: this.nonce(), by: this.userId });
  }

  remove(id: string): ElementRecord | null {
    const current = this.page.get(id);
    if (!current || current.deleted) return null;
    return this.commit({ ...current, deleted: true, version: current.version + 1, nonce: this.nonce(), by: this.userId });
  }

  private commit(record: ElementRecord): ElementRecord {
    const stored = canonical(record);
    this.page.apply([stored]);
    return stored;
  }

  private nonce(): number {
    return Math.floor(this.random() * 2 ** 31);
  }
}

/** The BoardSync revision: the sum of the page's record versions, equal on peers holding the same state. */
export function revisionOf(page: BoardPage): number {
  let sum = 0;
  for (const r of page.all()) sum += r.version;
  return sum;
}
