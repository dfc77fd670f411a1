import type { Claims } from '../../shared/auth/claims';
import type { DropCounter } from '../../shared/protocol/codec';
import type { ClassSummary } from '../../shared/protocol/messages';
import type { ClassReport, ReportSummary } from '../../shared/protocol/reports';
import { mayReadReport, readsReports, RPC } from '../../shared/protocol/rpc/index';
import type { ClaimsLookup } from '../classroom/requester';
import { RpcRefusal } from '../host/refusal';
import { ServiceHost } from '../host/service-host';
import type { ServiceLink } from '../mqtt/service-connection';
import * as book from './report-book';
import type { ReportStore } from './report-store';

/** Reports are kept this long after their class ends by default (`retentionMs`, the backend's `reportRetentionMs`). */
export const DEFAULT_REPORT_RETENTION_MS = 90 * 24 * 3_600_000;
/** How often changed records are written, and how often expired ones are looked for (by default). */
const WRITE_EVERY_MS = 1_000;
const SWEEP_EVERY_MS = 60_000;
/** A reports list holds at most this many (the newest). */
export const MAX_LISTED_REPORTS = 500;

export interface ReportServiceOptions {
  link: ServiceLink;
  root: string;
  claimsOf: ClaimsLookup;
  store: ReportStore;
  /** How long a report is kept after its class ends (or after its last event, for a class never seen ending). */
  retentionMs?: number;
  sweepEveryMs?: number;
  /** The service's clock (tests move it past the retention). */
  now?: () => number;
  onError?(error: unknown): void;
}

/**
 * Class reports. The service follows the class traffic a report is made of (presence, hands, chat, committed board
 * operations, the poll service's polls and tallies, the tagger's tags, the dispatcher's help states, the directory's
 * summaries) and keeps one record per class in its store, written a moment after it changes. Teachers read their
 * classes' reports, supervisors and admins all (`RPC.reports`, `mayReadReport`). A report is deleted, from the store
 * too, once its retention after the class's end has run out.
 */
export class ReportService {
  private readonly records = new Map<string, book.ClassRecord>();
  /** The directory's latest summary per class, also for classes with no report yet. */
  private readonly summaries = new Map<string, ClassSummary>();
  private readonly dirty = new Set<string>();
  private readonly host: ServiceHost<typeof RPC.reports>;
  /** How long a report is kept after its class ends. */
  readonly retentionMs: number;
  private readonly now: () => number;

  constructor(private readonly options: ReportServiceOptions) {
    this.retentionMs = options.retentionMs ?? DEFAULT_REPORT_RETENTION_MS;
    this.now = options.now ?? Date.now;
    this.host = new ServiceHost(
      {
        name: 'reports',
        // What happens in class while the service restarts waits for it, so the counts miss nothing.
        persistentSession: true,
        subscriptions: ['classSummary', 'presence', 'hand', 'chat', 'boardOps', 'poll', 'pollTally', 'classTags', 'helpState'],
        handlers: {
          classSummary: ({ params, message }) => {
            this.summaries.set(params.classId, message);
            const record = this.records.get(params.classId);
            if (record) this.change(record, (r) => book.describe(r, message, this.now()));
          },
          presence: (incoming) => this.follow(incoming, incoming.params.classId, (r) => book.presence(r, incoming.message, this.at(incoming, incoming.message.ts))),
          hand: (incoming) => this.follow(incoming, incoming.params.classId, (r) => book.hand(r, incoming.params.userId, incoming.message, this.at(incoming, incoming.message.at))),
          chat: (incoming) => this.follow(incoming, incoming.params.classId, (r) => book.chat(r, incoming.message, this.at(incoming, incoming.message.ts))),
          boardOps: (incoming) => this.follow(incoming, incoming.params.classId, (r) => book.board(r, incoming.params.userId, incoming.message, this.now())),
          poll: (incoming) => this.follow(incoming, incoming.params.classId, (r) => book.poll(r, incoming.message, this.at(incoming, incoming.message.ts))),
          pollTally: (incoming) =>
            this.follow(incoming, incoming.params.classId, (r) => book.pollTally(r, incoming.params.pollId, incoming.message, this.at(incoming, incoming.message.ts))),
          classTags: (incoming) => this.follow(incoming, incoming.params.classId, (r) => book.tags(r, incoming.message, this.at(incoming, incoming.message.ts))),
          helpState: (incoming) => this.follow(incoming, incoming.message.classId, (r) => book.help(r, incoming.message, this.at(incoming, incoming.message.updatedAt))),
        },
        cleared: {
          // A presence cleared by its owner: they are gone.
          presence: ({ classId, userId }) => {
            const record = this.records.get(classId);
            const p = record?.people[userId];
            if (record && p?.online) this.change(record, (r) => book.presence(r, { v: 1, userId, name: p.name, role: p.role, online: false, ts: this.now() }, this.now()));
          },
        },
        rpc: {
          contract: RPC.reports,
          methods: {
            list: (_params, userId) => ({ reports: this.list(this.reader(userId)) }),
            get: ({ classId }, userId) => {
              const claims = this.reader(userId);
              if (!mayReadReport(claims, classId)) throw new RpcRefusal('forbidden', `${userId} may not read the report of ${classId}`);
              const report = this.report(classId);
              if (!report) throw new RpcRefusal('no-report', `${classId} has no report`);
              return report;
            },
          },
        },
        onStart: async () => {
          this.records.clear();
          for (const record of await options.store.load()) this.records.set(record.classId, record);
          this.sweep();
        },
        timers: [
          { everyMs: WRITE_EVERY_MS, run: () => this.write() },
          { everyMs: options.sweepEveryMs ?? SWEEP_EVERY_MS, run: () => this.sweep() },
        ],
        onStop: async () => {
          this.write();
          await options.store.flushed();
        },
      },
      { link: options.link, root: options.root, onError: options.onError },
    );
  }

  static async start(options: ReportServiceOptions): Promise<ReportService> {
    const service = new ReportService(options);
    await service.start();
    return service;
  }

  /** Where the reports are kept, for a person to read. */
  get where(): string {
    return this.options.store.where;
  }

  get running(): boolean {
    return this.host.running;
  }

  get drops(): DropCounter {
    return this.host.drops;
  }

  start(): Promise<void> {
    return this.host.start();
  }

  stop(): Promise<void> {
    return this.host.stop();
  }

  /** A class's report now, or null when there is none. */
  report(classId: string): ClassReport | null {
    const record = this.records.get(classId);
    return record ? book.report(record, this.now(), this.retentionMs) : null;
  }

  /** The class ids with a report (tests). */
  classIds(): string[] {
    return [...this.records.keys()];
  }

  /** Deletes the reports whose retention has run out, from memory and from the store. */
  sweep(): string[] {
    const now = this.now();
    const expired = [...this.records.values()].filter((r) => book.expiresAt(r, this.retentionMs) <= now).map((r) => r.classId);
    for (const classId of expired) {
      this.records.delete(classId);
      this.dirty.delete(classId);
      this.options.store.delete(classId);
    }
    return expired;
  }

  /** Writes the records that changed since the last write. */
  write(): void {
    for (const classId of this.dirty) {
      const record = this.records.get(classId);
      if (record) this.options.store.put(record);
    }
    this.dirty.clear();
  }

  private reader(userId: string): Claims {
    const claims = this.options.claimsOf(userId);
    if (!claims) throw new RpcRefusal('unknown-user', `${userId} has no session with this backend`);
    if (!readsReports(claims.role)) throw new RpcRefusal('forbidden', 'only teachers, supervisors and admins read class reports');
    return claims;
  }

  private list(claims: Claims): ReportSummary[] {
    const recent = (s: ReportSummary) => s.endedAt ?? s.startedAt;
    return [...this.records.values()]
      .filter((r) => mayReadReport(claims, r.classId))
      .map((r) => book.summary(r, this.retentionMs))
      .sort((a, b) => recent(b) - recent(a) || a.classId.localeCompare(b.classId))
      .slice(0, MAX_LISTED_REPORTS);
  }

  /**
   * When a message's event happened: now for live traffic; for a retained message (heard again after a restart, or
   * from before the service started) the time it carries, never later than now.
   */
  private at(incoming: { retained: boolean }, stamped: number): number {
    const now = this.now();
    return incoming.retained ? Math.min(stamped, now) : now;
  }

  /**
   * Applies an event to its class's record, starting the record on the class's first event. A retained message older
   * than the retention starts none: a class whose report was deleted is not brought back by its retained state when
   * the service restarts.
   */
  private follow(incoming: { retained: boolean; message: unknown }, classId: string, apply: (record: book.ClassRecord) => void): void {
    let record = this.records.get(classId);
    if (!record) {
      if (incoming.retained && stampOf(incoming.message) + this.retentionMs <= this.now()) return;
      record = book.newRecord(classId, this.now(), this.summaries.get(classId));
      this.records.set(classId, record);
    }
    this.change(record, apply);
  }

  private change(record: book.ClassRecord, apply: (record: book.ClassRecord) => void): void {
    const before = record.updatedAt;
    apply(record);
    this.dirty.add(record.classId);
    if (record.updatedAt < before) record.updatedAt = before;
  }
}

/** The time a message carries (each kind names it its own way); 0 when it carries none. */
function stampOf(message: unknown): number {
  const m = message as { ts?: unknown; at?: unknown; updatedAt?: unknown };
  const stamp = m.ts ?? m.updatedAt ?? m.at;
  return typeof stamp === 'number' ? stamp : 0;
}
