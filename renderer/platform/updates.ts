import type { DesktopApi } from '../../shared/ipc/contract';

/**
 * The desktop app's updater and class-state report, as `window.desktop` exposes them; null in browser mode, which
 * has no updater (the page says that the desktop app updates itself).
 */
export type DesktopUpdates = DesktopApi['updates'] & Pick<DesktopApi['classroom'], 'setClassState'>;

export function desktopUpdates(): DesktopUpdates | null {
  const desktop = typeof window === 'undefined' ? undefined : window.desktop;
  if (!desktop?.updates || !desktop.classroom) return null;
  return { ...desktop.updates, setClassState: (state) => desktop.classroom.setClassState(state) };
}
