import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PacketSizeGuard, PacketTooLarge } from './packet-guard';

/** MQTT's variable-length encoding of a packet's remaining length. */
function remainingLength(n: number): Buffer {
  const bytes: number[] = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    bytes.push(byte);
  } while (n > 0);
  return Buffer.from(bytes);
}

/** A QoS 0 PUBLISH packet, built by hand. */
function publish(payloadBytes: number): Buffer {
  const topic = Buffer.from('classroom/v1/x');
  const body = Buffer.concat([Buffer.from([0, topic.length]), topic, Buffer.alloc(payloadBytes, 1)]);
  return Buffer.concat([Buffer.from([0x30]), remainingLength(body.length), body]);
}

const PINGREQ = Buffer.from([0xc0, 0x00]);

async function through(chunks: Buffer[], maxBytes: number): Promise<Buffer> {
  const out: Buffer[] = [];
  const guard = Readable.from(chunks).pipe(new PacketSizeGuard(maxBytes));
  for await (const chunk of guard) out.push(chunk as Buffer);
  return Buffer.concat(out);
}

/** Splits bytes into pieces of the given sizes, as a network would. */
function split(bytes: Buffer, size: number): Buffer[] {
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.subarray(i, i + size));
  return pieces;
}

describe('the packet size guard', () => {
  it('passes packets within the limit through unchanged, however the stream is cut', async () => {
    const stream = Buffer.concat([publish(10), PINGREQ, publish(1000), publish(200)]);
    for (const size of [1, 2, 3, 7, 64, stream.length]) {
      expect(await through(split(stream, size), 2000)).toEqual(stream);
    }
  });

  it('fails on the header of a packet over the limit, before its body arrives', async () => {
    const big = publish(5000);
    const headerOnly = big.subarray(0, 5);
    await expect(through([publish(10), headerOnly], 2000)).rejects.toBeInstanceOf(PacketTooLarge);
  });

  it('fails on a malformed remaining length', async () => {
    await expect(through([Buffer.from([0x30, 0xff, 0xff, 0xff, 0xff, 0x01])], 1e9)).rejects.toThrow(/malformed/);
  });
});
