import type { RtcSignal } from '../../../shared/protocol';
import type { OutgoingTracks } from '../LocalMedia';
import type { StatsEntry, StatsSample } from '../stats';
import type { RemotePeer } from '../transport';
import { SignalCounter, SignalGate, type IgnoredBecause } from './signalGate';
import { watchdogAction } from './watchdog';

const HELLO_RETRY_FIRST_MS = 2_000;
const HELLO_RETRY_MAX_MS = 30_000;
const TICK_MS = 1_000;

export interface PeerLinkOptions {
  localUserId: string;
  remoteUserId: string;
  /** This side never sends media (an observer): it offers and answers to receive only. */
  receiveOnly: boolean;
  configuration(): RTCConfiguration;
  lineId(): string | null;
  tracks(): OutgoingTracks;
  send(to: string, signal: RtcSignal): void;
  changed(): void;
  /** Restarts did not bring the connection up: the owner starts this link over with a new session. */
  stuck(link: PeerLink): void;
  ignored(reason: IgnoredBecause | 'bad-description' | 'bad-candidate', detail: string): void;
  /** When this window joined the call (RtcSignal.since). */
  since?(): number;
  now?(): number;
}

function newSessionId(): string {
  return `m${crypto.randomUUID().replaceAll('-', '').slice(0, 20)}`;
}

/**
 * One peer-to-peer connection to one remote person, negotiated over MQTT with "perfect negotiation": the side with
 * the greater user id is polite (it yields when both offer at once). The impolite side creates the audio and video
 * transceivers and makes the first offer; the other side takes them over when it answers, so both always talk about
 * the same two m-lines. Every signal carries this link's session and a sequence number; the SignalGate drops what
 * belongs to another session or arrives twice or late. A watchdog restarts ICE when the connection stays down.
 */
export class PeerLink implements RemotePeer {
  readonly session = newSessionId();
  readonly userId: string;
  readonly stream = new MediaStream();
  readonly polite: boolean;
  state: RTCPeerConnectionState = 'new';
  wasConnected = false;
  private readonly gate: SignalGate;
  private readonly counter = new SignalCounter();
  private pc: RTCPeerConnection | null = null;
  private makingOffer = false;
  private ignoreOffer = false;
  private settingRemoteAnswerPending = false;
  private queue: Promise<void> = Promise.resolve();
  private stateSince: number;
  private restarts = 0;
  private lastRestartAt = -Infinity;
  private helloTimer: ReturnType<typeof setTimeout> | undefined;
  private helloDelay = HELLO_RETRY_FIRST_MS;
  private readonly ticker: ReturnType<typeof setInterval>;
  private closed = false;

  constructor(private readonly options: PeerLinkOptions) {
    this.userId = options.remoteUserId;
    this.polite = options.localUserId > options.remoteUserId;
    this.gate = new SignalGate(this.session);
    this.stateSince = this.now();
    this.ticker = setInterval(() => this.tick(), TICK_MS);
  }

  get remoteSession(): string | null {
    return this.gate.remoteSession;
  }

  get engaged(): boolean {
    return this.gate.remoteSession !== null;
  }

  get lineId(): string | null {
    return this.options.lineId();
  }

  /** Greets the other side; repeated with backoff until they answer. */
  start(): void {
    this.sendHello();
  }

  receive(signal: RtcSignal): void {
    if (this.closed) return;
    const verdict = this.gate.admit(signal);
    if (!verdict.accept) {
      this.options.ignored(verdict.reason, `${signal.kind} #${signal.seq} from ${this.userId}/${signal.session}`);
      return;
    }
    // One at a time: a candidate must not be added before the description it belongs to is set.
    this.queue = this.queue.then(() => this.handle(signal, verdict.fresh)).catch((error: unknown) => {
      this.options.ignored('bad-description', `${signal.kind} from ${this.userId}: ${(error as Error).message}`);
    });
  }

  setTracks(tracks: OutgoingTracks): void {
    if (!this.pc || this.options.receiveOnly) return;
    for (const transceiver of this.pc.getTransceivers()) {
      const kind = transceiver.receiver.track.kind as 'audio' | 'video';
      const track = tracks[kind];
      if (transceiver.currentDirection === 'stopped' || transceiver.sender.track === track) continue;
      transceiver.sender.replaceTrack(track).catch(() => undefined);
    }
  }

  /** The ICE transport policy the connection was built with. */
  get policy(): RTCIceTransportPolicy {
    return this.pc?.getConfiguration().iceTransportPolicy ?? this.options.configuration().iceTransportPolicy ?? 'all';
  }

  /**
   * New ICE servers (another line) on the same transport policy: applied, then ICE restarts so candidates of the new
   * line are gathered. (A change of policy needs a new connection: Chrome keeps using the ports it already has.)
   */
  setConfiguration(configuration: RTCConfiguration): void {
    if (!this.pc) return;
    try {
      this.pc.setConfiguration(configuration);
    } catch (error) {
      this.options.ignored('bad-description', `the new line could not be applied: ${(error as Error).message}`);
    }
    this.restartIce();
  }

  audioLevel(): number {
    const receiver = this.pc?.getReceivers().find((r) => r.track.kind === 'audio');
    const sources = receiver?.getSynchronizationSources?.() ?? [];
    return sources.reduce((max, s) => Math.max(max, s.audioLevel ?? 0), 0);
  }

  async sample(): Promise<StatsSample | null> {
    const pc = this.pc;
    if (!pc) return null;
    const report = await pc.getStats();
    const entries: StatsEntry[] = [];
    report.forEach((entry: StatsEntry) => entries.push(entry));
    return { at: performance.now(), entries };
  }

  /** Ends the link; with `sayBye` the other side drops its end at once instead of waiting for it to fail. */
  close(sayBye: boolean): void {
    if (this.closed) return;
    if (sayBye && this.gate.remoteSession) this.signal('bye', {});
    this.closed = true;
    clearInterval(this.ticker);
    clearTimeout(this.helloTimer);
    this.dropConnection();
  }

  // ---- signalling ------------------------------------------------------------------------------------------------

  private async handle(signal: RtcSignal, fresh: boolean): Promise<void> {
    if (this.closed) return;
    if (signal.kind === 'bye') {
      // They ended their session (a restart, or they left): greet their next one. If they left for good, the owner
      // closes this link (their presence goes offline, or an observer's link stays down).
      this.dropConnection();
      this.setState('new');
      this.helloDelay = HELLO_RETRY_FIRST_MS;
      this.sendHello();
      return;
    }
    if (fresh) {
      clearTimeout(this.helloTimer);
      this.openConnection();
    }
    // They greet without knowing this session (they are new, or our greeting was lost): greet back.
    if (signal.kind === 'hello' && signal.to !== this.session) this.signal('hello', {});
    const pc = this.pc;
    if (!pc) return;
    if (signal.kind === 'offer' || signal.kind === 'answer') {
      await this.onDescription(pc, { type: signal.kind, sdp: signal.sdp! });
    } else if (signal.kind === 'candidate') {
      try {
        await pc.addIceCandidate(signal.candidate);
      } catch (error) {
        if (!this.ignoreOffer) this.options.ignored('bad-candidate', `from ${this.userId}: ${(error as Error).message}`);
      }
    }
  }

  private async onDescription(pc: RTCPeerConnection, description: RTCSessionDescriptionInit): Promise<void> {
    const readyForOffer = !this.makingOffer && (pc.signalingState === 'stable' || this.settingRemoteAnswerPending);
    const collision = description.type === 'offer' && !readyForOffer;
    this.ignoreOffer = !this.polite && collision;
    if (this.ignoreOffer) return;
    if (description.type === 'answer' && pc.signalingState !== 'have-local-offer') {
      this.options.ignored('bad-description', `an answer from ${this.userId} without an offer out`);
      return;
    }
    this.settingRemoteAnswerPending = description.type === 'answer';
    try {
      await pc.setRemoteDescription(description);
    } finally {
      this.settingRemoteAnswerPending = false;
    }
    if (description.type === 'offer') {
      this.adoptTransceivers(pc);
      await pc.setLocalDescription();
      if (pc === this.pc && pc.localDescription) this.signal('answer', { sdp: pc.localDescription.sdp });
    }
  }

  /** The answering side sends its tracks on the transceivers the offer created, instead of adding its own. */
  private adoptTransceivers(pc: RTCPeerConnection): void {
    const tracks = this.options.tracks();
    for (const transceiver of pc.getTransceivers()) {
      if (transceiver.currentDirection === 'stopped') continue;
      const wanted: RTCRtpTransceiverDirection = this.options.receiveOnly ? 'recvonly' : 'sendrecv';
      if (transceiver.direction !== wanted) transceiver.direction = wanted;
      if (!this.options.receiveOnly) {
        const track = tracks[transceiver.receiver.track.kind as 'audio' | 'video'];
        if (transceiver.sender.track !== track) transceiver.sender.replaceTrack(track).catch(() => undefined);
      }
    }
  }

  private openConnection(): void {
    this.dropConnection();
    const pc = new RTCPeerConnection(this.options.configuration());
    this.pc = pc;
    this.makingOffer = false;
    this.ignoreOffer = false;
    this.restarts = 0;
    this.setState('new');
    const current = () => pc === this.pc && !this.closed;

    pc.onnegotiationneeded = async () => {
      if (!current()) return;
      try {
        this.makingOffer = true;
        await pc.setLocalDescription();
        if (current() && pc.localDescription?.type === 'offer') this.signal('offer', { sdp: pc.localDescription.sdp });
      } catch (error) {
        this.options.ignored('bad-description', `no offer to ${this.userId}: ${(error as Error).message}`);
      } finally {
        this.makingOffer = false;
      }
    };
    pc.onicecandidate = ({ candidate }) => {
      if (!current() || !candidate?.candidate) return;
      this.signal('candidate', { candidate: { candidate: candidate.candidate, sdpMid: candidate.sdpMid, sdpMLineIndex: candidate.sdpMLineIndex } });
    };
    pc.onconnectionstatechange = () => {
      if (current()) this.setState(pc.connectionState);
    };
    pc.ontrack = ({ track }) => {
      if (!current()) return;
      for (const old of this.stream.getTracks()) if (old.kind === track.kind && old !== track) this.stream.removeTrack(old);
      if (!this.stream.getTracks().includes(track)) this.stream.addTrack(track);
      const update = () => current() && this.options.changed();
      track.addEventListener('mute', update);
      track.addEventListener('unmute', update);
      track.addEventListener('ended', update);
      this.options.changed();
    };

    // The impolite side proposes the media lines; the answer (and any later offer) reuses them.
    if (!this.polite) {
      const tracks = this.options.tracks();
      const direction: RTCRtpTransceiverDirection = this.options.receiveOnly ? 'recvonly' : 'sendrecv';
      pc.addTransceiver(this.options.receiveOnly ? 'audio' : (tracks.audio ?? 'audio'), { direction, streams: [] });
      pc.addTransceiver(this.options.receiveOnly ? 'video' : (tracks.video ?? 'video'), { direction, streams: [] });
    }
  }

  private dropConnection(): void {
    const pc = this.pc;
    this.pc = null;
    if (!pc) return;
    pc.onnegotiationneeded = pc.onicecandidate = pc.onconnectionstatechange = pc.ontrack = null;
    pc.close();
    for (const track of this.stream.getTracks()) this.stream.removeTrack(track);
  }

  private signal(kind: RtcSignal['kind'], extra: Pick<RtcSignal, 'sdp' | 'candidate'>): void {
    const to = this.gate.remoteSession;
    const line = this.options.lineId();
    const message: RtcSignal = {
      v: 1,
      session: this.session,
      seq: this.counter.next(),
      kind,
      ...(to ? { to } : {}),
      ...(line ? { line } : {}),
      ...extra,
      ...(this.options.since ? { since: this.options.since() } : {}),
      ts: Date.now(),
    };
    this.options.send(this.userId, message);
  }

  private sendHello(): void {
    if (this.closed) return;
    this.signal('hello', {});
    clearTimeout(this.helloTimer);
    // Until they answer (they may not have started their media yet, or the greeting was lost).
    this.helloTimer = setTimeout(() => {
      if (!this.gate.remoteSession) this.sendHello();
    }, this.helloDelay);
    this.helloDelay = Math.min(HELLO_RETRY_MAX_MS, this.helloDelay * 2);
  }

  // ---- watchdog --------------------------------------------------------------------------------------------------

  private setState(state: RTCPeerConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    this.stateSince = this.now();
    if (state === 'connected') {
      this.wasConnected = true;
      this.restarts = 0;
    }
    this.options.changed();
  }

  private tick(): void {
    const pc = this.pc;
    if (!pc || this.closed) return;
    const now = this.now();
    const action = watchdogAction({
      state: this.state,
      stateAgeMs: now - this.stateSince,
      sinceRestartMs: now - this.lastRestartAt,
      restarts: this.restarts,
      polite: this.polite,
      negotiated: pc.remoteDescription !== null,
    });
    if (action === 'none') return;
    this.lastRestartAt = now;
    this.restarts++;
    if (action === 'start-over') this.options.stuck(this);
    // Nothing negotiated yet on this side: the other side has not offered, so greet it again.
    else if (action === 'greet') this.signal('hello', {});
    else this.restartIce();
  }

  private restartIce(): void {
    this.lastRestartAt = this.now();
    this.pc?.restartIce();
  }

  private now(): number {
    return this.options.now?.() ?? performance.now();
  }
}
