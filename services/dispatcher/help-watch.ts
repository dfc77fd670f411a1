import type { ClassTags, HelpState, RemedyAttempt } from '../../shared/protocol/supervision';
import type { AuditStep } from './audit-log';
import type { HelpRecords } from './help-records';
import { automaticCleared, automaticFailure, clearedByPeople, isAutomatic, overdue, withAttempts } from './remedy-watch';
import { RESUME_GRACE_MS } from './timings';
import { describe } from './verify';

/**
 * Watches sent remedies until they settle, applying the rules of remedy-watch.ts to the records: an automatic attempt
 * that failed escalates its request; tags proven gone after it resolve the request; a supervisor's remedy that the
 * tags prove worked is recorded as `cleared` for them to resolve; commands unacknowledged, or tags not cleared, in
 * time are marked and escalate.
 */
export class HelpWatch {
  constructor(private readonly records: HelpRecords) {}

  /** A `remedy-pending` request whose automatic attempt failed is escalated; one whose tags are proven gone resolved. */
  settle(state: HelpState): void {
    const failed = automaticFailure(state);
    if (!failed) return this.checkCleared(state, this.records.classTags(state.classId));
    const why = failed.outcome === 'refused' ? `refused by ${failed.to}: ${failed.detail}` : `no acknowledgement from ${failed.to}: ${failed.detail}`;
    this.escalate(state, `${failed.action} ${why}`);
  }

  checkCleared(state: HelpState, tags: ClassTags | undefined): void {
    const { records } = this;
    if (automaticCleared(state, tags)) {
      const now = records.now();
      records.counts.autoResolved++;
      const automatic = state.remedies.filter(isAutomatic);
      const seconds = Math.round((now - state.createdAt) / 100) / 10;
      const cleared = withAttempts(state, automatic.map((r) => ({ ...r, outcome: 'cleared' })));
      records.commit({ ...cleared, status: 'auto-resolved', resolvedAt: now, reason: `tags cleared after ${automatic.map((r) => r.action).join(', ')} (${seconds} s)` }, [
        { action: 'tags-cleared', detail: `${describe(state.tags)} gone from the class's tags of ${new Date(tags!.ts).toISOString()}`, data: { tagsTs: tags!.ts, windowEnd: tags!.windowEnd } },
        { action: 'auto-resolved', detail: `resolved automatically in ${seconds} s`, data: { seconds } },
      ]);
      return;
    }
    // A supervisor's remedy: its result is recorded; the supervisor resolves.
    const cleared = clearedByPeople(state, tags);
    if (cleared.length === 0) return;
    records.commit({ ...withAttempts(state, cleared), reason: `tags cleared after ${cleared.map((r) => `${r.action} by ${r.by}`).join(', ')}; ready to resolve`.slice(0, 300) }, [
      { action: 'tags-cleared', detail: `${describe(state.tags)} gone after ${cleared.map((r) => r.action).join(', ')}`, data: { tagsTs: tags!.ts } },
    ]);
  }

  /** Marks the request's attempts whose time ran out, and settles it. */
  expire(state: HelpState, now: number): void {
    const { records } = this;
    const { ackTimeoutMs, pendingWindowMs } = records.timings;
    const clock = { now, ackTimeoutMs, pendingWindowMs, ackDeadline: (r: RemedyAttempt) => this.ackDeadline(r) };
    const changed = overdue(state, clock, describe(records.stillPresent(state)));
    if (changed.length === 0) return;
    const next = records.commit(
      withAttempts(state, changed),
      changed.map((r): AuditStep => ({
        action: r.outcome === 'no-ack' ? 'remedy-no-ack' : 'tags-not-cleared',
        detail: `${r.action} to ${r.to}: ${r.detail}`.slice(0, 1000),
        data: { commandId: r.commandId },
      })),
    );
    if (next.status !== 'remedy-pending') return;
    if (next.remedies.some((r) => isAutomatic(r) && r.outcome === 'not-cleared')) {
      this.escalate(next, `${next.remedies.filter(isAutomatic).map((r) => r.action).join(', ')} carried out, but the tags did not clear within ${pendingWindowMs / 1000} s`);
    } else {
      this.settle(next);
    }
  }

  private escalate(state: HelpState, why: string): void {
    const { records } = this;
    records.counts.escalated++;
    const present = records.stillPresent(state);
    const reason = `${why}${present.length > 0 ? `; still tagged: ${describe(present)}` : ''}`.slice(0, 300);
    records.commit({ ...state, status: 'escalated', reason }, [{ action: 'escalated', detail: reason, data: { present: present.map((t) => t.tag) } }]);
  }

  private ackDeadline(attempt: RemedyAttempt): number {
    const deadline = attempt.sentAt + this.records.timings.ackTimeoutMs;
    // Sent by an earlier instance: its acknowledgement may be waiting in the broker for this one.
    return attempt.sentAt < this.records.startedAt ? Math.max(deadline, this.records.startedAt + RESUME_GRACE_MS) : deadline;
  }
}
