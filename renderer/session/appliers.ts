import type { PersonRole } from '../link/messages';
import { releasesApplier } from '../releases/state/applier';
import { coreApplier } from '../state/apply';
import { supervisorApplier } from '../supervise/state/applier';
import type { BatchApplier } from './ports';

/**
 * Who applies a session's batches: the core stores for everyone, the supervisor's stores for supervisors, and the
 * release state for admins and supervisors (the Releases screen).
 */
export function appliersFor(role: PersonRole | null): BatchApplier[] {
  if (role === 'supervisor') return [coreApplier, supervisorApplier, releasesApplier];
  if (role === 'admin') return [coreApplier, releasesApplier];
  return [coreApplier];
}
