import { encode } from '../../shared/protocol/codec';
import type { ClassConfig, MediaLine } from '../../shared/protocol/media';
import { topic } from '../../shared/protocol/topics';
import { ServiceHost } from '../host/service-host';
import type { ServiceLink } from '../mqtt/service-connection';

export interface MediaConfigOptions {
  link: ServiceLink;
  root: string;
  /** Every class with its student seats: a class with one seat is 1-on-1. */
  classes: readonly { id: string; capacity: number }[];
  lines: MediaLine[];
  /** Group classes go through the SFU; without one, they are peer-to-peer too (the teacher connects to each student). */
  sfuForGroups: boolean;
}

/** The lines a backend offers when none are configured: direct first, then its own relay when it runs one. */
export function defaultLines(relay: { url: string; username: string; password: string } | null): MediaLine[] {
  const direct: MediaLine = { id: 'line-a', label: 'Direct', iceServers: [] };
  if (!relay) return [direct];
  return [direct, { id: 'line-b', label: 'Relay', iceServers: [{ urls: relay.url, username: relay.username, credential: relay.password }], policy: 'relay' }];
}

export function classConfigFor(capacity: number, lines: MediaLine[], sfuForGroups: boolean, now = Date.now()): ClassConfig {
  return { v: 1, media: { mode: capacity > 1 && sfuForGroups ? 'sfu' : 'p2p', lines }, ts: now };
}

/**
 * Publishes one retained ClassConfig per class: how its media flows and which network lines it may use. It
 * republishes on every connection, so a restarted broker (or one that lost its retained messages) is up to date.
 */
export class MediaConfigPublisher {
  private readonly host: ServiceHost;

  private constructor(private readonly options: MediaConfigOptions) {
    this.host = new ServiceHost({ name: 'media', subscriptions: [], onConnect: () => this.publishAll() }, { link: options.link, root: options.root });
  }

  static async start(options: MediaConfigOptions): Promise<MediaConfigPublisher> {
    const publisher = new MediaConfigPublisher(options);
    await publisher.host.start();
    return publisher;
  }

  configOf(classId: string): ClassConfig | undefined {
    const definition = this.options.classes.find((c) => c.id === classId);
    return definition && classConfigFor(definition.capacity, this.options.lines, this.options.sfuForGroups);
  }

  stop(): Promise<void> {
    return this.host.stop();
  }

  private publishAll(): void {
    const now = Date.now();
    for (const { id, capacity } of this.options.classes) {
      const config = classConfigFor(capacity, this.options.lines, this.options.sfuForGroups, now);
      this.host.publish(encode('classConfig', topic('classConfig', { classId: id }, this.options.root), config));
    }
  }
}
