import { randomBytes } from 'node:crypto';
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import {
  Attr,
  Method,
  MessageClass,
  StunError,
  attribute,
  buildChannelData,
  buildMessage,
  decodeXorAddress,
  encodeXorAddress,
  errorCodeValue,
  integrityValid,
  longTermKey,
  looksLikeChannelData,
  looksLikeStun,
  parseChannelData,
  parseMessage,
  uint32Value,
  type Address,
  type StunAttribute,
  type StunMessage,
} from './stun';

export interface TurnCredentials {
  username: string;
  password: string;
}

export interface TurnServerOptions {
  /** Where the relay listens (UDP) and opens its relayed ports. */
  host: string;
  /** 0 lets the OS choose. */
  port?: number;
  realm?: string;
  credentials: TurnCredentials;
  /** The address peers are told to send to; the listening host when left out. */
  relayAddress?: string;
  maxAllocations?: number;
  onError?(error: unknown): void;
}

const DEFAULT_LIFETIME_S = 600;
const MAX_LIFETIME_S = 3_600;
const PERMISSION_S = 300;
const CHANNEL_S = 600;
const SWEEP_MS = 30_000;
const SOFTWARE = Buffer.from('classroom-relay');

interface Allocation {
  client: Address;
  relay: Socket;
  relayed: Address;
  expiresAt: number;
  /** Peer IPs allowed to send to the client, until when. */
  permissions: Map<string, number>;
  channels: Map<number, { peer: Address; expiresAt: number }>;
  channelOfPeer: Map<string, number>;
  key: Buffer;
  allocateTransaction: string;
}

const keyOf = (a: Address) => `${a.address}:${a.port}`;

/**
 * A small TURN relay (RFC 5766 over UDP, long-term credentials) for local mode and tests: it gives the class
 * configuration a relay line that works without any outside server, and lets a test cut the media path for real.
 * Production deployments point the lines at coturn or a managed TURN service instead.
 */
export class TurnServer {
  private readonly socket: Socket;
  private readonly allocations = new Map<string, Allocation>();
  private readonly nonce = randomBytes(12).toString('hex');
  private readonly realm: string;
  private sweepTimer: NodeJS.Timeout | null = null;
  private cut = false;
  /** Datagrams dropped while cut, and requests refused; for tests and the diagnostics log. */
  readonly counters = { dropped: 0, refused: 0, relayed: 0 };

  private constructor(private readonly options: TurnServerOptions) {
    this.realm = options.realm ?? 'classroom';
    this.socket = createSocket('udp4');
  }

  static async start(options: TurnServerOptions): Promise<TurnServer> {
    const server = new TurnServer(options);
    await server.listen();
    return server;
  }

  get port(): number {
    return this.socket.address().port;
  }

  /** The `turn:` URL clients put in their ICE servers. */
  get url(): string {
    return `turn:${this.options.relayAddress ?? this.options.host}:${this.port}?transport=udp`;
  }

  get allocationCount(): number {
    return this.allocations.size;
  }

  /**
   * Cuts (true) or restores (false) the relay: while cut, every datagram in either direction is dropped, as when a
   * network path goes down. Allocations survive, as they would on a real server.
   */
  setCut(cut: boolean): void {
    this.cut = cut;
  }

  async stop(): Promise<void> {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.sweepTimer = null;
    for (const allocation of this.allocations.values()) allocation.relay.close();
    this.allocations.clear();
    await new Promise<void>((resolve) => this.socket.close(() => resolve()));
  }

  private async listen(): Promise<void> {
    this.socket.on('message', (packet, from) => this.onClientPacket(packet, from));
    this.socket.on('error', (error) => this.options.onError?.(error));
    await new Promise<void>((resolve, reject) => {
      this.socket.once('error', reject);
      this.socket.bind(this.options.port ?? 0, this.options.host, () => {
        this.socket.off('error', reject);
        resolve();
      });
    });
    this.sweepTimer = setInterval(() => this.sweep(), SWEEP_MS);
    this.sweepTimer.unref();
  }

  // ---- from clients ----------------------------------------------------------------------------------------------

  private onClientPacket(packet: Buffer, from: RemoteInfo): void {
    if (this.cut) {
      this.counters.dropped++;
      return;
    }
    const client = { address: from.address, port: from.port };
    try {
      if (looksLikeChannelData(packet)) return this.onChannelData(client, packet);
      if (!looksLikeStun(packet)) return;
      const message = parseMessage(packet);
      if (message.cls === MessageClass.indication) {
        if (message.method === Method.send) this.onSend(client, message);
        return;
      }
      if (message.cls !== MessageClass.request) return;
      this.onRequest(client, message);
    } catch (error) {
      // A malformed datagram is dropped; anything else is a bug worth hearing about.
      if (!(error instanceof StunError)) this.options.onError?.(error);
    }
  }

  private onRequest(client: Address, message: StunMessage): void {
    if (message.method === Method.binding) {
      this.reply(client, message, MessageClass.success, [{ type: Attr.xorMappedAddress, value: encodeXorAddress(client, message.transactionId) }]);
      return;
    }
    const key = this.authenticate(client, message);
    if (!key) return;
    switch (message.method) {
      case Method.allocate:
        return this.onAllocate(client, message, key);
      case Method.refresh:
        return this.onRefresh(client, message, key);
      case Method.createPermission:
        return this.onCreatePermission(client, message, key);
      case Method.channelBind:
        return this.onChannelBind(client, message, key);
      default:
        return this.fail(client, message, 400, 'Bad Request', key);
    }
  }

  /** Long-term credentials: the first request is challenged with the realm and nonce, later ones must sign. */
  private authenticate(client: Address, message: StunMessage): Buffer | null {
    const username = attribute(message, Attr.username)?.toString('utf8');
    const hasIntegrity = attribute(message, Attr.messageIntegrity) !== undefined;
    if (!username || !hasIntegrity) {
      this.challenge(client, message, 401, 'Unauthorized');
      return null;
    }
    if (attribute(message, Attr.nonce)?.toString('utf8') !== this.nonce) {
      this.challenge(client, message, 438, 'Stale Nonce');
      return null;
    }
    const { credentials } = this.options;
    const key = longTermKey(credentials.username, this.realm, credentials.password);
    if (username !== credentials.username || !integrityValid(message, key)) {
      this.counters.refused++;
      this.challenge(client, message, 401, 'Unauthorized');
      return null;
    }
    return key;
  }

  private challenge(client: Address, message: StunMessage, code: number, reason: string): void {
    this.reply(client, message, MessageClass.error, [
      { type: Attr.errorCode, value: errorCodeValue(code, reason) },
      { type: Attr.realm, value: Buffer.from(this.realm) },
      { type: Attr.nonce, value: Buffer.from(this.nonce) },
    ]);
  }

  private onAllocate(client: Address, message: StunMessage, key: Buffer): void {
    const existing = this.allocations.get(keyOf(client));
    if (existing) {
      // A retransmitted Allocate gets the same answer; a second allocation on one 5-tuple is a mismatch.
      if (existing.allocateTransaction === message.transactionId.toString('hex')) return this.allocated(client, message, existing);
      return this.fail(client, message, 437, 'Allocation Mismatch', key);
    }
    const transport = attribute(message, Attr.requestedTransport);
    if (!transport || transport[0] !== 17) return this.fail(client, message, 442, 'Unsupported Transport Protocol', key);
    if (this.allocations.size >= (this.options.maxAllocations ?? 500)) return this.fail(client, message, 486, 'Allocation Quota Reached', key);
    const relay = createSocket('udp4');
    relay.on('error', (error) => this.options.onError?.(error));
    relay.bind(0, this.options.host, () => {
      const allocation: Allocation = {
        client,
        relay,
        relayed: { address: this.options.relayAddress ?? this.options.host, port: relay.address().port },
        expiresAt: Date.now() + this.lifetimeOf(message) * 1000,
        permissions: new Map(),
        channels: new Map(),
        channelOfPeer: new Map(),
        key,
        allocateTransaction: message.transactionId.toString('hex'),
      };
      relay.on('message', (packet, from) => this.onPeerPacket(allocation, packet, { address: from.address, port: from.port }));
      this.allocations.set(keyOf(client), allocation);
      this.allocated(client, message, allocation);
    });
  }

  private allocated(client: Address, message: StunMessage, allocation: Allocation): void {
    const lifetime = Math.max(0, Math.round((allocation.expiresAt - Date.now()) / 1000));
    this.reply(
      client,
      message,
      MessageClass.success,
      [
        { type: Attr.xorRelayedAddress, value: encodeXorAddress(allocation.relayed, message.transactionId) },
        { type: Attr.xorMappedAddress, value: encodeXorAddress(client, message.transactionId) },
        { type: Attr.lifetime, value: uint32Value(lifetime) },
      ],
      allocation.key,
    );
  }

  private onRefresh(client: Address, message: StunMessage, key: Buffer): void {
    const allocation = this.allocations.get(keyOf(client));
    if (!allocation) return this.fail(client, message, 437, 'Allocation Mismatch', key);
    const lifetime = this.lifetimeOf(message);
    if (lifetime === 0) this.release(allocation);
    else allocation.expiresAt = Date.now() + lifetime * 1000;
    this.reply(client, message, MessageClass.success, [{ type: Attr.lifetime, value: uint32Value(lifetime) }], key);
  }

  private onCreatePermission(client: Address, message: StunMessage, key: Buffer): void {
    const allocation = this.allocations.get(keyOf(client));
    if (!allocation) return this.fail(client, message, 437, 'Allocation Mismatch', key);
    const peers = message.attributes.filter((a) => a.type === Attr.xorPeerAddress).map((a) => decodeXorAddress(a.value, message.transactionId));
    if (peers.length === 0) return this.fail(client, message, 400, 'Bad Request', key);
    for (const peer of peers) allocation.permissions.set(peer.address, Date.now() + PERMISSION_S * 1000);
    this.reply(client, message, MessageClass.success, [], key);
  }

  private onChannelBind(client: Address, message: StunMessage, key: Buffer): void {
    const allocation = this.allocations.get(keyOf(client));
    if (!allocation) return this.fail(client, message, 437, 'Allocation Mismatch', key);
    const number = attribute(message, Attr.channelNumber);
    const peerValue = attribute(message, Attr.xorPeerAddress);
    if (!number || number.length < 2 || !peerValue) return this.fail(client, message, 400, 'Bad Request', key);
    const channel = number.readUInt16BE(0);
    const peer = decodeXorAddress(peerValue, message.transactionId);
    const bound = allocation.channels.get(channel);
    const peerChannel = allocation.channelOfPeer.get(keyOf(peer));
    const valid = channel >= 0x4000 && channel <= 0x7fff;
    if (!valid || (bound && keyOf(bound.peer) !== keyOf(peer)) || (peerChannel !== undefined && peerChannel !== channel)) {
      return this.fail(client, message, 400, 'Bad Request', key);
    }
    const expiresAt = Date.now() + CHANNEL_S * 1000;
    allocation.channels.set(channel, { peer, expiresAt });
    allocation.channelOfPeer.set(keyOf(peer), channel);
    allocation.permissions.set(peer.address, Math.max(allocation.permissions.get(peer.address) ?? 0, Date.now() + PERMISSION_S * 1000));
    this.reply(client, message, MessageClass.success, [], key);
  }

  private onSend(client: Address, message: StunMessage): void {
    const allocation = this.allocations.get(keyOf(client));
    const peerValue = attribute(message, Attr.xorPeerAddress);
    const data = attribute(message, Attr.data);
    if (!allocation || !peerValue || !data) return;
    const peer = decodeXorAddress(peerValue, message.transactionId);
    if (!this.permitted(allocation, peer.address)) return;
    this.counters.relayed++;
    allocation.relay.send(data, peer.port, peer.address);
  }

  private onChannelData(client: Address, packet: Buffer): void {
    const allocation = this.allocations.get(keyOf(client));
    if (!allocation) return;
    const { channel, data } = parseChannelData(packet);
    const binding = allocation.channels.get(channel);
    if (!binding || binding.expiresAt < Date.now()) return;
    this.counters.relayed++;
    allocation.relay.send(data, binding.peer.port, binding.peer.address);
  }

  // ---- from peers ------------------------------------------------------------------------------------------------

  private onPeerPacket(allocation: Allocation, packet: Buffer, peer: Address): void {
    if (this.cut) {
      this.counters.dropped++;
      return;
    }
    if (!this.permitted(allocation, peer.address)) return;
    const channel = allocation.channelOfPeer.get(keyOf(peer));
    const binding = channel === undefined ? undefined : allocation.channels.get(channel);
    const out =
      channel !== undefined && binding && binding.expiresAt >= Date.now()
        ? buildChannelData(channel, packet)
        : this.dataIndication(peer, packet);
    this.counters.relayed++;
    this.socket.send(out, allocation.client.port, allocation.client.address);
  }

  private dataIndication(peer: Address, packet: Buffer): Buffer {
    const transactionId = randomBytes(12);
    return buildMessage(Method.data, MessageClass.indication, transactionId, [
      { type: Attr.xorPeerAddress, value: encodeXorAddress(peer, transactionId) },
      { type: Attr.data, value: packet },
    ]);
  }

  // ---- helpers ---------------------------------------------------------------------------------------------------

  private permitted(allocation: Allocation, ip: string): boolean {
    return (allocation.permissions.get(ip) ?? 0) >= Date.now();
  }

  private lifetimeOf(message: StunMessage): number {
    const requested = attribute(message, Attr.lifetime);
    if (!requested || requested.length < 4) return DEFAULT_LIFETIME_S;
    const seconds = requested.readUInt32BE(0);
    return seconds === 0 ? 0 : Math.min(MAX_LIFETIME_S, Math.max(DEFAULT_LIFETIME_S, seconds));
  }

  private release(allocation: Allocation): void {
    this.allocations.delete(keyOf(allocation.client));
    allocation.relay.close();
  }

  private sweep(): void {
    const now = Date.now();
    for (const allocation of [...this.allocations.values()]) {
      if (allocation.expiresAt < now) this.release(allocation);
    }
  }

  private fail(client: Address, message: StunMessage, code: number, reason: string, key: Buffer): void {
    this.counters.refused++;
    this.reply(client, message, MessageClass.error, [{ type: Attr.errorCode, value: errorCodeValue(code, reason) }], key);
  }

  private reply(client: Address, message: StunMessage, cls: MessageClass, attributes: StunAttribute[], key?: Buffer): void {
    const packet = buildMessage(message.method, cls, message.transactionId, [...attributes, { type: Attr.software, value: SOFTWARE }], key);
    this.socket.send(packet, client.port, client.address);
  }
}
