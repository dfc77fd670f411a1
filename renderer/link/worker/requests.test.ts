import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestOutcome } from '../messages';
import { PendingRequests, contractOf } from './requests';

const chatSend = contractOf('moderation', 'chat.send');

describe('request results against the shared contracts', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function pending(): { requests: PendingRequests; outcomes: RequestOutcome[] } {
    const requests = new PendingRequests();
    const outcomes: RequestOutcome[] = [];
    requests.start('r1', 5_000, (outcome) => outcomes.push(outcome), chatSend, 'moderation chat.send');
    return { requests, outcomes };
  }

  it('knows the contract of every method the console calls, and none of names it does not', () => {
    expect(chatSend).not.toBeNull();
    expect(contractOf('dispatcher', 'help.status')).not.toBeNull();
    expect(contractOf('moderation', 'noSuchMethod')).toBeNull();
    expect(contractOf('nobody', 'echo')).toBeNull();
    expect(contractOf('moderation', 'toString')).toBeNull();
    expect(contractOf('constructor', 'name')).toBeNull();
  });

  it('hands over a result that fits the contract, as the contract parsed it', () => {
    const { requests, outcomes } = pending();
    requests.resolve({ v: 1, id: 'r1', ok: true, result: { status: 'delivered', text: 'hi' } });
    expect(outcomes).toEqual([{ ok: true, result: { status: 'delivered', text: 'hi' } }]);
  });

  it('ends a request whose result does not fit as invalid-response, saying which method and what was wrong', () => {
    const { requests, outcomes } = pending();
    requests.resolve({ v: 1, id: 'r1', ok: true, result: { status: 'delivered' } });
    expect(outcomes).toEqual([{ ok: false, code: 'invalid-response', message: 'moderation chat.send answered with something unexpected (text: Invalid input: expected string, received undefined)' }]);
    // Settled once: a second answer is late.
    expect(requests.resolve({ v: 1, id: 'r1', ok: true, result: { status: 'delivered', text: 'x' } })).toBe(false);
    expect(outcomes).toHaveLength(1);
  });

  it("keeps a service's refusal with its own code and words", () => {
    const { requests, outcomes } = pending();
    requests.resolve({ v: 1, id: 'r1', ok: false, error: { code: 'muted', message: 'you are muted' } });
    expect(outcomes).toEqual([{ ok: false, code: 'remote', message: 'muted: you are muted', remote: { code: 'muted', message: 'you are muted' } }]);
  });

  it('times out once when nothing answers', () => {
    const { outcomes } = pending();
    vi.advanceTimersByTime(5_000);
    expect(outcomes).toEqual([{ ok: false, code: 'timeout', message: 'no response within 5000 ms' }]);
  });
});
