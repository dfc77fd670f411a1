import { describe, expect, it } from 'vitest';
import { RpcFailure } from '../../../shared/protocol';
import type { SupervisorPort } from '../../session/ports';
import { DispatcherError, claimRequest, requestAudit } from './dispatcherClient';

function port(answer: () => Promise<unknown>): SupervisorPort {
  return { dispatcher: answer as SupervisorPort['dispatcher'], publish: () => 'x', watchClass: () => undefined };
}

describe('the dispatcher client', () => {
  it("turns a malformed result into an error a supervisor sees, in the console's own words", async () => {
    const failing = port(() => Promise.reject(new RpcFailure('invalid-response', 'dispatcher help.claim answered with something unexpected (status: …)')));
    const error = await claimRequest(failing, 'h1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DispatcherError);
    expect(error).toMatchObject({ code: 'invalid-response', message: 'the dispatcher answered help.claim with something unexpected' });
  });

  it("keeps the dispatcher's refusal code (so the console can explain it) and its words", async () => {
    const refusing = port(() => Promise.reject(new RpcFailure('remote', 'tags-present: the tags are still there', { code: 'tags-present', message: 'the tags are still there' })));
    await expect(claimRequest(refusing, 'h1')).rejects.toMatchObject({ code: 'tags-present', message: 'the tags are still there' });
    const silent = port(() => Promise.reject(new RpcFailure('timeout', 'no response within 5000 ms')));
    await expect(claimRequest(silent, 'h1')).rejects.toMatchObject({ code: 'timeout', message: 'no response within 5000 ms' });
  });

  it('reads the audit trail line by line, skipping lines that are not entries', async () => {
    const entry = { seq: 1, at: 5, action: 'claimed', actor: { id: 'supervisor1', kind: 'supervisor' }, requestId: 'h1', detail: '' };
    const text = [JSON.stringify(entry), 'not json', JSON.stringify({ seq: 'x' }), ''].join('\n');
    const audit = port(async () => ({ format: 'jsonl', text, count: 3, next: null }));
    expect(await requestAudit(audit, 'h1')).toEqual([entry]);
  });
});
