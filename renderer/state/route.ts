import { create } from 'zustand';
import { isId } from '../../shared/protocol/ids';

/** Which screen the console shows; no router library: the class screen is one state away from the list. */
export type Route =
  | { screen: 'classes' }
  | { screen: 'class'; classId: string; observer: boolean }
  /** A recorded class's replay, from `at` ms into the recording. */
  | { screen: 'replay'; classId: string; at: number }
  /** A class's report, from the teacher's class list. */
  | { screen: 'report'; classId: string };

/** `?replay=<classId>&t=<seconds>` opens a replay at that moment; anything else opens the class list. */
export function routeFromSearch(search: string): Route {
  const params = new URLSearchParams(search);
  const classId = params.get('replay');
  if (!classId || !isId(classId)) return { screen: 'classes' };
  const seconds = Number(params.get('t') ?? 0);
  return { screen: 'replay', classId, at: Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : 0 };
}

/** The link to a moment of a replay: this page's address with `?replay=` and `t=` (whole seconds). */
export function replayLink(href: string, classId: string, atMs: number): string {
  const url = new URL(href);
  url.search = '';
  url.hash = '';
  url.searchParams.set('replay', classId);
  url.searchParams.set('t', String(Math.floor(atMs / 1000)));
  return url.toString();
}

/** The screen the page's address asked for (a replay link), shown once, after the first sign-in. */
let landing: Route | null = routeFromSearch(typeof location === 'undefined' ? '' : location.search);

export const useRoute = create<{ route: Route }>(() => ({ route: { screen: 'classes' } }));

/** After signing in: the screen the address asked for the first time, the class list afterwards. */
export function showLanding(): void {
  useRoute.setState({ route: landing ?? { screen: 'classes' } });
  landing = null;
}

/** Opens a class's screen (observing it, for supervisors). */
export function showClass(classId: string, observer: boolean): void {
  useRoute.setState({ route: { screen: 'class', classId, observer } });
}

/** Opens a recorded class's replay at `at` ms. */
export function showReplay(classId: string, at = 0): void {
  useRoute.setState({ route: { screen: 'replay', classId, at } });
}

/** Opens a class's report (a teacher, from the class list, after the class). */
export function showReport(classId: string): void {
  useRoute.setState({ route: { screen: 'report', classId } });
}

export function backToClasses(): void {
  useRoute.setState({ route: { screen: 'classes' } });
}
