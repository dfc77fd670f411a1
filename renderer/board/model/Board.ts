import type { Course, Room } from '../../../shared/protocol';
import type { ElementKind, ElementProps, ElementRecord } from '../../../shared/whiteboard';
import type { ClassChannel, ClassMessageOf } from '../../link/channel';
import type { BoardControl, BoardHost, BoardParticipant, ResyncResult } from '../contract';
import type { Clock } from './clock';
import { BoardDocument, type DocumentChange, type NewElementProps } from './document';
import type { LaserPointer, LiveStroke } from './ephemeral';
import { REJECT_REASONS, type BoardEvent, type BoardListener, type BoardStatus, type ElementChange, type RejectReason } from './boardEvents';
import { BoardPresence, type StrokeStyle } from './presence';
import { BoardReplica } from './replica';
import { DrawingRights } from './rights';
import { SendScheduler } from './sendScheduler';

export type { NewElementProps } from './document';
export type { StrokeStyle } from './presence';

export interface BoardOptions {
  /** The open class's channel: the board listens for its own kinds on it and publishes on it. */
  channel: ClassChannel;
  host: BoardHost;
  participant: BoardParticipant;
  /** The class's teacher, who may always draw. */
  teacherId: string;
  clock: Clock;
  /** Ids for new elements. */
  newId: () => string;
  /** This mounted board's id (`session` on the wire); a fresh one for every mounted board (reload, second window). */
  instanceId: string;
  random?: () => number;
}

/** What the board reads from its class's channel; retained kinds (course, room, snapshots) come first in each batch. */
const BOARD_KINDS = ['course', 'room', 'boardSnapshot', 'boardOps', 'boardLive', 'laser'] as const;
type BoardMessage = ClassMessageOf<(typeof BOARD_KINDS)[number]>;

/**
 * The whiteboard of one class, without any DOM: a thin front over its three parts. The document holds the pages, the
 * local user's edits and their history; the replica keeps the document equal to everyone else's (numbered ops,
 * gaps, snapshots, unsent ops, sync state); presence shows strokes being drawn and laser pointers. The board takes
 * its traffic from the class's channel and publishes on it itself. The view listens to its events and changes only
 * the elements named in them.
 */
export class Board implements BoardControl {
  readonly instanceId: string;
  private readonly document: BoardDocument;
  private readonly replica: BoardReplica;
  private readonly presence: BoardPresence;
  private readonly rights: DrawingRights;
  private readonly scheduler: SendScheduler;
  private course: Course | null = null;
  private readonly rejected = Object.fromEntries(REJECT_REASONS.map((r) => [r, 0])) as Record<RejectReason, number>;
  private readonly listeners = new Set<BoardListener>();
  /** Elements the local user is editing, and whether a remote change to each is waiting to be shown. */
  private readonly editing = new Map<string, boolean>();
  private lastStatus = '';
  private stopListening: (() => void) | null = null;
  private disposed = false;

  constructor(private readonly options: BoardOptions) {
    const { channel, host, participant, clock, instanceId } = options;
    this.instanceId = instanceId;
    this.rights = new DrawingRights(participant, options.teacherId);
    this.document = new BoardDocument({ userId: participant.userId, random: options.random ?? Math.random, newId: options.newId });
    this.scheduler = new SendScheduler(clock, () => this.send());
    const shownPage = () => this.pageId;
    const reject = (reason: RejectReason) => this.reject(reason);
    this.replica = new BoardReplica({
      channel, host, participant, instanceId, clock, document: this.document, rights: this.rights, scheduler: this.scheduler,
      shownPage, changed: () => this.emitStatus(), reject,
    });
    this.presence = new BoardPresence({
      channel, participant, instanceId, clock, rights: this.rights, scheduler: this.scheduler, shownPage,
      canDraw: () => this.canDraw,
      committed: (pageId, id) => this.document.get(pageId, id) !== undefined,
      changed: () => this.emitPresence(),
      reject,
    });
    this.document.onChange((change) => this.documentChanged(change));
  }

  /**
   * Starts taking the class's board traffic from the channel: its kinds in arrival order (the channel replays the
   * class's retained state and what arrived while the board was loading), the outbox ids the broker acknowledged or
   * refused, and reconnects (the board looks for what it missed).
   */
  start(): void {
    if (this.stopListening || this.disposed) return;
    const { channel } = this.options;
    let wasConnected: boolean | null = null;
    const stops = [
      channel.listen(BOARD_KINDS, (messages) => this.receive(messages)),
      channel.onSettled(({ acknowledged, rejected }) => {
        const ids = rejected.length > 0 ? [...acknowledged, ...rejected.map((r) => r.id)] : acknowledged;
        if (ids.length > 0 && !this.disposed) this.replica.acknowledged(ids);
      }),
      channel.onConnected((connected) => {
        if (connected && wasConnected === false && !this.disposed) this.replica.reconnected();
        wasConnected = connected;
      }),
    ];
    this.stopListening = () => {
      for (const stop of stops) stop();
    };
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
    const pageId = this.pageId;
    return pageId ? this.document.visible(pageId) : [];
  }

  record(id: string): ElementRecord | undefined {
    const pageId = this.pageId;
    return pageId ? this.document.get(pageId, id) : undefined;
  }

  /** The canonical serialized model of a page (the shown one by default): equal bytes on converged peers. */
  serialize(pageId = this.pageId): string {
    if (!pageId) return '';
    this.replica.unpark(pageId);
    return this.document.serialize(pageId);
  }

  status(): BoardStatus {
    const pageId = this.pageId;
    const block = this.rights.block(pageId !== null);
    return {
      pageId,
      revision: pageId ? this.document.revision(pageId) : 0,
      canDraw: block === null,
      block,
      unsent: this.replica.unsentCount,
      resyncing: this.replica.resyncing,
      resyncFailed: this.replica.resyncFailed,
      canUndo: this.document.canUndo,
      canRedo: this.document.canRedo,
      rejected: { ...this.rejected },
    };
  }

  get canDraw(): boolean {
    return this.rights.block(this.pageId !== null) === null;
  }

  liveStrokes(): LiveStroke[] {
    return this.presence.liveStrokes();
  }

  laserPointers(): LaserPointer[] {
    return this.presence.laserPointers();
  }

  // ---- local edits ---------------------------------------------------------------------------------------------

  beginStroke(style: StrokeStyle, x: number, y: number): string | null {
    if (!this.pageId || !this.canDraw) return null;
    const id = this.options.newId();
    this.presence.beginStroke(id, style, x, y);
    return id;
  }

  extendStroke(points: number[]): void {
    this.presence.extendStroke(points);
  }

  /** Commits the stroke being drawn as one element; its live preview is replaced by it. */
  endStroke(): ElementRecord | null {
    const stroke = this.presence.takeStroke();
    if (!stroke) return null;
    const pts = stroke.points.length === 2 ? [...stroke.points, ...stroke.points] : stroke.points;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = 0; i < pts.length; i += 2) {
      minX = Math.min(minX, pts[i]!); maxX = Math.max(maxX, pts[i]!);
      minY = Math.min(minY, pts[i + 1]!); maxY = Math.max(maxY, pts[i + 1]!);
    }
    const relative = pts.map((n, i) => (i % 2 === 0 ? n - minX : n - minY));
    const record = this.canDraw && stroke.pageId === this.pageId
      ? this.document.create(stroke.pageId, stroke.id, stroke.kind, {
        x: minX, y: minY, width: maxX - minX, height: maxY - minY, points: relative, stroke: stroke.stroke,
        strokeWidth: stroke.strokeWidth, opacity: stroke.kind === 'highlighter' ? 0.4 : 1,
      })
      : null;
    if (!record && this.presence.committed([stroke.id])) this.emitPresence();
    return record;
  }

  cancelStroke(): void {
    const stroke = this.presence.takeStroke();
    if (stroke && this.presence.committed([stroke.id])) this.emitPresence();
  }

  create(kind: ElementKind, props: NewElementProps): ElementRecord | null {
    const pageId = this.pageId;
    if (!pageId || !this.canDraw) return null;
    return this.document.create(pageId, this.options.newId(), kind, props);
  }

  update(id: string, patch: Partial<ElementProps>): ElementRecord | null {
    const pageId = this.pageId;
    if (!pageId || !this.canDraw) return null;
    return this.document.update(pageId, id, patch);
  }

  remove(ids: string[]): number {
    const pageId = this.pageId;
    if (!pageId || !this.canDraw) return 0;
    return this.document.remove(pageId, ids);
  }

  bringToFront(id: string): void {
    if (this.pageId && this.canDraw) this.document.reorder(this.pageId, id, 'front');
  }

  sendToBack(id: string): void {
    if (this.pageId && this.canDraw) this.document.reorder(this.pageId, id, 'back');
  }

  /** Tombstones every element of the shown page, as one undoable action. */
  clearPage(): number {
    return this.remove(this.elements().map((r) => r.id));
  }

  undo(): void {
    if (this.canDraw) this.document.undo();
    this.emitStatus();
  }

  redo(): void {
    if (this.canDraw) this.document.redo();
    this.emitStatus();
  }

  /**
   * The local user started editing an element (dragging, scaling or rotating it). Until `stopEditing`, a remote change
   * to it is merged into the document as always, but the view keeps showing the local one, so the drag is not torn
   * out of the user's hand; the edit that ends the drag is a newer version than what was merged, so it wins everywhere
   * unless the element was deleted meanwhile (docs/decisions.md, "Whiteboard model").
   */
  startEditing(id: string): void {
    if (this.record(id)) this.editing.set(id, this.editing.get(id) ?? false);
  }

  /** The local edit ended (committed or not): a remote change held back meanwhile is shown now. */
  stopEditing(id: string): void {
    const waiting = this.editing.get(id);
    this.editing.delete(id);
    if (waiting && this.pageId) this.emitChanges(this.pageId, [id]);
  }

  laser(x: number, y: number, on: boolean): void {
    this.presence.laser(x, y, on);
  }

  /** Sends everything queued now instead of when it falls due (at most a frame later). */
  flush(): void {
    this.scheduler.sendNow();
  }

  /**
   * Fetches the shown page from the board service now (the teacher's "resync" command) and settles once its snapshot
   * is merged, with the page's revision then, or rejects when the board service does not answer.
   */
  resync(): Promise<ResyncResult> {
    return this.replica.resync();
  }

  /** Stops the board. Edits still queued leave first: the last one made before the class screen closed is not lost. */
  dispose(): void {
    if (this.disposed) return;
    this.replica.send();
    this.disposed = true;
    this.stopListening?.();
    this.scheduler.dispose();
    this.presence.dispose();
    this.listeners.clear();
    this.replica.dispose();
  }

  // ---- from the channel ----------------------------------------------------------------------------------------

  private receive(messages: BoardMessage[]): void {
    for (const message of messages) {
      if (this.disposed) return;
      switch (message.kind) {
        case 'course':
          this.setCourse(message.message);
          break;
        case 'room':
          this.setRoom(message.message);
          break;
        case 'boardOps':
          this.replica.receiveOps(message.params.userId, message.message);
          break;
        case 'boardSnapshot':
          this.replica.receiveSnapshot(message.message);
          break;
        case 'boardLive':
          this.presence.receiveLive(message.params.userId, message.message);
          break;
        case 'laser':
          this.presence.receiveLaser(message.params.userId, message.message);
          break;
      }
    }
  }

  private setCourse(course: Course): void {
    if (this.course && course.version < this.course.version) return;
    const before = this.pageId;
    this.course = course;
    if (this.pageId !== before) this.showPage();
    this.emitStatus();
  }

  private setRoom(room: Room): void {
    const lost = this.rights.update(room);
    if (lost === null) return;
    this.presence.forget(lost);
    this.emitStatus();
  }

  // ---- internals -----------------------------------------------------------------------------------------------

  private send(): void {
    this.presence.send();
    this.replica.send();
    this.emitStatus();
  }

  private reject(reason: RejectReason): void {
    this.rejected[reason]++;
    this.emitStatus();
  }

  private showPage(): void {
    const pageId = this.pageId;
    this.editing.clear();
    this.emit({ type: 'page', pageId, elements: this.elements() });
    if (pageId) this.replica.pageShown(pageId);
    this.presence.touch();
  }

  private documentChanged({ pageId, ids, source }: DocumentChange): void {
    const previewsGone = this.presence.committed(ids);
    if (pageId === this.pageId) {
      const shown = this.editing.size === 0 ? ids : ids.filter((id) => {
        if (!this.editing.has(id)) return true;
        // A remote change waits until the local edit ends; a local one is the newest state and shows at once.
        this.editing.set(id, source === 'remote');
        return source === 'local';
      });
      if (shown.length > 0) this.emitChanges(pageId, shown);
      if (previewsGone) this.emitPresence();
    }
    this.emitStatus();
  }

  private emitChanges(pageId: string, ids: string[]): void {
    const changes: ElementChange[] = ids.map((id) => {
      const record = this.document.get(pageId, id);
      return { id, record: record && !record.deleted ? record : null };
    });
    this.emit({ type: 'elements', pageId, changes });
  }

  private emitPresence(): void {
    this.emit({ type: 'live', strokes: this.liveStrokes() });
    this.emit({ type: 'laser', pointers: this.laserPointers() });
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
}
