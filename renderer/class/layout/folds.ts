import { z } from 'zod';
import { create } from 'zustand';

/** The class screen's panels a person can fold: the pages column, the side column, and the side column's sections. */
export const PANELS = ['course', 'side', 'video', 'roster', 'chat'] as const;
export type Panel = (typeof PANELS)[number];
export type Folds = Record<Panel, boolean>;

const KEY = 'classroom-console.folds';
/** Below this window width the pages column starts folded, so the board keeps most of a small screen. */
export const NARROW_WIDTH = 1200;

const Saved = z.object(Object.fromEntries(PANELS.map((panel) => [panel, z.boolean()])) as Record<Panel, z.ZodBoolean>);

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

/** What a person folded last time on this device, else everything open (but the pages column on a narrow window). */
export function initialFolds(storage: Storage | undefined, windowWidth: number): Folds {
  try {
    const saved = Saved.safeParse(JSON.parse(storage?.getItem(KEY) ?? 'null'));
    if (saved.success) return saved.data;
  } catch {
    // Unreadable: the defaults.
  }
  return { course: windowWidth < NARROW_WIDTH, side: false, video: false, roster: false, chat: false };
}

const storage = typeof localStorage === 'undefined' ? undefined : localStorage;

export const useFolds = create<Folds>(() => initialFolds(storage, typeof window === 'undefined' ? Infinity : window.innerWidth));

/** Until the person folds or unfolds something, the pages column follows the window's width. */
let followWidth = typeof window !== 'undefined' && storage?.getItem(KEY) == null;
if (followWidth) {
  window.addEventListener('resize', () => {
    if (followWidth) useFolds.setState({ course: window.innerWidth < NARROW_WIDTH });
  });
}

export function setFolded(panel: Panel, folded: boolean): void {
  followWidth = false;
  useFolds.setState({ [panel]: folded });
  storage?.setItem(KEY, JSON.stringify(useFolds.getState()));
}

export function toggleFold(panel: Panel): void {
  setFolded(panel, !useFolds.getState()[panel]);
}

export const useFolded = (panel: Panel): boolean => useFolds((s) => s[panel]);
