import { Device } from 'mediasoup-client';
import type { types } from 'mediasoup-client';
import type { MediaLine, MethodOf, ParamsOf, ResultOf, SFU } from '../../../shared/protocol';
import type { SfuProducer } from '../../../shared/protocol/sfu';
import type { RosterEntry } from '../../class/classroom';
import type { ClassChannel } from '../../link/channel';
import type { ClassMessage } from '../../link/messages';
import type { OutgoingTracks } from '../LocalMedia';
import { iceConfiguration } from '../p2p/P2PMesh';
import type { StatsEntry, StatsSample } from '../stats';
import type { MediaTransport, RemotePeer, TransportEvents } from '../transport';

/** How often the producer list is refreshed besides the nudges that media states give. */
const PRODUCERS_EVERY_MS = 3_000;
/** Camera video goes out in three layers, so the SFU can send each receiver what its link carries. */
const CAMERA_LAYERS: RTCRtpEncodingParameters[] = [
  { rid: 'r0', scaleResolutionDownBy: 4, maxBitrate: 120_000 },
  { rid: 'r1', scaleResolutionDownBy: 2, maxBitrate: 350_000 },
  { rid: 'r2', scaleResolutionDownBy: 1, maxBitrate: 900_000 },
];

type SfuMethod = MethodOf<typeof SFU>;

export interface SfuTransportOptions {
  /** The open class's channel; requests go to the SFU service through its shared contract. */
  channel: ClassChannel;
  userId: string;
  observer: boolean;
  line(): MediaLine | null;
  tracks(): OutgoingTracks;
  events: TransportEvents;
}

interface RemoteEntry {
  userId: string;
  consumers: Map<string, types.Consumer>;
  stream: MediaStream;
}

/**
 * Media through the SFU service (mediasoup): one send transport with an audio producer and a simulcast video
 * producer, one receive transport with a consumer per producer of everyone else. Signalling is the MQTT
 * request/response of protocol v1, so every step resolves once or fails visibly.
 */
export class SfuTransport implements MediaTransport {
  private device: Device | null = null;
  private send: types.Transport | null = null;
  private recv: types.Transport | null = null;
  private readonly producers = new Map<'audio' | 'video', types.Producer>();
  private readonly remotes = new Map<string, RemoteEntry>();
  private readonly consuming = new Set<string>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private stopped = false;
  private wasConnected = false;

  private constructor(private readonly options: SfuTransportOptions) {}

  /** Joins the class's router and opens the transports; rejects (and the session goes peer-to-peer) when it cannot. */
  static async connect(options: SfuTransportOptions): Promise<SfuTransport> {
    const transport = new SfuTransport(options);
    await transport.open();
    return transport;
  }

  peers(): RemotePeer[] {
    const recv = this.recv;
    return [...this.remotes.values()].map((remote) => ({
      userId: remote.userId,
      state: recv?.connectionState ?? 'new',
      wasConnected: this.wasConnected,
      engaged: remote.consumers.size > 0,
      stream: remote.stream,
      lineId: this.options.line()?.id ?? null,
      audioLevel: () => {
        const audio = [...remote.consumers.values()].find((c) => c.kind === 'audio');
        return (audio?.rtpReceiver?.getSynchronizationSources?.() ?? []).reduce((max, s) => Math.max(max, s.audioLevel ?? 0), 0);
      },
      sample: () => this.sampleOf(remote),
    }));
  }

  start(): void {
    void this.refreshProducers();
    this.timer = setInterval(() => void this.refreshProducers(), PRODUCERS_EVERY_MS);
  }

  setRoster(roster: ReadonlyMap<string, RosterEntry>): void {
    for (const [userId, remote] of [...this.remotes]) {
      if (roster.get(userId)?.online === false) this.drop(remote);
    }
  }

  receive(message: ClassMessage): void {
    // Someone's media changed: their producers may have too.
    if (message.kind === 'mediaState') void this.refreshProducers();
  }

  setTracks(tracks: OutgoingTracks): void {
    for (const kind of ['audio', 'video'] as const) {
      const track = tracks[kind];
      const producer = this.producers.get(kind);
      if (producer) void producer.replaceTrack({ track }).catch((error: Error) => this.options.events.note('warning', `SFU ${kind}: ${error.message}`));
      else if (track) void this.produce(kind, track);
    }
  }

  setLine(line: MediaLine): void {
    const configuration = iceConfiguration(line);
    for (const transport of [this.send, this.recv]) {
      if (!transport) continue;
      void (async () => {
        await transport.updateIceServers({ iceServers: configuration.iceServers ?? [] });
        const { iceParameters } = await this.call('transport.restartIce', { transportId: transport.id });
        await transport.restartIce({ iceParameters: iceParameters as unknown as types.IceParameters });
      })().catch((error: Error) => this.options.events.note('warning', `SFU line switch: ${error.message}`));
    }
  }

  restart(): void {
    this.closeAll();
    void this.open()
      .then(() => this.refreshProducers())
      .catch((error: Error) => this.options.events.note('warning', `the SFU connection could not be rebuilt: ${error.message}`));
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    void this.call('leave', {}).catch(() => undefined);
    this.closeAll();
  }

  // ---- setting up ------------------------------------------------------------------------------------------------

  private async open(): Promise<void> {
    const joined = await this.call('join', {});
    const device = new Device();
    await device.load({ routerRtpCapabilities: joined.routerRtpCapabilities as unknown as types.RtpCapabilities });
    this.device = device;
    this.recv = await this.createTransport('recv');
    if (!this.options.observer) {
      this.send = await this.createTransport('send');
      const tracks = this.options.tracks();
      for (const kind of ['audio', 'video'] as const) {
        const track = tracks[kind];
        if (track) await this.produce(kind, track);
      }
    }
    this.options.events.changed();
  }

  private async createTransport(direction: 'send' | 'recv'): Promise<types.Transport> {
    const device = this.device!;
    const info = await this.call('transport.create', { direction });
    const configuration = iceConfiguration(this.options.line());
    const options = {
      id: info.id,
      iceParameters: info.iceParameters as unknown as types.IceParameters,
      iceCandidates: info.iceCandidates as unknown as types.IceCandidate[],
      dtlsParameters: info.dtlsParameters as unknown as types.DtlsParameters,
      iceServers: configuration.iceServers,
      iceTransportPolicy: configuration.iceTransportPolicy,
    };
    const transport = direction === 'send' ? device.createSendTransport(options) : device.createRecvTransport(options);
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      this.call('transport.connect', { transportId: transport.id, dtlsParameters }).then(() => callback(), errback);
    });
    transport.on('connectionstatechange', (state) => {
      if (state === 'connected') this.wasConnected = true;
      // A failed transport gets a new ICE session from the SFU; the line stays.
      if (state === 'failed') this.restartIce(transport);
      this.options.events.changed();
    });
    if (direction === 'send') {
      transport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
        this.call('produce', { transportId: transport.id, kind, rtpParameters, source: (appData as { source?: 'microphone' | 'camera' | 'screen' }).source ?? 'camera' })
          .then((result) => callback({ id: result.id }), errback);
      });
    }
    return transport;
  }

  private async produce(kind: 'audio' | 'video', track: MediaStreamTrack): Promise<void> {
    const send = this.send;
    if (!send || this.producers.has(kind) || !this.device?.canProduce(kind)) return;
    const screen = track.contentHint === 'detail';
    const producer = await send.produce({
      track,
      stopTracks: false,
      ...(kind === 'video' && !screen ? { encodings: CAMERA_LAYERS, codecOptions: { videoGoogleStartBitrate: 600 } } : {}),
      appData: { source: kind === 'audio' ? 'microphone' : screen ? 'screen' : 'camera' },
    });
    this.producers.set(kind, producer);
  }

  private restartIce(transport: types.Transport): void {
    this.call('transport.restartIce', { transportId: transport.id })
      .then((result) => transport.restartIce({ iceParameters: (result as { iceParameters: types.IceParameters }).iceParameters }))
      .catch((error: Error) => this.options.events.note('warning', `SFU ICE restart: ${error.message}`));
  }

  // ---- receiving -------------------------------------------------------------------------------------------------

  private async refreshProducers(): Promise<void> {
    if (this.stopped || !this.recv || !this.device) return;
    let list: SfuProducer[];
    try {
      list = (await this.call('producers', {})).producers;
    } catch (error) {
      this.options.events.note('warning', `SFU producers: ${(error as Error).message}`);
      return;
    }
    const present = new Set(list.map((p) => p.id));
    for (const remote of this.remotes.values()) {
      for (const [producerId, consumer] of [...remote.consumers]) {
        if (present.has(producerId)) continue;
        consumer.close();
        remote.consumers.delete(producerId);
        remote.stream.removeTrack(consumer.track);
      }
    }
    for (const producer of list) {
      if (producer.userId === this.options.userId || this.consuming.has(producer.id)) continue;
      if ([...this.remotes.values()].some((r) => r.consumers.has(producer.id))) continue;
      void this.consume(producer);
    }
  }

  private async consume(producer: SfuProducer): Promise<void> {
    const recv = this.recv;
    const device = this.device;
    if (!recv || !device) return;
    this.consuming.add(producer.id);
    try {
      const info = await this.call('consume', { transportId: recv.id, producerId: producer.id, rtpCapabilities: device.rtpCapabilities });
      const consumer = await recv.consume({
        id: info.id,
        producerId: info.producerId,
        kind: info.kind,
        rtpParameters: info.rtpParameters as unknown as types.RtpParameters,
      });
      let remote = this.remotes.get(producer.userId);
      if (!remote) {
        remote = { userId: producer.userId, consumers: new Map(), stream: new MediaStream() };
        this.remotes.set(producer.userId, remote);
      }
      for (const old of remote.stream.getTracks()) if (old.kind === consumer.kind) remote.stream.removeTrack(old);
      remote.consumers.set(producer.id, consumer);
      remote.stream.addTrack(consumer.track);
      await this.call('consumer.resume', { consumerId: consumer.id });
      this.options.events.changed();
    } catch (error) {
      this.options.events.note('warning', `SFU consume ${producer.kind} of ${producer.userId}: ${(error as Error).message}`);
    } finally {
      this.consuming.delete(producer.id);
    }
  }

  private async sampleOf(remote: RemoteEntry): Promise<StatsSample | null> {
    const entries: StatsEntry[] = [];
    for (const consumer of remote.consumers.values()) {
      (await consumer.getStats()).forEach((entry: StatsEntry) => entries.push(entry));
    }
    return { at: performance.now(), entries };
  }

  private drop(remote: RemoteEntry): void {
    for (const consumer of remote.consumers.values()) consumer.close();
    this.remotes.delete(remote.userId);
    this.options.events.changed();
  }

  private closeAll(): void {
    for (const producer of this.producers.values()) producer.close();
    this.producers.clear();
    for (const remote of [...this.remotes.values()]) this.drop(remote);
    this.send?.close();
    this.recv?.close();
    this.send = this.recv = null;
    this.device = null;
  }

  /** One step of signalling; the result is parsed by the SFU's shared contract before it gets here. */
  private call<M extends SfuMethod>(method: M, params: Omit<ParamsOf<typeof SFU, M>, 'classId'>): Promise<ResultOf<typeof SFU, M>> {
    const { classId } = this.options.channel;
    return this.options.channel.request('sfu', method, { ...params, classId } as ParamsOf<typeof SFU, M>);
  }
}
