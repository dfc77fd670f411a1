import type { BatchApplier } from '../../session/ports';
import { useReleaseAdoption, useReleaseHealth, useReleaseState } from './stores';

/** Admins' and supervisors' share of each link batch: the release service's retained state, adoption and health. */
export const releasesApplier: BatchApplier = {
  apply(batch) {
    for (const message of batch.releases ?? []) {
      if (message.kind === 'releaseState') useReleaseState.setState({ state: message.message });
      else if (message.kind === 'releaseAdoption') useReleaseAdoption.setState({ adoption: message.message });
      else useReleaseHealth.setState({ health: message.message });
    }
  },
  reset() {
    useReleaseState.setState({ state: null });
    useReleaseAdoption.setState({ adoption: null });
    useReleaseHealth.setState({ health: null });
  },
};
