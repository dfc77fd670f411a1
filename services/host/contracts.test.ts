import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RPC, type MethodOf, type ServiceName } from '../../shared/protocol/rpc/index';
import { launchBackend, type BackendInternals, type RunningBackend } from '../backend';
import { loadMediasoup } from '../sfu/mediasoup-api';
import { Clients } from '../testing/clients';
import { TestParticipant } from '../testing/test-participant';

/**
 * Params that break each method's contract, and the field the refusal must name first; null for a method whose
 * contract takes any params. Typed over RPC, so a new method does not compile until it is listed here.
 */
const BAD_PARAMS: { [S in ServiceName]: { [M in MethodOf<(typeof RPC)[S]>]: { params: unknown; field: string } | null } } = {
  directory: { echo: null, list: { params: { from: -1 }, field: 'from' } },
  moderation: { 'chat.send': { params: { classId: 'class-0001', id: 'm-1', text: 5 }, field: 'text' } },
  board: { snapshot: { params: { classId: 'class-0001' }, field: 'pageId' } },
  recorder: {
    start: { params: { classId: 'not an id!' }, field: 'classId' },
    stop: { params: {}, field: 'classId' },
  },
  polls: {
    launch: { params: { classId: 'class-0001', id: 'p-1', draft: { kind: 'survey' } }, field: 'draft.kind' },
    close: { params: { classId: 'class-0001' }, field: 'pollId' },
    show: { params: { classId: 'class-0001', pollId: 'p-1', shown: 'yes' }, field: 'shown' },
    answer: { params: { classId: 'class-0001', pollId: 'p-1', answers: [] }, field: 'answers' },
    list: { params: { classId: 'not an id!' }, field: 'classId' },
  },
  reports: {
    list: { params: 'every class', field: 'params' },
    get: { params: { classId: 'class/0001' }, field: 'classId' },
  },
  breakouts: {
    start: { params: { classId: 'class-0001', mode: 'alphabetical', groups: 2, minutes: 10 }, field: 'mode' },
    choose: { params: { classId: 'class-0001', key: 'G1!' }, field: 'key' },
    move: { params: { classId: 'class-0001', userId: 'student-1' }, field: 'key' },
    timer: { params: { classId: 'class-0001', addSeconds: 0 }, field: 'addSeconds' },
    broadcast: { params: { classId: 'class-0001', text: '   ' }, field: 'text' },
    end: { params: { classId: 'class-0001~G1' }, field: 'classId' },
  },
  dispatcher: {
    'help.claim': { params: { id: 'not an id!' }, field: 'id' },
    'help.release': { params: {}, field: 'id' },
    'help.remedy': { params: { id: 'h-1', action: 'reboot' }, field: 'action' },
    'help.escalate': { params: { id: 'h-1', note: 'x'.repeat(1_001) }, field: 'note' },
    'help.resolve': { params: { id: 'h-1', force: 'yes' }, field: 'force' },
    'help.status': { params: { id: 7 }, field: 'id' },
    'audit.export': { params: { limit: 0 }, field: 'limit' },
    'class.timeline': { params: { classId: 'class-0001', from: -1 }, field: 'from' },
  },
  sfu: {
    join: { params: { classId: 3 }, field: 'classId' },
    'transport.create': { params: { classId: 'class-0001', direction: 'both' }, field: 'direction' },
    'transport.connect': { params: { classId: 'class-0001', transportId: 't-1' }, field: 'dtlsParameters' },
    'transport.restartIce': { params: { classId: 'class-0001' }, field: 'transportId' },
    produce: { params: { classId: 'class-0001', transportId: 't-1', kind: 'smell', rtpParameters: {}, source: 'camera' }, field: 'kind' },
    'producer.close': { params: { classId: 'class-0001' }, field: 'producerId' },
    producers: { params: {}, field: 'classId' },
    consume: { params: { classId: 'class-0001', transportId: 't-1', producerId: 'p-1' }, field: 'rtpCapabilities' },
    'consumer.resume': { params: { classId: 'class-0001', consumerId: '' }, field: 'consumerId' },
    leave: { params: { classId: null }, field: 'classId' },
  },
};

// mediasoup's worker is a native binary that cannot be built everywhere; without it the SFU does not start.
const mediasoup = await loadMediasoup().then(
  () => ({ available: true as const, reason: '' }),
  (error: Error) => ({ available: false as const, reason: error.message }),
);

let backend: RunningBackend;
let internals: BackendInternals;
const clients = new Clients();

beforeAll(async () => {
  ({ backend, internals } = await launchBackend({ classes: 2, simulate: false, media: { sfu: mediasoup.available, sfuWorkers: 1 } }));
});
afterEach(() => clients.closeAll());
afterAll(() => backend.close());

const cases = (service: ServiceName) => Object.entries(BAD_PARAMS[service] as Record<string, { params: unknown; field: string } | null>);

describe.each((Object.keys(RPC) as ServiceName[]).filter((s) => s !== 'sfu'))('the %s service', (service) => {
  it.each(cases(service))('refuses %s with params that break its contract: bad-params naming the field', async (method, bad) => {
    const supervisor = await TestParticipant.open(clients, backend, 'supervisor1');
    if (bad === null) {
      expect(RPC[service][method as never]).toBeDefined();
      expect(await supervisor.call(service, method, { anything: [1, 'two'] })).toMatchObject({ ok: true, result: { anything: [1, 'two'] } });
      return;
    }
    const response = await supervisor.call(service, method, bad.params);
    expect(response).toMatchObject({ ok: false, error: { code: 'bad-params' } });
    expect(!response.ok && response.error.message).toMatch(new RegExp(`^${bad.field.replace('.', '\\.')}: `));
  });
});

describe.skipIf(!mediasoup.available)(`the sfu service${mediasoup.available ? '' : ` (skipped: ${mediasoup.reason})`}`, () => {
  it.each(cases('sfu'))('refuses %s with params that break its contract: bad-params naming the field', async (method, bad) => {
    expect(internals.media?.sfu).not.toBeNull();
    const teacher = await TestParticipant.open(clients, backend, 'teacher1');
    const response = await teacher.call('sfu', method, bad!.params);
    expect(response).toMatchObject({ ok: false, error: { code: 'bad-params' } });
    expect(!response.ok && response.error.message).toMatch(new RegExp(`^${bad!.field}: `));
  });
});
