/**
 * A list's order kept still while a supervisor points at it. The lists of a supervisor console re-sort as their items
 * change (at a peak, several times a second), so a click meant for one item would land on another. While held, every
 * item keeps its place and shows its latest state; an item that left keeps the last state it was drawn in, which
 * `asGone` marks.
 * Items that came since are the caller's to place: `arrivals` names them.
 */
export class HeldList<T> {
  private readonly keys: ReadonlySet<string>;
  private readonly seen = new Map<string, T>();
  private readonly gone = new Map<string, T>();

  constructor(
    private readonly items: readonly T[],
    private readonly keyOf: (item: T) => string,
    private readonly asGone: (item: T) => T = (item) => item,
  ) {
    this.keys = new Set(items.map(keyOf));
  }

  get length(): number {
    return this.items.length;
  }

  /** The item shown at `index`: its latest state (`latest`), or the last one drawn, marked gone, if it has none. */
  itemAt(index: number, latest: (key: string) => T | undefined): T | undefined {
    const held = this.items[index];
    if (held === undefined) return undefined;
    const key = this.keyOf(held);
    const now = latest(key);
    if (now !== undefined) {
      if (now !== held) this.seen.set(key, now);
      if (this.gone.size > 0) this.gone.delete(key);
      return now;
    }
    let gone = this.gone.get(key);
    if (gone === undefined) {
      gone = this.asGone(this.seen.get(key) ?? held);
      this.gone.set(key, gone);
    }
    return gone;
  }

  /** The items of the current list (`live`) that the held order does not have, in the current list's order. */
  arrivals(live: readonly T[]): T[] {
    return live.length === 0 ? [] : live.filter((item) => !this.keys.has(this.keyOf(item)));
  }
}

/** Looks items up by key, building the index only when first asked (only a held list asks). */
export function lookupBy<T>(items: readonly T[], keyOf: (item: T) => string): (key: string) => T | undefined {
  let index: Map<string, T> | undefined;
  return (key) => {
    index ??= new Map(items.map((item) => [keyOf(item), item]));
    return index.get(key);
  };
}
