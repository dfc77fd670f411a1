// Test support: a link worker that records what the client sends and posts what a test tells it to. Not in the bundle.
import type { LinkWorker } from '../LinkClient';
import type { LinkBatch, LinkCommand, LinkEvent } from '../messages';

export class FakeWorker {
  readonly sent: LinkCommand[] = [];
  terminated = false;
  private readonly listeners: ((event: MessageEvent<LinkEvent>) => void)[] = [];

  postMessage(command: LinkCommand): void {
    this.sent.push(command);
  }

  addEventListener(type: string, listener: (event: MessageEvent<LinkEvent>) => void): void {
    if (type === 'message') this.listeners.push(listener);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Posts an event to the client, as the worker would. */
  post(event: LinkEvent): void {
    for (const listener of this.listeners) listener({ data: event } as MessageEvent<LinkEvent>);
  }

  batch(patch: Partial<LinkBatch>): void {
    this.post({ type: 'batch', batch: { summaries: [], cleared: [], ...patch } });
  }

  /** The last command of a type the client sent. */
  last<T extends LinkCommand['type']>(type: T): Extract<LinkCommand, { type: T }> | undefined {
    return this.sent.filter((c): c is Extract<LinkCommand, { type: T }> => c.type === type).at(-1);
  }

  get asWorker(): LinkWorker {
    return this as unknown as LinkWorker;
  }
}
