import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { mqttWebSocketStream } from './websocket-stream';

let server: WebSocketServer | null = null;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

async function connectedPair() {
  server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await once(server, 'listening');
  const accepted = once(server, 'connection') as Promise<[WebSocket]>;
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  await once(client, 'open');
  const [socket] = await accepted;
  const frames: Buffer[] = [];
  client.on('message', (data: Buffer) => frames.push(data));
  return { stream: mqttWebSocketStream(socket), client, frames };
}

describe('mqttWebSocketStream', () => {
  it('sends what is written in one corked tick as one frame, bytes in order', async () => {
    const { stream, client, frames } = await connectedPair();
    // As the broker writes a packet: corked, a header, a topic and a payload, uncorked on the next tick.
    stream.cork();
    stream.write(Buffer.from([0x30, 0x0a]));
    stream.write('topic/a');
    stream.write(Buffer.from('xyz'));
    process.nextTick(() => stream.uncork());
    while (frames.length < 1) await new Promise((resolve) => setTimeout(resolve, 10));
    stream.write(Buffer.from('later'));
    while (frames.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(frames.map((frame) => frame.toString('latin1'))).toEqual(['\x30\x0atopic/axyz', 'later']);
    client.close();
  });

  it('hands on what the other side sends', async () => {
    const { stream, client } = await connectedPair();
    client.send(Buffer.from('hello'));
    const [chunk] = (await once(stream, 'data')) as [Buffer];
    expect(chunk.toString()).toBe('hello');
    client.close();
  });
});
