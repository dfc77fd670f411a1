import type { BoardOps, BoardSnapshot } from '../../../shared/protocol';
import { SequenceTracker, senderKey, type ElementRecord } from '../../../shared/whiteboard';
import type { ClassChannel } from '../../link/channel';
import type { BoardHost, BoardParticipant, ResyncResult } from '../contract';
import { toBatches } from './batches';
import type { Clock } from './clock';
import type { BoardDocument, DocumentChange } from './document';
import type { RejectReason } from './boardEvents';
import type { DrawingRights } from './rights';
import type { SendScheduler } from './sendScheduler';
import { UnsentOps } from './unsent';

export interface BoardReplicaOptions {
  channel: Pick<ClassChannel, 'classId' | 'publish' | 'request'>;
  host: Pick<BoardHost, 'sendTelemetry' | 'syncSent' | 'snapshotLoaded'>;
  participant: BoardParticipant;
  /** This mounted board's id, `session` on the wire: its ops are numbered from 1 under it. */
  instanceId: string;
  document: BoardDocument;
  rights: DrawingRights;
  clock: Clock;
  scheduler: SendScheduler;
  shownPage(): string | null;
  /** Something the board's status shows changed (unsent, resyncing). */
  changed(): void;
  reject(reason: RejectReason): void;
}

type Waiter = { resolve: (result: ResyncResult) => void; reject: (error: Error) => void };

const SYNC_THROTTLE_MS = 250;
const LAG_REPORT_MS = 5_000;
const RESYNC_RETRY_MS = 2_000;

/**
 * The document's replica of the class's board: what keeps it equal to everyone else's. Local edits leave as numbered
 * ops (per mounted board) and stay unsent until the broker acknowledges them; ops from others are checked (rights,
 * authorship) and their numbers followed per sender, so a skipped number shows a missed op; a page that may have
 * missed something is fetched from the board service and merged; retained snapshots are merged, parked until their
 * page is shown, or skipped when they cannot bring anything; and the page, revision and unsent count go to the roster.
 */
export class BoardReplica {
  private readonly seqs = new SequenceTracker();
  private readonly ownKey: string;
  private ownSeq = 0;
  /** Local records not sent yet, by page. */
  private readonly pending = new Map<string, ElementRecord[]>();
  private readonly unsent = new UnsentOps();
  /** Pages that may have missed ops and need a snapshot before they can be trusted. */
  private readonly stale = new Set<string>();
  /** Pages fetched from the board service at least once. */
  private readonly fetched = new Set<string>();
  /** The newest retained snapshot of each page not shown yet: merged once the page is shown. */
  private readonly parked = new Map<string, BoardSnapshot>();
  private readonly fetching = new Set<string>();
  /** Pages to fetch again once the request under way answers (a resync was asked for meanwhile). */
  private readonly refetch = new Set<string>();
  private readonly retryTimers = new Map<string, unknown>();
  /** Callers of `resync` waiting for a page's fetched snapshot to be merged. */
  private readonly waiters = new Map<string, Waiter[]>();
  private fetchFailed = false;
  private lastSync = '';
  private syncTimer: unknown = null;
  private lagTimer: unknown = null;
  private readonly stopWatching: () => void;
  private disposed = false;

  constructor(private readonly options: BoardReplicaOptions) {
    this.ownKey = senderKey(options.participant.userId, options.instanceId);
    this.stopWatching = options.document.onChange((change) => this.documentChanged(change));
  }

  get unsentCount(): number {
    return this.unsent.count;
  }

  get resyncing(): boolean {
    return this.fetching.size > 0;
  }

  get resyncFailed(): boolean {
    return this.fetchFailed;
  }

  // ---- sending -------------------------------------------------------------------------------------------------

  /** Sends the local records queued, a message per batch, each numbered and kept as unsent until acknowledged. */
  send(): void {
    for (const [pageId, records] of this.pending) {
      this.pending.delete(pageId);
      for (const batch of toBatches(records)) {
        const message: BoardOps = { v: 1, pageId, session: this.options.instanceId, seq: this.ownSeq + 1, records: batch };
        const outboxId = this.options.channel.publish({ kind: 'boardOps', message });
        this.ownSeq = message.seq;
        this.unsent.add(outboxId, pageId, batch.length, this.options.clock.now());
      }
    }
    this.scheduleSync();
    this.scheduleLagReport();
  }

  /** The link's outbox acknowledged (or gave up on) these ids. */
  acknowledged(outboxIds: readonly string[]): void {
    if (!this.unsent.acknowledge(outboxIds)) return;
    this.options.changed();
    this.scheduleSync();
  }

  // ---- receiving -----------------------------------------------------------------------------------------------

  /** Ops as the link worker decoded and validated them (they are not checked against the schema again here). */
  receiveOps(sender: string, ops: BoardOps): void {
    // Only this board's own echo is skipped: the same user in another window (or before a reload) is a sender too.
    if (sender === this.options.participant.userId && ops.session === this.options.instanceId) return;
    if (!this.options.rights.allows(sender)) return this.options.reject('not-allowed');
    if (ops.records.some((r) => r.by !== sender)) return this.options.reject('forged');
    const verdict = this.seqs.observe(senderKey(sender, ops.session), ops.seq);
    this.options.document.merge(ops.pageId, ops.records);
    if (verdict === 'gap') {
      this.distrustAll();
      if (ops.pageId !== this.options.shownPage()) this.fetch(ops.pageId);
    }
  }

  /**
   * A retained snapshot, as the link decoded it: unlike ops it is not checked against rights here. The link's codec
   * checked it against the schema off the UI thread, only the board service may publish it, and the service applies
   * the same rights to every op it merges.
   */
  receiveSnapshot(snapshot: BoardSnapshot): void {
    const { pageId } = snapshot;
    if (pageId !== this.options.shownPage()) {
      // The link reads the shown page's snapshot only, but one of the page shown before can still be on its way when
      // the course moves on. Pages not shown keep it until they are; gap checks count its numbers now, so it is
      // merged, never skipped, once its page is shown. A second one merges the first now rather than drop it.
      const previous = this.parked.get(pageId);
      if (previous) this.options.document.merge(pageId, previous.elements);
      this.parked.set(pageId, snapshot);
      this.takeSeqs(pageId, snapshot.seqs);
      return;
    }
    this.mergeRetained(snapshot);
  }

  /** The connection came back after an outage: every page may have missed ops. */
  reconnected(): void {
    this.distrustAll();
  }

  /** A page is shown now: its parked snapshot merges, and it is fetched unless it has been followed since a fetch. */
  pageShown(pageId: string): void {
    this.unpark(pageId);
    if (this.stale.has(pageId) || !this.fetched.has(pageId)) this.fetch(pageId);
    this.scheduleSync();
  }

  /** Merges a page's parked snapshot now (before the page is read): its numbers were counted when it came. */
  unpark(pageId: string): void {
    const snapshot = this.parked.get(pageId);
    if (snapshot === undefined) return;
    this.parked.delete(pageId);
    this.applySnapshot(snapshot, false);
  }

  /**
   * Fetches the shown page from the board service now and settles once its snapshot is merged (with the page's
   * revision then), or when the fetch fails; every other page is fetched again when it is shown.
   */
  resync(): Promise<ResyncResult> {
    const pageId = this.options.shownPage();
    if (!pageId || this.disposed) return Promise.resolve({ pageId: null, revision: 0 });
    const done = new Promise<ResyncResult>((resolve, reject) => {
      const waiting = this.waiters.get(pageId) ?? [];
      waiting.push({ resolve, reject });
      this.waiters.set(pageId, waiting);
    });
    this.distrustAll();
    return done;
  }

  dispose(): void {
    this.disposed = true;
    this.stopWatching();
    for (const t of [this.syncTimer, this.lagTimer, ...this.retryTimers.values()]) if (t !== null) this.options.clock.clearTimeout(t);
    this.parked.clear();
    for (const pageId of [...this.waiters.keys()]) this.settleWaiters(pageId, (w) => w.reject(new Error('the board was closed')));
  }

  // ---- gaps and snapshots --------------------------------------------------------------------------------------

  private documentChanged({ pageId, ids, source }: DocumentChange): void {
    if (source === 'local') {
      const queue = this.pending.get(pageId) ?? [];
      for (const id of ids) queue.push(this.options.document.get(pageId, id)!);
      this.pending.set(pageId, queue);
      this.options.scheduler.request();
    } else if (pageId === this.options.shownPage()) {
      this.scheduleSync();
    }
  }

  /**
   * Distrusts every page (but `except`): the shown one is fetched now, the others when they are shown. A page never
   * fetched is fetched when shown anyway; one being fetched is fetched again, as the answer on its way may have been
   * taken before the ops this board missed reached the board service.
   */
  private distrustAll(except?: string): void {
    for (const pageId of this.fetched) if (pageId !== except) this.stale.add(pageId);
    for (const pageId of this.fetching) if (pageId !== except) this.refetch.add(pageId);
    const current = this.options.shownPage();
    if (current && current !== except) {
      this.stale.add(current);
      this.fetch(current);
    }
  }

  private mergeRetained(snapshot: BoardSnapshot): void {
    if (this.holdsAllOf(snapshot)) return;
    // The retained snapshot may be older than a gap this board saw; it merges, but does not end a resync.
    this.applySnapshot(snapshot, false);
  }

  /**
   * Whether this board already holds everything a retained snapshot could bring: its page was fetched and has been
   * followed without a gap since, and no sender in it is ahead of what this board received. The board service
   * republishes a changing page every few seconds to everyone, and checking and merging all of it each time was the
   * largest cost on the UI thread of a busy class.
   */
  private holdsAllOf(snapshot: BoardSnapshot): boolean {
    const { pageId } = snapshot;
    if (!this.fetched.has(pageId) || this.stale.has(pageId) || this.fetching.has(pageId)) return false;
    return Object.entries(snapshot.seqs).every(([sender, seq]) => sender === this.ownKey || !this.seqs.behind(sender, seq));
  }

  /**
   * Counts a snapshot's numbers as received. A sender numbers its ops across pages, and a page's snapshot names the
   * last op of each sender on that page: the op it names is in it, but ops numbered between what this board had and
   * that one may have been on other pages. When there are such ops, every other page is distrusted, so the numbers
   * never hide an op this board did not get (the skip rule relies on it).
   */
  private takeSeqs(pageId: string, seqs: BoardSnapshot['seqs']): void {
    let skipped = false;
    for (const [sender, seq] of Object.entries(seqs)) {
      if (sender === this.ownKey || !this.seqs.behind(sender, seq)) continue;
      if (this.seqs.behind(sender, seq - 1)) skipped = true;
      this.seqs.reset(sender, seq);
    }
    if (skipped) this.distrustAll(pageId);
  }

  /** `trusted`: the snapshot was fetched after the page went stale, so it covers whatever was missed. */
  private applySnapshot(snapshot: BoardSnapshot, trusted: boolean): void {
    if (trusted) {
      // A page fetched while not shown (it lost an op) may have a parked snapshot, taken after this answer or before.
      this.unpark(snapshot.pageId);
      this.stale.delete(snapshot.pageId);
      this.fetched.add(snapshot.pageId);
    }
    this.takeSeqs(snapshot.pageId, snapshot.seqs);
    this.options.document.merge(snapshot.pageId, snapshot.elements);
  }

  private fetch(pageId: string): void {
    if (this.disposed) return;
    if (this.fetching.has(pageId)) {
      this.refetch.add(pageId);
      return;
    }
    this.fetching.add(pageId);
    this.options.changed();
    const { channel, host } = this.options;
    // Parsed by the board service's contract in the link worker: not checked again here.
    channel.request('board', 'snapshot', { classId: channel.classId, pageId }).then(
      (snapshot) => {
        this.fetching.delete(pageId);
        host.snapshotLoaded();
        if (this.disposed) return;
        // A snapshot of another page is no answer.
        if (snapshot.pageId !== pageId) return this.failed(pageId);
        this.fetchFailed = false;
        // A resync asked for while this request was out may need ops the answer does not hold: ask again.
        const again = this.refetch.delete(pageId);
        this.applySnapshot(snapshot, !again);
        if (again) return this.fetch(pageId);
        this.options.changed();
        this.settleWaiters(pageId, (w) => w.resolve({ pageId, revision: this.options.document.revision(pageId) }));
      },
      () => {
        this.fetching.delete(pageId);
        this.failed(pageId);
      },
    );
  }

  private failed(pageId: string): void {
    if (this.disposed) return;
    this.fetchFailed = true;
    this.refetch.delete(pageId);
    this.options.changed();
    this.settleWaiters(pageId, (w) => w.reject(new Error('the board service did not send the page; retrying')));
    if (this.retryTimers.has(pageId)) return;
    this.retryTimers.set(pageId, this.options.clock.setTimeout(() => {
      this.retryTimers.delete(pageId);
      if (pageId === this.options.shownPage() && (this.stale.has(pageId) || !this.fetched.has(pageId))) this.fetch(pageId);
    }, RESYNC_RETRY_MS));
  }

  private settleWaiters(pageId: string, settle: (waiter: Waiter) => void): void {
    const waiting = this.waiters.get(pageId);
    this.waiters.delete(pageId);
    for (const waiter of waiting ?? []) settle(waiter);
  }

  // ---- sync state for the roster -------------------------------------------------------------------------------

  scheduleSync(): void {
    if (this.syncTimer !== null || this.disposed || this.options.participant.observer) return;
    this.syncTimer = this.options.clock.setTimeout(() => {
      this.syncTimer = null;
      this.publishSync();
    }, SYNC_THROTTLE_MS);
  }

  private publishSync(): void {
    const pageId = this.options.shownPage();
    if (!pageId) return;
    const revision = this.options.document.revision(pageId);
    const key = `${pageId}:${revision}:${this.unsent.count}`;
    if (key === this.lastSync) return;
    this.lastSync = key;
    const message = { v: 1 as const, pageId, revision, unsent: this.unsent.count, at: this.options.clock.now() };
    this.options.host.syncSent(message);
    this.options.channel.publish({ kind: 'boardSync', message });
  }

  private scheduleLagReport(): void {
    if (this.lagTimer !== null || this.disposed || this.options.participant.observer || this.unsent.count === 0) return;
    this.lagTimer = this.options.clock.setTimeout(() => {
      this.lagTimer = null;
      const now = this.options.clock.now();
      this.options.host.sendTelemetry([{ type: 'board-lag', lagMs: this.unsent.oldestAgeMs(now), pendingOps: this.unsent.count }]);
      this.scheduleLagReport();
    }, LAG_REPORT_MS);
  }
}
