import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, encode } from '../../shared/protocol/codec';
import { filter, topic } from '../../shared/protocol/topics';
import { launchBackend, type RunningBackend } from '../backend';
import type { Denial } from '../broker/access';
import { Clients, Inbox, subscribe, serviceLogin } from '../testing/clients';

let backend: RunningBackend;
const denials: Denial[] = [];
const clients = new Clients();
let expired: () => void;
const serviceTokenExpired = new Promise<void>((resolve) => (expired = resolve));

beforeAll(async () => {
  // Tokens live 3 s, so the broker closes the backend's own service connections within the test.
  ({ backend } = await launchBackend({
    classes: 2,
    simulate: false,
    tokenTtlSeconds: 3,
    disconnectOnTokenExpiry: true,
    onDenied: (denial) => {
      denials.push(denial);
      if (denial.user?.startsWith('svc-') && denial.why.includes('token expired')) expired();
    },
  }));
});
afterAll(async () => {
  await clients.closeAll();
  await backend.close();
});

describe('the backend\'s service connections', () => {
  it('come back with a refreshed token after the broker closes them at expiry', async () => {
    await serviceTokenExpired;
    // The directory must still be connected and working: a new presence shows up in its summary.
    const service = await clients.connect(backend.mqttUrl, await serviceLogin(backend));
    await subscribe(service, [filter('classSummary')]);
    const presence = encode('presence', topic('presence', { classId: 'class-0001', userId: 's-after-expiry' }), {
      v: 1, userId: 's-after-expiry', name: 'x', role: 'student', online: true, ts: Date.now(),
    });
    const inbox = Inbox.of(service);
    const before = await inbox.waitForTopic(topic('classSummary', { classId: 'class-0001' }));
    const studentsBefore = (decode(before.topic, before.payload) as { message: { presence: { students: number } } }).message.presence.students;
    await service.publishAsync(presence.topic, Buffer.from(presence.payload), { qos: 1, retain: true });
    await inbox.waitFor((m) => {
      const d = decode(m.topic, m.payload);
      return d.ok && d.kind === 'classSummary' && d.message.id === 'class-0001' && d.message.presence.students === studentsBefore + 1;
    }, 'the directory counting the new presence');
    expect(denials.filter((d) => d.user?.startsWith('svc-') && d.action === 'connect' && !d.why.includes('token expired'))).toEqual([]);
  });
});
