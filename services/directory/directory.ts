import { randomUUID } from 'node:crypto';
import { inScope } from '../../shared/auth/claims';
import { encode, type DropCounter } from '../../shared/protocol/codec';
import { MAX_SUMMARIES_PER_MESSAGE, type ClassSummary, type ClassControl } from '../../shared/protocol/messages';
import type { DirectoryPage } from '../../shared/protocol/rpc/directory';
import { RPC } from '../../shared/protocol/rpc/index';
import { topic } from '../../shared/protocol/topics';
import { ServiceHost } from '../host/service-host';
import type { ServiceLink } from '../mqtt/service-connection';
import { RpcRefusal } from '../host/refusal';
import type { ClaimsLookup } from '../classroom/requester';
import type { ClassDefinition } from '../simulator/catalogue';
import { DEFAULT_REOPEN_GRACE_MS, nextClassState, reopenUntil, type ClassStateRecord } from './class-states';
import { PresenceBook } from './presence-book';

export interface DirectoryOptions {
  link: ServiceLink;
  catalogue: readonly ClassDefinition[];
  root: string;
  /** Who a `list` caller is (their scope decides which classes they get); without it, only the changes are served. */
  claimsOf?: ClaimsLookup;
  /** Presence changes within this window become one summary publish per class. */
  coalesceMs?: number;
  /** How long after its end a class may be reopened by its teacher (15 minutes by default). */
  reopenGraceMs?: number;
}

/**
 * The class directory: one retained ClassSummary per class, with presence counts aggregated from every class's
 * presence topics and state changed by the class's own teacher (by the rules of class-states.ts: an ended class can
 * be reopened within a grace). It republishes every summary on each connection, so a restarted broker (or one that
 * lost its retained messages) is brought up to date.
 *
 * Each flush also goes out once as a `directoryChanges` message, numbered within this run (`epoch`), and `list`
 * answers the whole list a page at a time: a console of every class reads a few pages and follows the changes
 * instead of receiving thousands of retained summaries one by one.
 */
export class Directory {
  private readonly classes = new Map<string, ClassDefinition>();
  private readonly states = new Map<string, ClassStateRecord>();
  private readonly updatedAt = new Map<string, number>();
  /** Classes whose state a teacher changed while this service ran. */
  private readonly controlled = new Set<string>();
  private readonly book: PresenceBook;
  private readonly dirty = new Set<string>();
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly host: ServiceHost<typeof RPC.directory>;
  private readonly coalesceMs: number;
  private readonly reopenGraceMs: number;
  /** This run of the service, and the number of the last change message it published in it. */
  private readonly epoch = randomUUID();
  private seq = 0;

  private constructor(private readonly options: DirectoryOptions) {
    const now = Date.now();
    for (const definition of options.catalogue) {
      this.classes.set(definition.id, definition);
      this.states.set(definition.id, { state: definition.state, endedAt: null });
      this.updatedAt.set(definition.id, now);
    }
    this.book = new PresenceBook((classId) => this.classes.get(classId)?.teacher.id);
    this.coalesceMs = options.coalesceMs ?? 100;
    this.reopenGraceMs = options.reopenGraceMs ?? DEFAULT_REOPEN_GRACE_MS;
    this.host = new ServiceHost(
      {
        name: 'directory',
        // A teacher's start/end sent while the directory reconnects (after a broker restart, say) must wait for it.
        persistentSession: true,
        subscriptions: ['presence', 'classControl', 'classSummary'],
        handlers: {
          presence: ({ params, message }) => this.presence(params.classId, params.userId, message),
          classControl: ({ params, message }) => this.control(params.classId, params.userId, message),
          classSummary: ({ message, retained }) => {
            if (retained) this.restore(message);
          },
        },
        cleared: { presence: ({ classId, userId }) => this.presence(classId, userId, null) },
        rpc: { contract: RPC.directory, methods: { echo: (params) => params, list: ({ from }, userId) => this.list(from, userId) } },
        onConnect: () => this.republishAll(),
        onStop: () => {
          if (this.flushTimer) clearTimeout(this.flushTimer);
          this.flushTimer = null;
        },
      },
      { link: options.link, root: options.root },
    );
  }

  static async start(options: DirectoryOptions): Promise<Directory> {
    const directory = new Directory(options);
    await directory.host.start();
    return directory;
  }

  /** Presence and summary messages dropped at the edge. */
  get drops(): DropCounter {
    return this.host.drops;
  }

  summary(classId: string): ClassSummary | undefined {
    const definition = this.classes.get(classId);
    if (!definition) return undefined;
    const record = this.states.get(classId) ?? { state: definition.state, endedAt: null };
    const until = reopenUntil(record, this.reopenGraceMs);
    return {
      v: 1,
      id: definition.id,
      title: definition.title,
      teacher: { id: definition.teacher.id, name: definition.teacher.name },
      state: record.state,
      region: definition.region,
      startsAt: definition.startsAt,
      presence: this.book.counts(classId),
      capacity: definition.capacity,
      updatedAt: this.updatedAt.get(classId)!,
      ...(record.endedAt !== null && { endedAt: record.endedAt }),
      ...(until !== null && { reopenUntil: until }),
    };
  }

  stop(): Promise<void> {
    return this.host.stop();
  }

  private presence(classId: string, userId: string, message: Parameters<PresenceBook['apply']>[2]): void {
    if (!this.classes.has(classId)) return;
    if (this.book.apply(classId, userId, message)) this.markDirty(classId);
  }

  /**
   * A retained summary this service published before it (or the broker) restarted: a state its teacher set then is
   * kept, with when the class ended (its reopen grace runs from then), unless the teacher has changed it again since.
   * Summaries of other classes, or of a different catalogue (another seed), are ignored.
   */
  private restore(summary: ClassSummary): void {
    const definition = this.classes.get(summary.id);
    if (!definition || this.controlled.has(summary.id)) return;
    if (definition.title !== summary.title || definition.teacher.id !== summary.teacher.id) return;
    const endedAt = summary.state === 'ended' ? (summary.endedAt ?? null) : null;
    const current = this.states.get(summary.id);
    if (current?.state === summary.state && current.endedAt === endedAt) return;
    this.states.set(summary.id, { state: summary.state, endedAt });
    this.markDirty(summary.id);
  }

  private control(classId: string, userId: string, message: ClassControl): void {
    const definition = this.classes.get(classId);
    // The ACL lets any teacher with the class in scope publish here; only the class's own teacher runs it.
    if (!definition || definition.teacher.id !== userId) return;
    const next = nextClassState(this.states.get(classId) ?? { state: definition.state, endedAt: null }, message.action, Date.now(), this.reopenGraceMs);
    if (!next) return;
    this.states.set(classId, next);
    this.controlled.add(classId);
    this.markDirty(classId);
  }

  private markDirty(classId: string): void {
    this.updatedAt.set(classId, Date.now());
    this.dirty.add(classId);
    this.flushTimer ??= setTimeout(() => this.flush(), this.coalesceMs);
  }

  private republishAll(): void {
    for (const classId of this.classes.keys()) this.dirty.add(classId);
    this.flushTimer ??= setTimeout(() => this.flush(), this.coalesceMs);
  }

  /** One page of the caller's classes, in catalogue order, from position `from` of that list. */
  private list(from: number, userId: string): DirectoryPage {
    const claims = this.options.claimsOf?.(userId);
    if (!claims) throw new RpcRefusal('unknown-user', `${userId} has no session with this backend`);
    const ids = claims.classes === '*' ? [...this.classes.keys()] : [...this.classes.keys()].filter((id) => inScope(claims, id));
    const summaries = fitting(ids.slice(from, from + MAX_SUMMARIES_PER_MESSAGE).map((id) => this.summary(id)!));
    const end = from + summaries.length;
    return { epoch: this.epoch, seq: this.seq, total: ids.length, summaries, next: end < ids.length ? end : null };
  }

  private flush(): void {
    this.flushTimer = null;
    if (!this.host.connected) return; // the next connection republishes everything
    const root = this.options.root;
    const changed: ClassSummary[] = [];
    for (const classId of this.dirty) {
      const summary = this.summary(classId);
      if (!summary) continue;
      this.host.publish(encode('classSummary', topic('classSummary', { classId }, root), summary));
      changed.push(summary);
    }
    this.dirty.clear();
    for (let at = 0; at < changed.length; ) {
      const summaries = fitting(changed.slice(at, at + MAX_SUMMARIES_PER_MESSAGE));
      at += summaries.length;
      this.host.publish(encode('directoryChanges', topic('directoryChanges', {}, root), { v: 1, epoch: this.epoch, seq: ++this.seq, summaries }));
    }
  }
}

/** A page's and a change message's share of the 1 MiB their kinds allow, leaving room for the envelope. */
const PAGE_BYTES = 896 * 1024;

/** The leading summaries that fit in one page (at least one: a summary is at most 4 KiB). */
function fitting(summaries: ClassSummary[]): ClassSummary[] {
  let bytes = 0;
  for (let i = 0; i < summaries.length; i++) {
    bytes += Buffer.byteLength(JSON.stringify(summaries[i])) + 1;
    if (bytes > PAGE_BYTES) return summaries.slice(0, Math.max(1, i));
  }
  return summaries;
}
