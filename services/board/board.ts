import { z } from 'zod';
import { DropCounter, decode, encode } from '../../shared/protocol/codec';
import { Id } from '../../shared/protocol/ids';
import type { BoardOps, BoardSnapshot, RpcRequest } from '../../shared/protocol/messages';
import { filter, topic } from '../../shared/protocol/topics';
import { inScope } from '../../shared/auth/claims';
import { RoomBook } from '../classroom/room-book';
import { answer, paramsOf, requesterIn, type ClaimsLookup } from '../classroom/rpc';
import { ServiceConnection, type ServiceLink } from '../mqtt/service-connection';
import { StoredPage } from './page-store';

/** Params of `board` / `snapshot`. */
export const SnapshotParams = z.object({ classId: Id, pageId: Id });

export const DEFAULT_SNAPSHOT_INTERVAL_MS = 2_000;

export interface BoardServiceOptions {
  link: ServiceLink;
  root: string;
  claimsOf: ClaimsLookup;
  /** A changing page's retained snapshot is published at most this often, and once more after the changes stop. */
  snapshotIntervalMs?: number;
  onError?(error: unknown): void;
}

/** Why the service ignored committed ops, counted. */
export interface IgnoredOps {
  noDrawingRights: number;
  /** Records naming another user than their sender as the author of the edit. */
  foreignAuthor: number;
}

const pageKey = (classId: string, pageId: string) => `${classId}/${pageId}`;

/**
 * Keeps every class's board: it merges committed ops (`boardOps`) into one page per (class, page), ignores ops from
 * students without drawing rights, and keeps a retained, compacted snapshot per page for late joiners and resync.
 * After a restart it rebuilds itself from those retained snapshots.
 */
export class BoardService {
  readonly drops = new DropCounter();
  readonly ignored: IgnoredOps = { noDrawingRights: 0, foreignAuthor: 0 };
  private readonly rooms = new RoomBook();
  private readonly pages = new Map<string, { classId: string; stored: StoredPage }>();
  private readonly dirty = new Set<string>();
  private readonly lastPublished = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private connection: ServiceConnection | null = null;
  private readonly intervalMs: number;

  private constructor(private readonly options: BoardServiceOptions) {
    this.intervalMs = options.snapshotIntervalMs ?? DEFAULT_SNAPSHOT_INTERVAL_MS;
  }

  static async start(options: BoardServiceOptions): Promise<BoardService> {
    const service = new BoardService(options);
    const { root } = options;
    service.connection = await ServiceConnection.open({
      ...options.link,
      service: 'board',
      // Ops committed while the service reconnects are queued for it, so no snapshot misses them.
      persistentSession: true,
      subscriptions: [
        filter('room', {}, root),
        filter('boardSnapshot', {}, root),
        filter('boardOps', {}, root),
        filter('serviceRequest', { service: 'board' }, root),
      ],
      onMessage: (topicName, payload, retained) => service.receive(topicName, payload, retained),
      // A broker that lost its retained messages gets every snapshot back.
      onConnect: () => service.markAll(),
    });
    return service;
  }

  /** The current snapshot of a page (empty when nobody has drawn on it). */
  snapshot(classId: string, pageId: string): BoardSnapshot {
    const stored = this.pages.get(pageKey(classId, pageId))?.stored ?? new StoredPage(pageId);
    return stored.snapshot(Date.now());
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.connection?.close();
    this.connection = null;
  }

  private receive(topicName: string, payload: Buffer, retained: boolean): void {
    const decoded = decode(topicName, payload, this.options.root, retained);
    if (!decoded.ok) return this.drops.add(decoded);
    if (this.rooms.note(decoded) || decoded.kind === 'cleared') return;
    switch (decoded.kind) {
      case 'boardOps':
        return this.ops(decoded.params.classId, decoded.params.userId, decoded.message);
      case 'boardSnapshot':
        // Live copies are this service's own publishes; a retained one is what it (or a predecessor) left behind.
        if (retained) this.restore(decoded.params.classId, decoded.message);
        return;
      case 'serviceRequest':
        return answer(this.connection, this.options.root, 'board', decoded.params.userId, decoded.message as RpcRequest, {
          snapshot: (userId, params) => {
            const { classId, pageId } = paramsOf(SnapshotParams, params);
            requesterIn(this.options.claimsOf, userId, classId);
            return this.snapshot(classId, pageId);
          },
        }, this.options.onError);
      default:
        return;
    }
  }

  /** The shared drawing rule; a teacher with the class in scope teaches it. */
  private mayDraw(classId: string, userId: string): boolean {
    const claims = this.options.claimsOf(userId);
    return this.rooms.mayDraw(classId, { userId, teaches: claims?.role === 'teacher' && inScope(claims, classId) });
  }

  private ops(classId: string, userId: string, ops: BoardOps): void {
    if (!this.mayDraw(classId, userId)) {
      this.ignored.noDrawingRights++;
      return;
    }
    // A record names the user whose edit made it; the sender is the topic's user, and nobody edits as someone else.
    if (ops.records.some((record) => record.by !== userId)) {
      this.ignored.foreignAuthor++;
      return;
    }
    if (this.page(classId, ops.pageId).applyOps(userId, ops.session, ops.seq, ops.records)) this.markDirty(pageKey(classId, ops.pageId));
  }

  private restore(classId: string, snapshot: BoardSnapshot): void {
    // A restored page needs no republish: the broker already holds exactly this snapshot.
    this.page(classId, snapshot.pageId).applySnapshot(snapshot);
  }

  private page(classId: string, pageId: string): StoredPage {
    const key = pageKey(classId, pageId);
    let entry = this.pages.get(key);
    if (!entry) this.pages.set(key, (entry = { classId, stored: new StoredPage(pageId) }));
    return entry.stored;
  }

  private markAll(): void {
    for (const key of this.pages.keys()) this.markDirty(key);
  }

  private markDirty(key: string): void {
    this.dirty.add(key);
    this.schedule();
  }

  /** One timer for all pages: it fires when the earliest dirty page may be published again. */
  private schedule(): void {
    if (this.timer || this.dirty.size === 0) return;
    const now = Date.now();
    let due = Infinity;
    for (const key of this.dirty) due = Math.min(due, (this.lastPublished.get(key) ?? -Infinity) + this.intervalMs);
    this.timer = setTimeout(() => this.flush(), Math.max(0, due - now));
  }

  private flush(): void {
    this.timer = null;
    const connection = this.connection;
    const now = Date.now();
    if (connection?.connected) {
      for (const key of [...this.dirty]) {
        if ((this.lastPublished.get(key) ?? -Infinity) + this.intervalMs > now) continue;
        const entry = this.pages.get(key);
        this.dirty.delete(key);
        if (!entry) continue;
        this.lastPublished.set(key, now);
        this.publish(connection, entry.classId, entry.stored);
      }
    }
    // While disconnected the pages stay dirty; the next connection marks them all anyway.
    if (connection?.connected) this.schedule();
  }

  private publish(connection: ServiceConnection, classId: string, stored: StoredPage): void {
    const { root } = this.options;
    try {
      const snapshotTopic = topic('boardSnapshot', { classId, pageId: stored.page.pageId }, root);
      connection.publish(encode('boardSnapshot', snapshotTopic, stored.snapshot(Date.now())));
    } catch (error) {
      // A page too large for one snapshot stays served by the `snapshot` request; say so instead of crashing.
      this.options.onError?.(error);
    }
  }
}
