import type { PersonRole } from '../link/messages';
import { coreApplier } from '../state/apply';
import { supervisorApplier } from '../supervise/state/applier';
import type { BatchApplier } from './ports';

/** Who applies a session's batches: the core stores for everyone, the supervisor's stores for supervisors only. */
export function appliersFor(role: PersonRole | null): BatchApplier[] {
  return role === 'supervisor' ? [coreApplier, supervisorApplier] : [coreApplier];
}
