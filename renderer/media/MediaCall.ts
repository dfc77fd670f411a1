import type { ClassConfig, Command, MediaLine, MediaState, TelemetryEvent } from '../../shared/protocol';
import { useClassroom } from '../class/store';
import type { ClassChannel, ClassMessageOf } from '../link/channel';
import type { PersonRole } from '../link/messages';
import { addNote } from '../state/diagnostics';
import { ActiveSpeaker } from './activeSpeaker';
import { LocalMedia } from './LocalMedia';
import { aggregateLink } from './linkState';
import { P2PMesh } from './p2p/P2PMesh';
import { peerFigures, qualityOf, type PeerFigures } from './quality';
import { figuresBetween, selectedPath, type StatsSample, type StreamFigures } from './stats';
import { initialMedia, useMedia, type DeviceChoice, type MediaProblem, type PeerView } from './store';
import { mediaEvents } from './telemetryEvents';
import { debugHook, waitForFlow, type MediaDebugHook, type RemedyOutcome } from './flow';
import type { MediaTransport, RemotePeer, TransportEvents } from './transport';

const STATS_EVERY_MS = 1_000;
/** Figures on the tiles are refreshed this often; telemetry goes every TELEMETRY_EVERY_MS. */
const FIGURES_EVERY_TICKS = 2;
export const TELEMETRY_EVERY_MS = 5_000;
/** Audio levels are read this often (RTP levels describe the last packet only)... */
const LEVEL_EVERY_MS = 50;
/** ...and the loudest of each window decides the speaker highlight. */
const SPEAKER_EVERY_LEVELS = 5;
/** A remedy is answered within this time, so the dispatcher (which waits 10 s for the ack) hears how it went. */
const REMEDY_WAIT_MS = 8_000;

/** The kinds media reads from its class's channel. */
const MEDIA_KINDS = ['classConfig', 'mediaState', 'rtc'] as const;

export interface MediaCallOptions {
  /** The open class's channel: media state, signalling and the class's media configuration. */
  channel: ClassChannel;
  userId: string;
  role: PersonRole;
  observer: boolean;
  telemetry(events: TelemetryEvent[]): void;
}

/**
 * The class's audio and video, outside React: it owns the devices and local tracks (LocalMedia) and the transport
 * (peer-to-peer connections, or the SFU), publishes this participant's MediaState, samples stats for the tiles and
 * for telemetry, and runs the remedies. The zustand store (useMedia) gets serialisable descriptors only; tiles get
 * the tracks through attach(), by ref.
 */
export class MediaCall {
  readonly local = new LocalMedia();
  private transport: MediaTransport | null = null;
  private config: ClassConfig | null = null;
  private lineIndex = 0;
  private joined = false;
  private closed = false;
  private readonly unsubscribers: (() => void)[] = [];
  private readonly timers: ReturnType<typeof setInterval>[] = [];
  private readonly speaker = new ActiveSpeaker();
  private readonly figureSamples = new Map<string, StatsSample>();
  private readonly telemetrySamples = new Map<string, StatsSample>();
  private readonly figures = new Map<string, PeerFigures>();
  private readonly audioElements = new Set<HTMLMediaElement>();
  private readonly preview = new MediaStream();
  private ticks = 0;
  private lastTelemetryAt = 0;
  private openedAt = performance.now();
  private mediaEntryReported = false;
  private published: Omit<MediaState, 'ts'> | null = null;
  private publishTimer: ReturnType<typeof setTimeout> | undefined;
  private syncScheduled = false;
  private hook: MediaDebugHook | null = null;
  private sampling = false;
  /** The loudest level of each person since the speaker was last decided. */
  private readonly levelWindow = new Map<string, number>();
  private levelSamples = 0;
  /** This window's call id (MediaState.session on the wire), and when it joined the call (MediaState.since). */
  private readonly callId = crypto.randomUUID();
  private joinedAt = 0;
  /** The latest `since` seen from any window of this person: joining goes after it, whatever this device's clock says. */
  private latestOwnSince = 0;

  constructor(private readonly options: MediaCallOptions) {}

  get observer(): boolean {
    return this.options.observer;
  }

  get userId(): string {
    return this.options.userId;
  }

  /** Follows the class's media configuration, media states and roster. Observers join the call at once. */
  open(): void {
    // Opening again after close (a remount) starts from scratch.
    this.closed = false;
    this.joined = false;
    this.published = null;
    this.openedAt = performance.now();
    useMedia.setState({ ...initialMedia(), observer: this.options.observer, canChooseSpeaker: 'setSinkId' in HTMLMediaElement.prototype });
    this.unsubscribers.push(
      this.options.channel.listen(MEDIA_KINDS, (messages) => this.receive(messages)),
      useClassroom.subscribe((state, previous) => {
        if (state.roster !== previous.roster) this.transport?.setRoster(state.roster);
      }),
      this.local.onChange(() => this.onLocalChange()),
    );
    const onDeviceChange = () => void this.refreshDevices();
    navigator.mediaDevices?.addEventListener?.('devicechange', onDeviceChange);
    this.unsubscribers.push(() => navigator.mediaDevices?.removeEventListener?.('devicechange', onDeviceChange));
    this.hook = debugHook(
      () => this.transport?.peers() ?? [],
      () => (this.transport as { ignored?: Map<string, number> } | null)?.ignored ?? new Map(),
    );
    window.__media = this.hook;
    if (this.options.observer) this.join();
  }

  /** Opens the chosen devices without entering the call (the device check), or again with other devices. */
  async previewDevices(choice: DeviceChoice): Promise<MediaProblem | null> {
    const { problem } = await this.local.acquire(choice);
    if (this.closed) return problem;
    useMedia.setState({ phase: this.joined ? 'live' : 'preview', problem, choice: this.local.devices });
    await this.refreshDevices();
    return problem;
  }

  /** Enters the call with whatever devices are open (none is fine: the class still works, and others are heard). */
  join(): void {
    if (this.joined || this.closed) return;
    this.joined = true;
    // Later than every window of this person seen so far, even when this device's clock is behind theirs.
    this.joinedAt = Math.max(Date.now(), this.latestOwnSince + 1);
    useMedia.setState({ phase: 'live' });
    if (!this.options.observer) {
      const problem = useMedia.getState().problem;
      this.options.telemetry([{ type: 'init', component: 'media', ok: problem === null, ...(problem ? { error: `${problem.kind} ${problem.device}: ${problem.detail}`.slice(0, 300) } : {}) }]);
    }
    this.timers.push(
      setInterval(() => void this.sampleStats(), STATS_EVERY_MS),
      setInterval(() => this.sampleLevels(), LEVEL_EVERY_MS),
    );
    this.ensureTransport();
    this.sync();
  }

  /** The remembered devices: open them and enter the call at once. */
  async start(choice: DeviceChoice): Promise<void> {
    await this.previewDevices(choice);
    this.join();
  }

  setMic(on: boolean): void {
    this.local.setMic(on);
  }

  async setCamera(on: boolean): Promise<void> {
    const problem = await this.local.setCamera(on);
    if (problem) useMedia.setState({ problem });
  }

  async useDevice(kind: 'audioInput' | 'videoInput', deviceId: string | null): Promise<void> {
    const problem = await this.local.useDevice(kind, deviceId);
    useMedia.setState({ problem, choice: this.local.devices });
  }

  /** Plays everyone's audio on another output (where the browser can). */
  setSpeaker(deviceId: string | null): void {
    this.local.setSpeaker(deviceId);
    useMedia.setState({ choice: this.local.devices });
    for (const element of this.audioElements) void applySink(element, deviceId);
  }

  async shareScreen(): Promise<void> {
    const problem = await this.local.shareScreen();
    if (problem) useMedia.setState({ problem });
  }

  stopSharing(): void {
    this.local.stopSharing();
  }

  /** The local preview (camera, or the screen while sharing) or what arrives from one person. */
  streamOf(userId: string): MediaStream | null {
    if (userId === this.options.userId) return this.preview;
    return this.transport?.peers().find((p) => p.userId === userId)?.stream ?? null;
  }

  /** Attaches someone's audio to an element (on the chosen speaker); returns the detach function. */
  attachAudio(userId: string, element: HTMLAudioElement): () => void {
    element.srcObject = this.streamOf(userId);
    this.audioElements.add(element);
    void applySink(element, this.local.devices.audioOutput);
    element.play().catch(() => undefined);
    return () => {
      this.audioElements.delete(element);
      element.srcObject = null;
    };
  }

  localLevel(): number {
    return this.local.level();
  }

  /** The class's network lines with their ICE servers (the device check tests each one). */
  lineConfigs(): MediaLine[] {
    return this.config?.media.lines ?? [];
  }

  /** Runs a remedy a supervisor (or the dispatcher) sent, and says once media flows again (or that it does not). */
  async remedy(command: Command): Promise<RemedyOutcome> {
    useMedia.setState({ remedy: { action: command.action, ok: null, detail: '' } });
    let outcome: RemedyOutcome;
    try {
      outcome = command.action === 'switch-line' ? await this.switchLine(typeof command.params.line === 'string' ? command.params.line : undefined) : await this.restartMedia();
    } catch (error) {
      outcome = { ok: false, detail: (error as Error).message || String(error) };
    }
    useMedia.setState({ remedy: { action: command.action, ...outcome } });
    return outcome;
  }

  /** "Restart media": every connection is built again and the devices reopened, with the same choices. */
  async restartMedia(): Promise<RemedyOutcome> {
    if (!this.joined) return { ok: false, detail: 'media has not started here yet' };
    const before = this.engagedPeers();
    if (!this.options.observer && (this.local.hasMic || this.local.hasCamera)) {
      const mic = this.local.micEnabled;
      const camera = this.local.cameraEnabled;
      await this.local.acquire(this.local.devices);
      this.local.setMic(mic);
      if (!camera) await this.local.setCamera(false);
    }
    this.forgetSamples();
    this.transport?.restart();
    return this.flowAgain('media restarted', before);
  }

  /** "Switch line": the named line, or the next one, with its ICE servers; ICE restarts on every connection. */
  async switchLine(lineId?: string): Promise<RemedyOutcome> {
    const lines = this.config?.media.lines ?? [];
    if (lines.length === 0) return { ok: false, detail: 'no lines are configured for this class' };
    const named = lineId === undefined ? -1 : lines.findIndex((l) => l.id === lineId);
    if (lineId !== undefined && named < 0) return { ok: false, detail: `this class has no line ${lineId}` };
    this.lineIndex = named >= 0 ? named : (this.lineIndex + 1) % lines.length;
    const line = lines[this.lineIndex]!;
    const before = this.engagedPeers();
    useMedia.setState({ lineId: line.id });
    this.transport?.setLine(line);
    return this.flowAgain(`now on ${line.id} (${line.label})`, before);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    clearTimeout(this.publishTimer);
    this.transport?.stop();
    this.transport = null;
    this.local.stop();
    if (this.joined && !this.options.observer) this.publishState({ mic: false, camera: false, screen: false, link: 'off' });
    for (const element of this.audioElements) element.srcObject = null;
    this.audioElements.clear();
    if (window.__media === this.hook) delete window.__media;
    useMedia.setState({ ...initialMedia(), phase: 'stopped' });
  }

  // ---- traffic ---------------------------------------------------------------------------------------------------

  private receive(messages: ClassMessageOf<(typeof MEDIA_KINDS)[number]>[]): void {
    if (this.closed) return;
    let remote: Record<string, MediaState> | null = null;
    let movedAway = false;
    for (const message of messages) {
      switch (message.kind) {
        case 'classConfig':
          this.onConfig(message.message);
          break;
        case 'mediaState':
          remote ??= { ...useMedia.getState().remote };
          remote[message.params.userId] = message.message;
          if (message.params.userId === this.options.userId) {
            this.latestOwnSince = Math.max(this.latestOwnSince, message.message.since ?? 0);
            if (this.joinedLater(message.message)) movedAway = true;
          }
          break;
        case 'rtc':
          this.transport?.receive(message);
          break;
      }
    }
    if (remote) useMedia.setState({ remote });
    if (movedAway) this.handOver();
  }

  /** Whether another window of this person joined the call after this one (the later one carries the media). */
  private joinedLater(state: MediaState): boolean {
    if (!this.joined || this.options.observer || !state.session || state.session === this.callId || state.link === 'off') return false;
    const since = state.since ?? 0;
    return since > this.joinedAt || (since === this.joinedAt && state.session > this.callId);
  }

  /**
   * This person joined the call again from another window or device: this window lets go of its connections and
   * devices (two windows answering for one person would keep taking the call from each other) and says where the
   * media went. join() takes it back.
   */
  private handOver(): void {
    this.joined = false;
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    clearTimeout(this.publishTimer);
    this.published = null;
    this.transport?.stop();
    this.transport = null;
    this.local.release();
    this.forgetSamples();
    addNote({ at: Date.now(), level: 'info', text: 'audio and video moved to another window or device of yours' });
    const { mode, canChooseSpeaker, remote, lines, lineId } = useMedia.getState();
    useMedia.setState({ ...initialMedia(), phase: 'elsewhere', mode, canChooseSpeaker, remote, lines, lineId, choice: this.local.devices });
  }

  /** Brings this person's media back to this window, with the devices it had (the other window hands over). */
  takeBack(): Promise<void> {
    return this.start(this.local.devices);
  }

  private onConfig(config: ClassConfig): void {
    const previousLine = this.currentLine();
    this.config = config;
    const lines = config.media.lines;
    // Stay on the line in use when it is still offered; otherwise start from the first.
    const kept = previousLine ? lines.findIndex((l) => l.id === previousLine.id) : -1;
    this.lineIndex = kept >= 0 ? kept : 0;
    useMedia.setState({ mode: config.media.mode, lines: lines.map(({ id, label }) => ({ id, label })), lineId: lines[this.lineIndex]?.id ?? null });
    this.ensureTransport();
  }

  private currentLine(): MediaLine | null {
    return this.config?.media.lines[this.lineIndex] ?? null;
  }

  private ensureTransport(): void {
    if (this.transport || !this.joined || !this.config || this.closed) return;
    if (this.config.media.mode === 'sfu') {
      void this.openSfu();
      return;
    }
    this.useTransport(this.p2p());
  }

  private p2p(): MediaTransport {
    return new P2PMesh({
      userId: this.options.userId,
      role: this.options.role,
      observer: this.options.observer,
      line: () => this.currentLine(),
      tracks: () => this.local.outgoing(),
      since: () => this.joinedAt,
      send: (to, message) => this.options.channel.fire({ kind: 'rtc', to, message }),
      events: this.transportEvents(),
    });
  }

  /** The SFU client (mediasoup-client) loads only for classes that use it; without it, media falls back to P2P. */
  private async openSfu(): Promise<void> {
    try {
      const { SfuTransport } = await import('./sfu/SfuTransport');
      if (this.closed || this.transport) return;
      const transport = await SfuTransport.connect({
        channel: this.options.channel,
        userId: this.options.userId,
        observer: this.options.observer,
        line: () => this.currentLine(),
        tracks: () => this.local.outgoing(),
        events: this.transportEvents(),
      });
      if (this.closed) return transport.stop();
      this.useTransport(transport);
    } catch (error) {
      addNote({ at: Date.now(), level: 'warning', text: `the SFU is unavailable (${(error as Error).message}); media goes peer-to-peer` });
      if (!this.closed && !this.transport) this.useTransport(this.p2p());
    }
  }

  private useTransport(transport: MediaTransport): void {
    this.transport = transport;
    transport.setRoster(useClassroom.getState().roster);
    transport.start();
    this.sync();
  }

  private transportEvents(): TransportEvents {
    return {
      changed: () => this.scheduleSync(),
      note: (level, text) => addNote({ at: Date.now(), level, text }),
    };
  }

  // ---- local state -----------------------------------------------------------------------------------------------

  private onLocalChange(): void {
    const video = this.local.outgoing().video;
    for (const track of this.preview.getTracks()) if (track !== video) this.preview.removeTrack(track);
    if (video && !this.preview.getTracks().includes(video)) this.preview.addTrack(video);
    this.transport?.setTracks(this.local.outgoing());
    this.scheduleSync();
  }

  private scheduleSync(): void {
    if (this.syncScheduled) return;
    this.syncScheduled = true;
    queueMicrotask(() => {
      this.syncScheduled = false;
      this.sync();
    });
  }

  /** Brings the store and this participant's MediaState up to date with the devices and connections. */
  private sync(): void {
    if (this.closed) return;
    const peers: Record<string, PeerView> = {};
    for (const peer of this.transport?.peers() ?? []) peers[peer.userId] = this.viewOf(peer);
    useMedia.setState({
      peers,
      mic: this.local.micEnabled,
      camera: this.local.cameraEnabled,
      screen: this.local.sharing,
      hasMic: this.local.hasMic,
      hasCamera: this.local.hasCamera,
    });
    if (!this.mediaEntryReported && !this.options.observer && Object.values(peers).some((p) => p.state === 'connected')) {
      this.mediaEntryReported = true;
      this.options.telemetry([{ type: 'entry', step: 'media', ms: Math.round(performance.now() - this.openedAt) }]);
    }
    if (this.joined && !this.options.observer) {
      this.queueState({
        mic: this.local.micEnabled,
        camera: this.local.cameraEnabled,
        screen: this.local.sharing,
        // Only people who answered count: a participant who never started media does not hold the link at connecting.
        link: aggregateLink(Object.values(peers).filter((p) => p.engaged), true),
      });
    }
  }

  private viewOf(peer: RemotePeer): PeerView {
    const live = (kind: string) => peer.stream.getTracks().some((t) => t.kind === kind && t.readyState === 'live' && !t.muted);
    const figures = this.figures.get(peer.userId) ?? null;
    return {
      userId: peer.userId,
      state: peer.state,
      wasConnected: peer.wasConnected,
      engaged: peer.engaged,
      hasVideo: live('video'),
      hasAudio: live('audio'),
      figures,
      quality: qualityOf(figures, peer.state === 'connected'),
    };
  }

  private queueState(state: Omit<MediaState, 'v' | 'ts'>): void {
    const published = this.published;
    if (published && published.mic === state.mic && published.camera === state.camera && published.screen === state.screen && published.link === state.link) return;
    this.published = { v: 1, ...state };
    clearTimeout(this.publishTimer);
    // Coalesced: a burst of changes (devices opening, connections coming up) is one retained update.
    this.publishTimer = setTimeout(() => this.publishState(state), 150);
  }

  private publishState(state: Omit<MediaState, 'v' | 'ts'>): void {
    this.options.channel.publish({ kind: 'mediaState', message: { v: 1, ...state, session: this.callId, since: this.joinedAt, ts: Date.now() } });
  }

  // ---- stats, speaker, telemetry ---------------------------------------------------------------------------------

  private async sampleStats(): Promise<void> {
    // getStats can take longer than the interval on a busy machine: one sampling at a time.
    if (this.sampling) return;
    this.sampling = true;
    try {
      await this.sampleOnce();
    } finally {
      this.sampling = false;
    }
  }

  private async sampleOnce(): Promise<void> {
    const peers = this.transport?.peers() ?? [];
    this.ticks++;
    const refreshFigures = this.ticks % FIGURES_EVERY_TICKS === 0;
    const now = performance.now();
    const sendTelemetry = now - this.lastTelemetryAt >= TELEMETRY_EVERY_MS - STATS_EVERY_MS / 2;
    if (!refreshFigures && !sendTelemetry) return;
    const events: TelemetryEvent[] = [];
    for (const peer of peers) {
      const sample = await peer.sample().catch(() => null);
      if (!sample || this.closed) continue;
      if (refreshFigures) {
        const before = this.figureSamples.get(peer.userId) ?? null;
        const streams = figuresBetween(before, sample);
        this.figures.set(peer.userId, peerFigures(streams, before ? sample.at - before.at : 0, selectedPath(sample) ?? null));
        this.figureSamples.set(peer.userId, sample);
      }
      if (sendTelemetry) {
        const before = this.telemetrySamples.get(peer.userId) ?? null;
        if (before) events.push(...this.telemetryOf(peer, figuresBetween(before, sample)));
        this.telemetrySamples.set(peer.userId, sample);
      }
    }
    for (const userId of [...this.figures.keys()]) if (!peers.some((p) => p.userId === userId)) this.forget(userId);
    if (sendTelemetry) {
      this.lastTelemetryAt = now;
      if (events.length > 0 && !this.options.observer) this.options.telemetry(events);
    }
    if (refreshFigures) this.sync();
  }

  private telemetryOf(peer: RemotePeer, streams: StreamFigures[]): TelemetryEvent[] {
    return mediaEvents({
      peer: peer.userId,
      link: peer.state,
      streams,
      sending: { audio: this.local.micEnabled, video: this.local.cameraEnabled || this.local.sharing },
      remote: useMedia.getState().remote[peer.userId],
      at: Date.now(),
    });
  }

  private sampleLevels(): void {
    const loudest = this.levelWindow;
    const keep = (id: string, level: number) => loudest.set(id, Math.max(loudest.get(id) ?? 0, level));
    if (!this.options.observer) keep(this.options.userId, this.local.level());
    for (const peer of this.transport?.peers() ?? []) keep(peer.userId, peer.audioLevel());
    if (++this.levelSamples < SPEAKER_EVERY_LEVELS) return;
    this.levelSamples = 0;
    const speaker = this.speaker.update(new Map(loudest), performance.now());
    loudest.clear();
    if (useMedia.getState().speaker !== speaker) useMedia.setState({ speaker });
  }

  private forget(userId: string): void {
    this.figures.delete(userId);
    this.figureSamples.delete(userId);
    this.telemetrySamples.delete(userId);
  }

  private forgetSamples(): void {
    for (const userId of [...this.figures.keys()]) this.forget(userId);
  }

  private engagedPeers(): string[] {
    return (this.transport?.peers() ?? []).filter((p) => p.engaged).map((p) => p.userId);
  }

  /** Waits for media from everyone who sent before a remedy; answered within the dispatcher's ack window. */
  private flowAgain(done: string, expected: string[]): Promise<RemedyOutcome> {
    return waitForFlow({
      done,
      expected,
      peers: () => this.transport?.peers() ?? [],
      stillHere: (userId) => useClassroom.getState().roster.get(userId)?.online === true,
      closed: () => this.closed,
      waitMs: REMEDY_WAIT_MS,
    });
  }

  private async refreshDevices(): Promise<void> {
    const devices = await LocalMedia.list();
    if (!this.closed) useMedia.setState({ devices });
  }
}

async function applySink(element: HTMLMediaElement, deviceId: string | null): Promise<void> {
  const sinkable = element as HTMLMediaElement & { setSinkId?: (id: string) => Promise<void> };
  if (!sinkable.setSinkId) return;
  await sinkable.setSinkId(deviceId ?? '').catch(() => undefined);
}
