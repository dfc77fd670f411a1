import { randomUUID } from 'node:crypto';
import type { ClassSummary, Command, Notice } from '../../shared/protocol/messages';
import type { ClassTags, HelpState, RemedyAttempt, SupervisorMetrics } from '../../shared/protocol/supervision';
import type { Remedy } from '../../shared/tags/catalogue';
import type { AuditStep, NewAuditEntry } from './audit-log';
import { stillTagged } from './coverage';
import { HelpBook } from './help-book';
import type { HelpStore } from './help-store';
import { computeMetrics, isEnded } from './metrics';
import { outcomeOf, OUTCOME_TEXT, progressOf, PROGRESS_TEXT } from './progress';
import { DISPATCHER_ID } from './remedy-watch';
import { TagTimeline } from './tag-timeline';
import type { Timings } from './timings';

/**
 * What the help desk does to the world, and nothing else does: the dispatcher carries it out over MQTT and into the
 * audit log; a test records it.
 */
export interface HelpDeskEffects {
  /** Sends a command to one participant; false when it could not go out. */
  command(classId: string, userId: string, command: Command): boolean;
  /** Publishes a request's retained state. */
  helpState(state: HelpState): void;
  /** Clears an ended request's retained state. */
  clearHelpState(requestId: string): void;
  notice(userId: string, notice: Notice): void;
  /** Publishes the headline figures; false when they could not go out, so they are tried again. */
  metrics(metrics: SupervisorMetrics): boolean;
  audit(entry: NewAuditEntry): void;
}

export interface HelpRecordsOptions {
  store: HelpStore;
  effects: HelpDeskEffects;
  timings: Timings;
  clock(): number;
}

/**
 * The help desk's records: every request it holds (its book and store), what it knows of each class (tags, summary,
 * tag timeline), and the only way to change a request: `commit`, which stores it, publishes its retained state and
 * its sender's progress, and appends its audit entries. Also the retention of ended requests and the metrics.
 */
export class HelpRecords {
  readonly counts = { received: 0, duplicates: 0, invalid: 0, manual: 0, remedies: 0, autoResolved: 0, escalated: 0 };
  readonly timeline = new TagTimeline();
  readonly book = new HelpBook();
  /** When this run of the desk loaded its store: windows of what an earlier run sent are counted from then. */
  startedAt = 0;
  private readonly progressSent = new Map<string, string>();
  private readonly summaries = new Map<string, ClassSummary>();
  private readonly tags = new Map<string, ClassTags>();
  private lastMetrics = '';
  private lastMetricsAt = 0;

  constructor(private readonly options: HelpRecordsOptions) {}

  get timings(): Timings {
    return this.options.timings;
  }

  now(): number {
    return this.options.clock();
  }

  /** Loads every request from the store, oldest ending first; open ones are audited as resumed. */
  async load(): Promise<void> {
    this.forgetAll();
    const stored = await this.options.store.load();
    stored.sort((a, b) => (a.resolvedAt ?? a.createdAt) - (b.resolvedAt ?? b.createdAt));
    for (const state of stored) this.book.put(state);
    this.startedAt = this.now();
    for (const state of this.book.open()) {
      this.audit({ action: 'resumed', requestId: state.id, classId: state.classId, detail: `resumed ${state.status}`, data: { status: state.status } });
    }
  }

  /** Forgets what memory holds (the store keeps it). */
  forgetAll(): void {
    this.book.clear();
    this.progressSent.clear();
    this.summaries.clear();
    this.tags.clear();
    this.lastMetrics = '';
  }

  flushed(): Promise<void> {
    return this.options.store.flushed();
  }

  // ---- reading ---------------------------------------------------------------------------------------------------

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

  // ---- what the desk learns about classes ------------------------------------------------------------------------

  /** Takes a class's tags unless older ones than it holds; true when taken. */
  noteTags(tags: ClassTags): boolean {
    const previous = this.tags.get(tags.classId);
    if (previous && previous.ts > tags.ts) return false;
    this.tags.set(tags.classId, tags);
    this.timeline.note(tags);
    return true;
  }

  forgetTags(classId: string): void {
    this.tags.delete(classId);
  }

  noteSummary(summary: ClassSummary): void {
    this.summaries.delete(summary.id);
    this.summaries.set(summary.id, summary);
  }

  forgetSummary(classId: string): void {
    this.summaries.delete(classId);
  }

  // ---- changing a request ----------------------------------------------------------------------------------------

  /** Records a new state of a request: store, retained state, the sender's progress, metrics, and its audit entries. */
  commit(next: HelpState, entries: AuditStep[] = []): HelpState {
    const state: HelpState = { ...next, updatedAt: this.now() };
    this.book.put(state);
    this.options.store.put(state);
    this.options.effects.helpState(state);
    this.notifyProgress(state);
    for (const entry of entries) this.audit({ requestId: state.id, classId: state.classId, ...entry });
    return state;
  }

  audit(entry: AuditStep): void {
    this.options.effects.audit({ actor: { id: DISPATCHER_ID, kind: 'dispatcher' }, at: this.now(), ...entry });
  }

  /** Sends one remedy command and returns the attempt to record; an unsendable command is `no-ack` at once. */
  sendRemedy(classId: string, action: Remedy, to: string, by: string, requestId: string): RemedyAttempt {
    const commandId = randomUUID();
    const now = this.now();
    const sent = this.options.effects.command(classId, to, { v: 1, id: commandId, action, by, params: { help: requestId }, ts: now });
    this.counts.remedies++;
    return {
      action, to, commandId, by, sentAt: now,
      outcome: sent ? 'pending' : 'no-ack',
      detail: sent ? '' : 'not sent: the dispatcher is not connected to the broker',
    };
  }

  /** Forgets what the sender of a request was last told, so the next notice goes out even if it says the same. */
  forgetProgress(id: string): void {
    this.progressSent.delete(id);
  }

  /** Tells the sender of a request where it stands, unless they were last told the same. */
  notifyProgress(state: HelpState): void {
    const progress = progressOf(state.status);
    if (this.progressSent.get(state.id) === progress) return;
    this.progressSent.set(state.id, progress);
    const outcome = outcomeOf(state);
    const text = outcome ? OUTCOME_TEXT[outcome] : PROGRESS_TEXT[progress];
    this.options.effects.notice(state.from.id, { v: 1, kind: 'help-progress', ref: state.id, text, progress, ...(outcome && { outcome }), ts: this.now() });
  }

  // ---- publishing ------------------------------------------------------------------------------------------------

  /** After every (re)connection: every retained state still due, and the metrics. */
  republish(): void {
    const now = this.now();
    for (const state of this.book.all()) {
      const ended = this.book.retainedSince(state.id);
      if (!isEnded(state) || (ended !== undefined && now < ended + this.timings.clearEndedAfterMs)) this.options.effects.helpState(state);
    }
    this.lastMetrics = '';
    this.publishMetrics(now, true);
  }

  /** Clears ended requests' retained state after a while, and forgets them after a longer while. */
  retire(now: number): void {
    for (const id of this.book.takeRetainedBefore(now - this.timings.clearEndedAfterMs + 1)) this.options.effects.clearHelpState(id);
    for (const id of this.book.forgetBefore(now - this.timings.forgetEndedAfterMs + 1)) {
      this.progressSent.delete(id);
      this.options.store.delete(id);
    }
  }

  /** The metrics, at most every `metricsIntervalMs` and only when they changed (unless forced). */
  publishMetrics(now: number, force = false): void {
    if (!force && now - this.lastMetricsAt < this.timings.metricsIntervalMs) return;
    let live = 0;
    for (const summary of this.summaries.values()) if (summary.state === 'live') live++;
    const metrics = computeMetrics(this.book.all(), live, now);
    const fingerprint = JSON.stringify({ ...metrics, at: 0 });
    if (fingerprint === this.lastMetrics || !this.options.effects.metrics(metrics)) return;
    this.lastMetrics = fingerprint;
    this.lastMetricsAt = now;
  }
}
