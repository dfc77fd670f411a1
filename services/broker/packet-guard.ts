import { Duplex, Transform, type TransformCallback } from 'node:stream';
import { MAX_PAYLOAD_BYTES } from '../../shared/protocol/kinds';

/** The largest MQTT packet the broker reads: the largest payload, a maximal topic and the packet's own fields. */
export const MAX_PACKET_BYTES = MAX_PAYLOAD_BYTES + 65_536 + 16;

export class PacketTooLarge extends Error {}

/**
 * Passes an MQTT byte stream through unchanged while following its packet boundaries, and fails as soon as a fixed
 * header announces a packet larger than `maxBytes` (or a malformed length). Aedes would otherwise buffer a packet of
 * any size (up to MQTT's 256 MB) before its hooks could refuse it.
 */
export class PacketSizeGuard extends Transform {
  private state: 'type' | 'length' | 'body' = 'type';
  private length = 0;
  private multiplier = 1;
  private lengthBytes = 0;
  private remaining = 0;

  constructor(private readonly maxBytes = MAX_PACKET_BYTES) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.state === 'type') {
        i++;
        this.state = 'length';
        this.length = 0;
        this.multiplier = 1;
        this.lengthBytes = 0;
      } else if (this.state === 'length') {
        const byte = chunk[i++]!;
        this.length += (byte & 0x7f) * this.multiplier;
        this.multiplier *= 128;
        this.lengthBytes++;
        if (this.length > this.maxBytes) return callback(new PacketTooLarge(`an MQTT packet of more than ${this.maxBytes} bytes`));
        if (byte & 0x80) {
          if (this.lengthBytes === 4) return callback(new PacketTooLarge('a malformed MQTT remaining length'));
          continue;
        }
        this.remaining = this.length;
        this.state = this.remaining > 0 ? 'body' : 'type';
      } else {
        const skip = Math.min(this.remaining, chunk.length - i);
        i += skip;
        this.remaining -= skip;
        if (this.remaining === 0) this.state = 'type';
      }
    }
    callback(null, chunk);
  }
}

/**
 * The connection as the broker sees it: reads pass through a PacketSizeGuard, writes go straight to the socket, and
 * an oversized packet closes the socket.
 */
export function guarded(connection: Duplex, maxBytes = MAX_PACKET_BYTES): Duplex {
  const guard = new PacketSizeGuard(maxBytes);
  guard.once('error', () => connection.destroy());
  connection.once('error', (error) => guard.destroy(error));
  return Duplex.from({ readable: connection.pipe(guard), writable: connection });
}
