import { randomUUID } from 'node:crypto';
import { DropCounter, decode, encode } from '../../shared/protocol/codec';
import { isId } from '../../shared/protocol/ids';
import type { ClassSummary, CommandAck, Notice, RpcRequest } from '../../shared/protocol/messages';
import type { ClassTags, HelpRequest, HelpState, RemedyAttempt } from '../../shared/protocol/supervision';
import { filter, parseTopic, topic } from '../../shared/protocol/topics';
import type { Remedy } from '../../shared/tags/catalogue';
import { answer, type ClaimsLookup } from '../classroom/rpc';
import { ServiceConnection, type ServiceLink } from '../mqtt/service-connection';
import type { AuditLog, NewAuditEntry } from './audit-log';
import { stillTagged } from './coverage';
import { firstState, idOf, invalidState, receivedStep, waitingReason, waitingStep } from './intake';
import { automaticCleared, automaticFailure, clearedByPeople, DISPATCHER_ID, isAutomatic, overdue, withAttempts } from './remedy-watch';
import { HelpBook } from './help-book';
import type { HelpStore } from './help-store';
import { computeMetrics, isEnded } from './metrics';
import { progressOf, PROGRESS_TEXT } from './progress';
import { DispatcherMethods } from './methods';
import { TagTimeline } from './tag-timeline';
import { describe, recheck, verify, type Verdict, type VerifyContext } from './verify';

/** An audit entry as the dispatcher writes it: by the dispatcher unless it names someone else. */
export type AuditStep = Omit<NewAuditEntry, 'actor'> & { actor?: NewAuditEntry['actor'] };

export { DISPATCHER_ID };

export interface DispatcherTuning {
  /**
   * A valid request no current tag covers waits this long after it arrived (`received`, "waiting for tags") for a tag
   * that covers it, then goes to the manual queue (60 s): people press help within seconds of a problem, and the tagger
   * needs a closed window, up to 70 s, to tag it. 0 sends it to the manual queue at once.
   */
  coverageGraceMs?: number;
  /** A remedy without an acknowledgement after this long is `no-ack` (10 s). */
  ackTimeoutMs?: number;
  /** How long after the acknowledgement the tag has to clear (45 s). */
  pendingWindowMs?: number;
  /** An ended request's retained state is cleared this long after it ended (10 min). */
  clearEndedAfterMs?: number;
  /** An ended request is forgotten (and a copy of it arriving again is no longer recognised) after this (24 h). */
  forgetEndedAfterMs?: number;
  /** Metrics are republished at most this often, when they changed (2 s). */
  metricsIntervalMs?: number;
  /** How often deadlines are checked (250 ms). */
  sweepMs?: number;
}

export interface DispatcherOptions extends DispatcherTuning {
  link: ServiceLink;
  root: string;
  claimsOf: ClaimsLookup;
  store: HelpStore;
  audit: AuditLog;
  onError?(error: unknown): void;
}

/** After a restart, a remedy sent by the previous instance gets at least this long for its acknowledgement to arrive. */
const RESUME_GRACE_MS = 2_000;

type Timings = Required<DispatcherTuning>;

const DEFAULTS: Timings = {
  coverageGraceMs: 60_000,
  ackTimeoutMs: 10_000,
  pendingWindowMs: 45_000,
  clearEndedAfterMs: 10 * 60_000,
  forgetEndedAfterMs: 24 * 3_600_000,
  metricsIntervalMs: 2_000,
  sweepMs: 250,
};

/**
 * The help dispatcher. A help request is verified, answered with the remedy playbook its tags call for, and watched
 * until the tags clear (auto-resolved) or the remedy fails (escalated, for a supervisor). Supervisors claim, remedy,
 * escalate and resolve requests through the `dispatcher` RPC service. Every step is audited, and every request's state
 * is kept in a store, so a restarted dispatcher carries on where the last one stopped.
 */
export class DispatcherService {
  readonly drops = new DropCounter();
  readonly counts = { received: 0, duplicates: 0, invalid: 0, manual: 0, remedies: 0, autoResolved: 0, escalated: 0 };
  readonly timings: Timings;
  readonly timeline = new TagTimeline();
  private connection: ServiceConnection | null = null;
  private readonly book = new HelpBook();
  private readonly progressSent = new Map<string, string>();
  private readonly summaries = new Map<string, ClassSummary>();
  private readonly tags = new Map<string, ClassTags>();
  private readonly methods: DispatcherMethods;
  private sweepTimer: NodeJS.Timeout | null = null;
  private lastMetrics = '';
  private lastMetricsAt = 0;
  private startedAt = 0;

  constructor(private readonly options: DispatcherOptions) {
    this.timings = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([k, v]) => k in DEFAULTS && v !== undefined)) };
    this.methods = new DispatcherMethods(this, options.claimsOf, options.audit);
  }

  static async start(options: DispatcherOptions): Promise<DispatcherService> {
    const service = new DispatcherService(options);
    await service.start();
    return service;
  }

  get running(): boolean {
    return this.connection !== null;
  }

  /** Loads every request from the store, then connects: a fresh start and a restart are the same thing. */
  async start(): Promise<void> {
    if (this.connection) return;
    this.forgetAll();
    const stored = await this.options.store.load();
    stored.sort((a, b) => (a.resolvedAt ?? a.createdAt) - (b.resolvedAt ?? b.createdAt));
    for (const state of stored) this.book.put(state);
    this.startedAt = Date.now();
    for (const state of this.book.open()) {
      this.audit({ action: 'resumed', requestId: state.id, classId: state.classId, detail: `resumed ${state.status}`, data: { status: state.status } });
    }
    const { root } = this.options;
    this.connection = await ServiceConnection.open({
      ...this.options.link,
      service: 'dispatcher',
      // Help requests and acknowledgements sent while the dispatcher restarts wait for it in the broker.
      persistentSession: true,
      subscriptions: [
        filter('help', {}, root),
        filter('commandAck', {}, root),
        filter('classTags', {}, root),
        filter('classSummary', {}, root),
        filter('serviceRequest', { service: 'dispatcher' }, root),
      ],
      onMessage: (topicName, payload, retained) => this.receive(topicName, payload, retained),
      onConnect: () => this.republish(),
    });
    this.sweepTimer = setInterval(() => this.sweep(Date.now()), this.timings.sweepMs);
    this.sweepTimer.unref();
  }

  /** Takes the dispatcher off the broker and forgets what it held in memory; the store keeps it for `start()`. */
  async stop(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.sweepTimer = null;
    const connection = this.connection;
    this.connection = null;
    await connection?.close();
    await this.options.store.flushed();
    await this.options.audit.flushed();
    this.forgetAll();
  }

  // ---- what the methods and tests read -------------------------------------------------------------------------

  request(id: string): HelpState | undefined {
    return this.book.get(id);
  }

  /** The class's teacher, from its summary. */
  teacherOf(classId: string): string | null {
    return this.summaries.get(classId)?.teacher.id ?? null;
  }

  classTags(classId: string): ClassTags | undefined {
    return this.tags.get(classId);
  }

  openRequestsOf(classId: string): HelpState[] {
    return this.book.openIn(classId);
  }

  /** The tags of a request still present in its class's latest ClassTags. */
  stillPresent(state: HelpState): HelpState['tags'] {
    const latest = this.tags.get(state.classId);
    return state.tags.filter((entry) => stillTagged(entry, latest));
  }

  // ---- changing a request (also used by the methods) -----------------------------------------------------------

  /** Records a new state of a request: store, retained state, the sender's progress, metrics, and its audit entries. */
  commit(next: HelpState, entries: AuditStep[] = []): HelpState {
    const state: HelpState = { ...next, updatedAt: Date.now() };
    this.book.put(state);
    this.options.store.put(state);
    this.publishState(state);
    this.notifyProgress(state);
    for (const entry of entries) this.audit({ requestId: state.id, classId: state.classId, ...entry });
    return state;
  }

  audit(entry: AuditStep): void {
    this.options.audit.append({ actor: { id: DISPATCHER_ID, kind: 'dispatcher' }, ...entry });
  }

  /** Sends one remedy command and returns the attempt to record; an unsendable command is `no-ack` at once. */
  sendRemedy(classId: string, action: Remedy, to: string, by: string, requestId: string): RemedyAttempt {
    const commandId = randomUUID();
    const now = Date.now();
    const command = encode('command', topic('command', { classId, userId: to }, this.options.root), {
      v: 1, id: commandId, action, by, params: { help: requestId }, ts: now,
    });
    const sent = this.connection?.publish(command) ?? false;
    this.counts.remedies++;
    return {
      action, to, commandId, by, sentAt: now,
      outcome: sent ? 'pending' : 'no-ack',
      detail: sent ? '' : 'not sent: the dispatcher is not connected to the broker',
    };
  }

  // ---- inbound -------------------------------------------------------------------------------------------------

  private receive(topicName: string, payload: Buffer, retained: boolean): void {
    const decoded = decode(topicName, payload, this.options.root, retained);
    if (!decoded.ok) {
      this.drops.add(decoded);
      this.salvageInvalidHelp(topicName, payload, decoded.detail);
      return;
    }
    try {
      switch (decoded.kind) {
        case 'cleared':
          if (decoded.parsed.kind === 'classSummary') this.forgetSummary(decoded.parsed.params.classId!);
          if (decoded.parsed.kind === 'classTags') this.tags.delete(decoded.parsed.params.classId!);
          return;
        case 'help':
          return this.onHelp(decoded.params.classId, decoded.params.userId, decoded.message);
        case 'commandAck':
          return this.onAck(decoded.params.classId, decoded.params.userId, decoded.message);
        case 'classTags':
          if (decoded.message.classId === decoded.params.classId) this.onTags(decoded.message);
          return;
        case 'classSummary':
          if (decoded.message.id === decoded.params.classId) this.onSummary(decoded.message);
          return;
        case 'serviceRequest':
          return void this.onRequest(decoded.params.userId, decoded.message);
        default:
          return;
      }
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  /** A broken help message still reaches the manual queue when it carries a usable id (see `invalidState`). */
  private salvageInvalidHelp(topicName: string, payload: Buffer, detail: string): void {
    const parsed = parseTopic(topicName, this.options.root);
    if (parsed?.kind !== 'help') return;
    const { classId, userId } = parsed.params as { classId: string; userId: string };
    const id = idOf(payload);
    if (!isId(id)) return;
    this.counts.received++;
    this.counts.invalid++;
    if (this.book.has(id)) return this.duplicate(id, userId);
    this.counts.manual++;
    const { state, steps } = invalidState(classId, userId, id, this.options.claimsOf(userId)?.role, detail, Date.now());
    this.commit(state, steps);
  }

  private duplicate(id: string, senderId: string): void {
    this.counts.duplicates++;
    const known = this.book.get(id)!;
    this.audit({ action: 'duplicate-ignored', requestId: id, classId: known.classId, actor: { id: senderId, kind: 'participant' }, detail: `request ${id} arrived again (${known.status}); handled once` });
    // The sender may have missed the progress (a reload); tell them again where it stands.
    this.progressSent.delete(id);
    if (known.from.id === senderId) this.notifyProgress(known);
  }

  private onHelp(classId: string, senderId: string, request: HelpRequest): void {
    this.counts.received++;
    if (this.book.has(request.id)) return this.duplicate(request.id, senderId);
    const now = Date.now();
    const verdict = verify(request, this.verifyContext(classId, senderId, request.from.role, now, this.options.claimsOf(senderId)?.role));
    const base = firstState(classId, senderId, request, verdict, now);
    const received = receivedStep(senderId, request);
    if (!verdict.ok) {
      const { coverageGraceMs } = this.timings;
      if (verdict.check === 'not-coverable' && coverageGraceMs > 0) {
        this.commit({ ...base, reason: waitingReason(verdict.reason, coverageGraceMs) }, [waitingStep(received, verdict.reason, coverageGraceMs)]);
        return;
      }
      if (verdict.check === 'invalid') this.counts.invalid++;
      this.toManual(base, verdict, [received]);
      return;
    }
    this.tryRemedies(base, verdict, [received]);
  }

  private verifyContext(classId: string, senderId: string, role: HelpState['from']['role'], now: number, senderRole?: VerifyContext['senderRole']): VerifyContext {
    return {
      now,
      senderId,
      senderRole,
      openRequestsOf: (userId) => this.openRequestsOf(classId).filter((s) => s.from.id === userId),
      handlerOf: (entry) =>
        this.openRequestsOf(classId).find((s) => (s.status === 'remedy-pending' || s.status === 'claimed') && s.tags.some((t) => t.tag === entry.tag && t.userId === entry.userId)),
      classTags: this.tags.get(classId),
      teacherId: this.teacherOf(classId) ?? (role === 'teacher' ? senderId : null),
    };
  }

  private toManual(state: HelpState, verdict: Extract<Verdict, { ok: false }>, steps: AuditStep[], waitedS?: number): void {
    this.counts.manual++;
    this.commit({ ...state, status: 'manual', reason: verdict.reason.slice(0, 300) }, [
      ...steps,
      { action: 'manual', detail: verdict.reason, data: { check: verdict.check, ...(waitedS === undefined ? {} : { waitedS }) } },
    ]);
  }

  /** Sends the playbook's remedies for a request its tags cover; it is `remedy-pending` until they work or fail. */
  private tryRemedies(state: HelpState, verdict: Extract<Verdict, { ok: true }>, steps: AuditStep[], waitedS?: number): void {
    const { classId, id } = state;
    const remedies = verdict.plan.map((step) => this.sendRemedy(classId, step.action, step.to, DISPATCHER_ID, id));
    const plan = verdict.plan.map((step) => `${step.action} to ${step.to}`).join(', ');
    const next = this.commit({ ...state, status: 'remedy-pending', tags: verdict.covered, reason: `trying ${plan} for ${describe(verdict.covered)}`.slice(0, 300), remedies }, [
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
    this.settleAutomatic(next);
  }

  /**
   * Requests of a class that wait for tags, verified again (oldest first, so the first press is the one handled): a
   * covering tag gets the remedies sent; a request now a duplicate or already handled goes to the manual queue; one
   * still not covered when its grace has run out goes there with the reason.
   */
  private recheckWaiting(classId: string, now: number): void {
    const waiting = this.openRequestsOf(classId).filter((s) => s.status === 'received').sort((a, b) => a.createdAt - b.createdAt);
    for (const state of waiting) {
      const current = this.book.get(state.id)!;
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
    // Received by an earlier instance: the class's retained tags reach this one just after it connects.
    return state.createdAt < this.startedAt ? Math.max(deadline, this.startedAt + RESUME_GRACE_MS) : deadline;
  }

  private onAck(classId: string, userId: string, ack: CommandAck): void {
    const state = this.book.ofCommand(ack.commandId);
    if (!state || state.classId !== classId) return;
    const attempt = state.remedies.find((r) => r.commandId === ack.commandId);
    if (!attempt || attempt.to !== userId || attempt.outcome !== 'pending') return;
    const now = Date.now();
    const updated: RemedyAttempt = ack.ok
      ? { ...attempt, outcome: 'acked', ackedAt: now, detail: ack.detail.slice(0, 300) }
      : { ...attempt, outcome: 'refused', detail: (ack.detail || 'refused without a reason').slice(0, 300) };
    const next = this.commit(withAttempts(state, [updated]), [
      {
        action: ack.ok ? 'remedy-acked' : 'remedy-refused', actor: { id: userId, kind: 'participant' },
        detail: `${attempt.action} ${ack.ok ? 'carried out' : 'refused'} by ${userId}${ack.detail ? `: ${ack.detail}` : ''}`.slice(0, 1000),
        data: { commandId: attempt.commandId },
      },
    ]);
    this.settleAutomatic(next);
  }

  private onTags(tags: ClassTags): void {
    const previous = this.tags.get(tags.classId);
    if (previous && previous.ts > tags.ts) return;
    this.tags.set(tags.classId, tags);
    this.timeline.note(tags);
    for (const state of this.openRequestsOf(tags.classId)) this.checkCleared(state, tags);
    this.recheckWaiting(tags.classId, Date.now());
  }

  private onSummary(summary: ClassSummary): void {
    this.forgetSummary(summary.id);
    this.summaries.set(summary.id, summary);
    // A teacher-targeted remedy needs the teacher, whom the summary names.
    this.recheckWaiting(summary.id, Date.now());
  }

  private forgetSummary(classId: string): void {
    this.summaries.delete(classId);
  }

  private async onRequest(userId: string, request: RpcRequest): Promise<void> {
    if (request.deadline < Date.now()) return;
    const method = this.methods.find(request.method);
    let outcome: { ok: true; value: unknown } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, value: method ? await method(userId, request.params) : undefined };
    } catch (error) {
      outcome = { ok: false, error };
    }
    const table = method
      ? {
          [request.method]: () => {
            if (!outcome.ok) throw outcome.error;
            return outcome.value;
          },
        }
      : {};
    answer(this.connection, this.options.root, 'dispatcher', userId, request, table, this.options.onError);
  }

  // ---- watching remedies ---------------------------------------------------------------------------------------

  /** A `remedy-pending` request whose automatic attempt failed is escalated; one whose tags are proven gone resolved. */
  private settleAutomatic(state: HelpState): void {
    const failed = automaticFailure(state);
    if (!failed) return this.checkCleared(state, this.tags.get(state.classId));
    const why = failed.outcome === 'refused' ? `refused by ${failed.to}: ${failed.detail}` : `no acknowledgement from ${failed.to}: ${failed.detail}`;
    this.escalate(state, `${failed.action} ${why}`);
  }

  private checkCleared(state: HelpState, tags: ClassTags | undefined): void {
    if (automaticCleared(state, tags)) {
      const now = Date.now();
      this.counts.autoResolved++;
      const automatic = state.remedies.filter(isAutomatic);
      const seconds = Math.round((now - state.createdAt) / 100) / 10;
      const cleared = withAttempts(state, automatic.map((r) => ({ ...r, outcome: 'cleared' })));
      this.commit({ ...cleared, status: 'auto-resolved', resolvedAt: now, reason: `tags cleared after ${automatic.map((r) => r.action).join(', ')} (${seconds} s)` }, [
        { action: 'tags-cleared', detail: `${describe(state.tags)} gone from the class's tags of ${new Date(tags!.ts).toISOString()}`, data: { tagsTs: tags!.ts, windowEnd: tags!.windowEnd } },
        { action: 'auto-resolved', detail: `resolved automatically in ${seconds} s`, data: { seconds } },
      ]);
      return;
    }
    // A supervisor's remedy: its result is recorded; the supervisor resolves.
    const cleared = clearedByPeople(state, tags);
    if (cleared.length === 0) return;
    this.commit({ ...withAttempts(state, cleared), reason: `tags cleared after ${cleared.map((r) => `${r.action} by ${r.by}`).join(', ')}; ready to resolve`.slice(0, 300) }, [
      { action: 'tags-cleared', detail: `${describe(state.tags)} gone after ${cleared.map((r) => r.action).join(', ')}`, data: { tagsTs: tags!.ts } },
    ]);
  }

  private escalate(state: HelpState, why: string): void {
    this.counts.escalated++;
    const present = this.stillPresent(state);
    const reason = `${why}${present.length > 0 ? `; still tagged: ${describe(present)}` : ''}`.slice(0, 300);
    this.commit({ ...state, status: 'escalated', reason }, [{ action: 'escalated', detail: reason, data: { present: present.map((t) => t.tag) } }]);
  }

  private ackDeadline(attempt: RemedyAttempt): number {
    const deadline = attempt.sentAt + this.timings.ackTimeoutMs;
    // Sent by an earlier instance: its acknowledgement may be waiting in the broker for this one.
    return attempt.sentAt < this.startedAt ? Math.max(deadline, this.startedAt + RESUME_GRACE_MS) : deadline;
  }

  /** Deadlines (no acknowledgement, tag not cleared), ended requests' retention, and the metrics. */
  private sweep(now: number): void {
    try {
      for (const state of this.book.open()) this.expire(this.book.get(state.id)!, now);
      for (const state of this.book.open()) if (state.status === 'received' && now >= this.graceDeadline(state)) this.recheckWaiting(state.classId, now);
      this.retire(now);
      this.publishMetrics(now);
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  private expire(state: HelpState, now: number): void {
    const { ackTimeoutMs, pendingWindowMs } = this.timings;
    const changed = overdue(state, { now, ackTimeoutMs, pendingWindowMs, ackDeadline: (r) => this.ackDeadline(r) }, describe(this.stillPresent(state)));
    if (changed.length === 0) return;
    const next = this.commit(
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
      this.settleAutomatic(next);
    }
  }

  /** Clears ended requests' retained state after a while, and forgets them after a longer while. */
  private retire(now: number): void {
    for (const id of this.book.takeRetainedBefore(now - this.timings.clearEndedAfterMs + 1)) {
      this.connection?.publish({ topic: topic('helpState', { requestId: id }, this.options.root), payload: new Uint8Array(0), qos: 1, retain: true });
    }
    for (const id of this.book.forgetBefore(now - this.timings.forgetEndedAfterMs + 1)) {
      this.progressSent.delete(id);
      this.options.store.delete(id);
    }
  }

  // ---- outbound ------------------------------------------------------------------------------------------------

  private forgetAll(): void {
    this.book.clear();
    this.progressSent.clear();
    this.summaries.clear();
    this.tags.clear();
    this.lastMetrics = '';
  }

  private republish(): void {
    const now = Date.now();
    for (const state of this.book.all()) {
      const ended = this.book.retainedSince(state.id);
      if (!isEnded(state) || (ended !== undefined && now < ended + this.timings.clearEndedAfterMs)) this.publishState(state);
    }
    this.lastMetrics = '';
    this.publishMetrics(now, true);
  }

  private publishState(state: HelpState): void {
    if (!this.connection) return;
    const name = topic('helpState', { requestId: state.id }, this.options.root);
    try {
      this.connection.publish(encode('helpState', name, state));
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      // Too large with every diagnostic attached: the stats go (the store keeps them), the rest is published.
      const diagnostics = state.diagnostics && { ...state.diagnostics, stats: [] };
      this.connection.publish(encode('helpState', name, { ...state, diagnostics }));
    }
  }

  private notifyProgress(state: HelpState): void {
    const progress = progressOf(state.status);
    if (this.progressSent.get(state.id) === progress) return;
    this.progressSent.set(state.id, progress);
    const notice: Notice = { v: 1, kind: 'help-progress', ref: state.id, text: PROGRESS_TEXT[progress], progress, ts: Date.now() };
    this.connection?.publish(encode('notice', topic('notice', { userId: state.from.id }, this.options.root), notice));
  }

  private publishMetrics(now: number, force = false): void {
    if (!this.connection || (!force && now - this.lastMetricsAt < this.timings.metricsIntervalMs)) return;
    let live = 0;
    for (const summary of this.summaries.values()) if (summary.state === 'live') live++;
    const metrics = computeMetrics(this.book.all(), live, now);
    const fingerprint = JSON.stringify({ ...metrics, at: 0 });
    if (fingerprint === this.lastMetrics) return;
    this.lastMetrics = fingerprint;
    this.lastMetricsAt = now;
    this.connection.publish(encode('supervisorMetrics', topic('supervisorMetrics', {}, this.options.root), metrics));
  }
}
