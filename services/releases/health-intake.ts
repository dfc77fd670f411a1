import type { Presence } from '../../shared/protocol/messages';
import type { ClassTags } from '../../shared/protocol/supervision';
import { TAGS } from '../../shared/tags/catalogue';
import { ServiceHost } from '../host/service-host';
import type { ServiceLink } from '../mqtt/service-connection';
import type { HealthCounts } from './health-gate';
import type { ReleaseStatePublisher } from './state-publisher';

/** Remembers keys it has seen, forgetting the oldest beyond `capacity`, so each episode counts once. */
class SeenKeys {
  private readonly keys = new Set<string>();

  constructor(private readonly capacity: number) {}

  /** True the first time a key is seen. */
  add(key: string): boolean {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    if (this.keys.size > this.capacity) this.keys.delete(this.keys.values().next().value!);
    return true;
  }
}

export type CountsSink = (version: string, counts: HealthCounts) => void;

/**
 * Turns classroom traffic into the health gate's counts per app version: a participant seen in a class with an app
 * version (presence) is a session of that version; each problem-tag episode the tagger holds for that participant
 * (ClassTags: class, user, tag, since) counts once for the version they run; an `entry.init-failed.*` tag also counts
 * a failed entry, once per session. Tags about the class as a whole name no participant and count for nobody.
 */
export class ClassroomSignals {
  private readonly versions = new Map<string, string>();
  private readonly sessions: SeenKeys;
  private readonly episodes: SeenKeys;
  private readonly failedEntries: SeenKeys;

  constructor(
    private readonly sink: CountsSink,
    capacity = 200_000,
  ) {
    this.sessions = new SeenKeys(capacity);
    this.episodes = new SeenKeys(capacity);
    this.failedEntries = new SeenKeys(capacity);
  }

  presence(classId: string, message: Presence): void {
    if (!message.appVersion) return;
    const key = `${classId}/${message.userId}`;
    this.versions.set(key, message.appVersion);
    if (this.versions.size > 200_000) this.versions.delete(this.versions.keys().next().value!);
    if (message.online && this.sessions.add(`${key}@${message.appVersion}`)) this.sink(message.appVersion, { sessions: 1, problemTags: 0, failedEntries: 0 });
  }

  tags(message: ClassTags): void {
    for (const entry of message.tags) {
      if (!entry.userId || TAGS[entry.tag].severity === 'ok') continue;
      const key = `${message.classId}/${entry.userId}`;
      const version = this.versions.get(key);
      if (!version) continue;
      const problem = this.episodes.add(`${key}/${entry.tag}/${entry.since}`);
      const failed = entry.tag.startsWith('entry.init-failed.') && this.failedEntries.add(`${key}@${version}`);
      if (problem || failed) this.sink(version, { sessions: 0, problemTags: problem ? 1 : 0, failedEntries: failed ? 1 : 0 });
    }
  }
}

export interface HealthIntakeOptions {
  link: ServiceLink;
  root: string;
  /** Where the counts go: the release service's gate (ReleaseService.recordClassroomCounts). */
  record: CountsSink;
  /** Publishes the release state for the Releases screen over this host's connection (state-publisher.ts). */
  publisher?: ReleaseStatePublisher;
  onError?(error: unknown): void;
}

/**
 * The release service on the service host: service `releases` (user `svc-releases`) reads every participant's
 * presence and the tagger's retained tags and feeds ClassroomSignals (the health gate's input), and publishes the
 * retained release state for the Releases screen when given a publisher.
 */
export class ReleaseHealthIntake {
  readonly signals: ClassroomSignals;
  private readonly host: ServiceHost;

  private constructor(options: HealthIntakeOptions) {
    const signals = new ClassroomSignals(options.record);
    this.signals = signals;
    const { publisher } = options;
    this.host = new ServiceHost(
      {
        name: 'releases',
        subscriptions: ['presence', 'classTags'],
        handlers: {
          presence: ({ params, message }) => signals.presence(params.classId, message),
          classTags: ({ message }) => signals.tags(message),
        },
        ...(publisher
          ? {
              onConnect: () => publisher.publishAll(),
              timers: [{ everyMs: publisher.everyMs, run: () => publisher.tick() }],
            }
          : {}),
      },
      { link: options.link, root: options.root, onError: options.onError },
    );
  }

  static async start(options: HealthIntakeOptions): Promise<ReleaseHealthIntake> {
    const intake = new ReleaseHealthIntake(options);
    // Attached before starting: the first onConnect comes while start() is under way.
    options.publisher?.attach((message) => intake.host.publish(message));
    await intake.host.start();
    return intake;
  }

  stop(): Promise<void> {
    return this.host.stop();
  }
}
