import type { BoardLive, BoardOps, BoardSnapshot, Course, Decoded, Laser, Room } from '../../../shared/protocol';
import { BoardEditor, BoardPage, ElementProps, SequenceTracker, senderKey, type ElementKind, type ElementRecord } from '../../../shared/whiteboard';
import type { BoardInbox, BoardParticipant, BoardTransport, ResyncResult } from '../contract';
import { toBatches } from './batches';
import { EphemeralLayer, LASER_TIMEOUT_MS } from './ephemeral';
import { REJECT_REASONS, type BoardEvent, type BoardListener, type BoardStatus, type ElementChange, type RejectReason } from './boardEvents';
import { History, type Action, type Change } from './history';
import { drawBlock, mayDraw } from './rights';
import { UnsentOps } from './unsent';

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface BoardSessionOptions {
  transport: BoardTransport;
  participant: BoardParticipant;
  /** The class's teacher, who may always draw. */
  teacherId: string;
  clock?: Clock;
  random?: () => number;
  newId?: () => string;
  /** This board session's id in its ops; a fresh one for every mounted board (reload, second window). */
  sessionId?: string;
}

export interface StrokeStyle {
  kind: 'pen' | 'highlighter';
  stroke: string;
  strokeWidth: number;
}

export type NewElementProps = Partial<ElementProps> & Pick<ElementProps, 'x' | 'y'>;

type BoardMessage = Parameters<BoardInbox['receive']>[0];

const SYNC_THROTTLE_MS = 250;
const LAG_REPORT_MS = 5_000;
const RESYNC_RETRY_MS = 2_000;
const SWEEP_MS = 500;
const MAX_LIVE_NUMBERS_PER_MESSAGE = 4_000;
/** Under load, queued edits leave at most once a frame: fewer, larger messages for the broker and every receiver. */
const MIN_FLUSH_INTERVAL_MS = 16;
/** A laser held still is announced again this often, so receivers (who forget a silent one) keep showing it. */
const LASER_REFRESH_MS = LASER_TIMEOUT_MS / 2;

/**
 * The whiteboard of one class, without any DOM: one BoardPage per course page, local edits turned into committed
 * ops, remote ops checked and merged, gaps repaired from snapshots, live strokes and laser as an ephemeral layer.
 * The view listens to its events and changes only the elements named in them.
 */
export class BoardSession implements BoardInbox {
  private readonly transport: BoardTransport;
  private readonly participant: BoardParticipant;
  private readonly teacherId: string;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly newId: () => string;
  /** Names this session's ops, whose numbers count from 1 per session. */
  readonly sessionId: string;

  private readonly pages = new Map<string, BoardPage>();
  private readonly editors = new Map<string, BoardEditor>();
  /** Each page's revision (sum of record versions), kept up to date as records change. */
  private readonly revisions = new Map<string, number>();
  private course: Course | null = null;
  private room: Room | null = null;
  private readonly seqs = new SequenceTracker();
  private ownSeq = 0;
  /** Pages that may have missed ops and need a snapshot before they can be trusted. */
  private readonly stale = new Set<string>();
  private readonly fetched = new Set<string>();
  /** The newest retained snapshot of each page not shown yet: merged once the page is shown. */
  private readonly parked = new Map<string, BoardSnapshot>();
  private readonly fetching = new Set<string>();
  private readonly refetch = new Set<string>();
  private resyncFailed = false;
  private readonly ephemeral = new EphemeralLayer();
  private readonly unsent = new UnsentOps();
  private readonly history = new History();
  private readonly pending = new Map<string, ElementRecord[]>();
  private localStroke: (StrokeStyle & { id: string; pageId: string; points: number[]; sentUpTo: number }) | null = null;
  private pendingLaser: Laser | null = null;
  /** The own laser's last position while it is on. */
  private laserOn: Laser | null = null;
  private laserTimer: unknown = null;
  private readonly rejected = Object.fromEntries(REJECT_REASONS.map((r) => [r, 0])) as Record<RejectReason, number>;
  private readonly listeners = new Set<BoardListener>();
  private lastStatus = '';
  private lastSync = '';
  private flushTimer: unknown = null;
  private lastFlushAt = -Infinity;
  private syncTimer: unknown = null;
  private lagTimer: unknown = null;
  private sweepTimer: unknown = null;
  private readonly retryTimers = new Map<string, unknown>();
  /** Callers of `resync` waiting for a page's fetched snapshot to be merged. */
  private readonly resyncWaiters = new Map<string, { resolve: (result: ResyncResult) => void; reject: (error: Error) => void }[]>();
  private disposed = false;

  constructor(options: BoardSessionOptions) {
    this.transport = options.transport;
    this.participant = options.participant;
    this.teacherId = options.teacherId;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.newId = options.newId ?? (() => globalThis.crypto.randomUUID());
    this.sessionId = options.sessionId ?? globalThis.crypto.randomUUID();
  }

  // ---- what the view reads -------------------------------------------------------------------------------------

  on(listener: BoardListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get pageId(): string | null {
    return this.course?.current ?? null;
  }

  get coursePages(): Course['pages'] {
    return this.course?.pages ?? [];
  }

  /** Live elements of the shown page in paint order. */
  elements(): ElementRecord[] {
    const id = this.pageId;
    return id ? this.page(id).visible() : [];
  }

  record(id: string): ElementRecord | undefined {
    const pageId = this.pageId;
    return pageId ? this.pages.get(pageId)?.get(id) : undefined;
  }

  /** The canonical serialized model of a page (the shown one by default): equal bytes on converged peers. */
  serialize(pageId = this.pageId): string {
    if (pageId) this.unpark(pageId);
    return pageId ? this.page(pageId).serialize() : '';
  }

  status(): BoardStatus {
    const pageId = this.pageId;
    const block = drawBlock(this.participant, this.teacherId, this.room, pageId !== null);
    return {
      pageId,
      revision: pageId ? this.revision(pageId) : 0,
      canDraw: block === null,
      block,
      unsent: this.unsent.count,
      resyncing: this.fetching.size > 0,
      resyncFailed: this.resyncFailed,
      canUndo: this.history.canUndo,
      canRedo: this.history.canRedo,
      rejected: { ...this.rejected },
    };
  }

  liveStrokes() {
    const pageId = this.pageId;
    return pageId ? this.ephemeral.strokesOn(pageId) : [];
  }

  laserPointers() {
    const pageId = this.pageId;
    return pageId ? this.ephemeral.lasersOn(pageId) : [];
  }

  // ---- BoardInbox: what the wiring feeds in from the class's channel -----------------------------------------------

  receive(message: BoardMessage | Decoded): void {
    if (this.disposed || !message.ok) return;
    switch (message.kind) {
      case 'boardOps':
        return this.receiveOps(message.params.userId, message.message);
      case 'boardLive':
        return this.receiveLive(message.params.userId, message.message);
      case 'laser':
        return this.receiveLaser(message.params.userId, message.message);
      case 'boardSnapshot':
        return this.receiveSnapshot(message.message);
      default:
        return;
    }
  }

  setCourse(course: Course): void {
    if (this.course && course.version < this.course.version) return;
    const before = this.pageId;
    this.course = course;
    if (this.pageId !== before) this.showPage();
    this.emitStatus();
  }

  setRoom(room: Room): void {
    if (this.room && room.version < this.room.version) return;
    const previous = this.room;
    this.room = room;
    let ephemeralChanged = false;
    for (const userId of previous?.drawing ?? []) {
      if (!mayDraw(userId, this.teacherId, room)) ephemeralChanged = this.ephemeral.forgetUser(userId) || ephemeralChanged;
    }
    if (ephemeralChanged) this.emitEphemeral();
    this.emitStatus();
  }

  acknowledged(outboxIds: string[]): void {
    if (this.unsent.acknowledge(outboxIds)) {
      this.emitStatus();
      this.scheduleSync();
    }
  }

  reconnected(): void {
    this.distrustAll();
  }

  /**
   * Fetches the shown page from the board service now and settles once its snapshot is merged (with the page's
   * revision then), or when the fetch fails; every other page is fetched again when it is shown.
   */
  resync(): Promise<ResyncResult> {
    const pageId = this.pageId;
    if (!pageId || this.disposed) return Promise.resolve({ pageId: null, revision: 0 });
    const done = new Promise<ResyncResult>((resolve, reject) => {
      const waiting = this.resyncWaiters.get(pageId) ?? [];
      waiting.push({ resolve, reject });
      this.resyncWaiters.set(pageId, waiting);
    });
    this.distrustAll();
    return done;
  }

  /** Distrusts every page: the shown one is fetched now, the others when they are shown. */
  private distrustAll(): void {
    for (const pageId of this.pages.keys()) this.stale.add(pageId);
    const current = this.pageId;
    if (current) {
      this.stale.add(current);
      this.fetch(current);
    }
  }

  // ---- local edits ---------------------------------------------------------------------------------------------

  get canDraw(): boolean {
    return this.status().canDraw;
  }

  beginStroke(style: StrokeStyle, x: number, y: number): string | null {
    const pageId = this.pageId;
    if (!pageId || !this.canDraw) return null;
    this.localStroke = { ...style, id: this.newId(), pageId, points: [x, y], sentUpTo: 0 };
    this.showOwnStroke();
    return this.localStroke.id;
  }

  extendStroke(points: number[]): void {
    const stroke = this.localStroke;
    if (!stroke || points.length % 2 !== 0) return;
    for (const n of points) if (!Number.isFinite(n)) return;
    if (stroke.points.length + points.length > 20_000) return;
    stroke.points.push(...points);
    this.showOwnStroke();
  }

  /** Commits the stroke being drawn as one element; its live preview is replaced by it. */
  endStroke(): ElementRecord | null {
    const stroke = this.localStroke;
    this.localStroke = null;
    if (!stroke) return null;
    const pts = stroke.points.length === 2 ? [...stroke.points, ...stroke.points] : stroke.points;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = 0; i < pts.length; i += 2) {
      minX = Math.min(minX, pts[i]!); maxX = Math.max(maxX, pts[i]!);
      minY = Math.min(minY, pts[i + 1]!); maxY = Math.max(maxY, pts[i + 1]!);
    }
    const relative = pts.map((n, i) => (i % 2 === 0 ? n - minX : n - minY));
    const record = this.createWithId(stroke.id, stroke.pageId, stroke.kind, {
      x: minX, y: minY, width: maxX - minX, height: maxY - minY, points: relative, stroke: stroke.stroke,
      strokeWidth: stroke.strokeWidth, opacity: stroke.kind === 'highlighter' ? 0.4 : 1,
    });
    if (!record && this.ephemeral.committed(stroke.id)) this.emitEphemeral();
    return record;
  }

  cancelStroke(): void {
    const stroke = this.localStroke;
    this.localStroke = null;
    if (stroke && this.ephemeral.committed(stroke.id)) this.emitEphemeral();
  }

  create(kind: ElementKind, props: NewElementProps): ElementRecord | null {
    const pageId = this.pageId;
    return pageId ? this.createWithId(this.newId(), pageId, kind, props) : null;
  }

  update(id: string, patch: Partial<ElementProps>): ElementRecord | null {
    const pageId = this.pageId;
    if (!pageId || !this.canDraw) return null;
    const before = this.page(pageId).get(id);
    if (!before || before.deleted) return null;
    const checked = ElementProps.safeParse({ ...before.props, ...patch });
    if (!checked.success) return null;
    const after = this.editor(pageId).update(id, checked.data);
    if (!after) return null;
    this.commitLocal(pageId, [{ id, before, after }]);
    return after;
  }

  remove(ids: string[]): number {
    const pageId = this.pageId;
    if (!pageId || !this.canDraw) return 0;
    const changes: Change[] = [];
    for (const id of ids) {
      const before = this.page(pageId).get(id);
      const after = before ? this.editor(pageId).remove(id) : null;
      if (before && after) changes.push({ id, before, after });
    }
    this.commitLocal(pageId, changes);
    return changes.length;
  }

  bringToFront(id: string): void {
    this.reorder(id, 'front');
  }

  sendToBack(id: string): void {
    this.reorder(id, 'back');
  }

  /** Tombstones every element of the shown page, as one undoable action. */
  clearPage(): number {
    return this.remove(this.elements().map((r) => r.id));
  }

  undo(): void {
    const action = this.history.takeUndo();
    if (action && this.pageId) this.history.pushRedo(this.revert(action));
    this.emitStatus();
  }

  redo(): void {
    const action = this.history.takeRedo();
    if (action && this.pageId) this.history.pushUndo(this.revert(action));
    this.emitStatus();
  }

  laser(x: number, y: number, on: boolean): void {
    const pageId = this.pageId;
    if (!pageId || !this.canDraw || !Number.isFinite(x) || !Number.isFinite(y)) return;
    this.pendingLaser = { v: 1, pageId, x, y, on };
    this.laserOn = on ? this.pendingLaser : null;
    this.ephemeral.laser(this.participant.userId, this.pendingLaser, this.clock.now());
    this.emitEphemeral();
    this.scheduleFlush();
    this.scheduleLaserRefresh();
  }

  /** Sends everything queued now instead of at the end of the current task. */
  flush(): void {
    if (this.flushTimer !== null) this.clock.clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.lastFlushAt = this.clock.now();
    this.flushLive();
    if (this.pendingLaser) {
      this.transport.sendLaser(this.pendingLaser);
      this.pendingLaser = null;
    }
    for (const [pageId, records] of this.pending) {
      this.pending.delete(pageId);
      for (const batch of toBatches(records)) {
        const message: BoardOps = { v: 1, pageId, session: this.sessionId, seq: this.ownSeq + 1, records: batch };
        const outboxId = this.transport.sendOps(message);
        this.ownSeq = message.seq;
        this.unsent.add(outboxId, pageId, batch.length, this.clock.now());
      }
    }
    this.emitStatus();
    this.scheduleSync();
    this.scheduleLagReport();
  }

  dispose(): void {
    this.disposed = true;
    for (const t of [this.flushTimer, this.syncTimer, this.lagTimer, this.sweepTimer, this.laserTimer, ...this.retryTimers.values()]) {
      if (t !== null) this.clock.clearTimeout(t);
    }
    this.listeners.clear();
    this.parked.clear();
    for (const pageId of [...this.resyncWaiters.keys()]) this.settleWaiters(pageId, (w) => w.reject(new Error('the board was closed')));
  }

  // ---- receiving -----------------------------------------------------------------------------------------------

  /** Ops as the link worker decoded and validated them (they are not checked against the schema again here). */
  private receiveOps(sender: string, ops: BoardOps): void {
    // Only this session's own echo is skipped: the same user in another window (or before a reload) is a sender too.
    if (this.isOwn(sender, ops.session)) return;
    if (!mayDraw(sender, this.teacherId, this.room)) return this.reject('not-allowed');
    if (ops.records.some((r) => r.by !== sender)) return this.reject('forged');
    const verdict = this.seqs.observe(senderKey(sender, ops.session), ops.seq);
    this.applyRecords(ops.pageId, ops.records);
    if (verdict === 'gap') {
      this.distrustAll();
      if (ops.pageId !== this.pageId) this.fetch(ops.pageId);
    }
  }

  private receiveLive(sender: string, live: BoardLive): void {
    if (sender === this.participant.userId) return;
    if (!mayDraw(sender, this.teacherId, this.room)) return this.reject('not-allowed');
    if (this.pages.get(live.pageId)?.get(live.strokeId)) return;
    this.ephemeral.live(sender, live, this.clock.now());
    if (live.pageId === this.pageId) this.emitEphemeral();
    this.scheduleSweep();
  }

  private receiveLaser(sender: string, laser: Laser): void {
    if (sender === this.participant.userId) return;
    if (!mayDraw(sender, this.teacherId, this.room)) return this.reject('not-allowed');
    this.ephemeral.laser(sender, laser, this.clock.now());
    this.emitEphemeral();
    this.scheduleSweep();
  }

  /**
   * A retained snapshot, as the link decoded it: unlike ops it is not checked again here. The link's codec checked it
   * against the same schema off the UI thread, only the board service may publish it, and checking thousands of
   * records again (zod runs without its compiler under the console's CSP) cost the UI thread more than drawing them.
   */
  private receiveSnapshot(snapshot: BoardSnapshot): void {
    if (snapshot.pageId !== this.pageId) {
      // The link reads the shown page's snapshot only, but one of the page shown before can still be on its way when
      // the course moves on. Pages not shown keep their newest one until they are; gap checks see its seqs now.
      this.parked.set(snapshot.pageId, snapshot);
      this.takeSeqs(snapshot.seqs);
      return;
    }
    this.mergeRetained(snapshot);
  }

  private mergeRetained(snapshot: BoardSnapshot): void {
    if (this.holdsAllOf(snapshot)) return;
    // The retained snapshot may be older than a gap this session saw; it merges, but does not end a resync.
    this.applySnapshot(snapshot, false);
  }

  /**
   * Whether this session already holds everything a retained snapshot could bring: its page was fetched and has been
   * followed without a gap since, and no sender in it is ahead of what this session received. The board service
   * republishes a changing page every few seconds to everyone, and checking and merging all of it each time was the
   * largest cost on the UI thread of a busy class.
   */
  private holdsAllOf(snapshot: BoardSnapshot): boolean {
    const { pageId } = snapshot;
    if (!this.fetched.has(pageId) || this.stale.has(pageId) || this.fetching.has(pageId)) return false;
    const own = senderKey(this.participant.userId, this.sessionId);
    return Object.entries(snapshot.seqs).every(([sender, seq]) => sender === own || !this.seqs.behind(sender, seq));
  }

  private unpark(pageId: string): void {
    const raw = this.parked.get(pageId);
    if (raw === undefined) return;
    this.parked.delete(pageId);
    this.mergeRetained(raw);
  }

  private takeSeqs(seqs: BoardSnapshot['seqs']): void {
    const own = senderKey(this.participant.userId, this.sessionId);
    for (const [sender, seq] of Object.entries(seqs)) {
      if (sender !== own && this.seqs.behind(sender, seq)) this.seqs.reset(sender, seq);
    }
  }

  /** `trusted`: the snapshot was fetched after the page went stale, so it covers whatever was missed. */
  private applySnapshot(snapshot: BoardSnapshot, trusted: boolean): void {
    this.takeSeqs(snapshot.seqs);
    if (trusted) {
      this.stale.delete(snapshot.pageId);
      this.fetched.add(snapshot.pageId);
      // The service's current state holds everything an older retained snapshot could add.
      this.parked.delete(snapshot.pageId);
    }
    this.applyRecords(snapshot.pageId, snapshot.elements);
  }

  private applyRecords(pageId: string, records: ElementRecord[]): void {
    const page = this.page(pageId);
    const previous = new Map<string, number>();
    for (const r of records) if (!previous.has(r.id)) previous.set(r.id, page.get(r.id)?.version ?? 0);
    const changed = page.apply(records);
    if (changed.length === 0) return;
    for (const id of changed) this.bumpRevision(pageId, page.get(id)!.version - previous.get(id)!);
    let ephemeralChanged = false;
    for (const id of changed) ephemeralChanged = this.ephemeral.committed(id) || ephemeralChanged;
    if (pageId === this.pageId) {
      this.emitChanges(page, changed);
      if (ephemeralChanged) this.emitEphemeral();
      this.emitStatus();
      this.scheduleSync();
    }
  }

  private settleWaiters(pageId: string, settle: (waiter: { resolve: (r: ResyncResult) => void; reject: (e: Error) => void }) => void): void {
    const waiting = this.resyncWaiters.get(pageId);
    this.resyncWaiters.delete(pageId);
    for (const waiter of waiting ?? []) settle(waiter);
  }

  private isOwn(sender: string, session: string | undefined): boolean {
    return sender === this.participant.userId && session === this.sessionId;
  }

  private reject(reason: RejectReason): void {
    this.rejected[reason]++;
    this.emitStatus();
  }

  private fetch(pageId: string): void {
    if (this.disposed) return;
    if (this.fetching.has(pageId)) {
      this.refetch.add(pageId);
      return;
    }
    this.fetching.add(pageId);
    this.emitStatus();
    this.transport.requestSnapshot(pageId).then(
      (snapshot) => {
        this.fetching.delete(pageId);
        // Parsed by the board service's contract in the link worker; a snapshot of another page is no answer.
        if (snapshot.pageId !== pageId) return this.fetchFailed(pageId);
        this.resyncFailed = false;
        // A resync asked for while this request was out may need ops the answer does not hold: ask again.
        const again = this.refetch.delete(pageId);
        this.applySnapshot(snapshot, !again);
        if (again) return this.fetch(pageId);
        this.emitStatus();
        this.settleWaiters(pageId, (w) => w.resolve({ pageId, revision: this.revision(pageId) }));
      },
      () => {
        this.fetching.delete(pageId);
        this.fetchFailed(pageId);
      },
    );
  }

  private fetchFailed(pageId: string): void {
    if (this.disposed) return;
    this.resyncFailed = true;
    this.refetch.delete(pageId);
    this.emitStatus();
    this.settleWaiters(pageId, (w) => w.reject(new Error('the board service did not send the page; retrying')));
    if (this.retryTimers.has(pageId)) return;
    this.retryTimers.set(pageId, this.clock.setTimeout(() => {
      this.retryTimers.delete(pageId);
      if (pageId === this.pageId && (this.stale.has(pageId) || !this.fetched.has(pageId))) this.fetch(pageId);
    }, RESYNC_RETRY_MS));
  }

  // ---- local edits, internals ----------------------------------------------------------------------------------

  private createWithId(id: string, pageId: string, kind: ElementKind, props: NewElementProps): ElementRecord | null {
    if (!this.canDraw || pageId !== this.pageId) return null;
    const checked = ElementProps.safeParse(props);
    if (!checked.success) return null;
    const after = this.editor(pageId).create(id, kind, checked.data);
    this.commitLocal(pageId, [{ id, before: null, after }]);
    return after;
  }

  private reorder(id: string, where: 'front' | 'back'): void {
    const pageId = this.pageId;
    if (!pageId || !this.canDraw) return;
    const order = this.page(pageId).visible().filter((r) => r.id !== id);
    const before = this.page(pageId).get(id);
    if (!before || before.deleted || order.length === 0) return;
    const after = where === 'front'
      ? this.editor(pageId).reorder(id, order[order.length - 1]!.id, null)
      : this.editor(pageId).reorder(id, null, order[0]!.id);
    if (after) this.commitLocal(pageId, [{ id, before, after }]);
  }

  /**
   * Takes each element of an action back to its state before the action, as new versions. An element someone else
   * deleted since stays deleted; one this user deleted comes back under a new id.
   */
  private revert(action: Action): Action {
    const pageId = this.pageId!;
    const page = this.page(pageId);
    const done: Change[] = [];
    for (const change of [...action].reverse()) {
      const id = this.history.resolve(change.id);
      const current = page.get(id);
      if (change.before === null) {
        const after = current && !current.deleted ? this.editor(pageId).remove(id) : null;
        if (current && after) done.push({ id, before: current, after });
      } else if (!current || current.deleted) {
        if (!change.after.deleted) continue;
        const newId = this.newId();
        const after = this.stamp({ ...change.before, id: newId, version: 1, deleted: false });
        page.apply([after]);
        this.history.rename(id, newId);
        done.push({ id: newId, before: null, after });
      } else {
        const after = this.stamp({ ...current, props: change.before.props, z: change.before.z, version: current.version + 1 });
        page.apply([after]);
        done.push({ id, before: current, after });
      }
    }
    this.commitLocal(pageId, done, false);
    return done.reverse();
  }

  private stamp(record: ElementRecord): ElementRecord {
    return { ...record, by: this.participant.userId, nonce: Math.floor(this.random() * 2 ** 31) };
  }

  private commitLocal(pageId: string, changes: Change[], remember = true): void {
    if (changes.length === 0) return;
    const page = this.page(pageId);
    if (remember) this.history.record(changes);
    const queue = this.pending.get(pageId) ?? [];
    for (const c of changes) {
      queue.push(page.get(c.id)!);
      this.bumpRevision(pageId, page.get(c.id)!.version - (c.before?.version ?? 0));
    }
    this.pending.set(pageId, queue);
    let ephemeralChanged = false;
    for (const c of changes) ephemeralChanged = this.ephemeral.committed(c.id) || ephemeralChanged;
    this.emitChanges(page, changes.map((c) => c.id));
    if (ephemeralChanged) this.emitEphemeral();
    this.scheduleFlush();
    this.emitStatus();
  }

  private showOwnStroke(): void {
    const s = this.localStroke;
    if (!s) return;
    this.ephemeral.live(this.participant.userId, {
      v: 1, pageId: s.pageId, strokeId: s.id, kind: s.kind, stroke: s.stroke, strokeWidth: s.strokeWidth, from: 0, points: s.points,
    }, this.clock.now());
    this.emitEphemeral();
    this.scheduleFlush();
  }

  private flushLive(): void {
    const s = this.localStroke;
    if (!s) return;
    while (s.sentUpTo < s.points.length) {
      const points = s.points.slice(s.sentUpTo, s.sentUpTo + MAX_LIVE_NUMBERS_PER_MESSAGE);
      this.transport.sendLive({ v: 1, pageId: s.pageId, strokeId: s.id, kind: s.kind, stroke: s.stroke, strokeWidth: s.strokeWidth, from: s.sentUpTo, points });
      s.sentUpTo += points.length;
    }
  }

  // ---- timers and events ---------------------------------------------------------------------------------------

  /**
   * Edits made in the same task (one input event, one frame of a drag) leave as one message, at once when the last
   * message left a frame ago or more, otherwise together with everything else queued until a frame has passed.
   */
  private scheduleFlush(): void {
    if (this.flushTimer !== null || this.disposed) return;
    const wait = Math.max(0, this.lastFlushAt + MIN_FLUSH_INTERVAL_MS - this.clock.now());
    this.flushTimer = this.clock.setTimeout(() => {
      this.flushTimer = null;
      this.flush();
    }, wait);
  }

  private scheduleLaserRefresh(): void {
    if (this.laserTimer !== null || this.disposed || !this.laserOn) return;
    this.laserTimer = this.clock.setTimeout(() => {
      this.laserTimer = null;
      const on = this.laserOn;
      if (!on || on.pageId !== this.pageId || !this.canDraw) {
        this.laserOn = null;
        return;
      }
      this.ephemeral.laser(this.participant.userId, on, this.clock.now());
      this.transport.sendLaser(on);
      this.scheduleLaserRefresh();
    }, LASER_REFRESH_MS);
  }

  private scheduleSync(): void {
    if (this.syncTimer !== null || this.disposed || this.participant.observer) return;
    this.syncTimer = this.clock.setTimeout(() => {
      this.syncTimer = null;
      this.publishSync();
    }, SYNC_THROTTLE_MS);
  }

  private publishSync(): void {
    const pageId = this.pageId;
    if (!pageId) return;
    const revision = this.revision(pageId);
    const key = `${pageId}:${revision}:${this.unsent.count}`;
    if (key === this.lastSync) return;
    this.lastSync = key;
    this.transport.sendSync({ v: 1, pageId, revision, unsent: this.unsent.count, at: this.clock.now() });
  }

  private scheduleLagReport(): void {
    if (this.lagTimer !== null || this.disposed || this.participant.observer || this.unsent.count === 0) return;
    this.lagTimer = this.clock.setTimeout(() => {
      this.lagTimer = null;
      const now = this.clock.now();
      this.transport.sendTelemetry([{ type: 'board-lag', lagMs: this.unsent.oldestAgeMs(now), pendingOps: this.unsent.count }]);
      this.scheduleLagReport();
    }, LAG_REPORT_MS);
  }

  private scheduleSweep(): void {
    if (this.sweepTimer !== null || this.disposed) return;
    this.sweepTimer = this.clock.setTimeout(() => {
      this.sweepTimer = null;
      if (this.ephemeral.expire(this.clock.now())) this.emitEphemeral();
      if (!this.ephemeral.empty) this.scheduleSweep();
    }, SWEEP_MS);
  }

  private showPage(): void {
    const pageId = this.pageId;
    this.emit({ type: 'page', pageId, elements: this.elements() });
    if (pageId) this.unpark(pageId);
    this.emitEphemeral();
    if (pageId && (this.stale.has(pageId) || !this.fetched.has(pageId))) this.fetch(pageId);
    this.scheduleSync();
  }

  private emitChanges(page: BoardPage, ids: string[]): void {
    const changes: ElementChange[] = ids.map((id) => {
      const record = page.get(id);
      return { id, record: record && !record.deleted ? record : null };
    });
    this.emit({ type: 'elements', pageId: page.pageId, changes });
  }

  private emitEphemeral(): void {
    this.emit({ type: 'live', strokes: this.liveStrokes() });
    this.emit({ type: 'laser', pointers: this.laserPointers() });
    if (!this.ephemeral.empty) this.scheduleSweep();
  }

  private emitStatus(): void {
    const status = this.status();
    const key = JSON.stringify(status);
    if (key === this.lastStatus) return;
    this.lastStatus = key;
    this.emit({ type: 'status', status });
  }

  private emit(event: BoardEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private revision(pageId: string): number {
    return this.revisions.get(pageId) ?? 0;
  }

  private bumpRevision(pageId: string, delta: number): void {
    this.revisions.set(pageId, this.revision(pageId) + delta);
  }

  private page(pageId: string): BoardPage {
    let page = this.pages.get(pageId);
    if (!page) {
      page = new BoardPage(pageId);
      this.pages.set(pageId, page);
    }
    return page;
  }

  private editor(pageId: string): BoardEditor {
    let editor = this.editors.get(pageId);
    if (!editor) {
      editor = new BoardEditor(this.page(pageId), this.participant.userId, this.random);
      this.editors.set(pageId, editor);
    }
    return editor;
  }
}

/** The BoardSync revision: the sum of the page's record versions, equal on peers holding the same state. */
export function revisionOf(page: BoardPage): number {
  let sum = 0;
  for (const r of page.all()) sum += r.version;
  return sum;
}
