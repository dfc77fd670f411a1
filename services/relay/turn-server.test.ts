import { randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  Attr,
  Method,
  MessageClass,
  attribute,
  buildChannelData,
  buildMessage,
  decodeXorAddress,
  encodeXorAddress,
  longTermKey,
  looksLikeChannelData,
  parseChannelData,
  parseMessage,
  uint32Value,
  type Address,
  type StunAttribute,
  type StunMessage,
} from './stun';
import { TurnServer } from './turn-server';

const CREDENTIALS = { username: 'relay-user', password: 'relay-secret' };

/** A bare UDP endpoint that speaks just enough TURN to drive the server, as a browser's ICE agent would. */
class UdpEndpoint {
  private readonly inbox: Buffer[] = [];
  private waiters: (() => void)[] = [];
  private constructor(readonly socket: Socket) {
    socket.on('message', (packet) => {
      this.inbox.push(packet);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static async open(host = '127.0.0.1'): Promise<UdpEndpoint> {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, host, resolve));
    return new UdpEndpoint(socket);
  }

  get address(): Address {
    const { address, port } = this.socket.address();
    return { address, port };
  }

  send(packet: Buffer, to: Address): void {
    this.socket.send(packet, to.port, to.address);
  }

  /** The next datagram that matches, or null after `ms` (used to show that nothing arrives). */
  async next(match: (packet: Buffer) => boolean, ms = 2_000): Promise<Buffer | null> {
    const deadline = Date.now() + ms;
    for (;;) {
      const index = this.inbox.findIndex(match);
      if (index >= 0) return this.inbox.splice(index, 1)[0]!;
      const left = deadline - Date.now();
      if (left <= 0) return null;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.socket.close();
  }
}

/** A TURN client over one endpoint: Allocate with the 401 challenge, then signed requests. */
class TurnClient {
  private realm = '';
  private nonce = '';
  relayed: Address | null = null;

  constructor(
    readonly endpoint: UdpEndpoint,
    private readonly server: Address,
    private readonly credentials = CREDENTIALS,
  ) {}

  private get key(): Buffer {
    return longTermKey(this.credentials.username, this.realm, this.credentials.password);
  }

  async request(method: number, attributes: StunAttribute[], signed = true): Promise<StunMessage> {
    const transactionId = randomBytes(12);
    const auth: StunAttribute[] = signed
      ? [
          { type: Attr.username, value: Buffer.from(this.credentials.username) },
          { type: Attr.realm, value: Buffer.from(this.realm) },
          { type: Attr.nonce, value: Buffer.from(this.nonce) },
        ]
      : [];
    this.endpoint.send(buildMessage(method, MessageClass.request, transactionId, [...attributes, ...auth], signed ? this.key : undefined), this.server);
    const reply = await this.endpoint.next((p) => !looksLikeChannelData(p) && parseMessage(p).transactionId.equals(transactionId));
    if (!reply) throw new Error('no answer from the relay');
    return parseMessage(reply);
  }

  async allocate(): Promise<StunMessage> {
    const transport = { type: Attr.requestedTransport, value: Buffer.from([17, 0, 0, 0]) };
    const challenge = await this.request(Method.allocate, [transport], false);
    this.realm = attribute(challenge, Attr.realm)?.toString() ?? '';
    this.nonce = attribute(challenge, Attr.nonce)?.toString() ?? '';
    const answer = await this.request(Method.allocate, [transport]);
    const relayed = attribute(answer, Attr.xorRelayedAddress);
    if (relayed) this.relayed = decodeXorAddress(relayed, answer.transactionId);
    return answer;
  }

  permit(peer: Address): Promise<StunMessage> {
    return this.request(Method.createPermission, [{ type: Attr.xorPeerAddress, value: encodeXorAddress(peer, Buffer.alloc(12)) }]);
  }

  sendIndication(peer: Address, data: Buffer): void {
    const transactionId = randomBytes(12);
    this.endpoint.send(
      buildMessage(Method.send, MessageClass.indication, transactionId, [
        { type: Attr.xorPeerAddress, value: encodeXorAddress(peer, transactionId) },
        { type: Attr.data, value: data },
      ]),
      this.server,
    );
  }
}

function errorCode(message: StunMessage): number | null {
  const value = attribute(message, Attr.errorCode);
  return value ? value[2]! * 100 + value[3]! : null;
}

describe('TurnServer', () => {
  let server: TurnServer;
  let serverAddress: Address;
  const endpoints: UdpEndpoint[] = [];
  const endpoint = async (host?: string) => {
    const e = await UdpEndpoint.open(host);
    endpoints.push(e);
    return e;
  };

  beforeEach(async () => {
    server = await TurnServer.start({ host: '127.0.0.1', credentials: CREDENTIALS });
    serverAddress = { address: '127.0.0.1', port: server.port };
  });
  afterEach(async () => {
    for (const e of endpoints.splice(0)) e.close();
    await server.stop();
  });

  it('answers a Binding request with the mapped address, without credentials', async () => {
    const client = new TurnClient(await endpoint(), serverAddress);
    const answer = await client.request(Method.binding, [], false);
    expect(answer.cls).toBe(MessageClass.success);
    expect(decodeXorAddress(attribute(answer, Attr.xorMappedAddress)!, answer.transactionId)).toEqual(client.endpoint.address);
  });

  it('challenges an unsigned Allocate and refuses a wrong password', async () => {
    const intruder = new TurnClient(await endpoint(), serverAddress, { username: CREDENTIALS.username, password: 'guess' });
    const answer = await intruder.allocate();
    expect(answer.cls).toBe(MessageClass.error);
    expect(errorCode(answer)).toBe(401);
    expect(server.allocationCount).toBe(0);
  });

  it('relays both ways between a client and a permitted peer, and nothing from a peer without permission', async () => {
    const client = new TurnClient(await endpoint(), serverAddress);
    const answer = await client.allocate();
    expect(answer.cls).toBe(MessageClass.success);
    expect(client.relayed?.address).toBe('127.0.0.1');
    const peer = await endpoint();
    // Permissions are per IP address, so the stranger sends from another one.
    const stranger = await endpoint('127.0.0.2');

    // Without a permission the relay drops what the peer sends.
    peer.send(Buffer.from('too early'), client.relayed!);
    expect(await client.endpoint.next(() => true, 300)).toBeNull();

    expect((await client.permit(peer.address)).cls).toBe(MessageClass.success);
    client.sendIndication(peer.address, Buffer.from('hello peer'));
    expect((await peer.next(() => true))?.toString()).toBe('hello peer');

    peer.send(Buffer.from('hello client'), client.relayed!);
    const data = parseMessage((await client.endpoint.next(() => true))!);
    expect(data.method).toBe(Method.data);
    expect(attribute(data, Attr.data)?.toString()).toBe('hello client');

    stranger.send(Buffer.from('let me in'), client.relayed!);
    expect(await client.endpoint.next(() => true, 300)).toBeNull();
  });

  it('carries ChannelData once a channel is bound', async () => {
    const client = new TurnClient(await endpoint(), serverAddress);
    await client.allocate();
    const peer = await endpoint();
    const bind = await client.request(Method.channelBind, [
      { type: Attr.channelNumber, value: Buffer.from([0x40, 0x01, 0, 0]) },
      { type: Attr.xorPeerAddress, value: encodeXorAddress(peer.address, Buffer.alloc(12)) },
    ]);
    expect(bind.cls).toBe(MessageClass.success);
    client.endpoint.send(buildChannelData(0x4001, Buffer.from('over the channel')), serverAddress);
    expect((await peer.next(() => true))?.toString()).toBe('over the channel');
    peer.send(Buffer.from('and back'), client.relayed!);
    const back = await client.endpoint.next(looksLikeChannelData);
    expect(parseChannelData(back!)).toMatchObject({ channel: 0x4001 });
    expect(parseChannelData(back!).data.toString()).toBe('and back');
  });

  it('drops everything while cut and relays again when restored, keeping the allocation', async () => {
    const client = new TurnClient(await endpoint(), serverAddress);
    await client.allocate();
    const peer = await endpoint();
    await client.permit(peer.address);

    server.setCut(true);
    client.sendIndication(peer.address, Buffer.from('lost'));
    peer.send(Buffer.from('lost too'), client.relayed!);
    expect(await peer.next(() => true, 300)).toBeNull();
    expect(await client.endpoint.next(() => true, 300)).toBeNull();
    expect(server.counters.dropped).toBeGreaterThanOrEqual(2);

    server.setCut(false);
    client.sendIndication(peer.address, Buffer.from('back'));
    expect((await peer.next(() => true))?.toString()).toBe('back');
  });

  it('refreshes, and releases the allocation on a zero lifetime', async () => {
    const client = new TurnClient(await endpoint(), serverAddress);
    await client.allocate();
    expect(server.allocationCount).toBe(1);
    const refreshed = await client.request(Method.refresh, [{ type: Attr.lifetime, value: uint32Value(1200) }]);
    expect(refreshed.cls).toBe(MessageClass.success);
    expect(attribute(refreshed, Attr.lifetime)?.readUInt32BE(0)).toBe(1200);
    await client.request(Method.refresh, [{ type: Attr.lifetime, value: uint32Value(0) }]);
    expect(server.allocationCount).toBe(0);
  });

  it('ignores malformed datagrams and keeps serving', async () => {
    const client = new TurnClient(await endpoint(), serverAddress);
    client.endpoint.send(Buffer.from([0x00, 0x01, 0x00, 0x08, 0x21, 0x12, 0xa4, 0x42, 1, 2, 3]), serverAddress);
    client.endpoint.send(Buffer.from('junk that is not STUN at all'), serverAddress);
    expect((await client.allocate()).cls).toBe(MessageClass.success);
  });
});
