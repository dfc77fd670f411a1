import { create } from 'zustand';
import type { ClassSummary } from '../../shared/protocol';

export interface ClassesStore {
  /** Latest summary per class id. Replaced (not mutated) once per batch; unchanged summaries keep their identity. */
  byId: ReadonlyMap<string, ClassSummary>;
}

export const initialClasses = (): ClassesStore => ({ byId: new Map() });

export const useClasses = create<ClassesStore>(initialClasses);
