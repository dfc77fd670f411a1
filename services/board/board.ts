import { teaches } from '../../shared/auth/claims';
import { encode, type DropCounter } from '../../shared/protocol/codec';
import type { BoardOps, BoardSnapshot } from '../../shared/protocol/messages';
import { RPC } from '../../shared/protocol/rpc/index';
import { topic } from '../../shared/protocol/topics';
import { requesterIn, type ClaimsLookup } from '../classroom/requester';
import { RoomBook } from '../classroom/room-book';
import { ServiceHost } from '../host/service-host';
import type { ServiceLink } from '../mqtt/service-connection';
import { refuseOps, StoredPage, type OpsRefusal } from './page-store';

export const DEFAULT_SNAPSHOT_INTERVAL_MS = 2_000;

export interface BoardServiceOptions {
  link: ServiceLink;
  root: string;
  claimsOf: ClaimsLookup;
  /** A changing page's retained snapshot is published at most this often, and once more after the changes stop. */
  snapshotIntervalMs?: number;
  onError?(error: unknown): void;
}

/** Why the service ignored committed ops (`refuseOps`), counted. */
export type IgnoredOps = Record<OpsRefusal, number>;

const pageKey = (classId: string, pageId: string) => `${classId}/${pageId}`;

/**
 * Keeps every class's board: it merges committed ops (`boardOps`) into one page per (class, page), ignores ops from
 * students without drawing rights, and keeps a retained, compacted snapshot per page for late joiners and resync.
 * After a restart it rebuilds itself from those retained snapshots.
 */
export class BoardService {
  readonly ignored: IgnoredOps = { noDrawingRights: 0, foreignAuthor: 0 };
  private readonly rooms = new RoomBook();
  private readonly pages = new Map<string, { classId: string; stored: StoredPage }>();
  private readonly dirty = new Set<string>();
  private readonly lastPublished = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private readonly host: ServiceHost<typeof RPC.board>;
  private readonly intervalMs: number;

  private constructor(private readonly options: BoardServiceOptions) {
    this.intervalMs = options.snapshotIntervalMs ?? DEFAULT_SNAPSHOT_INTERVAL_MS;
    this.host = new ServiceHost(
      {
        name: 'board',
        // Ops committed while the service reconnects are queued for it, so no snapshot misses them.
        persistentSession: true,
        subscriptions: ['room', 'boardSnapshot', 'boardOps'],
        handlers: {
          room: ({ params, message }) => void this.rooms.update(params.classId, message),
          boardOps: ({ params, message }) => this.ops(params.classId, params.userId, message),
          // Live copies are this service's own publishes; a retained one is what it (or a predecessor) left behind.
          boardSnapshot: ({ params, message, retained }) => {
            if (retained) this.restore(params.classId, message);
          },
        },
        cleared: { room: ({ classId }) => this.rooms.clear(classId) },
        rpc: {
          contract: RPC.board,
          methods: {
            snapshot: ({ classId, pageId }, userId) => {
              requesterIn(this.options.claimsOf, userId, classId);
              return this.snapshot(classId, pageId);
            },
          },
        },
        // A broker that lost its retained messages gets every snapshot back.
        onConnect: () => this.markAll(),
        onStop: () => {
          if (this.timer) clearTimeout(this.timer);
          this.timer = null;
        },
      },
      { link: options.link, root: options.root, onError: options.onError },
    );
  }

  static async start(options: BoardServiceOptions): Promise<BoardService> {
    const service = new BoardService(options);
    await service.host.start();
    return service;
  }

  /** Messages dropped at the edge. */
  get drops(): DropCounter {
    return this.host.drops;
  }

  /** The current snapshot of a page (empty when nobody has drawn on it). */
  snapshot(classId: string, pageId: string): BoardSnapshot {
    const stored = this.pages.get(pageKey(classId, pageId))?.stored ?? new StoredPage(pageId);
    return stored.snapshot(Date.now());
  }

  stop(): Promise<void> {
    return this.host.stop();
  }

  private ops(classId: string, userId: string, ops: BoardOps): void {
    // A teacher with the class in scope teaches it.
    const claims = this.options.claimsOf(userId);
    const refusal = refuseOps(this.rooms.get(classId), { userId, teaches: teaches(claims, classId) }, ops);
    if (refusal) {
      this.ignored[refusal]++;
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
    const now = Date.now();
    const connected = this.host.connected;
    if (connected) {
      for (const key of [...this.dirty]) {
        if ((this.lastPublished.get(key) ?? -Infinity) + this.intervalMs > now) continue;
        const entry = this.pages.get(key);
        this.dirty.delete(key);
        if (!entry) continue;
        this.lastPublished.set(key, now);
        this.publish(entry.classId, entry.stored);
      }
    }
    // While disconnected the pages stay dirty; the next connection marks them all anyway.
    if (connected) this.schedule();
  }

  private publish(classId: string, stored: StoredPage): void {
    const { root } = this.options;
    try {
      const snapshotTopic = topic('boardSnapshot', { classId, pageId: stored.page.pageId }, root);
      this.host.publish(encode('boardSnapshot', snapshotTopic, stored.snapshot(Date.now())));
    } catch (error) {
      // A page too large for one snapshot stays served by the `snapshot` request; say so instead of crashing.
      this.options.onError?.(error);
    }
  }
}
