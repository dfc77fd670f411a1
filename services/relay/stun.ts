import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { isIPv4 } from 'node:net';
import { crc32 } from 'node:zlib';

/** STUN (RFC 5389) messages with the TURN (RFC 5766) methods and attributes the embedded relay speaks. */

export const MAGIC_COOKIE = 0x2112a442;
const HEADER_BYTES = 20;
const FINGERPRINT_XOR = 0x5354554e;

export const Method = {
  binding: 0x001,
  allocate: 0x003,
  refresh: 0x004,
  send: 0x006,
  data: 0x007,
  createPermission: 0x008,
  channelBind: 0x009,
} as const;

export const MessageClass = { request: 0, indication: 1, success: 2, error: 3 } as const;
export type MessageClass = (typeof MessageClass)[keyof typeof MessageClass];

export const Attr = {
  mappedAddress: 0x0001,
  username: 0x0006,
  messageIntegrity: 0x0008,
  errorCode: 0x0009,
  channelNumber: 0x000c,
  lifetime: 0x000d,
  xorPeerAddress: 0x0012,
  data: 0x0013,
  realm: 0x0014,
  nonce: 0x0015,
  xorRelayedAddress: 0x0016,
  requestedTransport: 0x0019,
  xorMappedAddress: 0x0020,
  software: 0x8022,
  fingerprint: 0x8028,
} as const;

export interface Address {
  address: string;
  port: number;
}

export interface StunAttribute {
  type: number;
  value: Buffer;
}

export interface StunMessage {
  method: number;
  cls: MessageClass;
  transactionId: Buffer;
  attributes: StunAttribute[];
  /** The raw bytes, kept to check MESSAGE-INTEGRITY. */
  raw: Buffer;
}

export class StunError extends Error {}

/** True when a datagram starts like a STUN message (the first two bits are zero and the cookie is there). */
export function looksLikeStun(packet: Buffer): boolean {
  return packet.length >= HEADER_BYTES && (packet[0]! & 0xc0) === 0 && packet.readUInt32BE(4) === MAGIC_COOKIE;
}

/** True when a datagram is TURN ChannelData (the first two bits are 01). */
export function looksLikeChannelData(packet: Buffer): boolean {
  return packet.length >= 4 && (packet[0]! & 0xc0) === 0x40;
}

export function parseMessage(packet: Buffer): StunMessage {
  if (!looksLikeStun(packet)) throw new StunError('not a STUN message');
  const type = packet.readUInt16BE(0);
  const length = packet.readUInt16BE(2);
  if (length % 4 !== 0 || HEADER_BYTES + length > packet.length) throw new StunError('bad STUN length');
  const method = (type & 0x000f) | ((type & 0x00e0) >> 1) | ((type & 0x3e00) >> 2);
  const cls = (((type & 0x0010) >> 4) | ((type & 0x0100) >> 7)) as MessageClass;
  const attributes: StunAttribute[] = [];
  let offset = HEADER_BYTES;
  const end = HEADER_BYTES + length;
  while (offset + 4 <= end) {
    const attrType = packet.readUInt16BE(offset);
    const attrLength = packet.readUInt16BE(offset + 2);
    if (offset + 4 + attrLength > end) throw new StunError('attribute runs past the message');
    attributes.push({ type: attrType, value: packet.subarray(offset + 4, offset + 4 + attrLength) });
    offset += 4 + Math.ceil(attrLength / 4) * 4;
  }
  return { method, cls, transactionId: Buffer.from(packet.subarray(8, 20)), attributes, raw: packet.subarray(0, end) };
}

export function attribute(message: StunMessage, type: number): Buffer | undefined {
  return message.attributes.find((a) => a.type === type)?.value;
}

export function messageType(method: number, cls: MessageClass): number {
  return (method & 0x000f) | ((method & 0x0070) << 1) | ((method & 0x0f80) << 2) | ((cls & 1) << 4) | ((cls & 2) << 7);
}

/** Builds a message; with `key`, MESSAGE-INTEGRITY is appended, and FINGERPRINT always comes last. */
export function buildMessage(method: number, cls: MessageClass, transactionId: Buffer, attributes: StunAttribute[], key?: Buffer): Buffer {
  const body = Buffer.concat(attributes.map(encodeAttribute));
  let message = Buffer.concat([header(method, cls, transactionId, body.length), body]);
  if (key) {
    const withLength = Buffer.from(message);
    withLength.writeUInt16BE(body.length + 24, 2);
    const hmac = createHmac('sha1', key).update(withLength).digest();
    message = Buffer.concat([withLength, encodeAttribute({ type: Attr.messageIntegrity, value: hmac })]);
  }
  const withFingerprint = Buffer.from(message);
  withFingerprint.writeUInt16BE(message.length - HEADER_BYTES + 8, 2);
  const fingerprint = Buffer.alloc(4);
  fingerprint.writeUInt32BE((crc32(withFingerprint) ^ FINGERPRINT_XOR) >>> 0);
  return Buffer.concat([withFingerprint, encodeAttribute({ type: Attr.fingerprint, value: fingerprint })]);
}

function header(method: number, cls: MessageClass, transactionId: Buffer, length: number): Buffer {
  const out = Buffer.alloc(HEADER_BYTES);
  out.writeUInt16BE(messageType(method, cls), 0);
  out.writeUInt16BE(length, 2);
  out.writeUInt32BE(MAGIC_COOKIE, 4);
  transactionId.copy(out, 8, 0, 12);
  return out;
}

function encodeAttribute({ type, value }: StunAttribute): Buffer {
  const padded = Math.ceil(value.length / 4) * 4;
  const out = Buffer.alloc(4 + padded);
  out.writeUInt16BE(type, 0);
  out.writeUInt16BE(value.length, 2);
  value.copy(out, 4);
  return out;
}

/** The long-term credential key: MD5(username ":" realm ":" password). */
export function longTermKey(username: string, realm: string, password: string): Buffer {
  return createHash('md5').update(`${username}:${realm}:${password}`).digest();
}

/** Checks MESSAGE-INTEGRITY: an HMAC-SHA1 over the message up to the attribute, with the length covering it. */
export function integrityValid(message: StunMessage, key: Buffer): boolean {
  const raw = message.raw;
  let offset = HEADER_BYTES;
  while (offset + 4 <= raw.length) {
    const type = raw.readUInt16BE(offset);
    const length = raw.readUInt16BE(offset + 2);
    if (type === Attr.messageIntegrity) {
      if (length !== 20 || offset + 24 > raw.length) return false;
      const covered = Buffer.from(raw.subarray(0, offset));
      covered.writeUInt16BE(offset + 24 - HEADER_BYTES, 2);
      const expected = createHmac('sha1', key).update(covered).digest();
      return timingSafeEqual(expected, raw.subarray(offset + 4, offset + 24));
    }
    offset += 4 + Math.ceil(length / 4) * 4;
  }
  return false;
}

export function encodeXorAddress({ address, port }: Address, transactionId: Buffer): Buffer {
  const v4 = isIPv4(address);
  const out = Buffer.alloc(v4 ? 8 : 20);
  out.writeUInt8(v4 ? 0x01 : 0x02, 1);
  out.writeUInt16BE(port ^ (MAGIC_COOKIE >>> 16), 2);
  const bytes = ipBytes(address);
  const mask = xorMask(transactionId);
  for (let i = 0; i < bytes.length; i++) out[4 + i] = bytes[i]! ^ mask[i]!;
  return out;
}

export function decodeXorAddress(value: Buffer, transactionId: Buffer): Address {
  if (value.length < 8) throw new StunError('short address');
  const family = value.readUInt8(1);
  const size = family === 0x01 ? 4 : family === 0x02 ? 16 : 0;
  if (size === 0 || value.length < 4 + size) throw new StunError('bad address family');
  const port = value.readUInt16BE(2) ^ (MAGIC_COOKIE >>> 16);
  const mask = xorMask(transactionId);
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = value[4 + i]! ^ mask[i]!;
  return { address: ipString(bytes), port };
}

function xorMask(transactionId: Buffer): Buffer {
  const mask = Buffer.alloc(16);
  mask.writeUInt32BE(MAGIC_COOKIE, 0);
  transactionId.copy(mask, 4, 0, 12);
  return mask;
}

function ipBytes(address: string): Buffer {
  if (isIPv4(address)) return Buffer.from(address.split('.').map(Number));
  const [head = '', tail = ''] = address.split('::');
  const groups = (part: string) => (part ? part.split(':') : []);
  const left = groups(head);
  const right = groups(tail);
  const all = address.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  const out = Buffer.alloc(16);
  all.forEach((group, i) => out.writeUInt16BE(parseInt(group, 16) || 0, i * 2));
  return out;
}

function ipString(bytes: Buffer): string {
  if (bytes.length === 4) return [...bytes].join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(bytes.readUInt16BE(i).toString(16));
  return groups.join(':');
}

export function errorCodeValue(code: number, reason: string): Buffer {
  const text = Buffer.from(reason, 'utf8');
  const out = Buffer.alloc(4 + text.length);
  out.writeUInt8(Math.floor(code / 100), 2);
  out.writeUInt8(code % 100, 3);
  text.copy(out, 4);
  return out;
}

export function uint32Value(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value >>> 0);
  return out;
}

/** TURN ChannelData: channel number, length, data (padded to four bytes, as over TCP; harmless over UDP). */
export function buildChannelData(channel: number, data: Buffer): Buffer {
  const out = Buffer.alloc(4 + Math.ceil(data.length / 4) * 4);
  out.writeUInt16BE(channel, 0);
  out.writeUInt16BE(data.length, 2);
  data.copy(out, 4);
  return out;
}

export function parseChannelData(packet: Buffer): { channel: number; data: Buffer } {
  const channel = packet.readUInt16BE(0);
  const length = packet.readUInt16BE(2);
  if (4 + length > packet.length) throw new StunError('ChannelData runs past the datagram');
  return { channel, data: packet.subarray(4, 4 + length) };
}
