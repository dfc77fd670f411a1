import { create } from 'zustand';
import { DEFAULT_QUERY, type WallQuery } from '../wall/wallRows';

export type SuperviseTab = 'console' | 'classes' | 'releases' | 'reports';

/** What this supervisor is looking at: the console or the plain class list, the wall's query, and the open panels. */
export interface SuperviseViewStore {
  tab: SuperviseTab;
  query: WallQuery;
  /** The class whose detail (timeline) is open. */
  classId: string | null;
  /** The help request whose detail is open. */
  requestId: string | null;
}

export const useSuperviseView = create<SuperviseViewStore>(() => ({
  tab: 'console',
  query: DEFAULT_QUERY,
  classId: null,
  requestId: null,
}));

export function showTab(tab: SuperviseTab): void {
  useSuperviseView.setState({ tab });
}

export function setQuery(patch: Partial<WallQuery>): void {
  useSuperviseView.setState((state) => ({ query: { ...state.query, ...patch } }));
}

export function resetQuery(): void {
  useSuperviseView.setState({ query: DEFAULT_QUERY });
}

export function openClassDetail(classId: string | null): void {
  useSuperviseView.setState({ classId, requestId: null });
}

export function openRequest(requestId: string | null): void {
  useSuperviseView.setState({ requestId, classId: null });
}
