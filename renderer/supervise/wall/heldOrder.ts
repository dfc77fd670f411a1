import type { WallQuery, WallRow } from './wallRows';

/**
 * The wall's order kept still while a supervisor points at it. At a peak, worst-first order moves the visible rows
 * several times a second (the oldest warnings at the top are the ones that clear), so a click meant for one class
 * would land on another. While held, every class keeps its place and shows its latest row; a class that left the wall
 * keeps its last row, shown as ended. Classes that came since (or came into the filter) are added below, where they
 * move nothing: a wall that is still filling after sign-in goes on filling.
 */
export class HeldOrder {
  private readonly criticalAtStart: ReadonlySet<string>;
  private readonly ids: ReadonlySet<string>;
  private readonly left = new Map<string, WallRow>();

  constructor(
    private readonly rows: readonly WallRow[],
    /** The query the held order was sorted and filtered by: another query takes a new hold. */
    readonly query: WallQuery,
  ) {
    const critical = new Set<string>();
    for (const row of rows) if (row.severity === 'critical') critical.add(row.classId);
    this.criticalAtStart = critical;
    this.ids = new Set(rows.map((row) => row.classId));
  }

  get length(): number {
    return this.rows.length;
  }

  /** The row shown at `index`: the class's latest row (`latest`), or its last one marked ended if it has none. */
  rowAt(index: number, latest: (classId: string) => WallRow | undefined): WallRow | undefined {
    const held = this.rows[index];
    if (!held) return undefined;
    const row = latest(held.classId);
    if (row) return row;
    let ended = this.left.get(held.classId);
    if (!ended) {
      ended = { ...held, state: 'ended' };
      this.left.set(held.classId, ended);
    }
    return ended;
  }

  /** The classes of the current wall (`live`) that the held order does not have, in the current wall's order. */
  arrivals(live: readonly WallRow[]): WallRow[] {
    return live.length === 0 ? [] : live.filter((row) => !this.ids.has(row.classId));
  }

  /**
   * Classes of the current wall (`live`, in its own order) that are critical now and were not when the hold began:
   * the ones the held order keeps from the top. Under worst-first order the count stops at the first non-critical row.
   */
  becameCritical(live: readonly WallRow[]): number {
    const worstFirst = this.query.sort === 'severity' && !this.query.reverse;
    let count = 0;
    for (const row of live) {
      if (row.severity === 'critical') {
        if (!this.criticalAtStart.has(row.classId)) count++;
      } else if (worstFirst) break;
    }
    return count;
  }
}
