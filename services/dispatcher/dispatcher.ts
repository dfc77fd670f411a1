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
import type { HelpStore } from './help-store';
import { computeMetrics, isEnded } from './metrics';
import { progressOf, PROGRESS_TEXT } from './progress';
import { DispatcherMethods } from './methods';
import { TagTimeline } from './tag-timeline';
import { describe, verify } from './verify';

/** An audit entry as the dispatcher writes it: by the dispatcher unless it names someone else. */
export type AuditStep = Omit<NewAuditEntry, 'actor'> & { actor?: NewAuditEntry['actor'] };

/** The id the dispatcher signs its own remedies and audit entries with. */
export const DISPATCHER_ID = 'dispatcher';

export interface DispatcherTuning {
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
  ackTimeoutMs: 10_000,
  pendingWindowMs: 45_000,
  clearEndedAfterMs: 10 * 60_000,
  forgetEndedAfterMs: 24 * 3_600_000,
  metricsIntervalMs: 2_000,
  sweepMs: 250,
};

export function isAutomatic(attempt: RemedyAttempt): boolean {
  return attempt.by === DISPATCHER_ID;
}

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
  private readonly requests = new Map<string, HelpState>();
  private readonly openByClass = new Map<string, Set<string>>();
  private readonly byCommand = new Map<string, string>();
  /** Ended requests whose retained state is still published, and those still remembered, oldest first. */
  private readonly retainedEnded = new Map<string, number>();
  private readonly rememberedEnded = new Map<string, number>();
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
    for (const state of stored) this.hold(state);
    this.startedAt = Date.now();
    for (const state of this.requests.values()) {
      if (!isEnded(state)) this.audit({ action: 'resumed', requestId: state.id, classId: state.classId, detail: `resumed ${state.status}`, data: { status: state.status } });
    }
    const { root } = this.options;
    this.connection = await ServiceConnection.open({
      ...this.options.link,
      clientId: 'svc-dispatcher',
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
    return this.requests.get(id);
  }

  classTags(classId: string): ClassTags | undefined {
    return this.tags.get(classId);
  }

  openRequestsOf(classId: string): HelpState[] {
    return [...(this.openByClass.get(classId) ?? [])].map((id) => this.requests.get(id)!);
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
    this.hold(state);
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

  /**
   * A help request that does not pass the schema still reaches the manual queue when it carries a usable id: the
   * sender pressed help, and a person should know, even if their client is broken.
   */
  private salvageInvalidHelp(topicName: string, payload: Buffer, detail: string): void {
    const parsed = parseTopic(topicName, this.options.root);
    if (parsed?.kind !== 'help') return;
    const { classId, userId } = parsed.params as { classId: string; userId: string };
    let id: unknown;
    try {
      id = (JSON.parse(payload.toString('utf8')) as { id?: unknown } | null)?.id;
    } catch {
      return;
    }
    if (!isId(id)) return;
    this.counts.received++;
    this.counts.invalid++;
    if (this.requests.has(id)) return this.duplicate(id, userId);
    const role = this.options.claimsOf(userId)?.role;
    const now = Date.now();
    this.counts.manual++;
    this.commit(
      {
        v: 1, id, classId, from: { id: userId, name: userId, role: role === 'teacher' || role === 'supervisor' ? role : 'student' },
        topic: 'other', text: '', status: 'manual', reason: `invalid: ${detail}`.slice(0, 300), tags: [], remedies: [],
        claimedBy: null, note: '', diagnostics: null, createdAt: now, updatedAt: now, resolvedAt: null,
      },
      [
        { action: 'received', actor: { id: userId, kind: 'participant' }, detail: 'help request that does not match the protocol' },
        { action: 'manual', detail: `invalid: ${detail}`.slice(0, 1000), data: { check: 'invalid' } },
      ],
    );
  }

  private duplicate(id: string, senderId: string): void {
    this.counts.duplicates++;
    const known = this.requests.get(id)!;
    this.audit({ action: 'duplicate-ignored', requestId: id, classId: known.classId, actor: { id: senderId, kind: 'participant' }, detail: `request ${id} arrived again (${known.status}); handled once` });
    // The sender may have missed the progress (a reload); tell them again where it stands.
    this.progressSent.delete(id);
    if (known.from.id === senderId) this.notifyProgress(known);
  }

  private onHelp(classId: string, senderId: string, request: HelpRequest): void {
    this.counts.received++;
    if (this.requests.has(request.id)) return this.duplicate(request.id, senderId);
    const now = Date.now();
    const teacherId = this.summaries.get(classId)?.teacher.id ?? (request.from.role === 'teacher' ? senderId : null);
    const verdict = verify(request, {
      now,
      senderId,
      senderRole: this.options.claimsOf(senderId)?.role,
      openRequestOf: (userId) => this.openRequestsOf(classId).find((s) => s.from.id === userId),
      handlerOf: (entry) =>
        this.openRequestsOf(classId).find((s) => (s.status === 'remedy-pending' || s.status === 'claimed') && s.tags.some((t) => t.tag === entry.tag && t.userId === entry.userId)),
      classTags: this.tags.get(classId),
      teacherId,
    });
    const base: HelpState = {
      v: 1, id: request.id, classId, from: { ...request.from, id: senderId }, topic: request.topic, text: request.text,
      status: 'received', reason: '', tags: verdict.ok ? verdict.covered : [], remedies: [], claimedBy: null, note: '',
      diagnostics: request.diagnostics, createdAt: now, updatedAt: now, resolvedAt: null,
    };
    const received: AuditStep = {
      action: 'received', actor: { id: senderId, kind: 'participant' },
      detail: `help request about ${request.topic}${request.text ? `: ${request.text}` : ''}`.slice(0, 1000),
      data: { sentAt: request.ts, appVersion: request.diagnostics.appVersion, device: request.diagnostics.device, stats: request.diagnostics.stats.length },
    };
    if (!verdict.ok) {
      if (verdict.check === 'invalid') this.counts.invalid++;
      this.counts.manual++;
      this.commit({ ...base, status: 'manual', reason: verdict.reason.slice(0, 300) }, [
        received,
        { action: 'manual', detail: verdict.reason, data: { check: verdict.check } },
      ]);
      return;
    }
    const remedies = verdict.plan.map((step) => this.sendRemedy(classId, step.action, step.to, DISPATCHER_ID, request.id));
    const plan = verdict.plan.map((step) => `${step.action} to ${step.to}`).join(', ');
    const state = this.commit({ ...base, status: 'remedy-pending', reason: `trying ${plan} for ${describe(verdict.covered)}`.slice(0, 300), remedies }, [
      received,
      ...remedies.map((r): AuditStep => ({
        action: 'remedy-sent', detail: `${r.action} to ${r.to}${r.detail ? ` (${r.detail})` : ''}`,
        data: { commandId: r.commandId, action: r.action, to: r.to, tags: verdict.plan.find((p) => p.action === r.action && p.to === r.to)?.tags.map((t) => t.tag) },
      })),
    ]);
    // A command that could not even be sent fails the automatic attempt straight away.
    this.settleAutomatic(state);
  }

  private onAck(classId: string, userId: string, ack: CommandAck): void {
    const requestId = this.byCommand.get(ack.commandId);
    const state = requestId ? this.requests.get(requestId) : undefined;
    if (!state || state.classId !== classId) return;
    const attempt = state.remedies.find((r) => r.commandId === ack.commandId);
    if (!attempt || attempt.to !== userId || attempt.outcome !== 'pending') return;
    const now = Date.now();
    const updated: RemedyAttempt = ack.ok
      ? { ...attempt, outcome: 'acked', ackedAt: now, detail: ack.detail.slice(0, 300) }
      : { ...attempt, outcome: 'refused', detail: (ack.detail || 'refused without a reason').slice(0, 300) };
    const next = this.commit(this.withAttempt(state, updated), [
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
  }

  private onSummary(summary: ClassSummary): void {
    this.forgetSummary(summary.id);
    this.summaries.set(summary.id, summary);
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

  private withAttempt(state: HelpState, attempt: RemedyAttempt): HelpState {
    return { ...state, remedies: state.remedies.map((r) => (r.commandId === attempt.commandId ? attempt : r)) };
  }

  /**
   * The automatic attempt of a `remedy-pending` request ends when one of its commands failed (escalated) or when all
   * were carried out and a ClassTags published after the last acknowledgement no longer has any of the request's tags
   * (auto-resolved). Never resolved otherwise.
   */
  private settleAutomatic(state: HelpState): void {
    if (state.status !== 'remedy-pending') return;
    const automatic = state.remedies.filter(isAutomatic);
    const failed = automatic.find((r) => r.outcome === 'refused' || r.outcome === 'no-ack');
    if (failed) {
      const why = failed.outcome === 'refused' ? `refused by ${failed.to}: ${failed.detail}` : `no acknowledgement from ${failed.to}: ${failed.detail}`;
      this.escalate(state, `${failed.action} ${why}`);
      return;
    }
    this.checkCleared(state, this.tags.get(state.classId));
  }

  private checkCleared(state: HelpState, tags: ClassTags | undefined): void {
    if (!tags || state.tags.length === 0) return;
    if (state.tags.some((entry) => stillTagged(entry, tags))) return;
    if (state.status === 'remedy-pending') {
      const automatic = state.remedies.filter(isAutomatic);
      if (!automatic.every((r) => r.outcome === 'acked')) return;
      const lastAck = Math.max(...automatic.map((r) => r.ackedAt ?? Number.MAX_SAFE_INTEGER));
      if (tags.ts <= lastAck) return;
      const now = Date.now();
      this.counts.autoResolved++;
      const remedies = state.remedies.map((r): RemedyAttempt => (isAutomatic(r) && r.outcome === 'acked' ? { ...r, outcome: 'cleared' } : r));
      const seconds = Math.round((now - state.createdAt) / 100) / 10;
      this.commit({ ...state, status: 'auto-resolved', remedies, resolvedAt: now, reason: `tags cleared after ${automatic.map((r) => r.action).join(', ')} (${seconds} s)` }, [
        { action: 'tags-cleared', detail: `${describe(state.tags)} gone from the class's tags of ${new Date(tags.ts).toISOString()}`, data: { tagsTs: tags.ts, windowEnd: tags.windowEnd } },
        { action: 'auto-resolved', detail: `resolved automatically in ${seconds} s`, data: { seconds } },
      ]);
      return;
    }
    // A supervisor's remedy: its result is recorded; the supervisor resolves.
    const cleared = state.remedies.filter((r) => !isAutomatic(r) && r.outcome === 'acked' && r.ackedAt !== undefined && tags.ts > r.ackedAt);
    if (cleared.length === 0) return;
    const ids = new Set(cleared.map((r) => r.commandId));
    this.commit(
      {
        ...state,
        remedies: state.remedies.map((r): RemedyAttempt => (ids.has(r.commandId) ? { ...r, outcome: 'cleared' } : r)),
        reason: `tags cleared after ${cleared.map((r) => `${r.action} by ${r.by}`).join(', ')}; ready to resolve`.slice(0, 300),
      },
      [{ action: 'tags-cleared', detail: `${describe(state.tags)} gone after ${cleared.map((r) => r.action).join(', ')}`, data: { tagsTs: tags.ts } }],
    );
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
      for (const ids of [...this.openByClass.values()]) {
        for (const id of [...ids]) this.expire(this.requests.get(id)!, now);
      }
      this.retire(now);
      this.publishMetrics(now);
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  private expire(state: HelpState, now: number): void {
    const { pendingWindowMs } = this.timings;
    const changed: RemedyAttempt[] = [];
    for (const r of state.remedies) {
      if (r.outcome === 'pending' && now >= this.ackDeadline(r)) {
        changed.push({ ...r, outcome: 'no-ack', detail: `no acknowledgement within ${this.timings.ackTimeoutMs / 1000} s (offline or not responding)` });
      } else if (r.outcome === 'acked' && !isAutomatic(r) && r.ackedAt !== undefined && now >= r.ackedAt + pendingWindowMs && state.tags.length > 0) {
        changed.push({ ...r, outcome: 'not-cleared', detail: `${describe(this.stillPresent(state))} still tagged ${pendingWindowMs / 1000} s after it was carried out`.slice(0, 300) });
      }
    }
    if (state.status === 'remedy-pending') {
      const automatic = state.remedies.filter(isAutomatic);
      const lastAck = Math.max(...automatic.map((r) => r.ackedAt ?? Number.MAX_SAFE_INTEGER));
      if (automatic.every((r) => r.outcome === 'acked') && now >= lastAck + pendingWindowMs) {
        for (const r of automatic) changed.push({ ...r, outcome: 'not-cleared', detail: `still tagged ${pendingWindowMs / 1000} s after it was carried out` });
      }
    }
    if (changed.length === 0) return;
    let next = state;
    for (const attempt of changed) next = this.withAttempt(next, attempt);
    next = this.commit(
      next,
      changed.map((r): AuditStep => ({
        action: r.outcome === 'no-ack' ? 'remedy-no-ack' : 'tags-not-cleared',
        detail: `${r.action} to ${r.to}: ${r.detail}`.slice(0, 1000),
        data: { commandId: r.commandId },
      })),
    );
    if (next.status === 'remedy-pending') {
      const notCleared = next.remedies.find((r) => isAutomatic(r) && r.outcome === 'not-cleared');
      if (notCleared) this.escalate(next, `${next.remedies.filter(isAutomatic).map((r) => r.action).join(', ')} carried out, but the tags did not clear within ${pendingWindowMs / 1000} s`);
      else this.settleAutomatic(next);
    }
  }

  /** Clears ended requests' retained state after a while, and forgets them after a longer while. */
  private retire(now: number): void {
    for (const [id, endedAt] of this.retainedEnded) {
      if (now < endedAt + this.timings.clearEndedAfterMs) break;
      this.retainedEnded.delete(id);
      this.connection?.publish({ topic: topic('helpState', { requestId: id }, this.options.root), payload: new Uint8Array(0), qos: 1, retain: true });
      const state = this.requests.get(id);
      // The diagnostics stay in the store; memory keeps what the metrics and duplicate checks need.
      if (state) this.requests.set(id, { ...state, diagnostics: null });
    }
    for (const [id, endedAt] of this.rememberedEnded) {
      if (now < endedAt + this.timings.forgetEndedAfterMs) break;
      this.rememberedEnded.delete(id);
      this.retainedEnded.delete(id);
      this.requests.delete(id);
      this.progressSent.delete(id);
      this.options.store.delete(id);
    }
  }

  // ---- outbound ------------------------------------------------------------------------------------------------

  /** Puts a state in memory and keeps the indexes (open per class, command ids, ended ones in order) in step. */
  private hold(state: HelpState): void {
    const previous = this.requests.get(state.id);
    this.requests.set(state.id, state);
    if (previous) for (const r of previous.remedies) this.byCommand.delete(r.commandId);
    const open = this.openByClass.get(state.classId) ?? new Set<string>();
    if (isEnded(state)) {
      open.delete(state.id);
      const endedAt = state.resolvedAt ?? state.updatedAt;
      if (!this.rememberedEnded.has(state.id)) {
        this.rememberedEnded.set(state.id, endedAt);
        this.retainedEnded.set(state.id, endedAt);
      }
    } else {
      open.add(state.id);
      for (const r of state.remedies) if (r.outcome === 'pending' || r.outcome === 'acked') this.byCommand.set(r.commandId, state.id);
    }
    if (open.size > 0) this.openByClass.set(state.classId, open);
    else this.openByClass.delete(state.classId);
  }

  private forgetAll(): void {
    this.requests.clear();
    this.openByClass.clear();
    this.byCommand.clear();
    this.retainedEnded.clear();
    this.rememberedEnded.clear();
    this.progressSent.clear();
    this.summaries.clear();
    this.tags.clear();
    this.lastMetrics = '';
  }

  private republish(): void {
    const now = Date.now();
    for (const state of this.requests.values()) {
      const ended = this.retainedEnded.get(state.id);
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
    const metrics = computeMetrics(this.requests.values(), live, now);
    const fingerprint = JSON.stringify({ ...metrics, at: 0 });
    if (fingerprint === this.lastMetrics) return;
    this.lastMetrics = fingerprint;
    this.lastMetricsAt = now;
    this.connection.publish(encode('supervisorMetrics', topic('supervisorMetrics', {}, this.options.root), metrics));
  }
}
