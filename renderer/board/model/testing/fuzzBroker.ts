// Test support for the board's convergence fuzz: an in-memory broker between consoles (each a link with an outbox,
// as the link worker keeps one) and the board service, that reorders, duplicates, loses and disconnects.
import { decode, type Decoded, type Outbound } from '../../../../shared/protocol/codec';
import { classOutbound } from '../../../../shared/protocol/outbound';
import { RPC } from '../../../../shared/protocol/rpc';
import { RpcFailure } from '../../../../shared/protocol/rpc/failure';
import { topic } from '../../../../shared/protocol/topics';
import type { TopicKind } from '../../../../shared/protocol/topics';
import type { BoardSnapshot } from '../../../../shared/protocol';
import type { ClassMessage, LinkBatch, LivePublication, TrackedPublication } from '../../../link/messages';

export const ROOT = 'classroom';
export const CLASS_ID = 'class-1';
/** Ops a broker keeps queued for a console that is away; beyond it the oldest go (EMQX's max_mqueue_len, say). */
export const OFFLINE_QUEUE_OPS = 16;

/** What the board service does with what it receives: the test plugs the real page store in here. */
export interface BoardServiceStandIn {
  /** A decoded message of a kind the board service subscribes to (room, boardOps), in order. */
  receive(message: Decoded): void;
  snapshot(pageId: string): BoardSnapshot;
}

type Delivery =
  | { type: 'message'; kind: TopicKind; topic: string; payload: Uint8Array; qos: 0 | 1; retained: boolean }
  | { type: 'ack'; outboxId: string }
  | { type: 'answer'; requestId: number; snapshot: BoardSnapshot };

type Request = { requestId: number; from: FuzzConsole; pageId: string };

/** Kinds the board does not read; the broker does not bother routing them to consoles. */
const NOT_FOR_BOARDS: ReadonlySet<TopicKind> = new Set<TopicKind>(['boardSync']);
/** Kinds the board service subscribes to. */
const FOR_SERVICE: ReadonlySet<TopicKind> = new Set<TopicKind>(['room', 'boardOps']);
/**
 * The room is a barrier: nothing is delivered across it out of order. A broker forwards in the order it received, and
 * the rights a room grants or withdraws must meet every op on the same side everywhere (see the fuzz's rights step).
 */
const BARRIERS: ReadonlySet<TopicKind> = new Set<TopicKind>(['room']);

/** One console's link: what its class channel publishes through and takes its batches from. */
export class FuzzConsole {
  online = true;
  readonly queue: Delivery[] = [];
  /** Published QoS 1 messages the broker has not acknowledged yet, in order; resent after a reconnect. */
  private readonly outbox = new Map<string, { kind: TopicKind; outbound: Outbound }>();
  private readonly requests = new Map<number, { resolve: (snapshot: BoardSnapshot) => void; reject: (error: Error) => void }>();
  private readonly batchListeners = new Set<(batch: LinkBatch) => void>();
  /** The page whose retained snapshot the link subscribes to: the page the course shows. */
  shownPage: string | null = null;
  private outboxSeq = 0;

  constructor(
    private readonly broker: FuzzBroker,
    readonly userId: string,
  ) {}

  // ---- the link as a class channel uses it (LinkClassChannel's ChannelLink) -------------------------------------

  get connected(): boolean {
    return this.online;
  }

  publish(classId: string, publication: TrackedPublication): string {
    const outboxId = `${this.userId}-ob-${++this.outboxSeq}`;
    const outbound = classOutbound(classId, publication, this.userId, ROOT);
    this.outbox.set(outboxId, { kind: publication.kind, outbound });
    if (this.online) this.send(outboxId);
    return outboxId;
  }

  fire(classId: string, publication: LivePublication): void {
    if (this.online) this.broker.route(publication.kind, classOutbound(classId, publication, this.userId, ROOT));
  }

  request(_service: string, _method: string, params: unknown): Promise<BoardSnapshot> {
    return new Promise<BoardSnapshot>((resolve, reject) => {
      if (!this.online) return reject(new RpcFailure('disconnected', 'not connected to the broker'));
      const requestId = this.broker.nextRequestId();
      this.requests.set(requestId, { resolve, reject });
      this.broker.request({ requestId, from: this, pageId: (params as { pageId: string }).pageId });
    });
  }

  join(): void {}

  leave(): void {}

  onBatch(listener: (batch: LinkBatch) => void): () => void {
    this.batchListeners.add(listener);
    return () => this.batchListeners.delete(listener);
  }

  onRejected(): () => void {
    return () => {};
  }

  // ---- the fuzz's hands on it ----------------------------------------------------------------------------------

  get pendingRequests(): number {
    return this.requests.size;
  }

  get unacknowledged(): number {
    return this.outbox.size;
  }

  /** Indexes of the queue that may be delivered next: anything before the first barrier, or the barrier itself. */
  deliverable(): number[] {
    const barrier = this.queue.findIndex((d) => d.type === 'message' && BARRIERS.has(d.kind));
    if (barrier === 0) return [0];
    const end = barrier === -1 ? this.queue.length : barrier;
    return Array.from({ length: end }, (_, i) => i);
  }

  /** Delivers the queue's item at `index` (one of `deliverable()`), as the link would hand it over. */
  deliver(index: number): void {
    const [item] = this.queue.splice(index, 1);
    if (!item || !this.online) return;
    if (item.type === 'ack') {
      if (this.outbox.delete(item.outboxId)) this.batch({ acknowledged: [item.outboxId] });
      return;
    }
    if (item.type === 'answer') {
      const pending = this.requests.get(item.requestId);
      this.requests.delete(item.requestId);
      // Parsed by the board service's contract, as the link worker does before it settles a request.
      pending?.resolve(RPC.board.snapshot.result.parse(JSON.parse(JSON.stringify(item.snapshot))));
      return;
    }
    const decoded = decode(item.topic, item.payload, ROOT, item.retained);
    if (!decoded.ok || decoded.kind === 'cleared') throw new Error(`the fuzz broker carried an undecodable ${item.kind} message`);
    if (decoded.kind === 'course') this.follow(decoded.message.current);
    this.batch({ classMessages: [decoded as ClassMessage] });
  }

  /** The link gives up on a request (a timeout). */
  failRequest(): boolean {
    const first = this.requests.entries().next().value;
    if (!first) return false;
    this.requests.delete(first[0]);
    first[1].reject(new RpcFailure('timeout', 'the board service did not answer in time'));
    return true;
  }

  disconnect(): void {
    if (!this.online) return;
    this.online = false;
    // Best-effort traffic, acknowledgements and answers went with the connection; the session keeps QoS 1.
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const d = this.queue[i]!;
      if (d.type !== 'message' || d.qos === 0 || d.retained) this.queue.splice(i, 1);
    }
    for (const [id, pending] of [...this.requests]) {
      this.requests.delete(id);
      pending.reject(new RpcFailure('disconnected', 'the connection was lost'));
    }
    this.batch({ status: status('reconnecting') });
  }

  connect(): void {
    if (this.online) return;
    this.online = true;
    this.batch({ status: status('connected') });
    // The outbox sends what the broker never acknowledged (again, if the acknowledgement was lost), in order.
    for (const outboxId of this.outbox.keys()) this.send(outboxId);
    // The link subscribes again: the broker hands it the class's retained state.
    this.subscribed();
  }

  /** The link subscribes to the class (it joined, or reconnected): retained course, room and shown snapshot arrive. */
  subscribed(): void {
    for (const kind of ['course', 'room'] as const) this.retained(topic(kind, { classId: CLASS_ID }, ROOT));
    if (this.shownPage) this.retained(topic('boardSnapshot', { classId: CLASS_ID, pageId: this.shownPage }, ROOT));
  }

  /** Takes a routed message (or nothing, when it is not for this console). */
  offer(kind: TopicKind, outbound: Outbound, retained = false): void {
    if (NOT_FOR_BOARDS.has(kind)) return;
    if (outbound.qos === 0 && !this.online) return;
    this.queue.push({ type: 'message', kind, topic: outbound.topic, payload: outbound.payload, qos: outbound.qos, retained });
    if (!this.online) this.trimOfflineQueue();
  }

  answer(requestId: number, snapshot: BoardSnapshot): void {
    if (this.online && this.requests.has(requestId)) this.queue.push({ type: 'answer', requestId, snapshot });
  }

  private send(outboxId: string): void {
    const entry = this.outbox.get(outboxId)!;
    this.broker.route(entry.kind, entry.outbound);
    this.queue.push({ type: 'ack', outboxId });
  }

  /** The course moved: the link moves its snapshot subscription, and the broker hands over the retained one. */
  private follow(pageId: string): void {
    if (pageId === this.shownPage) return;
    this.shownPage = pageId;
    this.retained(topic('boardSnapshot', { classId: CLASS_ID, pageId }, ROOT));
  }

  private retained(name: string): void {
    const kept = this.broker.retainedOn(name);
    if (kept) this.queue.push({ type: 'message', kind: kept.kind, topic: name, payload: kept.outbound.payload, qos: 1, retained: true });
  }

  private trimOfflineQueue(): void {
    let ops = this.queue.filter((d) => d.type === 'message' && d.kind === 'boardOps').length;
    for (let i = 0; i < this.queue.length && ops > OFFLINE_QUEUE_OPS; i++) {
      const d = this.queue[i]!;
      if (d.type === 'message' && d.kind === 'boardOps') {
        this.queue.splice(i--, 1);
        ops--;
      }
    }
  }

  private batch(patch: Partial<LinkBatch>): void {
    for (const listener of [...this.batchListeners]) listener({ summaries: [], cleared: [], ...patch });
  }
}

/** The broker, its retained messages and the board service's subscription. */
export class FuzzBroker {
  readonly consoles: FuzzConsole[] = [];
  /** The board service's queue (a persistent session that never goes away here): messages and requests, in order. */
  readonly serviceQueue: ({ type: 'message'; kind: TopicKind; topic: string; payload: Uint8Array } | ({ type: 'request' } & Request))[] = [];
  private readonly kept = new Map<string, { kind: TopicKind; outbound: Outbound }>();
  private requestSeq = 0;

  constructor(private readonly service: BoardServiceStandIn) {}

  console(userId: string): FuzzConsole {
    const joined = new FuzzConsole(this, userId);
    this.consoles.push(joined);
    return joined;
  }

  nextRequestId(): number {
    return ++this.requestSeq;
  }

  retainedOn(name: string): { kind: TopicKind; outbound: Outbound } | undefined {
    return this.kept.get(name);
  }

  /** A message a console (or the service) published: kept when retained, queued for every subscriber. */
  route(kind: TopicKind, outbound: Outbound): void {
    if (outbound.retain) this.kept.set(outbound.topic, { kind, outbound });
    for (const subscriber of this.consoles) {
      if (kind === 'boardSnapshot' && outbound.topic !== topic('boardSnapshot', { classId: CLASS_ID, pageId: subscriber.shownPage ?? '-' }, ROOT)) continue;
      subscriber.offer(kind, outbound);
    }
    if (FOR_SERVICE.has(kind)) this.serviceQueue.push({ type: 'message', kind, topic: outbound.topic, payload: outbound.payload });
  }

  request(request: Request): void {
    this.serviceQueue.push({ type: 'request', ...request });
  }

  /** The board service handles the next item of its queue; false when there is none. */
  serviceStep(): boolean {
    const item = this.serviceQueue.shift();
    if (!item) return false;
    if (item.type === 'request') {
      item.from.answer(item.requestId, this.service.snapshot(item.pageId));
      return true;
    }
    const decoded = decode(item.topic, item.payload, ROOT);
    if (!decoded.ok || decoded.kind === 'cleared') throw new Error(`the fuzz broker carried an undecodable ${item.kind} message`);
    this.service.receive(decoded);
    return true;
  }

  /** True when nothing is on its way anywhere. */
  get quiet(): boolean {
    return this.serviceQueue.length === 0 && this.consoles.every((c) => c.queue.length === 0 && c.pendingRequests === 0 && c.unacknowledged === 0);
  }
}

function status(state: 'connected' | 'reconnecting'): NonNullable<LinkBatch['status']> {
  return { state, attempt: state === 'connected' ? 0 : 1, rttMs: null, failure: null, detail: '' };
}
