import type { Role } from '../../shared/auth/claims';
import type { HelpRequest, HelpState } from '../../shared/protocol/supervision';
import type { AuditStep } from './audit-log';
import type { Verdict } from './verify';

/** How a help request enters the dispatcher's books: its first state and the audit entries that record it. */

export function receivedStep(senderId: string, request: HelpRequest): AuditStep {
  return {
    action: 'received',
    actor: { id: senderId, kind: 'participant' },
    detail: `help request about ${request.topic}${request.text ? `: ${request.text}` : ''}`.slice(0, 1000),
    data: { sentAt: request.ts, appVersion: request.diagnostics.appVersion, device: request.diagnostics.device, stats: request.diagnostics.stats.length },
  };
}

/** The request as received, before anything is tried; its sender is the topic's user whatever it says inside. */
export function firstState(classId: string, senderId: string, request: HelpRequest, verdict: Verdict, now: number): HelpState {
  return {
    v: 1, id: request.id, classId, from: { ...request.from, id: senderId }, topic: request.topic, text: request.text,
    status: 'received', reason: '', tags: verdict.ok ? verdict.covered : [], remedies: [], claimedBy: null, note: '',
    diagnostics: request.diagnostics, createdAt: now, updatedAt: now, resolvedAt: null,
  };
}

/** The reason a request shows while it waits for a tag that covers it; the supervisor console words it from the status. */
export function waitingReason(why: string, graceMs: number): string {
  return `waiting for tags (up to ${graceMs / 1000} s); so far ${why}`.slice(0, 300);
}

/** How a valid request that no current tag covers is received: it waits, in the open, for the tagger to catch up. */
export function waitingStep(received: AuditStep, why: string, graceMs: number): AuditStep {
  const waiting = `; waiting up to ${graceMs / 1000} s for a tag that covers it (${why})`;
  return { ...received, detail: `${received.detail.slice(0, Math.max(0, 1000 - waiting.length))}${waiting}`.slice(0, 1000), data: { ...received.data, waitForTagsS: graceMs / 1000 } };
}

/**
 * A help message that is not the protocol but carries a usable id: it still reaches the manual queue, because its
 * sender pressed help and a person should know, even if their client is broken.
 */
export function invalidState(classId: string, senderId: string, id: string, senderRole: Role | undefined, detail: string, now: number): { state: HelpState; steps: AuditStep[] } {
  const role = senderRole === 'teacher' || senderRole === 'supervisor' ? senderRole : 'student';
  const reason = `invalid: ${detail}`;
  return {
    state: {
      v: 1, id, classId, from: { id: senderId, name: senderId, role }, topic: 'other', text: '', status: 'manual',
      reason: reason.slice(0, 300), tags: [], remedies: [], claimedBy: null, note: '', diagnostics: null,
      createdAt: now, updatedAt: now, resolvedAt: null,
    },
    steps: [
      { action: 'received', actor: { id: senderId, kind: 'participant' }, detail: 'help request that does not match the protocol' },
      { action: 'manual', detail: reason.slice(0, 1000), data: { check: 'invalid' } },
    ],
  };
}

/** The id a broken help payload carries, if it is JSON with an id. */
export function idOf(payload: Buffer): unknown {
  try {
    return (JSON.parse(payload.toString('utf8')) as { id?: unknown } | null)?.id;
  } catch {
    return undefined;
  }
}
