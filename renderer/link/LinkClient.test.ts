import { describe, expect, it } from 'vitest';
import { RpcFailure } from '../../shared/protocol';
import { LinkClient } from './LinkClient';
import { FakeWorker } from './testing/fakeWorker';

function client() {
  const worker = new FakeWorker();
  return { worker, link: new LinkClient(worker.asWorker, null) };
}

describe('requests through the link client', () => {
  it('sends the service, method and params, and resolves with the result the worker parsed by the contract', async () => {
    const { worker, link } = client();
    const reply = link.request('moderation', 'chat.send', { classId: 'class-0001', id: 'c1', text: 'hi' });
    const sent = worker.last('request')!;
    expect(sent).toMatchObject({ service: 'moderation', method: 'chat.send', params: { classId: 'class-0001', id: 'c1', text: 'hi' }, timeoutMs: 5_000 });
    worker.post({ type: 'settled', id: sent.id, outcome: { ok: true, result: { status: 'delivered', text: 'hi' } } });
    await expect(reply).resolves.toEqual({ status: 'delivered', text: 'hi' });
  });

  it('rejects a malformed result with RpcFailure invalid-response, never handing it over', async () => {
    const { worker, link } = client();
    const reply = link.request('dispatcher', 'help.status', { id: 'h1' });
    const message = 'dispatcher help.status answered with something unexpected (progress: Invalid option)';
    worker.post({ type: 'settled', id: worker.last('request')!.id, outcome: { ok: false, code: 'invalid-response', message } });
    const failure = await reply.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RpcFailure);
    expect(failure).toMatchObject({ code: 'invalid-response', message });
  });

  it("rejects a service's refusal with its code and words, and params the contract refused as a TypeError", async () => {
    const { worker, link } = client();
    const refused = link.request('dispatcher', 'help.claim', { id: 'h1' });
    worker.post({
      type: 'settled',
      id: worker.last('request')!.id,
      outcome: { ok: false, code: 'remote', message: 'claimed: held by Sam', remote: { code: 'claimed', message: 'held by Sam' } },
    });
    await expect(refused).rejects.toMatchObject({ code: 'remote', remote: { code: 'claimed', message: 'held by Sam' } });
    const invalid = link.request('dispatcher', 'help.claim', { id: 'bad/id' });
    worker.post({ type: 'settled', id: worker.last('request')!.id, outcome: { ok: false, code: 'invalid-request', message: 'id: bad' } });
    await expect(invalid).rejects.toBeInstanceOf(TypeError);
  });

  it('rejects what is still pending when it is disposed', async () => {
    const { worker, link } = client();
    const reply = link.request('board', 'snapshot', { classId: 'class-0001', pageId: 'p1' });
    link.dispose();
    expect(worker.terminated).toBe(true);
    await expect(reply).rejects.toMatchObject({ code: 'disconnected' });
  });
});

describe('batches through the link client', () => {
  it('hands every batch to its listeners and settles the connect outcome once', async () => {
    const { worker, link } = client();
    const seen: number[] = [];
    link.onBatch((batch) => seen.push(batch.summaries.length));
    const outcome = link.outcome();
    worker.batch({ status: { state: 'connecting', attempt: 0, rttMs: null, failure: null, detail: '' } });
    worker.batch({ status: { state: 'connected', attempt: 0, rttMs: null, failure: null, detail: '' } });
    await expect(outcome).resolves.toMatchObject({ state: 'connected' });
    expect(seen).toEqual([0, 0]);
    link.disconnect();
    worker.batch({});
    expect(seen).toEqual([0, 0]);
  });
});

describe('batches from the worker', () => {
  it('tells the worker once each batch is applied, also when a listener failed, so the next one can come', () => {
    const { worker, link } = client();
    const applied: number[] = [];
    link.onBatch((batch) => applied.push(batch.summaries.length));
    worker.batch({});
    expect(worker.sent.filter((c) => c.type === 'applied')).toHaveLength(1);
    link.onBatch(() => {
      throw new Error('a store failed');
    });
    expect(() => worker.batch({})).toThrow('a store failed');
    expect(applied).toHaveLength(2);
    expect(worker.sent.filter((c) => c.type === 'applied')).toHaveLength(2);
  });
});
