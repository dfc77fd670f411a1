// Requests through the link against the real embedded backend: results are parsed by the shared contracts in the
// worker, and a result that does not fit its contract ends the request as invalid-response.
import { connectAsync, type MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decode, encode, filter, topic } from '../../../shared/protocol';
import { launchBackend, type RunningBackend } from '../../../services/backend';
import { serviceLogin } from '../../../services/testing/clients';
import { signedIn as signedInAs, until, type LinkHarness } from './link-harness';

let backend: RunningBackend;
/** Stands in for the SFU service (not running here) and answers every request with what `answer` gives. */
let fakeSfu: MqttClient;
let answer: (params: unknown) => unknown = () => ({});
const harnesses: LinkHarness[] = [];

beforeAll(async () => {
  ({ backend } = await launchBackend({ classes: 2, simulate: false }));
  fakeSfu = await connectAsync(backend.mqttUrl, { ...(await serviceLogin(backend)), protocolVersion: 4 });
  fakeSfu.on('message', (name, payload) => {
    const decoded = decode(name, payload, 'classroom', false);
    if (!decoded.ok || decoded.kind !== 'serviceRequest') return;
    const request = decoded.message;
    const reply = encode('reply', topic('reply', { userId: decoded.params.userId, sessionId: request.replyTo }), {
      v: 1,
      id: request.id,
      ok: true,
      result: answer(request.params),
    });
    void fakeSfu.publishAsync(reply.topic, Buffer.from(reply.payload), { qos: 1 });
  });
  await fakeSfu.subscribeAsync(filter('serviceRequest', { service: 'sfu' }), { qos: 1 });
});
afterAll(async () => {
  await fakeSfu?.endAsync();
  await backend?.close();
});
afterEach(() => {
  for (const harness of harnesses.splice(0)) harness.send({ type: 'disconnect' });
});

const signedIn = (username: string) => signedInAs(backend, username, harnesses);

describe('requests against the shared contracts', () => {
  it("hands over a real service's result as its contract parsed it", async () => {
    const teacher = await signedIn('teacher1');
    teacher.send({ type: 'request', id: 'chat-1', service: 'moderation', method: 'chat.send', params: { classId: 'class-0001', id: 'chat-1', text: 'hello' }, timeoutMs: 5_000 });
    const [outcome] = await until('the chat answered', () => teacher.settled('chat-1').length > 0 && teacher.settled('chat-1'));
    expect(outcome).toEqual({ ok: true, result: { status: 'delivered', text: 'hello' } });
  });

  it('ends a request whose result does not fit the contract as invalid-response, once', async () => {
    const teacher = await signedIn('teacher1');
    answer = () => ({ routerRtpCapabilities: 'not an object' });
    teacher.send({ type: 'request', id: 'sfu-1', service: 'sfu', method: 'join', params: { classId: 'class-0001' }, timeoutMs: 5_000 });
    await until('the join settled', () => teacher.settled('sfu-1').length > 0);
    expect(teacher.settled('sfu-1')).toMatchObject([{ ok: false, code: 'invalid-response', message: expect.stringContaining('sfu join answered with something unexpected') }]);

    answer = () => ({ routerRtpCapabilities: { codecs: [] } });
    teacher.send({ type: 'request', id: 'sfu-2', service: 'sfu', method: 'join', params: { classId: 'class-0001' }, timeoutMs: 5_000 });
    await until('the second join settled', () => teacher.settled('sfu-2').length > 0);
    expect(teacher.settled('sfu-2')).toEqual([{ ok: true, result: { routerRtpCapabilities: { codecs: [] } } }]);
  });

  it('refuses params the contract does not allow before sending them', async () => {
    const teacher = await signedIn('teacher1');
    teacher.send({ type: 'request', id: 'bad-1', service: 'moderation', method: 'chat.send', params: { classId: 'class-0001', text: 'no id' }, timeoutMs: 5_000 });
    await until('the refusal', () => teacher.settled('bad-1').length > 0);
    expect(teacher.settled('bad-1')).toMatchObject([{ ok: false, code: 'invalid-request' }]);
  });
});
