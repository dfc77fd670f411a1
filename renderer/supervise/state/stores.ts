import { create } from 'zustand';
import type { ClassHealth, ClassTags, HelpState, SupervisorMetrics } from '../../../shared/protocol';
import { VersionedMap } from '../../state/versionedMap';
import type { Alert } from '../alerts/alertBook';

/**
 * What the tagger and the dispatcher say, as the console last heard it. Each map is replaced by a new version once per
 * link batch; entries that did not change keep their identity, so memoised rows skip them.
 */
export interface HealthStore {
  /** Tens of thousands of classes at a supervisor's peak: a new version per batch, not a copy (VersionedMap). */
  byId: VersionedMap<string, ClassHealth>;
  /** Live classes whose severity is critical, counted as health arrives. */
  criticalLive: number;
}
export interface TagsStore {
  byClass: ReadonlyMap<string, ClassTags>;
}
export interface HelpStore {
  byId: ReadonlyMap<string, HelpState>;
}
export interface MetricsStore {
  metrics: SupervisorMetrics | null;
}
export interface AlertsStore {
  /** In feed order: open unacknowledged first. */
  alerts: readonly Alert[];
  /** Alerts let go because the feed was full. */
  dropped: number;
}

export const useHealth = create<HealthStore>(() => ({ byId: VersionedMap.empty(), criticalLive: 0 }));
export const useClassTags = create<TagsStore>(() => ({ byClass: new Map() }));
export const useHelp = create<HelpStore>(() => ({ byId: new Map() }));
export const useMetrics = create<MetricsStore>(() => ({ metrics: null }));
export const useAlerts = create<AlertsStore>(() => ({ alerts: [], dropped: 0 }));
