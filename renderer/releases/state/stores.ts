import { create } from 'zustand';
import type { ReleaseAdoption, ReleaseHealth, ReleaseState } from '../../../shared/protocol';

/** What the release service last published (retained, one message per topic); null until it arrives. */
export const useReleaseState = create<{ state: ReleaseState | null }>(() => ({ state: null }));
export const useReleaseAdoption = create<{ adoption: ReleaseAdoption | null }>(() => ({ adoption: null }));
export const useReleaseHealth = create<{ health: ReleaseHealth | null }>(() => ({ health: null }));
