import type { Duplex } from 'node:stream';
import { createWebSocketStream, type WebSocket } from 'ws';

/**
 * A WebSocket as the byte stream the broker writes MQTT to, sending what it writes in one tick as one frame.
 *
 * The broker writes each packet as several small writes in a corked tick (header, topic, payload). ws's own stream
 * sends every write as a frame of its own, so a supervisor's sign-in flood of 1,000 classes' health arrived as about
 * 5,800 frames, each a message the console's link worker handles. Writes buffered while corked reach `_writev`
 * together and leave as one binary frame; MQTT over WebSocket is a byte stream, so receivers parse it the same.
 */
export function mqttWebSocketStream(ws: WebSocket): Duplex {
  const stream = createWebSocketStream(ws);
  const writeOne = stream._write.bind(stream);
  stream._writev = (chunks, callback) => {
    const buffers = chunks.map(({ chunk, encoding }) => (Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, encoding)));
    // The encoding of a Buffer chunk is ignored (Node passes 'buffer', which BufferEncoding does not name).
    writeOne(Buffer.concat(buffers), 'buffer' as BufferEncoding, callback);
  };
  return stream;
}
