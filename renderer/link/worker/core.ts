import { forOpenClass } from '../../../shared/protocol/breakouts';
import { classOutbound } from '../../../shared/protocol/outbound';
import { classFilters, connectFilters, perClassFilters, subscriptionRequest, watchFilters, type SubscriptionState } from '../../../shared/protocol/subscriptions';
import {
  DEFAULT_ROOT,
  DropCounter,
  decode,
  encode,
  filter,
  topic,
  type Decoded,
  type Outbound,
  type TopicKind,
} from '../../../shared/protocol';
import type {
  ClassCleared,
  ClassKind,
  ClassMessage,
  DiagnosticNote,
  JoinOptions,
  LinkCommand,
  LinkConfig,
  LinkEvent,
  LivePublication,
  OutboxItem,
  ReleaseKind,
  ReleaseMessage,
  RequestOutcome,
  SupervisionKind,
  SupervisionMessage,
  UserAction,
} from '../messages';
import { BatchBuilder } from './batch';
import { BrokerConnection } from './connection';
import { DirectoryFollower } from './directory';
import { Outbox } from './outbox';
import { OwnEcho } from './ownEcho';
import { BatchPacer } from './pacer';
import { canWait } from './urgency';
import { presenceClass, presenceOf, type JoinedClass } from './presence';
import { PendingRequests, contractOf } from './requests';
import type { DirectoryPage } from '../../../shared/protocol/rpc/directory';

/** What the core needs from the place it runs in: a dedicated worker in the app, plain Node in tests. */
export interface LinkEnvironment {
  post(event: LinkEvent): void;
  /** Calls back once, before the next frame is painted (or soon, where there are no frames). */
  requestFrame(callback: () => void): void;
  /** Calls back once, `ms` from now. */
  after(ms: number, callback: () => void): void;
  /** Monotonic milliseconds, for round-trip times. */
  now(): number;
  random(): number;
}

const CLASS_KINDS: ReadonlySet<string> = new Set<ClassKind>([
  'poll', 'pollTally', 'pollReceipt', 'breakouts',
  'presence', 'boardOps', 'boardLive', 'laser', 'boardSnapshot', 'course', 'room', 'chat', 'chatHistory', 'command',
  'commandAck', 'hand', 'boardSync', 'notice', 'whisper', 'classConfig', 'rtc', 'mediaState', 'recording',
]);

const SUPERVISION_KINDS: ReadonlySet<string> = new Set<SupervisionKind>(['classHealth', 'classTags', 'helpState', 'supervisorMetrics']);

const RELEASE_KINDS: ReadonlySet<string> = new Set<ReleaseKind>(['releaseState', 'releaseAdoption', 'releaseHealth']);

/** How long a page of the class list may take before the console reads the retained summaries instead. */
const DIRECTORY_PAGE_TIMEOUT_MS = 10_000;

/** This console's own high-rate board traffic, whose echo from the broker is dropped before it is decoded. */
const ECHOED_KINDS: ReadonlySet<TopicKind> = new Set<TopicKind>(['boardOps', 'boardLive', 'laser']);

/**
 * The console's link to the broker, independent of where it runs: a coordinator over the connection (one mqtt.js
 * client, reconnects, tokens, dead-link detection), the subscription plan (shared/protocol/subscriptions.ts), the
 * outbox of user actions kept until the broker acknowledges them, pending requests, and the per-frame batch for the
 * UI. Every inbound message is decoded and validated here once (its own board traffic's echo not even that), and
 * every outbound one encoded once.
 */
export class LinkCore {
  private config: LinkConfig | null = null;
  private readonly connection: BrokerConnection;
  private readonly batch = new BatchBuilder();
  private readonly outbox = new Outbox();
  private readonly requests = new PendingRequests();
  private readonly drops = new DropCounter(50);
  private readonly echo = new OwnEcho();
  private readonly directory = new DirectoryFollower({
    requestPage: (from, reading) => this.requestDirectoryPage(from, reading),
    summaries: (summaries) => {
      for (const summary of summaries) this.batch.summary(summary);
      this.schedule();
    },
    fallBack: (reason) => {
      this.note('warning', `the class list is read one retained summary at a time: ${reason}`);
      const summaries = filter('classSummary', {}, this.root);
      if (this.connection.isOpen) this.connection.subscribe([summaries], () => this.config?.role === 'supervisor');
    },
  });
  private directoryRequests = 0;
  /** Connected as a supervisor, and the per-class filters wait for the class list's first answer. */
  private perClassPending = false;
  private readonly pacer: BatchPacer;

  /** The class this console has open, if any. */
  private joined: JoinedClass | null = null;
  /**
   * The joined class's shown page (its course's `current`), the one page whose retained board snapshot is read: a
   * joiner decoding every page's snapshot (thousands of elements each) waited for pages nobody shows.
   */
  private shownPage: { classId: string; pageId: string; courseVersion: number } | null = null;
  /** The class whose detail a supervisor has open: its telemetry and tags are read. */
  private watchedClass: string | null = null;

  constructor(private readonly env: LinkEnvironment) {
    this.pacer = new BatchPacer(env, () => this.flush());
    this.connection = new BrokerConnection(
      {
        filters: () => (this.config ? connectFilters(this.subscriptionState()) : []),
        subscription: (filters) => subscriptionRequest(filters, this.root),
        will: () => ({ key: presenceClass(this.config, this.joined), outbound: presenceOf(this.config, this.joined, false) }),
        ready: () => this.onReady(),
        message: (name, payload, retained) => this.onMessage(name, payload, retained),
        status: (status) => {
          this.batch.setStatus(status);
          this.schedule();
        },
        note: (level, text) => this.note(level, text),
        needToken: () => this.env.post({ type: 'needToken' }),
        ended: () => this.requests.failAll('disconnected', 'the connection was closed'),
      },
      env,
    );
  }

  handle(command: LinkCommand): void {
    switch (command.type) {
      case 'connect':
        this.start(command.config);
        break;
      case 'token':
        this.connection.acceptToken(command.token, command.expiresAt);
        break;
      case 'tokenUnavailable':
        this.connection.tokenUnavailable(command.message);
        break;
      case 'act':
        this.act(command.id, command.action);
        break;
      case 'fire':
        this.fire(command.classId, command.publication);
        break;
      case 'join':
        this.join(command.classId, command.options);
        break;
      case 'leave':
        this.leave(command.classId);
        break;
      case 'watchClass':
        this.watchClass(command.classId);
        break;
      case 'request':
        this.request(command.id, command.service, command.method, command.params, command.timeoutMs);
        break;
      case 'online':
        this.connection.setOnline(command.online);
        break;
      case 'applied':
        this.pacer.applied();
        break;
      case 'disconnect':
        this.connection.stop(presenceOf(this.config, this.joined, false));
        break;
    }
  }

  private start(config: LinkConfig): void {
    this.config = { ...config };
    this.joined = null;
    this.shownPage = null;
    this.watchedClass = null;
    this.batch.dropClassTraffic();
    this.batch.dropSupervision();
    this.batch.dropTelemetry();
    this.directory.stop();
    this.connection.start(this.config);
  }

  /** Connected and subscribed: say hello in the presence class and send what waited in the outbox. */
  private onReady(): void {
    if (this.config?.role === 'supervisor') {
      this.perClassPending = true;
      this.directory.start();
    }
    const hello = presenceOf(this.config, this.joined, true);
    if (hello) this.connection.publish(hello);
    for (const item of this.outbox.pending()) this.publishAction(item);
  }

  // ---- outbound --------------------------------------------------------------------------------------------------

  private act(id: string, action: UserAction): void {
    let item: OutboxItem;
    try {
      // Encoded now, once: a bad message is refused at once instead of sitting in the outbox, and a resend after a
      // reconnect sends the same bytes.
      const outbound = this.outboundFor(action, id);
      item = this.outbox.add(id, action, Date.now(), outbound.retain ? outbound.topic : undefined, outbound);
    } catch (error) {
      this.env.post({ type: 'actionRejected', id, message: (error as Error).message });
      return;
    }
    this.batch.markOutbox();
    this.schedule();
    if (this.connection.isReady) this.publishAction(item);
  }

  private publishAction(item: OutboxItem): void {
    let outbound = this.outbox.encodedOf(item.id);
    try {
      outbound ??= this.outboundFor(item.action, item.id);
    } catch (error) {
      this.outbox.acknowledge(item.id);
      this.batch.markOutbox();
      this.env.post({ type: 'actionRejected', id: item.id, message: (error as Error).message });
      return;
    }
    this.rememberOwn(item.action.kind === 'publish' ? item.action.publication.kind : null, outbound);
    this.connection.publish(outbound, (error) => {
      // Without an error the broker acknowledged it (PUBACK). With one, it stays queued for the next connect.
      if (error) return;
      if (this.outbox.acknowledge(item.id)) {
        this.batch.markOutbox();
        this.batch.acknowledge(item.id);
        this.schedule();
      }
    });
  }

  private outboundFor(action: UserAction, id: string): Outbound {
    const config = this.config;
    if (!config) throw new Error('not signed in');
    if (action.kind === 'classControl') {
      const { classId } = action;
      return encode('classControl', topic('classControl', { classId, userId: config.userId }, this.root), {
        v: 1,
        action: action.action,
        requestId: id,
        ts: Date.now(),
      });
    }
    return classOutbound(action.classId, action.publication, config.userId, this.root);
  }

  /** QoS 0: sent now when connected, otherwise dropped (a live stroke or laser position is worthless later). */
  private fire(classId: string, publication: LivePublication): void {
    const config = this.config;
    if (!config || !this.connection.isReady) return;
    let outbound: Outbound;
    try {
      outbound = classOutbound(classId, publication, config.userId, this.root);
    } catch (error) {
      this.note('warning', `a ${publication.kind} message was not sent: ${(error as Error).message}`);
      return;
    }
    this.rememberOwn(publication.kind, outbound);
    this.connection.publish(outbound);
  }

  private rememberOwn(kind: TopicKind | null, outbound: Outbound): void {
    if (kind && ECHOED_KINDS.has(kind)) this.echo.sent(outbound.topic, outbound.payload);
  }

  private request(id: string, service: string, method: string, params: unknown, timeoutMs: number): void {
    this.sendRequest(id, service, method, params, timeoutMs, (outcome) => this.env.post({ type: 'settled', id, outcome }));
  }

  /** The link's own request: the next page of a supervisor's class list. */
  private requestDirectoryPage(from: number, reading: number): void {
    const id = `directory-list-${++this.directoryRequests}`;
    this.sendRequest(id, 'directory', 'list', { from }, DIRECTORY_PAGE_TIMEOUT_MS, (outcome) => {
      if (outcome.ok) this.directory.page(outcome.result as DirectoryPage, reading);
      else this.directory.failed(outcome.message, reading);
      this.subscribePerClass();
    });
  }

  /** Once per connection, after the class list's first answer (a page, or its failure): every class's health and help. */
  private subscribePerClass(): void {
    if (!this.perClassPending || !this.config || !this.connection.isOpen) return;
    this.perClassPending = false;
    this.connection.subscribe(perClassFilters(this.subscriptionState()), () => this.config?.role === 'supervisor');
  }

  private sendRequest(id: string, service: string, method: string, params: unknown, timeoutMs: number, settle: (outcome: RequestOutcome) => void): void {
    const config = this.config;
    if (!config || !this.connection.isOpen) {
      settle({ ok: false, code: 'disconnected', message: 'not connected to the broker' });
      return;
    }
    const contract = contractOf(service, method);
    let outbound: Outbound;
    try {
      if (contract) contract.params.parse(params);
      outbound = encode('serviceRequest', topic('serviceRequest', { service, userId: config.userId }, this.root), {
        v: 1,
        id,
        method,
        replyTo: this.connection.consoleId,
        params,
        deadline: Date.now() + timeoutMs,
      });
    } catch (error) {
      settle({ ok: false, code: 'invalid-request', message: (error as Error).message });
      return;
    }
    this.requests.start(id, timeoutMs, settle, contract, `${service} ${method}`);
    this.connection.publish(outbound, (error) => {
      if (error) this.requests.fail(id, 'disconnected', `the request was not sent: ${error.message}`);
    });
  }

  // ---- the open class and the watched class ----------------------------------------------------------------------

  /** Opens a class: subscribes to its traffic and, for teachers and students, moves presence and last will to it. */
  private join(classId: string, options: JoinOptions): void {
    if (!this.config) return;
    if (this.joined && this.joined.classId !== classId) this.leave(this.joined.classId);
    const already = this.joined?.classId === classId;
    this.joined = { classId, options };
    if (!already) {
      this.batch.dropClassTraffic();
      this.shownPage = null;
    }
    if (!this.connection.isReady) return;
    if (this.connection.willIsStale) {
      this.connection.renewWill();
      return;
    }
    if (!already) this.connection.subscribe(this.classFilters(classId), () => this.joined?.classId === classId);
    const hello = presenceOf(this.config, this.joined, true);
    if (hello) this.connection.publish(hello);
  }

  private leave(classId: string): void {
    if (this.joined?.classId !== classId) return;
    // A filter the watched class's detail also reads (its presence) stays subscribed.
    const watched = this.watchedClass === classId ? new Set(watchFilters(classId, this.root)) : null;
    const filters = this.classFilters(classId).filter((f) => !watched?.has(f));
    const goodbye = presenceOf(this.config, this.joined, false);
    this.joined = null;
    this.shownPage = null;
    this.batch.dropClassTraffic();
    if (!this.connection.isOpen) return;
    this.connection.unsubscribe(filters);
    if (this.connection.willIsStale) {
      if (goodbye) this.connection.publish(goodbye);
      this.connection.renewWill();
    }
  }

  /** Reads the retained board snapshot of the page the course shows now, instead of the page shown before. */
  private followPage(classId: string, pageId: string, courseVersion: number): void {
    const shown = this.shownPage;
    if (shown?.classId === classId && courseVersion < shown.courseVersion) return;
    if (shown?.classId === classId && shown.pageId === pageId) {
      shown.courseVersion = courseVersion;
      return;
    }
    const root = this.root;
    const before = shown?.classId === classId ? topic('boardSnapshot', { classId, pageId: shown.pageId }, root) : null;
    this.shownPage = { classId, pageId, courseVersion };
    // Without a connection, the next one subscribes it with the class's other filters.
    if (!this.connection.isOpen) return;
    if (before) this.connection.unsubscribe([before]);
    this.connection.subscribe([topic('boardSnapshot', { classId, pageId }, root)], () => this.shownPage?.classId === classId && this.shownPage.pageId === pageId);
  }

  /**
   * Supervisors: subscribes one class's telemetry and tags (its detail is open) instead of the class watched before
   * (none with null). Tags are read per class on demand: the wall needs only health, and every class's tags would
   * double what a console of 10,000 classes receives.
   */
  private watchClass(classId: string | null): void {
    const config = this.config;
    if (!config || config.role !== 'supervisor' || classId === this.watchedClass) return;
    const before = this.watchedClass;
    this.watchedClass = classId;
    this.batch.dropTelemetry();
    if (!this.connection.isReady) return;
    if (before) this.connection.unsubscribe(this.watchOnlyFilters(before));
    if (classId) this.connection.subscribe(this.watchOnlyFilters(classId), () => this.watchedClass === classId);
  }

  /** The watched class's filters that the open class does not read already (both read presence when it is the same). */
  private watchOnlyFilters(classId: string): string[] {
    const joined = this.joined?.classId === classId ? new Set(this.classFilters(classId)) : null;
    return watchFilters(classId, this.root).filter((f) => !joined?.has(f));
  }

  /** The open class's topics this console reads (the subscription plan, shared/protocol/subscriptions.ts). */
  private classFilters(classId: string): string[] {
    return this.config ? classFilters(this.subscriptionState(), classId) : [];
  }

  private subscriptionState(): SubscriptionState {
    const config = this.config!;
    const joined = this.joined;
    return {
      userId: config.userId,
      role: config.role,
      classes: config.classes,
      consoleId: this.connection.consoleId,
      joined: joined ? { classId: joined.classId, shownPageId: this.shownPage?.classId === joined.classId ? this.shownPage.pageId : null } : null,
      watchedClass: this.watchedClass,
      root: this.root,
    };
  }

  // ---- inbound ---------------------------------------------------------------------------------------------------

  private onMessage(name: string, payload: Uint8Array, retained: boolean): void {
    // The broker sends this console's own board traffic back; the bytes it published need no decoding to be known.
    if (!retained && this.echo.isEcho(name, payload)) return;
    const decoded = decode(name, payload, this.root, retained);
    if (!decoded.ok) {
      this.drops.add(decoded);
      this.batch.markDrops();
      this.schedule();
      return;
    }
    if (decoded.kind === 'cleared') this.onCleared(decoded);
    else this.onDecoded(decoded);
  }

  private onCleared(cleared: ClassCleared): void {
    const { kind, params } = cleared.parsed;
    if (kind === 'classSummary') {
      this.batch.summaryCleared(params.classId as string);
    } else if (SUPERVISION_KINDS.has(kind)) {
      this.batch.supervisionMessage(cleared);
      this.schedule(true);
      return;
    } else if (this.joined && forOpenClass(kind, params.classId, this.joined.classId)) {
      this.batch.classMessage(cleared);
    } else {
      return;
    }
    this.schedule();
  }

  private onDecoded(decoded: Decoded): void {
    switch (decoded.kind) {
      case 'classSummary':
        if (decoded.message.id !== decoded.params.classId) {
          this.drops.add({ ok: false, reason: 'schema', topic: decoded.topic, detail: `summary of ${decoded.message.id} on another class's topic` });
          this.batch.markDrops();
        } else {
          this.batch.summary(decoded.message);
        }
        this.schedule();
        return;
      case 'directoryChanges':
        this.directory.changes(decoded.message);
        return;
      case 'reply':
        if (decoded.params.sessionId !== this.connection.consoleId) return;
        if (!this.requests.resolve(decoded.message)) this.note('info', `ignored a reply to request ${decoded.message.id}: it was already settled`);
        return;
      case 'ping':
        if (decoded.params.sessionId === this.connection.consoleId) this.connection.pong(decoded.message);
        return;
      case 'telemetry':
        if (decoded.params.classId !== this.watchedClass) return;
        this.batch.telemetryMessage(decoded);
        this.schedule();
        return;
      default:
        if (CLASS_KINDS.has(decoded.kind)) this.onClassMessage(decoded as ClassMessage);
        else if (SUPERVISION_KINDS.has(decoded.kind)) {
          this.batch.supervisionMessage(decoded as SupervisionMessage);
          this.schedule(canWait(decoded as SupervisionMessage));
        } else if (RELEASE_KINDS.has(decoded.kind)) {
          this.batch.releaseMessage(decoded as ReleaseMessage);
          this.schedule();
        }
    }
  }

  private onClassMessage(message: ClassMessage): void {
    // The presence of the class whose detail a supervisor has open names its participants there.
    if (message.kind === 'presence' && message.params.classId === this.watchedClass) {
      this.batch.supervisionMessage(message);
      this.schedule();
    }
    // Traffic of a class left a moment ago can still be on its way; notices are addressed to the user, not a class.
    if (message.kind !== 'notice' && (!this.joined || !forOpenClass(message.kind, message.params.classId, this.joined.classId))) return;
    if (message.kind === 'course') this.followPage(message.params.classId, message.message.current, message.message.version);
    this.batch.classMessage(message);
    this.schedule();
  }

  // ---- batching to the UI ----------------------------------------------------------------------------------------

  private note(level: DiagnosticNote['level'], text: string): void {
    this.batch.note({ at: Date.now(), level, text });
    this.schedule();
  }

  /** Asks for a batch to the UI thread: at the next frame, or with the next calm batch when `calm`. */
  private schedule(calm = false): void {
    this.pacer.schedule(calm);
  }

  private flush(): void {
    const batch = this.batch.take(
      {
        outbox: () => this.outbox.pending(),
        drops: () => ({
          counts: { ...this.drops.counts },
          total: this.drops.total,
          recent: this.drops.recent().map(({ reason, topic: name, detail }) => ({ reason, topic: name, detail })),
        }),
      },
      Date.now(),
    );
    this.env.post({ type: 'batch', batch });
  }

  private get root(): string {
    return this.config?.root ?? DEFAULT_ROOT;
  }
}
