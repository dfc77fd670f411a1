import type { BatchApplier } from '../../session/ports';
import { markWhispersDelivered, resetWhispers } from '../help/whispers';
import { applySupervision, resetSupervision } from './apply';
import { applyTelemetry } from './telemetry';

/** A supervisor's share of each link batch: health, help and metrics, the watched class's telemetry, whispers delivered. */
export const supervisorApplier: BatchApplier = {
  apply(batch) {
    if (batch.supervision) applySupervision(batch.supervision);
    if (batch.telemetry) applyTelemetry(batch.telemetry);
    if (batch.acknowledged) markWhispersDelivered(batch.acknowledged);
  },
  reset() {
    resetSupervision();
    resetWhispers();
  },
};
