import { afterEach, describe, expect, it } from 'vitest';
import { ClassConfig } from '../../shared/protocol/media';
import { topic } from '../../shared/protocol/topics';
import { launchBackend, type BackendInternals, type RunningBackend } from '../backend';
import { Clients, subscribe } from '../testing/clients';
import { TestParticipant } from '../testing/test-participant';

const clients = new Clients();
let running: { backend: RunningBackend; internals: BackendInternals } | null = null;

afterEach(async () => {
  await clients.closeAll();
  await running?.backend.close();
  running = null;
});

async function configSeenBy(userId: string, classId: string, options: Parameters<typeof launchBackend>[0]): Promise<ClassConfig> {
  running = await launchBackend({ classes: 5, simulate: false, ...options });
  const session = await TestParticipant.open(clients, running.backend, userId);
  const name = topic('classConfig', { classId });
  await subscribe(session.client, [name]);
  const received = await session.inbox.waitForTopic(name);
  expect(received.retain).toBe(true);
  return ClassConfig.parse(JSON.parse(received.payload.toString()));
}

describe('class media configuration', () => {
  it('is retained per class: peer-to-peer, a direct line, then the embedded relay as a relay-only line', async () => {
    const config = await configSeenBy('student1', 'class-0001', {});
    expect(config.media.mode).toBe('p2p');
    const [direct, relay] = config.media.lines;
    expect(direct).toMatchObject({ id: 'line-a', iceServers: [] });
    expect(relay).toMatchObject({ id: 'line-b', policy: 'relay' });
    const server = relay!.iceServers[0]!;
    expect(server.urls).toBe(`turn:127.0.0.1:${running!.internals.media!.relay!.port}?transport=udp`);
    expect(server.username).toBeTruthy();
    expect(server.credential).toBeTruthy();
  });

  it('uses configured lines instead of the relay, and stays peer-to-peer for groups when no SFU runs', async () => {
    const lines = [{ id: 'north', label: 'North', iceServers: [{ urls: 'stun:stun.example.net:3478' }] }];
    const config = await configSeenBy('supervisor1', 'class-0001', { media: { lines, sfu: true } });
    expect(config.media).toEqual({ mode: 'p2p', lines });
    expect(running!.internals.media!.relay).toBeNull();
  });
});
