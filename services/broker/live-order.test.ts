// Live delivery to a connected persistent session while several clients publish at once, on the LevelDB store.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackend, type RunningBackend } from '../backend';
import { Clients, Inbox, serviceLogin, subscribe } from '../testing/clients';

const TOPIC = 'classroom/v1/test/live-order';
const PUBLISHERS = 3;
const PER_PUBLISHER = 600;
const WINDOW = 50;

const clients = new Clients();
let backend: RunningBackend | null = null;
let dir: string | null = null;

afterEach(async () => {
  await clients.closeAll();
  await backend?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  backend = null;
  dir = null;
});

/** Publishes `count` QoS 1 messages named `<prefix>-<n>`, keeping up to WINDOW unacknowledged at a time. */
async function flood(prefix: string, count: number): Promise<void> {
  const publisher = await clients.connect(backend!.mqttUrl, await serviceLogin(backend!));
  let next = 0;
  const lane = async () => {
    while (next < count) await publisher.publishAsync(TOPIC, `${prefix}-${next++}`, { qos: 1 });
  };
  await Promise.all(Array.from({ length: WINDOW }, lane));
}

describe('live delivery on the LevelDB store', () => {
  it('gives a connected persistent session every message while several clients publish at once', async () => {
    dir = await mkdtemp(join(tmpdir(), 'live-order-'));
    backend = await startBackend({ classes: 0, tagger: false, persistDir: dir });
    const subscriber = await clients.connect(backend.mqttUrl, await serviceLogin(backend, { clientId: 'svc-tester-live' }), { clean: false });
    await subscribe(subscriber, [TOPIC], 1);
    const inbox = Inbox.of(subscriber);

    await Promise.all(Array.from({ length: PUBLISHERS }, (_, p) => flood(`p${p}`, PER_PUBLISHER)));
    // Published after every other message was acknowledged: when it arrives, everything before it has been emitted.
    const marker = await clients.connect(backend.mqttUrl, await serviceLogin(backend));
    await marker.publishAsync(TOPIC, 'marker', { qos: 1 });
    await inbox.waitFor((m) => m.payload.toString() === 'marker', 'the marker');

    const live = new Set(inbox.messages.filter((m) => !m.retain).map((m) => m.payload.toString()));
    const missing = Array.from({ length: PUBLISHERS }, (_, p) => Array.from({ length: PER_PUBLISHER }, (_, n) => `p${p}-${n}`))
      .flat()
      .filter((id) => !live.has(id));
    expect(missing).toEqual([]);
  });
});
