import { DropCounter, decode, encode } from '../../shared/protocol/codec';
import type { ClassTags } from '../../shared/protocol/supervision';
import { filter, prefix, topic } from '../../shared/protocol/topics';
import { ServiceConnection, type ServiceLink } from '../mqtt/service-connection';
import { TagEngine } from './engine';
import { HealthBook } from './health';
import { WHOLE, owns, type Shard } from './shard';

export interface TaggerOptions {
  link: ServiceLink;
  root: string;
  /** This instance's share of the classes; the whole by default. */
  shard?: Shard;
  clock?(): number;
  /** How often idle classes are looked at (one timer for all classes). */
  tickMs?: number;
  idleMs?: number;
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
  readonly drops = new DropCounter();
  readonly engine: TagEngine;
  readonly shard: Shard;
  private readonly health = new HealthBook();
  private readonly clock: () => number;
  private connection: ServiceConnection | null = null;
  private timer: NodeJS.Timeout | null = null;
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
      idleMs: options.idleMs,
      forgetAfterMs: options.forgetAfterMs,
    });
    const head = `${prefix(options.root)}/`;
    this.classPrefix = `${head}class/`;
    this.summaryPrefix = `${head}directory/classes/`;
    this.tagsPrefix = `${head}supervise/tags/`;
  }

  static async start(options: TaggerOptions): Promise<TaggerService> {
    const service = new TaggerService(options);
    const { root } = options;
    const { index, count } = service.shard;
    service.connection = await ServiceConnection.open({
      ...options.link,
      service: 'tagger',
      instance: `${index}-of-${count}`,
      // Earlier tags first, so they are taken over before this run's first windows close.
      subscriptions: [filter('classTags', {}, root), filter('classSummary', {}, root), filter('presence', {}, root), filter('telemetry', {}, root)],
      onMessage: (topicName, payload, retained) => service.receive(topicName, payload, retained),
      onConnect: () => service.republish(),
    });
    service.timer = setInterval(() => service.tick(), options.tickMs ?? 1_000);
    service.timer.unref();
    return service;
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

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const connection = this.connection;
    this.connection = null;
    await connection?.close();
  }

  private tick(): void {
    try {
      this.engine.tick();
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  private receive(topicName: string, payload: Buffer, retained: boolean): void {
    // Live tags are what taggers publish now; only the stored ones (from an earlier run) are taken over.
    if (!retained && topicName.startsWith(this.tagsPrefix)) return;
    const classId = this.classOf(topicName);
    if (classId !== null && !owns(this.shard, classId)) {
      this.otherShards++;
      return;
    }
    const decoded = decode(topicName, payload, this.options.root, retained);
    if (!decoded.ok) return this.drops.add(decoded);
    try {
      switch (decoded.kind) {
        case 'telemetry':
          return this.engine.ingest(decoded.params.classId, decoded.params.userId, decoded.message);
        case 'presence': {
          const { classId: id, userId } = decoded.params;
          this.engine.notePresence(id, userId, decoded.message.role, decoded.message.online);
          this.health.notePresence(id, decoded.message);
          return this.publishHealth(id, false);
        }
        case 'classSummary':
          this.engine.noteTeacher(decoded.message.id, decoded.message.teacher.id);
          this.health.noteSummary(decoded.message);
          return this.publishHealth(decoded.message.id, false);
        case 'classTags':
          if (decoded.params.classId === decoded.message.classId && this.engine.restore(decoded.message)) this.publishHealth(decoded.message.classId, false);
          return;
        case 'cleared':
          if (decoded.parsed.kind === 'classSummary' && decoded.parsed.params.classId) this.removeClass(decoded.parsed.params.classId);
          return;
        default:
          return;
      }
    } catch (error) {
      this.options.onError?.(error);
    }
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
    this.connection?.publish(encode('classTags', topic('classTags', { classId: tags.classId }, this.options.root), tags));
    this.publishHealth(tags.classId, false, tags);
  }

  private publishHealth(classId: string, always: boolean, tags = this.engine.tags(classId)): void {
    const now = this.clock();
    const health = always ? this.health.compose(classId, tags, now) : this.health.changed(classId, tags, now);
    if (!health) return;
    this.healthPublished++;
    this.connection?.publish(encode('classHealth', topic('classHealth', { classId }, this.options.root), health));
  }

  private removeClass(classId: string): void {
    this.engine.forget(classId);
    this.health.forget(classId);
    const { root } = this.options;
    this.connection?.publish({ topic: topic('classTags', { classId }, root), payload: EMPTY, qos: 1, retain: true });
    this.connection?.publish({ topic: topic('classHealth', { classId }, root), payload: EMPTY, qos: 1, retain: true });
  }

  /** After every (re)connection: what this instance holds, again, so nobody keeps a copy from before an outage. */
  private republish(): void {
    try {
      for (const tags of this.engine.all()) {
        this.connection?.publish(encode('classTags', topic('classTags', { classId: tags.classId }, this.options.root), tags));
      }
      for (const classId of this.health.classIds()) this.publishHealth(classId, true);
    } catch (error) {
      this.options.onError?.(error);
    }
  }
}
