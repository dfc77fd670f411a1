import { DropCounter, decode, type Outbound } from '../../shared/protocol/codec';
import type { ServiceContract } from '../../shared/protocol/rpc/contract';
import { filter } from '../../shared/protocol/topics';
import { ServiceConnection, type ServiceLink } from '../mqtt/service-connection';
import { RequestAnswers } from './answers';
import type { Incoming, ServiceDeclaration } from './declaration';

export interface ServiceHostOptions {
  link: ServiceLink;
  root: string;
  /** Failures of handlers, timers, onConnect and methods (those are answered `internal`); the link's by default. */
  onError?(error: unknown): void;
}

type AnyHandler = (incoming: Incoming<never>) => void;
type AnyCleared = (params: Record<string, string>) => void;

/**
 * Runs one declared service: it owns the service's connection (reconnecting, with a fresh token), subscribes to what
 * the service declared (and to the service's own request topic when it has methods), decodes every message at the
 * edge and counts what it drops, hands each valid message to the handler of its kind, answers requests against the
 * service's contract (RequestAnswers), runs its timers while it runs, and calls its lifecycle hooks. A handler, timer
 * or hook that throws is reported and the service carries on. Stopped, it can be started again.
 */
export class ServiceHost<C extends ServiceContract = ServiceContract> {
  /** Messages dropped at the edge (malformed, oversized, unknown), by reason. */
  readonly drops = new DropCounter();
  private connection: ServiceConnection | null = null;
  private starting: Promise<void> | null = null;
  /** True from start() until stop(): messages are taken in, even before open() has returned. */
  private accepting = false;
  private intervals: NodeJS.Timeout[] = [];
  private readonly answers: RequestAnswers<C> | null;
  private readonly onError: (error: unknown) => void;

  constructor(
    private readonly declaration: ServiceDeclaration<C>,
    private readonly options: ServiceHostOptions,
  ) {
    const linkError = options.link.onError;
    this.onError = options.onError ?? ((error) => linkError?.(error instanceof Error ? error : new Error(String(error))));
    const { rpc } = declaration;
    this.answers = rpc
      ? new RequestAnswers(declaration.name, rpc, { root: options.root, publish: (message) => this.publish(message), onError: this.onError })
      : null;
  }

  get name(): string {
    return this.declaration.name;
  }

  /** From a completed start() until stop(). */
  get running(): boolean {
    return this.connection !== null;
  }

  get connected(): boolean {
    return this.connection?.connected ?? false;
  }

  /** Publishes when connected; returns false (and drops the message) when not. */
  publish(message: Outbound): boolean {
    return this.connection?.publish(message) ?? false;
  }

  /** Runs onStart, connects, subscribes, calls onConnect and starts the timers. Starting a running service does nothing. */
  start(): Promise<void> {
    if (this.connection) return Promise.resolve();
    this.starting ??= this.open().finally(() => (this.starting = null));
    return this.starting;
  }

  /** Stops the timers, disconnects, then runs onStop. Messages still arriving meanwhile are ignored. */
  async stop(): Promise<void> {
    await this.starting?.catch(() => {});
    const connection = this.connection;
    this.connection = null;
    this.accepting = false;
    for (const interval of this.intervals) clearInterval(interval);
    this.intervals = [];
    if (!connection) return;
    await connection.close();
    await this.declaration.onStop?.();
  }

  private async open(): Promise<void> {
    const declaration = this.declaration;
    await declaration.onStart?.();
    this.accepting = true;
    let announceWhenOpen = false;
    let connection: ServiceConnection;
    try {
      connection = await ServiceConnection.open({
        ...this.options.link,
        service: declaration.name,
        instance: declaration.instance,
        persistentSession: declaration.persistentSession,
        subscriptions: this.filters(),
        onMessage: (topicName, payload, retained) => this.receive(topicName, payload, retained),
        // Without subscriptions the first call comes before open() returns, when there is nothing to publish with yet.
        onConnect: () => (this.connection ? this.announce() : (announceWhenOpen = true)),
      });
    } catch (error) {
      this.accepting = false;
      throw error;
    }
    this.connection = connection;
    if (announceWhenOpen) this.announce();
    for (const timer of declaration.timers ?? []) {
      const interval = setInterval(() => this.guard(() => timer.run()), timer.everyMs);
      interval.unref();
      this.intervals.push(interval);
    }
  }

  private filters(): string[] {
    const { root } = this.options;
    const filters = this.declaration.subscriptions.map((kind) => filter(kind, {}, root));
    if (this.declaration.rpc) filters.push(filter('serviceRequest', { service: this.declaration.name }, root));
    return filters;
  }

  private announce(): void {
    this.guard(() => this.declaration.onConnect?.());
  }

  private guard(work: () => void): void {
    try {
      work();
    } catch (error) {
      this.onError(error);
    }
  }

  private receive(topicName: string, payload: Buffer, retained: boolean): void {
    const declaration = this.declaration;
    if (!this.accepting || (declaration.admit && !declaration.admit(topicName, retained))) return;
    const decoded = decode(topicName, payload, this.options.root, retained);
    this.guard(() => {
      if (!decoded.ok) {
        this.drops.add(decoded);
        declaration.onDropped?.(decoded, payload);
      } else if (decoded.kind === 'cleared') {
        (declaration.cleared?.[decoded.parsed.kind] as AnyCleared | undefined)?.(decoded.parsed.params);
      } else if (decoded.kind === 'serviceRequest') {
        if (decoded.params.service === declaration.name) this.answers?.answer(decoded.params.userId, decoded.message);
      } else {
        const handler = declaration.handlers?.[decoded.kind] as AnyHandler | undefined;
        handler?.({ params: decoded.params, message: decoded.message, topic: topicName, retained } as Incoming<never>);
      }
    });
  }
}
