import type { BoardSnapshot } from '../../shared/protocol';
import type { ClassChannel, ClassMessageOf } from '../link/channel';
import type { ClassKind, ClassMessage } from '../link/messages';
import type { TimedMessage } from './timeline';

interface Listener {
  kinds: ReadonlySet<string>;
  deliver(messages: ClassMessage[]): void;
}

/**
 * A class channel that plays a recording instead of a broker: the replayed board (the real board model and view)
 * listens on it as it would on a live class, and the player hands it the recorded messages. It publishes nothing; a
 * board that asks the board service for a page gets the page's last snapshot recorded up to the replay's position,
 * which is what the service would have answered then.
 */
export class ReplayChannel implements ClassChannel {
  readonly userId: string;
  private readonly listeners = new Set<Listener>();
  private published = 0;

  constructor(
    readonly classId: string,
    viewerId: string,
    private readonly snapshotAt: (pageId: string) => BoardSnapshot | null,
  ) {
    this.userId = viewerId;
  }

  /** Hands recorded messages to the listeners of their kinds, in order. */
  deliver(messages: readonly TimedMessage[]): void {
    if (messages.length === 0) return;
    const decoded = messages.map((m) => ({ ok: true, kind: m.kind, params: m.params, message: m.message, topic: '' }) as ClassMessage);
    for (const listener of this.listeners) {
      const theirs = decoded.filter((m) => listener.kinds.has(m.kind));
      if (theirs.length > 0) listener.deliver(theirs);
    }
  }

  publish(): string {
    // A replay sends nothing; the id only lets a caller tell its publications apart.
    return `replay-${++this.published}`;
  }

  fire(): void {}

  request: ClassChannel['request'] = (service, method, params) => {
    if (service === 'board' && method === 'snapshot') {
      const { pageId } = params as { pageId: string };
      const snapshot: BoardSnapshot = this.snapshotAt(pageId) ?? { v: 1, pageId, elements: [], seqs: {}, takenAt: 0 };
      return Promise.resolve(snapshot) as never;
    }
    return Promise.reject(new Error(`${service} ${method} is not available in a replay`));
  };

  listen<K extends ClassKind>(kinds: readonly K[], listener: (messages: ClassMessageOf<K>[]) => void): () => void {
    const entry: Listener = { kinds: new Set(kinds), deliver: (messages) => listener(messages as ClassMessageOf<K>[]) };
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }

  onCleared(): () => void {
    return () => {};
  }

  onSettled(): () => void {
    return () => {};
  }

  onConnected(listener: (connected: boolean) => void): () => void {
    listener(true);
    return () => {};
  }
}
