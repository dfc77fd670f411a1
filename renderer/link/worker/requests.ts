import type { RpcResponse } from '../../../shared/protocol';
import type { RequestOutcome } from '../messages';

interface Pending {
  timer: ReturnType<typeof setTimeout>;
  settle: (outcome: RequestOutcome) => void;
}

/**
 * Requests waiting for a response on this session's reply topic. Each one settles exactly once: with the first
 * response carrying its correlation id, or with a timeout. Anything arriving later is reported as late.
 */
export class PendingRequests {
  private readonly pending = new Map<string, Pending>();

  start(id: string, timeoutMs: number, settle: (outcome: RequestOutcome) => void): void {
    if (this.pending.has(id)) throw new Error(`request ${id} is already pending`);
    const timer = setTimeout(() => {
      this.finish(id, { ok: false, code: 'timeout', message: `no response within ${timeoutMs} ms` });
    }, timeoutMs);
    this.pending.set(id, { timer, settle });
  }

  /** Settles the request a response answers; returns false when no request is waiting for it (late or unknown). */
  resolve(response: RpcResponse): boolean {
    const outcome: RequestOutcome = response.ok
      ? { ok: true, result: response.result }
      : { ok: false, code: 'remote', message: `${response.error.code}: ${response.error.message}` };
    return this.finish(response.id, outcome);
  }

  fail(id: string, code: 'disconnected', message: string): boolean {
    return this.finish(id, { ok: false, code, message });
  }

  failAll(code: 'disconnected', message: string): void {
    for (const id of [...this.pending.keys()]) this.fail(id, code, message);
  }

  get size(): number {
    return this.pending.size;
  }

  private finish(id: string, outcome: RequestOutcome): boolean {
    const entry = this.pending.get(id);
    if (!entry) return false;
    this.pending.delete(id);
    clearTimeout(entry.timer);
    entry.settle(outcome);
    return true;
  }
}
