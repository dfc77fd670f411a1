import { encode, type DropCounter } from '../../shared/protocol/codec';
import type { ClassTags } from '../../shared/protocol/supervision';
import { prefix, topic } from '../../shared/protocol/topics';
import { ServiceHost } from '../host/service-host';
import type { ServiceLink } from '../mqtt/service-connection';
import { TagEngine } from './engine';
import { HealthBook } from './health';
import { WHOLE, owns, type Shard } from './shard';

export interface TaggerOptions {
  link: ServiceLink;
  root: string;
  /** This instance's share of the classes; the whole by default. */
  shard?: Shard;
  clock?(): number;
  /** How often classes whose tags may change with time alone are looked at (one timer for all classes). */
  tickMs?: number;
  forgetAfterMs?: number;
  onError?(error: unknown): void;
}

export interface TaggerStats {
  /** Telemetry messages of this instance's classes, decoded and folded in. */
  messages: number;
  late: number;
  future: number;
  duplicate: number;
  /** Malformed messages dropped at decoding. */
  dropped: number;
  /** Messages about classes other instances own, skipped before decoding. */
  otherShards: number;
  classes: number;
  /** ClassTags and ClassHealth messages published. */
  tagsPublished: number;
  healthPublished: number;
}

const EMPTY = new Uint8Array(0);

/**
 * The tagger service: client telemetry in, retained `classTags` and `classHealth` out, for the classes of its shard.
 * Several instances split the classes by a stable hash of the class id (`shard`); each receives every class's
 * traffic and skips the others' before decoding. It reads presence (who teaches, who left, app versions) and class
 * summaries (title, teacher, region, state), and takes over the tags a previous run published, so a restart keeps
 * lasting states and their `since`.
 */
export class TaggerService {
  readonly engine: TagEngine;
  readonly shard: Shard;
  private readonly health = new HealthBook();
  private readonly clock: () => number;
  private readonly host: ServiceHost;
  private otherShards = 0;
  private tagsPublished = 0;
  private healthPublished = 0;
  private readonly classPrefix: string;
  private readonly summaryPrefix: string;
  private readonly tagsPrefix: string;

  private constructor(private readonly options: TaggerOptions) {
    this.shard = options.shard ?? WHOLE;
    this.clock = options.clock ?? Date.now;
    this.engine = new TagEngine({
      clock: this.clock,
      onTags: (tags) => this.publishTags(tags),
      forgetAfterMs: options.forgetAfterMs,
    });
    const head = `${prefix(options.root)}/`;
    this.classPrefix = `${head}class/`;
    this.summaryPrefix = `${head}directory/classes/`;
    this.tagsPrefix = `${head}supervise/tags/`;
    this.host = new ServiceHost(
      {
        name: 'tagger',
        instance: `${this.shard.index}-of-${this.shard.count}`,
        // Earlier tags first, so they are taken over before this run's first windows close.
        subscriptions: ['classTags', 'classSummary', 'presence', 'telemetry'],
        admit: (topicName, retained) => this.admit(topicName, retained),
        handlers: {
          telemetry: ({ params, message }) => this.engine.ingest(params.classId, params.userId, message),
          presence: ({ params, message }) => {
            this.engine.notePresence(params.classId, params.userId, message.role, message.online);
            this.health.notePresence(params.classId, message);
            this.publishHealth(params.classId, false);
          },
          classSummary: ({ message }) => {
            this.engine.noteTeacher(message.id, message.teacher.id);
            this.health.noteSummary(message);
            this.publishHealth(message.id, false);
          },
          classTags: ({ params, message }) => {
            if (params.classId === message.classId && this.engine.restore(message)) this.publishHealth(message.classId, false);
          },
        },
        cleared: { classSummary: ({ classId }) => this.removeClass(classId) },
        onConnect: () => this.republish(),
        timers: [{ everyMs: options.tickMs ?? 1_000, run: () => this.engine.tick() }],
      },
      { link: options.link, root: options.root, onError: options.onError },
    );
  }

  static async start(options: TaggerOptions): Promise<TaggerService> {
    const service = new TaggerService(options);
    await service.host.start();
    return service;
  }

  /** Messages dropped at the edge. */
  get drops(): DropCounter {
    return this.host.drops;
  }

  owns(classId: string): boolean {
    return owns(this.shard, classId);
  }

  tags(classId: string): ClassTags | null {
    return this.engine.tags(classId);
  }

  stats(): TaggerStats {
    const { messages, late, future, duplicate } = this.engine.totals;
    return {
      messages, late, future, duplicate,
      dropped: this.drops.total,
      otherShards: this.otherShards,
      classes: this.engine.classes,
      tagsPublished: this.tagsPublished,
      healthPublished: this.healthPublished,
    };
  }

  stop(): Promise<void> {
    return this.host.stop();
  }

  /**
   * Skips, before decoding, live tags (what taggers publish now: only stored ones, from an earlier run, are taken
   * over) and other shards' classes.
   */
  private admit(topicName: string, retained: boolean): boolean {
    if (!retained && topicName.startsWith(this.tagsPrefix)) return false;
    const classId = this.classOf(topicName);
    if (classId !== null && !owns(this.shard, classId)) {
      this.otherShards++;
      return false;
    }
    return true;
  }

  /** The class a topic is about, read without parsing the whole topic, so other shards' traffic costs little. */
  private classOf(topicName: string): string | null {
    if (topicName.startsWith(this.classPrefix)) {
      const end = topicName.indexOf('/', this.classPrefix.length);
      return topicName.slice(this.classPrefix.length, end < 0 ? undefined : end);
    }
    if (topicName.startsWith(this.summaryPrefix)) return topicName.slice(this.summaryPrefix.length);
    if (topicName.startsWith(this.tagsPrefix)) return topicName.slice(this.tagsPrefix.length);
    return null;
  }

  private publishTags(tags: ClassTags): void {
    this.tagsPublished++;
    this.host.publish(encode('classTags', topic('classTags', { classId: tags.classId }, this.options.root), tags));
    this.publishHealth(tags.classId, false, tags);
  }

  private publishHealth(classId: string, always: boolean, tags = this.engine.tags(classId)): void {
    const now = this.clock();
    const health = always ? this.health.compose(classId, tags, now) : this.health.changed(classId, tags, now);
    if (!health) return;
    this.healthPublished++;
    this.host.publish(encode('classHealth', topic('classHealth', { classId }, this.options.root), health));
  }

  private removeClass(classId: string): void {
    this.engine.forget(classId);
    this.health.forget(classId);
    const { root } = this.options;
    this.host.publish({ topic: topic('classTags', { classId }, root), payload: EMPTY, qos: 1, retain: true });
    this.host.publish({ topic: topic('classHealth', { classId }, root), payload: EMPTY, qos: 1, retain: true });
  }

  /** After every (re)connection: what this instance holds, again, so nobody keeps a copy from before an outage. */
  private republish(): void {
    for (const tags of this.engine.all()) {
      this.host.publish(encode('classTags', topic('classTags', { classId: tags.classId }, this.options.root), tags));
    }
    for (const classId of this.health.classIds()) this.publishHealth(classId, true);
  }
}
