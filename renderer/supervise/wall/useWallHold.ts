import { useEffect, useState, type FocusEvent } from 'react';
import { StillTimer } from './stillTimer';

/** A pointer resting on the wall this long after it last moved lets the order go on, so a forgotten one does not freeze it. */
export const HOLD_STILL_MS = 10_000;

export interface WallHold {
  /** Whether the wall's order is to be held: the pointer is moving over the rows, or the keyboard is among them. */
  active: boolean;
  /** For the element holding the rows. */
  handlers: {
    onPointerMove: () => void;
    onPointerDown: () => void;
    onWheel: () => void;
    onPointerLeave: () => void;
    onFocus: (event: FocusEvent<HTMLElement>) => void;
    onBlur: (event: FocusEvent<HTMLElement>) => void;
  };
}

/** Tells when a supervisor is working in the wall's rows, so their order holds still under the pointer or the focus. */
export function useWallHold(): WallHold {
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
      // A mouse click also focuses a button in a row; only focus the keyboard moved holds the order.
      onFocus: (event) => {
        if (event.target.matches(':focus-visible')) setKeyboard(true);
      },
      onBlur: (event) => {
        if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) setKeyboard(false);
      },
    },
  };
}
