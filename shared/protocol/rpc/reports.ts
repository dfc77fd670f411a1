import { z } from 'zod';
import { teaches, type Claims } from '../../auth/claims';
import { Id } from '../ids';
import { ClassReport, ReportSummary } from '../reports';
import { method } from './contract';

/** Why a report request was refused (the RPC error's code). */
export const REPORT_REFUSALS = ['forbidden', 'no-report', 'unknown-user'] as const;

/**
 * Who may read a class's report: a teacher of the class (the class is in their scope), and every supervisor and
 * admin. Students never do. The reports service applies it to every request; the console applies it to offer the
 * Reports screen.
 */
export function mayReadReport(claims: Pick<Claims, 'role' | 'classes'>, classId: string): boolean {
  if (claims.role === 'supervisor' || claims.role === 'admin') return true;
  return teaches(claims, classId);
}

/** Whether this role sees a reports list at all (a teacher sees their classes', supervisors and admins all). */
export function readsReports(role: Claims['role'] | null): boolean {
  return role === 'teacher' || role === 'supervisor' || role === 'admin';
}

/** The `reports` service: a report per class, kept after the class for the configured retention. */
export const REPORTS = {
  list: method(
    z.object({}),
    z.object({ reports: z.array(ReportSummary) }),
    "the reports the requester may read, newest first (a teacher's own classes; supervisors and admins every class)",
  ),
  get: method(z.object({ classId: Id }), ClassReport, "one class's report (a teacher of the class, supervisors and admins)"),
} as const;
