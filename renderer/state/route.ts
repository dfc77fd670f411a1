import { create } from 'zustand';

/** Which screen the console shows; no router library: the class screen is one state away from the list. */
export type Route = { screen: 'classes' } | { screen: 'class'; classId: string; observer: boolean };

export const useRoute = create<{ route: Route }>(() => ({ route: { screen: 'classes' } }));

/** Opens a class's screen (observing it, for supervisors). */
export function showClass(classId: string, observer: boolean): void {
  useRoute.setState({ route: { screen: 'class', classId, observer } });
}

export function backToClasses(): void {
  useRoute.setState({ route: { screen: 'classes' } });
}
