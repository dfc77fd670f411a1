import { useMemo, useState } from 'react';
import { HeldList } from './heldList';
import { usePointerHold, type PointerHold } from './usePointerHold';

export interface HeldListOptions<T> {
  keyOf: (item: T) => string;
  /** An item's latest state by key, or undefined once it has left: memoised with the list, or the hold redraws all. */
  latest: (key: string) => T | undefined;
  /** What counts as urgent among items that came during a hold, to say so. */
  isUrgent: (item: T) => boolean;
  /** The items drawn at most. */
  cap: number;
  /** Something the supervisor chose (a filter): when it changes, the list sorts at once and a new hold begins. */
  basis?: unknown;
}

export interface HeldListView<T> {
  /** What to draw: the live order, or while held the held items as they are now, then those that came since. */
  shown: readonly T[];
  held: boolean;
  /** Items that came since the hold began, drawn after the held ones; and how many of them are urgent. */
  arrived: number;
  arrivedUrgent: number;
  /** Sorts the list now, on the supervisor's say-so, and holds the new order while they still point at it. */
  sortNow: () => void;
  handlers: PointerHold['handlers'];
}

interface Hold<T> {
  list: HeldList<T>;
  basis: unknown;
}

/** A side panel's list whose order holds still while the supervisor points at it or moves through it by keyboard. */
export function useHeldList<T>(live: readonly T[], options: HeldListOptions<T>): HeldListView<T> {
  const { keyOf, latest, isUrgent, cap, basis } = options;
  const pointer = usePointerHold();
  const [hold, setHold] = useState<Hold<T> | null>(null);
  const take = () => ({ list: new HeldList(live, keyOf), basis });
  // A new hold starts from the order on screen: the first held frame already shows it.
  if (pointer.active ? !hold || hold.basis !== basis : hold) setHold(pointer.active ? take() : null);

  const arrivals = useMemo(() => (hold ? hold.list.arrivals(live) : []), [hold, live]);
  const shown = useMemo(() => {
    if (!hold) return live.slice(0, cap);
    const items: T[] = [];
    for (let index = 0; index < Math.min(hold.list.length, cap); index++) items.push(hold.list.itemAt(index, latest)!);
    return items.concat(arrivals.slice(0, cap));
  }, [hold, live, latest, arrivals, cap]);
  const arrivedUrgent = useMemo(() => arrivals.filter(isUrgent).length, [arrivals, isUrgent]);

  return {
    shown,
    held: hold !== null,
    arrived: arrivals.length,
    arrivedUrgent,
    sortNow: () => setHold(take()),
    handlers: pointer.handlers,
  };
}
