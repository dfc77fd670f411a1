import { DEFAULT_ROOT } from '../shared/protocol/topics';
import type { TokenResult } from '../shared/ipc/contract';
import { TokenService } from './auth/tokens';
import { DEMO_ACCOUNTS, UserStore } from './auth/users';
import { BrokerAccess, type Denial } from './broker/access';
import { BrokerHost } from './broker/host';
import { inMemory, onDisk } from './broker/persistence';
import { Directory } from './directory/directory';
import { startHttpServer, MQTT_WS_PATH, type RunningHttpServer } from './http/server';
import type { ServiceLink } from './mqtt/service-connection';
import { buildCatalogue } from './simulator/catalogue';
import { Simulator } from './simulator/simulator';
import type { InstallsInput } from './simulator/installs';
import { releaseDesk } from './simulator/release-desk';
import type { SimulationTuningData } from './simulator/options';
import { join } from 'node:path';
import { DiskAssetStore, MemoryAssetStore, type AssetStore } from './assets/store';
import { BoardService } from './board/board';
import { ModerationService } from './moderation/moderation';
import { PollService } from './polls/polls';
import { BreakoutService } from './breakouts/breakouts';
import { DiskPollStore, MemoryPollStore } from './polls/poll-store';
import { ReportService } from './reports/reports';
import { DiskReportStore, MemoryReportStore } from './reports/report-store';
import { MediaServices, type MediaOptions } from './classroom/media-services';
import { TaggerService } from './tagger/tagger';
import { DEFAULT_MODERATION, type ModerationOptions } from './moderation/word-filter';
import { DiskAuditLog, MemoryAuditLog, type AuditLog } from './dispatcher/audit-log';
import { DispatcherService, type DispatcherTuning } from './dispatcher/dispatcher';
import { DiskHelpStore, MemoryHelpStore } from './dispatcher/help-store';
import { ReleaseHealthIntake } from './releases/health-intake';
import { ReleaseService, type ReleaseServiceOptions } from './releases/release-service';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { RecorderService, recordingPath } from './recorder/recorder';
import { ReleaseStatePublisher } from './releases/state-publisher';

export const DEFAULT_CLASSES = 50;

export interface BackendOptions {
  host?: string;
  /** One port for HTTP and MQTT over WebSocket (path /mqtt); 0 lets the OS choose. */
  port?: number;
  /** The plain MQTT/TCP listener; 0 lets the OS choose. */
  mqttPort?: number;
  /** Simulated classes; 0 runs no directory classes and no simulator. */
  classes?: number;
  /** When false, the simulated presence is published once and then stays put. */
  simulate?: boolean;
  seed?: number;
  /** The simulated classes' telemetry, random faults, answers to remedies and help presses (services/simulator/options.ts). */
  simulation?: SimulationTuningData;
  /** Share of the simulated seats that come or go each second (0.01 by default). */
  churn?: number;
  /** Simulated installs of the app polling the release service (services/simulator/installs.ts); none by default. */
  installs?: InstallsInput;
  /**
   * When set, retained messages, persistent sessions and the token signing keys (`keys/`) are kept on disk here and
   * survive a restart; without it, tokens are refused once the process that signed them ends.
   */
  persistDir?: string;
  /** Rotate the token signing key at start; the previous key verifies until its last token has expired. */
  rotateSigningKey?: boolean;
  /** When set, this folder (the built renderer) is served at / for browser mode. */
  staticDir?: string;
  tokenTtlSeconds?: number;
  /** Close MQTT connections when their token expires; by default a token is only checked when a connection opens. */
  disconnectOnTokenExpiry?: boolean;
  root?: string;
  /** The chat's sensitive-word list and what to do with a match (replace with asterisks, or reject the message). */
  moderation?: ModerationOptions;
  /** Run the tagger here (one instance, every class); false when taggers run as processes of their own. Default true. */
  tagger?: boolean;
  /** How often at most a changing whiteboard page's retained snapshot is republished (2 s by default). */
  boardSnapshotIntervalMs?: number;
  /** Class media: network lines, the embedded TURN relay, the SFU for group classes (classroom/media-services.ts). */
  media?: MediaOptions;
  /** The help dispatcher's windows and retention (tests shorten them). */
  dispatcher?: DispatcherTuning;
  /** How long after its end a class may be reopened by its teacher (15 minutes by default; tests shorten it). */
  classReopenGraceMs?: number;
  /** QoS 1 messages at most queued for a persistent session whose client is away (1,000 by default); more are dropped. */
  offlineQueueCap?: number;
  /**
   * The release service's folder (state, artifacts, signing key, audit log); by default `<persistDir>/releases`, and
   * without persistDir a temporary folder removed when the backend closes.
   */
  releasesDir?: string;
  /**
   * The release service's limits, health gate and adoption sampling (services/releases/release-service.ts), and how
   * often it republishes adoption and health for the Releases screen (10 s by default).
   */
  releases?: Pick<ReleaseServiceOptions, 'maxArtifactBytes' | 'gate' | 'adoptionSampleMs'> & { publishEveryMs?: number };
  /**
   * The recorder's folder (one sync log and one state file per recorded class); by default `<persistDir>/recordings`,
   * and without persistDir a temporary folder removed when the backend closes.
   */
  recordingsDir?: string;
  /** Largest recording per class in bytes (512 MiB by default); reaching it stops the recording, keeping what was written. */
  recordingLimitBytes?: number;
  /**
   * The reports service's folder (one record per class); by default `<persistDir>/reports`, and without persistDir the
   * reports are kept in memory for the process's life.
   */
  reportsDir?: string;
  /** How long a class's report is kept after the class ends (90 days by default); expired reports are deleted from disk. */
  reportRetentionMs?: number;
  /** Refusals by the broker (bad tokens, denied publishes and subscriptions). */
  onDenied?(denial: Denial): void;
  onError?(error: unknown): void;
}

export interface DemoAccountInfo {
  username: string;
  password: string;
  role: 'teacher' | 'student' | 'supervisor' | 'admin';
  classes: string[] | '*';
}

export interface RunningBackend {
  httpUrl: string;
  wsUrl: string;
  mqttUrl: string;
  demoAccounts: DemoAccountInfo[];
  issueToken(username: string, password: string): Promise<TokenResult>;
  /**
   * A service-role JWT for the service `name`: connect with username `svc-<name>` and client id `svc-<name>` or
   * `svc-<name>-<instance>` (shared/auth/client-id.ts).
   */
  serviceToken(name: string): Promise<string>;
  /** Closes the broker and its listeners and reopens them on the same ports with the same persistence. */
  restartBroker(): Promise<void>;
  stopBroker(): Promise<void>;
  startBroker(): Promise<void>;
  close(): Promise<void>;
}

/** What tests and the standalone runner may reach beyond the contract. */
export interface BackendInternals {
  broker: BrokerHost;
  tokens: TokenService;
  directory: Directory | null;
  simulator: Simulator | null;
  access: BrokerAccess;
  board: BoardService;
  /** stop() and start() it to test "moderation unavailable". */
  moderation: ModerationService;
  assets: AssetStore;
  /** The class media configuration and the embedded relay (cut it to test recovery); null without classes. */
  media: MediaServices | null;
  /** Telemetry to tags and class health; null with `tagger: false`. */
  tagger: TaggerService | null;
  /** stop() and start() it to restart the dispatcher; it resumes from its store. */
  dispatcher: DispatcherService;
  audit: AuditLog;
  /** Releases, feeds, rollouts and the health gate (services/releases/). */
  releases: ReleaseService;
  recorder(): RecorderService;
  /** Stops the recorder and starts a new one on the same folder, as a restarted recorder process would. */
  restartRecorder(options?: { whileAway?: () => Promise<void> }): Promise<RecorderService>;
  recordingsDir: string;
  /** Polls and quizzes (services/polls/); stop() and start() it to restart it from its store. */
  polls: PollService;
  /** Class reports (services/reports/); stop() and start() it to restart it from its store. */
  reports: ReportService;
  /** Breakout groups (services/breakouts/). */
  breakouts: BreakoutService;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts the embedded classroom backend and returns its internals as well. */
export async function launchBackend(options: BackendOptions = {}): Promise<{ backend: RunningBackend; internals: BackendInternals }> {
  const host = options.host ?? '127.0.0.1';
  const root = options.root ?? DEFAULT_ROOT;
  const classes = options.classes ?? DEFAULT_CLASSES;
  const seed = options.seed ?? 1;
  const ttlSeconds = options.tokenTtlSeconds ?? 900;
  const onError = options.onError ?? (() => {});

  const users = await UserStore.create(DEMO_ACCOUNTS);
  const tokens = await TokenService.create(users, {
    ttlSeconds,
    keyDir: options.persistDir ? join(options.persistDir, 'keys') : undefined,
    rotateSigningKey: options.rotateSigningKey,
    onError,
  });
  const persistence = options.persistDir ? onDisk(options.persistDir) : inMemory();
  const access = new BrokerAccess({
    verify: (token) => tokens.verify(token),
    root,
    disconnectOnExpiry: options.disconnectOnTokenExpiry ?? false,
    onDenied: options.onDenied,
  });
  const assets: AssetStore = options.persistDir ? new DiskAssetStore(join(options.persistDir, 'assets')) : new MemoryAssetStore();
  const broker = new BrokerHost({ host, mqttPort: options.mqttPort ?? 0, access, persistence, offlineQueueCap: options.offlineQueueCap, onError });

  let http: RunningHttpServer | null = null;
  let directory: Directory | null = null;
  let simulator: Simulator | null = null;
  let board: BoardService | null = null;
  let moderation: ModerationService | null = null;
  let media: MediaServices | null = null;
  let dispatcher: DispatcherService | null = null;
  let tagger: TaggerService | null = null;
  let releases: ReleaseService | null = null;
  let releaseHealth: ReleaseHealthIntake | null = null;
  let recorder: RecorderService | null = null;
  const temporaryRecordings = !options.recordingsDir && !options.persistDir;
  const recordingsDir = options.recordingsDir
    ?? (options.persistDir ? join(options.persistDir, 'recordings') : await mkdtemp(join(tmpdir(), 'classroom-recordings-')));
  let polls: PollService | null = null;
  let reports: ReportService | null = null;
  let breakouts: BreakoutService | null = null;
  let closing: Promise<void> | null = null;
  const shutdown = () =>
    (closing ??= (async () => {
      await simulator?.stop();
      await directory?.stop();
      await board?.stop();
      await recorder?.stop();
      await moderation?.stop();
      await polls?.stop();
      await reports?.stop();
      await breakouts?.stop();
      await media?.stop();
      await tagger?.stop();
      await dispatcher?.stop();
      await releaseHealth?.stop();
      await http?.close();
      await releases?.close();
      await broker.stop();
      await persistence.close();
      await tokens.close();
      if (temporaryRecordings) await rm(recordingsDir, { recursive: true, force: true });
    })());

  try {
    const audit: AuditLog = options.persistDir ? await DiskAuditLog.open(join(options.persistDir, 'audit'), onError) : new MemoryAuditLog();
    const releasesDir = options.releasesDir ?? (options.persistDir ? join(options.persistDir, 'releases') : null);
    const { publishEveryMs, ...releaseOptions } = options.releases ?? {};
    releases = await ReleaseService.open({ dir: releasesDir, ...releaseOptions, onError });
    await broker.start();
    const mqttUrl = `mqtt://${urlHost(host)}:${broker.mqttPort}`;
    const demoAccounts: DemoAccountInfo[] = DEMO_ACCOUNTS.map(({ username, password, role, classes: scope }) => ({
      username,
      password,
      role,
      classes: scope === '*' ? '*' : [...scope],
    }));
    let wsUrl = '';
    http = await startHttpServer({
      host,
      port: options.port ?? 0,
      staticDir: options.staticDir,
      mqtt: broker,
      assets: { store: assets, verify: (token) => tokens.verify(token), onError },
      audit: { log: audit, verify: (token) => tokens.verify(token), onError },
      brokerStats: { stats: () => broker.stats(), verify: (token) => tokens.verify(token) },
      releases: { service: releases, verify: (token) => tokens.verify(token), onError },
      recordings: {
        recordingFile: (classId) => recordingPath(recordingsDir, classId),
        list: () => recorder?.list() ?? [],
        flush: () => recorder?.flushAll(),
        verify: (token) => tokens.verify(token),
      },
      api: { tokens, info: () => ({ wsUrl, mqttUrl, classes, root, demoAccounts }), onError },
    });
    const httpUrl = `http://${urlHost(host)}:${http.port}`;
    wsUrl = `ws://${urlHost(host)}:${http.port}${MQTT_WS_PATH}`;

    const link: ServiceLink = {
      url: mqttUrl,
      token: async (name) => (await tokens.serviceToken(name)).token,
      // Well before expiry, so a reconnect never presents an expired token.
      refreshEveryMs: Math.max(1_000, (ttlSeconds * 1000) / 3),
      onError,
    };
    const claimsOf = (userId: string) => access.claimsOfUser(userId);
    board = await BoardService.start({ link, root, claimsOf, snapshotIntervalMs: options.boardSnapshotIntervalMs, onError });
    const startRecorder = () => RecorderService.start({ link, root, claimsOf, dir: recordingsDir, limitBytes: options.recordingLimitBytes, onError });
    recorder = await startRecorder();
    if (options.tagger ?? true) tagger = await TaggerService.start({ link, root, onError });
    moderation = await ModerationService.start({ link, root, claimsOf, moderation: options.moderation ?? DEFAULT_MODERATION, onError });
    const pollStore = options.persistDir ? new DiskPollStore(join(options.persistDir, 'polls'), onError) : new MemoryPollStore();
    polls = await PollService.start({ link, root, claimsOf, store: pollStore, onError });
    const reportsDir = options.reportsDir ?? (options.persistDir ? join(options.persistDir, 'reports') : null);
    const reportStore = reportsDir ? new DiskReportStore(reportsDir, onError) : new MemoryReportStore();
    reports = await ReportService.start({ link, root, claimsOf, store: reportStore, retentionMs: options.reportRetentionMs, onError });
    breakouts = await BreakoutService.start({ link, root, claimsOf, onError });
    const store = options.persistDir ? new DiskHelpStore(join(options.persistDir, 'dispatcher', 'help'), onError) : new MemoryHelpStore();
    dispatcher = await DispatcherService.start({ link, root, claimsOf, store, audit, ...options.dispatcher, onError });
    // The health gate's input: app versions from presence and problem tags from the tagger, per version.
    const gate = releases;
    const publisher = new ReleaseStatePublisher(gate, root, publishEveryMs, onError);
    releaseHealth = await ReleaseHealthIntake.start({ link, root, onError, publisher, record: (version, counts) => gate.recordClassroomCounts(version, null, counts) });
    if (classes > 0) {
      const catalogue = buildCatalogue({ classes, seed, now: Date.now() });
      const installs = options.installs ? { options: options.installs, releases: releaseDesk(gate) } : undefined;
      simulator = await Simulator.start({ link, catalogue, root, seed, simulate: options.simulate ?? true, tuning: options.simulation, installs, churn: options.churn });
      directory = await Directory.start({ link, catalogue, root, claimsOf, reopenGraceMs: options.classReopenGraceMs });
      media = await MediaServices.start({ link, root, host, classes: catalogue, options: options.media, claimsOf, onError });
    }

    const backend: RunningBackend = {
      httpUrl,
      wsUrl,
      mqttUrl,
      demoAccounts,
      issueToken: (username, password) => tokens.issue(username, password),
      serviceToken: async (name) => (await tokens.serviceToken(name)).token,
      restartBroker: async () => {
        await broker.stop();
        await broker.start();
      },
      stopBroker: () => broker.stop(),
      startBroker: () => broker.start(),
      close: shutdown,
    };
    const restartRecorder = async ({ whileAway }: { whileAway?: () => Promise<void> } = {}) => {
      await recorder?.stop();
      recorder = null;
      await whileAway?.();
      recorder = await startRecorder();
      return recorder;
    };
    const internals: BackendInternals = {
      broker, tokens, directory, simulator, access, board, moderation, assets, media, tagger, dispatcher, audit, releases, polls, reports, breakouts,
      recorder: () => recorder!, restartRecorder, recordingsDir,
    };
    return { backend, internals };
  } catch (error) {
    await shutdown().catch(() => {});
    throw error;
  }
}

export async function startBackend(options: BackendOptions = {}): Promise<RunningBackend> {
  return (await launchBackend(options)).backend;
}
