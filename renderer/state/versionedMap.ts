/** How many versions back a map can still say which keys changed; older readers compare everything. */
const LOGGED_VERSIONS = 256;

/** The keys each version changed, shared by every version of one map. */
interface ChangeLog<K> {
  entries: { version: number; keys: readonly K[] }[];
}

/**
 * A map for a store that tens of thousands of entries live in and a few change at a time (a supervisor's 35,000
 * classes' health): each version is a new object, as a store update needs, but making one does not copy the entries,
 * and a reader holding an older version asks which keys changed since it instead of comparing every entry.
 *
 * Every version reads the newest entries: hold on to a version for its identity (is it the one I saw?), not for
 * its contents. Only the newest version can be edited.
 */
export class VersionedMap<K, V> implements ReadonlyMap<K, V> {
  private constructor(
    private readonly data: Map<K, V>,
    private readonly log: ChangeLog<K>,
    readonly version: number,
    private readonly latest: { version: number },
  ) {}

  static empty<K, V>(): VersionedMap<K, V> {
    return new VersionedMap(new Map(), { entries: [] }, 0, { version: 0 });
  }

  get size(): number {
    return this.data.size;
  }

  get(key: K): V | undefined {
    return this.data.get(key);
  }

  has(key: K): boolean {
    return this.data.has(key);
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    this.data.forEach((value, key) => callback.call(thisArg, value, key, this));
  }

  keys(): MapIterator<K> {
    return this.data.keys();
  }

  values(): MapIterator<V> {
    return this.data.values();
  }

  entries(): MapIterator<[K, V]> {
    return this.data.entries();
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.data[Symbol.iterator]();
  }

  /** Changes for the next version: set and delete apply at once; `commit` makes the version to store. */
  edit(): VersionedMapEdit<K, V> {
    if (this.version !== this.latest.version) throw new Error('only the newest version of a map can be edited');
    const changed = new Set<K>();
    const entries = this.data;
    return {
      get: (key) => entries.get(key),
      set: (key, value) => {
        entries.set(key, value);
        changed.add(key);
      },
      delete: (key) => {
        if (entries.delete(key)) changed.add(key);
      },
      get size() {
        return entries.size;
      },
      keys: () => entries.keys(),
      commit: () => {
        const version = ++this.latest.version;
        this.log.entries.push({ version, keys: [...changed] });
        if (this.log.entries.length > LOGGED_VERSIONS) this.log.entries.splice(0, this.log.entries.length - LOGGED_VERSIONS);
        return new VersionedMap(entries, this.log, version, this.latest);
      },
    };
  }

  /**
   * The keys set or deleted since `older`, a version of this same map; null when that cannot be told (another map,
   * or a version older than the log reaches), so the reader compares everything.
   */
  changedSince(older: ReadonlyMap<K, V>): ReadonlySet<K> | null {
    if (older === this) return new Set();
    if (!(older instanceof VersionedMap) || older.log !== this.log || older.version > this.version) return null;
    const first = this.log.entries[0];
    if (!first || first.version > older.version + 1) return null;
    const keys = new Set<K>();
    for (const entry of this.log.entries) {
      if (entry.version <= older.version) continue;
      if (entry.version > this.version) break;
      for (const key of entry.keys) keys.add(key);
    }
    return keys;
  }
}

export interface VersionedMapEdit<K, V> {
  readonly size: number;
  /** In insertion order, oldest first. */
  keys(): MapIterator<K>;
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  delete(key: K): void;
  commit(): VersionedMap<K, V>;
}
