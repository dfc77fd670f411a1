import { KINDS, forOpenClass, topic, type MethodOf, type ParamsOf, type ResultOf, type ServiceName } from '../../shared/protocol';
import type { ClassChannel, ClassMessageOf, ServiceContractOf } from './channel';
import type { LinkClient } from './LinkClient';
import type { ClassCleared, ClassKind, ClassMessage, JoinOptions, LinkBatch, LivePublication, TrackedPublication } from './messages';

/** Stream messages kept for a kind nobody listens to yet, at most; beyond it the oldest go. */
export const MAX_EARLY_MESSAGES = 5_000;

/** What a channel needs of the link. */
export type ChannelLink = Pick<LinkClient, 'publish' | 'fire' | 'request' | 'join' | 'leave' | 'onBatch' | 'onRejected' | 'connected'>;

export interface ClassChannelOptions {
  classId: string;
  userId: string;
  root: string;
  join: JoinOptions;
  link: ChannelLink;
}

interface Listener {
  kinds: ReadonlySet<ClassKind>;
  deliver(messages: ClassMessage[]): void;
  pending: ClassMessage[];
  active: boolean;
}

type Settled = { acknowledged: string[]; rejected: { id: string; message: string }[] };

/**
 * The class channel of one open class, on the link: the Session makes it, the open class joins and leaves with it,
 * and each feature (board, media, help, the classroom) listens for its own kinds. While its class is open it takes
 * the link's batches itself, and sorts each by kind here, once, in one pass that keeps arrival order for every listener.
 */
export class LinkClassChannel implements ClassChannel {
  readonly classId: string;
  readonly userId: string;
  private readonly listeners: Listener[] = [];
  private readonly byKind = new Map<ClassKind, Listener[]>();
  private readonly clearedListeners = new Set<(cleared: ClassCleared[]) => void>();
  private readonly settledListeners = new Set<(settled: Settled) => void>();
  private readonly connectedListeners = new Set<(connected: boolean) => void>();
  /** The class's retained state, newest per topic, for listeners that come later. */
  private readonly retained = new Map<string, ClassMessage>();
  /** Stream messages of kinds nobody listened to yet, for their first listener. */
  private early: ClassMessage[] = [];
  private connected: boolean;
  /** Set while the class is open: stops taking the link's batches. */
  private stopTaking: (() => void) | null = null;

  constructor(private readonly options: ClassChannelOptions) {
    this.classId = options.classId;
    this.userId = options.userId;
    this.connected = options.link.connected;
  }

  /** Opens the class on the link: its traffic comes to this channel until leave(). */
  join(): void {
    if (this.stopTaking) return;
    const { link } = this.options;
    const stops = [
      link.onBatch((batch) => this.take(batch)),
      link.onRejected((id, message) => this.settle([], [{ id, message }])),
    ];
    this.stopTaking = () => {
      for (const stop of stops) stop();
    };
    this.connectionChanged(link.connected);
    link.join(this.classId, this.options.join);
  }

  /** Leaves the class; what the channel kept of it is forgotten. Listeners stay (a remount joins again). */
  leave(): void {
    if (!this.stopTaking) return;
    this.stopTaking();
    this.stopTaking = null;
    this.options.link.leave(this.classId);
    this.retained.clear();
    this.early = [];
  }

  publish(publication: TrackedPublication): string {
    const outboxId = this.options.link.publish(this.classId, publication);
    if (publication.kind === 'course' || publication.kind === 'room') this.receive([this.ownState(publication)]);
    return outboxId;
  }

  fire(publication: LivePublication): void {
    this.options.link.fire(this.classId, publication);
  }

  request<S extends ServiceName, M extends MethodOf<ServiceContractOf<S>>>(
    service: S,
    method: M,
    params: ParamsOf<ServiceContractOf<S>, M>,
    timeoutMs?: number,
  ): Promise<ResultOf<ServiceContractOf<S>, M>> {
    return this.options.link.request(service, method, params, timeoutMs);
  }

  listen<K extends ClassKind>(kinds: readonly K[], listener: (messages: ClassMessageOf<K>[]) => void): () => void {
    const wanted = new Set<ClassKind>(kinds);
    const entry: Listener = { kinds: wanted, deliver: listener as (messages: ClassMessage[]) => void, pending: [], active: true };
    this.listeners.push(entry);
    for (const kind of wanted) {
      const list = this.byKind.get(kind) ?? [];
      list.push(entry);
      this.byKind.set(kind, list);
    }
    const replay = [...this.retained.values()].filter((m) => wanted.has(m.kind));
    const early = this.early.filter((m) => wanted.has(m.kind));
    if (early.length > 0) this.early = this.early.filter((m) => !wanted.has(m.kind));
    if (replay.length > 0 || early.length > 0) listener([...replay, ...early] as ClassMessageOf<K>[]);
    return () => {
      entry.active = false;
      this.listeners.splice(this.listeners.indexOf(entry), 1);
      for (const kind of wanted) {
        const list = this.byKind.get(kind)!;
        list.splice(list.indexOf(entry), 1);
        if (list.length === 0) this.byKind.delete(kind);
      }
    };
  }

  onCleared(listener: (cleared: ClassCleared[]) => void): () => void {
    this.clearedListeners.add(listener);
    return () => this.clearedListeners.delete(listener);
  }

  onSettled(listener: (settled: Settled) => void): () => void {
    this.settledListeners.add(listener);
    return () => this.settledListeners.delete(listener);
  }

  onConnected(listener: (connected: boolean) => void): () => void {
    this.connectedListeners.add(listener);
    listener(this.connected);
    return () => this.connectedListeners.delete(listener);
  }

  // ---- from the link ---------------------------------------------------------------------------------------------

  private take(batch: LinkBatch): void {
    if (batch.status) this.connectionChanged(batch.status.state === 'connected');
    if (batch.classMessages) this.receive(batch.classMessages);
    if (batch.acknowledged) this.settle(batch.acknowledged, []);
  }

  /** One batch of the link's class traffic, sorted by kind to the listeners in one pass. */
  receive(messages: readonly (ClassMessage | ClassCleared)[]): void {
    let cleared: ClassCleared[] | null = null;
    const touched: Listener[] = [];
    for (const message of messages) {
      if (message.kind === 'cleared') {
        if (!forOpenClass(message.parsed.kind, message.parsed.params.classId, this.classId)) continue;
        this.retained.delete(message.topic);
        (cleared ??= []).push(message);
        continue;
      }
      // Notices are addressed to the user, not to a class: they go to the class that is open.
      if (message.kind !== 'notice' && !forOpenClass(message.kind, message.params.classId, this.classId)) continue;
      const retained = KINDS[message.kind].retain;
      if (retained) {
        this.retained.delete(message.topic);
        this.retained.set(message.topic, message);
      }
      const listeners = this.byKind.get(message.kind);
      if (!listeners) {
        if (!retained) this.keepEarly(message);
        continue;
      }
      for (const listener of listeners) {
        if (listener.pending.length === 0) touched.push(listener);
        listener.pending.push(message);
      }
    }
    for (const listener of touched) {
      const batch = listener.pending;
      listener.pending = [];
      if (listener.active) listener.deliver(batch);
    }
    if (cleared) for (const listener of this.clearedListeners) listener(cleared);
  }

  settle(acknowledged: string[], rejected: { id: string; message: string }[]): void {
    for (const listener of this.settledListeners) listener({ acknowledged, rejected });
  }

  connectionChanged(connected: boolean): void {
    if (connected === this.connected) return;
    this.connected = connected;
    for (const listener of this.connectedListeners) listener(connected);
  }

  private keepEarly(message: ClassMessage): void {
    this.early.push(message);
    if (this.early.length > MAX_EARLY_MESSAGES) this.early.shift();
  }

  /** This console's own course or room as the broker will carry it, for the listeners here. */
  private ownState(publication: Extract<TrackedPublication, { kind: 'course' | 'room' }>): ClassMessage {
    const { classId } = this;
    return publication.kind === 'course'
      ? { ok: true, kind: 'course', params: { classId }, message: publication.message, topic: topic('course', { classId }, this.options.root) }
      : { ok: true, kind: 'room', params: { classId }, message: publication.message, topic: topic('room', { classId }, this.options.root) };
  }
}
