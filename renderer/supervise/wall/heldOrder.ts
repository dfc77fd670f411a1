import { HeldList } from '../hold/heldList';
import type { WallQuery, WallRow } from './wallRows';

const classOf = (row: WallRow) => row.classId;
const ended = (row: WallRow): WallRow => ({ ...row, state: 'ended' });

/**
 * The wall's order kept still while a supervisor points at it (`HeldList`): worst first moves the visible rows
 * several times a second at a peak, because the oldest warnings at the top are the ones that clear. A class that left
 * the wall keeps its last row, shown as ended. Classes that came since (or came into the filter) are added below,
 * where they move nothing: a wall that is still filling after sign-in goes on filling.
 */
export class HeldOrder extends HeldList<WallRow> {
  private readonly criticalAtStart: ReadonlySet<string>;

  constructor(
    rows: readonly WallRow[],
    /** The query the held order was sorted and filtered by: another query takes a new hold. */
    readonly query: WallQuery,
  ) {
    super(rows, classOf, ended);
    const critical = new Set<string>();
    for (const row of rows) if (row.severity === 'critical') critical.add(row.classId);
    this.criticalAtStart = critical;
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
