import { useEffect, useState, type FocusEvent } from 'react';
import { StillTimer } from './stillTimer';

/** A pointer resting on a list this long after it last moved lets the order go on, so a forgotten one does not freeze it. */
export const HOLD_STILL_MS = 10_000;

export interface PointerHold {
  /** Whether the list's order is to be held: the pointer is moving over it, or the keyboard is among its items. */
  active: boolean;
  /** For the element holding the items. */
  handlers: {
    onPointerMove: () => void;
    onPointerDown: () => void;
    onWheel: () => void;
    onPointerLeave: () => void;
    onFocus: (event: FocusEvent<HTMLElement>) => void;
    onBlur: (event: FocusEvent<HTMLElement>) => void;
  };
}

/** Tells when a supervisor is working in a list, so its order holds still under the pointer or the focus. */
export function usePointerHold(): PointerHold {
  const [pointing, setPointing] = useState(false);
  const [keyboard, setKeyboard] = useState(false);
  const [still] = useState(() => new StillTimer(HOLD_STILL_MS, () => setPointing(false)));
  useEffect(() => () => still.cancel(), [still]);
  const active = () => {
    setPointing(true);
    still.touch();
  };

  return {
    active: pointing || keyboard,
    handlers: {
      onPointerMove: active,
      onPointerDown: active,
      onWheel: active,
      onPointerLeave: () => {
        still.cancel();
        setPointing(false);
      },
      // A mouse click also focuses a button in an item; only focus the keyboard moved holds the order.
      onFocus: (event) => {
        if (event.target.matches(':focus-visible')) setKeyboard(true);
      },
      onBlur: (event) => {
        if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setKeyboard(false);
      },
    },
  };
}
