import { create } from 'zustand';

/** The wall clock for SLA timers and durations, ticking once a second while someone watches it. */
export const useNow = create<{ now: number }>(() => ({ now: Date.now() }));

let watchers = 0;
let timer: ReturnType<typeof setInterval> | undefined;

/** Starts the shared ticker (one timer however many timers are on screen); returns the stop function. */
export function watchClock(): () => void {
  if (watchers++ === 0) {
    useNow.setState({ now: Date.now() });
    timer = setInterval(() => useNow.setState({ now: Date.now() }), 1_000);
  }
  return () => {
    if (--watchers === 0) clearInterval(timer);
  };
}
