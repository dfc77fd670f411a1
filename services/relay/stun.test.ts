import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  Attr,
  Method,
  MessageClass,
  attribute,
  buildMessage,
  decodeXorAddress,
  encodeXorAddress,
  integrityValid,
  longTermKey,
  messageType,
  parseMessage,
} from './stun';

describe('STUN messages', () => {
  it('encodes method and class into the type as RFC 5389 lays out the bits', () => {
    expect(messageType(Method.binding, MessageClass.request)).toBe(0x0001);
    expect(messageType(Method.binding, MessageClass.success)).toBe(0x0101);
    expect(messageType(Method.allocate, MessageClass.error)).toBe(0x0113);
    expect(messageType(Method.data, MessageClass.indication)).toBe(0x0017);
  });

  it('round-trips a message with attributes, integrity and fingerprint', () => {
    const id = randomBytes(12);
    const key = longTermKey('user', 'realm', 'pass');
    const packet = buildMessage(Method.allocate, MessageClass.request, id, [{ type: Attr.username, value: Buffer.from('user') }], key);
    const message = parseMessage(packet);
    expect(message).toMatchObject({ method: Method.allocate, cls: MessageClass.request });
    expect(message.transactionId.equals(id)).toBe(true);
    expect(attribute(message, Attr.username)?.toString()).toBe('user');
    expect(integrityValid(message, key)).toBe(true);
    expect(integrityValid(message, longTermKey('user', 'realm', 'other'))).toBe(false);
  });

  it('detects a tampered message', () => {
    const key = longTermKey('u', 'r', 'p');
    const packet = buildMessage(Method.refresh, MessageClass.request, randomBytes(12), [{ type: Attr.username, value: Buffer.from('u') }], key);
    packet[25] = packet[25]! ^ 0xff;
    expect(integrityValid(parseMessage(packet), key)).toBe(false);
  });

  it.each([
    { address: '127.0.0.1', port: 3478 },
    { address: '192.0.2.200', port: 65535 },
    { address: 'fd00:0:0:0:0:0:0:2', port: 9 },
  ])('XOR-encodes $address:$port and back', (address) => {
    const id = randomBytes(12);
    expect(decodeXorAddress(encodeXorAddress(address, id), id)).toEqual(address);
  });

  it('refuses datagrams that are not STUN or run past their length', () => {
    expect(() => parseMessage(Buffer.from('hello world, not stun'))).toThrow();
    const packet = buildMessage(Method.binding, MessageClass.request, randomBytes(12), []);
    packet.writeUInt16BE(400, 2);
    expect(() => parseMessage(packet)).toThrow();
  });
});
