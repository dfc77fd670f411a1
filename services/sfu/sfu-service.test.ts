import { afterEach, describe, expect, it } from 'vitest';
import { ClassConfig } from '../../shared/protocol/media';
import { topic } from '../../shared/protocol/topics';
import { launchBackend, type BackendInternals, type RunningBackend } from '../backend';
import { TestParticipant } from '../testing/test-participant';
import { Clients, subscribe } from '../testing/clients';
import { loadMediasoup } from './mediasoup-api';
import { SfuService } from './sfu-service';

// mediasoup's worker is a native binary that cannot be built everywhere; these tests run where it is installed and
// say why they skip elsewhere.
const mediasoup = await loadMediasoup().then(
  () => ({ available: true as const, reason: '' }),
  (error: Error) => ({ available: false as const, reason: error.message }),
);

const clients = new Clients();
let running: { backend: RunningBackend; internals: BackendInternals } | null = null;
afterEach(async () => {
  await clients.closeAll();
  await running?.backend.close();
  running = null;
});

describe.skipIf(mediasoup.available)('without mediasoup installed', () => {
  it('the SFU refuses to start and says how to get mediasoup', async () => {
    const link = { url: 'mqtt://127.0.0.1:1', token: async () => '', refreshEveryMs: 60_000 };
    await expect(SfuService.start({ link, root: 'classroom', claimsOf: () => undefined })).rejects.toThrow(/npm install mediasoup/);
  });

  it('a backend asked for the SFU runs without it: group classes stay peer-to-peer, and the reason is reported', async () => {
    const errors: string[] = [];
    running = await launchBackend({ classes: 3, simulate: false, media: { sfu: true }, onError: (error) => errors.push(String((error as Error).message)) });
    expect(running.internals.media?.sfu).toBeNull();
    expect(errors.some((e) => e.includes('the SFU did not start'))).toBe(true);
    const session = await TestParticipant.open(clients, running.backend, 'teacher1');
    const name = topic('classConfig', { classId: 'class-0001' });
    await subscribe(session.client, [name]);
    const config = ClassConfig.parse(JSON.parse((await session.inbox.waitForTopic(name)).payload.toString()));
    expect(config.media.mode).toBe('p2p');
  });
});

describe.skipIf(!mediasoup.available)(`with mediasoup${mediasoup.available ? '' : ` (skipped: ${mediasoup.reason})`}`, () => {
  async function sfuBackend() {
    running = await launchBackend({ classes: 3, simulate: false, media: { sfu: true, sfuWorkers: 2 } });
    return running;
  }

  it('runs one router per class on workers sized as asked, and group classes use it', async () => {
    const { backend, internals } = await sfuBackend();
    expect(internals.media?.sfu?.workerCount).toBe(2);
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    const joined = await teacher.call('sfu', 'join', { classId: 'class-0001' });
    expect(joined).toMatchObject({ ok: true, result: { routerRtpCapabilities: { codecs: expect.any(Array) } } });
    expect(internals.media?.sfu?.roomCount).toBe(1);
    const name = topic('classConfig', { classId: 'class-0001' });
    await subscribe(teacher.client, [name]);
    expect(ClassConfig.parse(JSON.parse((await teacher.inbox.waitForTopic(name)).payload.toString())).media.mode).toBe('sfu');
  });

  it('gives transports to participants, receive-only ones to observers, and nothing outside the scope', async () => {
    const { backend } = await sfuBackend();
    const student = await TestParticipant.open(clients, backend, 'student1');
    const supervisor = await TestParticipant.open(clients, backend, 'supervisor1');
    await student.call('sfu', 'join', { classId: 'class-0001' });
    await supervisor.call('sfu', 'join', { classId: 'class-0001' });
    expect(await student.call('sfu', 'transport.create', { classId: 'class-0001', direction: 'send' })).toMatchObject({ ok: true, result: { id: expect.any(String) } });
    expect(await supervisor.call('sfu', 'transport.create', { classId: 'class-0001', direction: 'recv' })).toMatchObject({ ok: true });
    expect(await supervisor.call('sfu', 'transport.create', { classId: 'class-0001', direction: 'send' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await student.call('sfu', 'join', { classId: 'class-0002' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await student.call('sfu', 'consume', { classId: 'class-0001' })).toMatchObject({ ok: false, error: { code: 'bad-params' } });
  });
});
