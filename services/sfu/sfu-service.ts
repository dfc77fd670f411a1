import { availableParallelism } from 'node:os';
import { RPC } from '../../shared/protocol/rpc/index';
import type { SfuProducer } from '../../shared/protocol/sfu';
import { requesterIn, type ClaimsLookup } from '../classroom/requester';
import type { MethodTable } from '../host/declaration';
import { RpcRefusal } from '../host/refusal';
import { ServiceHost } from '../host/service-host';
import type { ServiceLink } from '../mqtt/service-connection';
import { loadMediasoup, type Mediasoup, type MsConsumer, type MsProducer, type MsRouter, type MsWebRtcTransport, type MsWorker } from './mediasoup-api';

export interface SfuOptions {
  link: ServiceLink;
  root: string;
  claimsOf: ClaimsLookup;
  /** The address media is received on, and the one announced to clients (a public IP behind NAT). */
  listenIp?: string;
  announcedAddress?: string;
  rtcMinPort?: number;
  rtcMaxPort?: number;
  /** mediasoup workers (one process each); one per core by default. */
  workers?: number;
  onError?(error: unknown): void;
  /** For tests: a mediasoup module other than the installed one. */
  mediasoup?: Mediasoup;
}

const MEDIA_CODECS = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48_000, channels: 2 },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90_000, parameters: { 'x-google-start-bitrate': 600 } },
  { kind: 'video', mimeType: 'video/H264', clockRate: 90_000, parameters: { 'packetization-mode': 1, 'profile-level-id': '42e01f', 'level-asymmetry-allowed': 1 } },
];

interface Peer {
  userId: string;
  transports: Map<string, MsWebRtcTransport>;
  producers: Map<string, { producer: MsProducer; source: SfuProducer['source'] }>;
  consumers: Map<string, MsConsumer>;
}

interface Room {
  classId: string;
  router: MsRouter;
  worker: MsWorker;
  peers: Map<string, Peer>;
}

/**
 * The SFU: mediasoup routers, one per class, spread over workers sized to the cores. Clients signal over the MQTT
 * request/response pattern (service `sfu`, contract in shared/protocol/rpc/sfu.ts); each request resolves exactly once.
 * Camera video arrives as simulcast and each consumer gets the best layer its link carries. Observers (supervisors)
 * may consume but never produce. A participant whose presence goes offline loses their transports.
 */
export class SfuService {
  private readonly host: ServiceHost<typeof RPC.sfu>;
  private readonly rooms = new Map<string, Room>();
  private readonly opening = new Map<string, Promise<Room>>();
  private workers: MsWorker[] = [];
  private closed = false;

  private constructor(
    private readonly options: SfuOptions,
    private readonly mediasoup: Mediasoup,
  ) {
    this.host = new ServiceHost(
      {
        name: 'sfu',
        subscriptions: ['presence'],
        handlers: {
          presence: ({ params, message }) => {
            if (!message.online) this.leave(params.classId, params.userId);
          },
        },
        rpc: { contract: RPC.sfu, methods: this.methods() },
      },
      { link: options.link, root: options.root, onError: options.onError },
    );
  }

  /** Starts the workers and answers requests; rejects with MediasoupUnavailable when mediasoup is not installed. */
  static async start(options: SfuOptions): Promise<SfuService> {
    const mediasoup = options.mediasoup ?? (await loadMediasoup());
    const service = new SfuService(options, mediasoup);
    const count = Math.max(1, options.workers ?? availableParallelism());
    for (let i = 0; i < count; i++) service.workers.push(await service.createWorker());
    await service.host.start();
    return service;
  }

  get workerCount(): number {
    return this.workers.length;
  }

  get roomCount(): number {
    return this.rooms.size;
  }

  async stop(): Promise<void> {
    this.closed = true;
    for (const room of this.rooms.values()) room.router.close();
    this.rooms.clear();
    for (const worker of this.workers) worker.close();
    this.workers = [];
    await this.host.stop();
  }

  private async createWorker(): Promise<MsWorker> {
    const worker = await this.mediasoup.createWorker({
      logLevel: 'warn',
      rtcMinPort: this.options.rtcMinPort ?? 40_000,
      rtcMaxPort: this.options.rtcMaxPort ?? 49_999,
    });
    worker.on('died', (error) => {
      this.options.onError?.(new Error(`mediasoup worker ${worker.pid} died: ${error.message}`));
      // Its rooms are gone: clients see their transports fail, restart, and join a router on another worker.
      for (const [classId, room] of [...this.rooms]) if (room.worker === worker) this.rooms.delete(classId);
      const index = this.workers.indexOf(worker);
      if (index >= 0 && !this.closed) {
        void this.createWorker().then(
          (fresh) => (this.workers[index] = fresh),
          (failure: unknown) => this.options.onError?.(failure),
        );
      }
    });
    return worker;
  }

  // ---- requests --------------------------------------------------------------------------------------------------

  private methods(): MethodTable<typeof RPC.sfu> {
    return {
      join: async ({ classId }, userId) => {
        const room = await this.roomFor(this.scope(userId, classId));
        this.peerIn(room, userId);
        return { routerRtpCapabilities: room.router.rtpCapabilities };
      },
      'transport.create': async ({ classId, direction }, userId) => {
        if (direction === 'send') this.mustProduce(userId, classId);
        const room = await this.roomFor(this.scope(userId, classId));
        const peer = this.peerIn(room, userId);
        const transport = await room.router.createWebRtcTransport({
          listenInfos: ['udp', 'tcp'].map((protocol) => ({
            protocol,
            ip: this.options.listenIp ?? '0.0.0.0',
            ...(this.options.announcedAddress ? { announcedAddress: this.options.announcedAddress } : {}),
          })),
          enableUdp: true,
          enableTcp: true,
          preferUdp: true,
          initialAvailableOutgoingBitrate: 1_000_000,
          appData: { direction, userId },
        });
        transport.on('dtlsstatechange', (state) => {
          if (state === 'failed' || state === 'closed') this.dropTransport(peer, transport.id);
        });
        peer.transports.set(transport.id, transport);
        return { id: transport.id, iceParameters: transport.iceParameters, iceCandidates: transport.iceCandidates, dtlsParameters: transport.dtlsParameters };
      },
      'transport.connect': async ({ classId, transportId, dtlsParameters }, userId) => {
        await this.transportOf(userId, classId, transportId).connect({ dtlsParameters });
        return {};
      },
      'transport.restartIce': async ({ classId, transportId }, userId) => {
        return { iceParameters: await this.transportOf(userId, classId, transportId).restartIce() };
      },
      produce: async ({ classId, transportId, kind, rtpParameters, source }, userId) => {
        this.mustProduce(userId, classId);
        const transport = this.transportOf(userId, classId, transportId);
        const peer = this.peerOf(userId, classId);
        const producer = await transport.produce({ kind, rtpParameters, appData: { userId, source } });
        peer.producers.set(producer.id, { producer, source });
        return { id: producer.id };
      },
      'producer.close': async ({ classId, producerId }, userId) => {
        const peer = this.peerOf(userId, classId);
        peer.producers.get(producerId)?.producer.close();
        peer.producers.delete(producerId);
        return {};
      },
      producers: async ({ classId }, userId) => {
        this.scope(userId, classId);
        const room = this.rooms.get(classId);
        const producers: SfuProducer[] = [];
        for (const peer of room?.peers.values() ?? []) {
          if (peer.userId === userId) continue;
          for (const [id, { producer, source }] of peer.producers) producers.push({ id, userId: peer.userId, kind: producer.kind, source });
        }
        return { producers };
      },
      consume: async ({ classId, transportId, producerId, rtpCapabilities }, userId) => {
        const room = this.rooms.get(this.scope(userId, classId));
        if (!room) throw new RpcRefusal('not-joined', `join ${classId} first`);
        if (!room.router.canConsume({ producerId, rtpCapabilities })) throw new RpcRefusal('cannot-consume', `this client cannot receive ${producerId}`);
        const transport = this.transportOf(userId, classId, transportId);
        const peer = this.peerOf(userId, classId);
        // Paused until the client has set up its side, so the first frame it gets is a keyframe it can decode.
        const consumer = await transport.consume({ producerId, rtpCapabilities, paused: true });
        peer.consumers.set(consumer.id, consumer);
        consumer.on('producerclose', () => peer.consumers.delete(consumer.id));
        return { id: consumer.id, producerId, kind: consumer.kind, rtpParameters: consumer.rtpParameters };
      },
      'consumer.resume': async ({ classId, consumerId }, userId) => {
        const consumer = this.peerOf(userId, classId).consumers.get(consumerId);
        if (!consumer) throw new RpcRefusal('unknown-consumer', `no consumer ${consumerId}`);
        await consumer.resume();
        return {};
      },
      leave: async ({ classId }, userId) => {
        this.leave(this.scope(userId, classId), userId);
        return {};
      },
    };
  }

  // ---- rooms and peers -------------------------------------------------------------------------------------------

  private scope(userId: string, classId: string): string {
    requesterIn(this.options.claimsOf, userId, classId);
    return classId;
  }

  private mustProduce(userId: string, classId: string): void {
    const claims = requesterIn(this.options.claimsOf, userId, classId);
    if (claims.role !== 'teacher' && claims.role !== 'student') {
      throw new RpcRefusal('forbidden', 'observers receive media; they do not send any');
    }
  }

  /** The class's router, created on the least loaded worker the first time someone joins. */
  private async roomFor(classId: string): Promise<Room> {
    const existing = this.rooms.get(classId);
    if (existing && !existing.router.closed) return existing;
    const pending = this.opening.get(classId);
    if (pending) return pending;
    const opening = (async () => {
      const load = new Map(this.workers.map((w) => [w, 0]));
      for (const room of this.rooms.values()) load.set(room.worker, (load.get(room.worker) ?? 0) + 1);
      const worker = [...load].sort((a, b) => a[1] - b[1])[0]?.[0];
      if (!worker) throw new RpcRefusal('unavailable', 'the SFU has no worker running');
      const router = await worker.createRouter({ mediaCodecs: MEDIA_CODECS });
      const room: Room = { classId, router, worker, peers: new Map() };
      this.rooms.set(classId, room);
      return room;
    })();
    this.opening.set(classId, opening);
    try {
      return await opening;
    } finally {
      this.opening.delete(classId);
    }
  }

  private peerIn(room: Room, userId: string): Peer {
    let peer = room.peers.get(userId);
    if (!peer) {
      peer = { userId, transports: new Map(), producers: new Map(), consumers: new Map() };
      room.peers.set(userId, peer);
    }
    return peer;
  }

  private peerOf(userId: string, classId: string): Peer {
    const peer = this.rooms.get(this.scope(userId, classId))?.peers.get(userId);
    if (!peer) throw new RpcRefusal('not-joined', `join ${classId} first`);
    return peer;
  }

  private transportOf(userId: string, classId: string, transportId: string): MsWebRtcTransport {
    const transport = this.peerOf(userId, classId).transports.get(transportId);
    if (!transport) throw new RpcRefusal('unknown-transport', `no transport ${transportId} of ${userId}`);
    return transport;
  }

  private dropTransport(peer: Peer, transportId: string): void {
    peer.transports.get(transportId)?.close();
    peer.transports.delete(transportId);
  }

  /** Closes someone's transports (and with them their producers and consumers); an empty room closes its router. */
  private leave(classId: string, userId: string): void {
    const room = this.rooms.get(classId);
    const peer = room?.peers.get(userId);
    if (!room || !peer) return;
    for (const transport of peer.transports.values()) transport.close();
    room.peers.delete(userId);
    if (room.peers.size === 0) {
      room.router.close();
      this.rooms.delete(classId);
    }
  }
}
