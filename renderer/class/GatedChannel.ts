import type { MethodOf, ParamsOf, ResultOf, ServiceName } from '../../shared/protocol';
import type { ClassChannel, ClassMessageOf, ServiceContractOf } from '../link/channel';
import type { ClassCleared, ClassKind, LivePublication, TrackedPublication } from '../link/messages';
import type { Outgoing, Refusal } from './sendRules';

type Settled = { acknowledged: string[]; rejected: { id: string; message: string }[] };

/** A class channel its open class joins and leaves. */
export type JoinableChannel = ClassChannel & { join(): void; leave(): void };

/** What a refused publication is settled with, for the feature that sent it and for diagnostics. */
export const REFUSED_BECAUSE: Record<Refusal, string> = {
  observing: 'not sent: observing silently',
  ended: 'not sent: the class has ended',
};

/**
 * The open class's channel as its features see it: everything they send passes one check (`refuse`, the rules of
 * sendRules.ts) before it reaches the link. A refused publication is never queued: the sender gets an outbox id that
 * is settled as rejected, as the link settles one it could not encode; a refused live message is dropped; a refused
 * request rejects. Listening passes straight through.
 */
export class GatedChannel implements JoinableChannel {
  readonly classId: string;
  readonly userId: string;
  private readonly settledListeners = new Set<(settled: Settled) => void>();

  constructor(
    private readonly inner: JoinableChannel,
    private readonly refuse: (outgoing: Outgoing) => Refusal | null,
  ) {
    this.classId = inner.classId;
    this.userId = inner.userId;
  }

  join(): void {
    this.inner.join();
  }

  leave(): void {
    this.inner.leave();
  }

  publish(publication: TrackedPublication): string {
    const why = this.refuse({ via: 'publish', publication });
    if (!why) return this.inner.publish(publication);
    const id = `refused-${crypto.randomUUID()}`;
    // Settled after the sender has the id, as the link would settle it.
    queueMicrotask(() => {
      for (const listener of this.settledListeners) listener({ acknowledged: [], rejected: [{ id, message: REFUSED_BECAUSE[why] }] });
    });
    return id;
  }

  fire(publication: LivePublication): void {
    if (!this.refuse({ via: 'fire', publication })) this.inner.fire(publication);
  }

  request<S extends ServiceName, M extends MethodOf<ServiceContractOf<S>>>(
    service: S,
    method: M,
    params: ParamsOf<ServiceContractOf<S>, M>,
    timeoutMs?: number,
  ): Promise<ResultOf<ServiceContractOf<S>, M>> {
    const why = this.refuse({ via: 'request', service, method: String(method) });
    if (why) return Promise.reject(new Error(REFUSED_BECAUSE[why]));
    return this.inner.request(service, method, params, timeoutMs);
  }

  listen<K extends ClassKind>(kinds: readonly K[], listener: (messages: ClassMessageOf<K>[]) => void): () => void {
    return this.inner.listen(kinds, listener);
  }

  onCleared(listener: (cleared: ClassCleared[]) => void): () => void {
    return this.inner.onCleared(listener);
  }

  onSettled(listener: (settled: Settled) => void): () => void {
    this.settledListeners.add(listener);
    const stop = this.inner.onSettled(listener);
    return () => {
      this.settledListeners.delete(listener);
      stop();
    };
  }

  onConnected(listener: (connected: boolean) => void): () => void {
    return this.inner.onConnected(listener);
  }
}
