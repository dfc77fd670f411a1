import type { ClassSummary, CommandAck } from '../../shared/protocol/messages';
import type { ClassTags, HelpRequest, HelpState, RemedyAttempt } from '../../shared/protocol/supervision';
import type { ClaimsLookup } from '../classroom/requester';
import type { AuditStep } from './audit-log';
import { HelpRecords, type HelpDeskEffects } from './help-records';
import type { HelpStore } from './help-store';
import { HelpWatch } from './help-watch';
import { firstState, invalidState, receivedStep, waitingReason, waitingStep } from './intake';
import { DISPATCHER_ID, withAttempts } from './remedy-watch';
import { RESUME_GRACE_MS, type Timings } from './timings';
import { describe, recheck, verify, type Verdict, type VerifyContext } from './verify';

export interface HelpDeskOptions {
  store: HelpStore;
  effects: HelpDeskEffects;
  timings: Timings;
  /** Who a sender is (their role, for verifying what their request claims). */
  claimsOf: ClaimsLookup;
  /** The desk's time; Date.now in the service, a test's clock in its tests. */
  clock(): number;
}

/**
 * The help desk: the dispatcher's state machine, without MQTT. A help request is verified, answered with the remedy
 * playbook its tags call for, and watched until the tags clear (auto-resolved) or the remedy fails (escalated, for a
 * supervisor); a valid request no tag covers yet waits for one. What it learns comes in through its methods (help,
 * acknowledgements, tags, summaries, and `sweep` for deadlines); what it does goes out through HelpDeskEffects.
 * Every step is audited and every request kept in the store, so a new desk that `load`s it carries on.
 */
export class HelpDesk {
  readonly records: HelpRecords;
  private readonly watch: HelpWatch;

  constructor(private readonly options: HelpDeskOptions) {
    this.records = new HelpRecords(options);
    this.watch = new HelpWatch(this.records);
  }

  get timings(): Timings {
    return this.options.timings;
  }

  /** Loads every request from the store: a fresh start and a restart are the same thing. */
  load(): Promise<void> {
    return this.records.load();
  }

  /** Waits for the store, then forgets what memory holds. */
  async unload(): Promise<void> {
    await this.records.flushed();
    this.records.forgetAll();
  }

  // ---- what comes in --------------------------------------------------------------------------------------------

  help(classId: string, senderId: string, request: HelpRequest): void {
    const { records } = this;
    records.counts.received++;
    if (records.book.has(request.id)) return this.duplicate(request.id, senderId);
    const now = records.now();
    const verdict = verify(request, this.verifyContext(classId, senderId, request.from.role, now, this.options.claimsOf(senderId)?.role));
    const base = firstState(classId, senderId, request, verdict, now);
    const received = receivedStep(senderId, request);
    if (!verdict.ok) {
      const { coverageGraceMs } = this.timings;
      if (verdict.check === 'not-coverable' && coverageGraceMs > 0) {
        records.commit({ ...base, reason: waitingReason(verdict.reason, coverageGraceMs) }, [waitingStep(received, verdict.reason, coverageGraceMs)]);
        return;
      }
      if (verdict.check === 'invalid') records.counts.invalid++;
      this.toManual(base, verdict, [received]);
      return;
    }
    this.tryRemedies(base, verdict, [received]);
  }

  /** A help message that is not the protocol but carries a usable id still reaches the manual queue (see `invalidState`). */
  invalidHelp(classId: string, senderId: string, id: string, detail: string): void {
    const { records } = this;
    records.counts.received++;
    records.counts.invalid++;
    if (records.book.has(id)) return this.duplicate(id, senderId);
    records.counts.manual++;
    const { state, steps } = invalidState(classId, senderId, id, this.options.claimsOf(senderId)?.role, detail, records.now());
    records.commit(state, steps);
  }

  ack(classId: string, userId: string, ack: CommandAck): void {
    const { records } = this;
    const state = records.book.ofCommand(ack.commandId);
    if (!state || state.classId !== classId) return;
    const attempt = state.remedies.find((r) => r.commandId === ack.commandId);
    if (!attempt || attempt.to !== userId || attempt.outcome !== 'pending') return;
    const now = records.now();
    const updated: RemedyAttempt = ack.ok
      ? { ...attempt, outcome: 'acked', ackedAt: now, detail: ack.detail.slice(0, 300) }
      : { ...attempt, outcome: 'refused', detail: (ack.detail || 'refused without a reason').slice(0, 300) };
    const next = records.commit(withAttempts(state, [updated]), [
      {
        action: ack.ok ? 'remedy-acked' : 'remedy-refused', actor: { id: userId, kind: 'participant' },
        detail: `${attempt.action} ${ack.ok ? 'carried out' : 'refused'} by ${userId}${ack.detail ? `: ${ack.detail}` : ''}`.slice(0, 1000),
        data: { commandId: attempt.commandId },
      },
    ]);
    this.watch.settle(next);
  }

  tags(tags: ClassTags): void {
    if (!this.records.noteTags(tags)) return;
    for (const state of this.records.openRequestsOf(tags.classId)) this.watch.checkCleared(state, tags);
    this.recheckWaiting(tags.classId, this.records.now());
  }

  tagsCleared(classId: string): void {
    this.records.forgetTags(classId);
  }

  summary(summary: ClassSummary): void {
    this.records.noteSummary(summary);
    // A teacher-targeted remedy needs the teacher, whom the summary names.
    this.recheckWaiting(summary.id, this.records.now());
  }

  summaryCleared(classId: string): void {
    this.records.forgetSummary(classId);
  }

  /** Deadlines (no acknowledgement, tag not cleared, coverage grace), ended requests' retention, and the metrics. */
  sweep(now = this.records.now()): void {
    const { records } = this;
    for (const state of records.book.open()) this.watch.expire(records.book.get(state.id)!, now);
    for (const state of records.book.open()) if (state.status === 'received' && now >= this.graceDeadline(state)) this.recheckWaiting(state.classId, now);
    records.retire(now);
    records.publishMetrics(now);
  }

  // ---- what it does -----------------------------------------------------------------------------------------------

  private duplicate(id: string, senderId: string): void {
    const { records } = this;
    records.counts.duplicates++;
    const known = records.book.get(id)!;
    records.audit({ action: 'duplicate-ignored', requestId: id, classId: known.classId, actor: { id: senderId, kind: 'participant' }, detail: `request ${id} arrived again (${known.status}); handled once` });
    // The sender may have missed the progress (a reload); tell them again where it stands.
    records.forgetProgress(id);
    if (known.from.id === senderId) records.notifyProgress(known);
  }

  private verifyContext(classId: string, senderId: string, role: HelpState['from']['role'], now: number, senderRole?: VerifyContext['senderRole']): VerifyContext {
    const { records } = this;
    return {
      now,
      senderId,
      senderRole,
      openRequestsOf: (userId) => records.openRequestsOf(classId).filter((s) => s.from.id === userId),
      handlerOf: (entry) =>
        records.openRequestsOf(classId).find((s) => (s.status === 'remedy-pending' || s.status === 'claimed') && s.tags.some((t) => t.tag === entry.tag && t.userId === entry.userId)),
      classTags: records.classTags(classId),
      teacherId: records.teacherOf(classId) ?? (role === 'teacher' ? senderId : null),
    };
  }

  private toManual(state: HelpState, verdict: Extract<Verdict, { ok: false }>, steps: AuditStep[], waitedS?: number): void {
    this.records.counts.manual++;
    this.records.commit({ ...state, status: 'manual', reason: verdict.reason.slice(0, 300) }, [
      ...steps,
      { action: 'manual', detail: verdict.reason, data: { check: verdict.check, ...(waitedS === undefined ? {} : { waitedS }) } },
    ]);
  }

  /** Sends the playbook's remedies for a request its tags cover; it is `remedy-pending` until they work or fail. */
  private tryRemedies(state: HelpState, verdict: Extract<Verdict, { ok: true }>, steps: AuditStep[], waitedS?: number): void {
    const { classId, id } = state;
    const remedies = verdict.plan.map((step) => this.records.sendRemedy(classId, step.action, step.to, DISPATCHER_ID, id));
    const plan = verdict.plan.map((step) => `${step.action} to ${step.to}`).join(', ');
    const next = this.records.commit({ ...state, status: 'remedy-pending', tags: verdict.covered, reason: `trying ${plan} for ${describe(verdict.covered)}`.slice(0, 300), remedies }, [
      ...steps,
      ...remedies.map((r): AuditStep => ({
        action: 'remedy-sent', detail: `${r.action} to ${r.to}${r.detail ? ` (${r.detail})` : ''}`,
        data: {
          commandId: r.commandId, action: r.action, to: r.to, tags: verdict.plan.find((p) => p.action === r.action && p.to === r.to)?.tags.map((t) => t.tag),
          ...(waitedS === undefined ? {} : { waitedForTagsS: waitedS }),
        },
      })),
    ]);
    // A command that could not even be sent fails the automatic attempt straight away.
    this.watch.settle(next);
  }

  /**
   * Requests of a class that wait for tags, verified again (oldest first, so the first press is the one handled): a
   * covering tag gets the remedies sent; a request now a duplicate or already handled goes to the manual queue; one
   * still not covered when its grace has run out goes there with the reason.
   */
  private recheckWaiting(classId: string, now: number): void {
    const { records } = this;
    const waiting = records.openRequestsOf(classId).filter((s) => s.status === 'received').sort((a, b) => a.createdAt - b.createdAt);
    for (const state of waiting) {
      const current = records.book.get(state.id)!;
      if (current.status !== 'received') continue;
      const verdict = recheck(current, this.verifyContext(classId, current.from.id, current.from.role, now));
      const waitedS = Math.round((now - current.createdAt) / 100) / 10;
      if (verdict.ok) this.tryRemedies(current, verdict, [], waitedS);
      else if (verdict.check !== 'not-coverable') this.toManual(current, verdict, [], waitedS);
      else if (now >= this.graceDeadline(current)) {
        const reason = `${verdict.reason}; no tag covered it within ${this.timings.coverageGraceMs / 1000} s`;
        this.toManual(current, { ...verdict, reason }, [], waitedS);
      }
    }
  }

  private graceDeadline(state: HelpState): number {
    const deadline = state.createdAt + this.timings.coverageGraceMs;
    const { startedAt } = this.records;
    // Received by an earlier instance: the class's retained tags reach this one just after it connects.
    return state.createdAt < startedAt ? Math.max(deadline, startedAt + RESUME_GRACE_MS) : deadline;
  }
}
