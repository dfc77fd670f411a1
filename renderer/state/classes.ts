import { create } from 'zustand';
import type { ClassSummary } from '../../shared/protocol';
import { VersionedMap } from './versionedMap';

export interface ClassesStore {
  /**
   * Latest summary per class id (a supervisor's peak is 35,000 live and more ended): a new version once per batch,
   * not a copy; unchanged summaries keep their identity.
   */
  byId: VersionedMap<string, ClassSummary>;
}

export const initialClasses = (): ClassesStore => ({ byId: VersionedMap.empty() });

export const useClasses = create<ClassesStore>(initialClasses);
