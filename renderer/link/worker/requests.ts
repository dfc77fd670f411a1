import type { z } from 'zod';
import { RPC, type MethodContract, type RpcResponse } from '../../../shared/protocol';
import type { RequestOutcome } from '../messages';

interface Pending {
  timer: ReturnType<typeof setTimeout>;
  settle: (outcome: RequestOutcome) => void;
  /** The method's contract; null for a method the shared contracts do not name (link tests probe those). */
  contract: MethodContract | null;
  name: string;
}

/** The shared contract of `service`'s `method`, if it has one. */
export function contractOf(service: string, method: string): MethodContract | null {
  const methods = (RPC as Record<string, Record<string, MethodContract> | undefined>)[service];
  return Object.hasOwn(RPC, service) && methods && Object.hasOwn(methods, method) ? methods[method]! : null;
}

/**
 * Requests waiting for a response on this console's reply topic. Each one settles exactly once: with the first
 * response carrying its correlation id, or with a timeout. Anything arriving later is reported as late. A result is
 * parsed with its method's result schema here, off the UI thread, and once: what does not fit ends the request as
 * `invalid-response`, so the console never uses a result it did not check.
 */
export class PendingRequests {
  private readonly pending = new Map<string, Pending>();

  start(id: string, timeoutMs: number, settle: (outcome: RequestOutcome) => void, contract: MethodContract | null = null, name = id): void {
    if (this.pending.has(id)) throw new Error(`request ${id} is already pending`);
    const timer = setTimeout(() => {
      this.finish(id, { ok: false, code: 'timeout', message: `no response within ${timeoutMs} ms` });
    }, timeoutMs);
    this.pending.set(id, { timer, settle, contract, name });
  }

  /** Settles the request a response answers; returns false when no request is waiting for it (late or unknown). */
  resolve(response: RpcResponse): boolean {
    const entry = this.pending.get(response.id);
    if (!entry) return false;
    return this.finish(response.id, outcomeOf(response, entry.contract, entry.name));
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

/** What a response means for its caller, with the result parsed by the method's contract. */
export function outcomeOf(response: RpcResponse, contract: MethodContract | null, name: string): RequestOutcome {
  if (!response.ok) return { ok: false, code: 'remote', message: `${response.error.code}: ${response.error.message}`, remote: response.error };
  if (!contract) return { ok: true, result: response.result };
  const parsed = (contract.result as z.ZodType).safeParse(response.result);
  if (parsed.success) return { ok: true, result: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue ? ` (${issue.path.join('.') || 'result'}: ${issue.message})` : '';
  return { ok: false, code: 'invalid-response', message: `${name} answered with something unexpected${where}` };
}
