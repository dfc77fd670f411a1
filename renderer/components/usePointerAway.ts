import { useEffect, useEffectEvent, type RefObject } from 'react';

/** While `active`, a pointer pressed outside every element of `inside` calls `onAway` (a popup closing itself). */
export function usePointerAway(active: boolean, inside: readonly RefObject<HTMLElement | null>[], onAway: () => void): void {
  const away = useEffectEvent((event: Event) => {
    if (!inside.some((ref) => ref.current?.contains(event.target as Node))) onAway();
  });
  useEffect(() => {
    if (!active) return;
    const listener = (event: Event) => away(event);
    document.addEventListener('pointerdown', listener);
    return () => document.removeEventListener('pointerdown', listener);
  }, [active]);
}
