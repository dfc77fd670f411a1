import { AuditEntry, RpcFailure, type ParamsOf, type ResultOf, type RPC } from '../../../shared/protocol';
import type { Remedy } from '../../../shared/tags/catalogue';
import type { DispatcherMethod, SupervisorPort } from '../../session/ports';

/**
 * The supervisors' side of the `dispatcher` RPC service (docs/protocol.md), through its shared contracts
 * (shared/protocol/rpc/dispatcher.ts): every result is parsed by its contract before it is used, and one that does
 * not fit is an error a supervisor sees, not a crash.
 */

type Dispatcher = (typeof RPC)['dispatcher'];

/** How an action ended for the person who asked: done, or why not, in words a supervisor can act on. */
export class DispatcherError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DispatcherError';
  }
}

async function call<M extends DispatcherMethod>(port: SupervisorPort, method: M, params: ParamsOf<Dispatcher, M>): Promise<ResultOf<Dispatcher, M>> {
  try {
    return await port.dispatcher(method, params);
  } catch (error) {
    if (error instanceof RpcFailure && error.code === 'invalid-response') {
      throw new DispatcherError('invalid-response', `the dispatcher answered ${method} with something unexpected`);
    }
    if (error instanceof RpcFailure) throw new DispatcherError(error.remote?.code ?? error.code, error.remote?.message ?? error.message);
    throw new DispatcherError('invalid-request', (error as Error).message);
  }
}

export const claimRequest = (port: SupervisorPort, id: string) => call(port, 'help.claim', { id });
export const releaseRequest = (port: SupervisorPort, id: string) => call(port, 'help.release', { id });
export const escalateRequest = (port: SupervisorPort, id: string, note: string) => call(port, 'help.escalate', { id, note });
export const resolveRequest = (port: SupervisorPort, id: string, note: string, force: boolean) => call(port, 'help.resolve', { id, note, force });
export const sendRemedy = (port: SupervisorPort, id: string, action: Remedy, to: string | undefined) =>
  call(port, 'help.remedy', to ? { id, action, to } : { id, action });
export const classTimeline = (port: SupervisorPort, classId: string, from?: number) =>
  call(port, 'class.timeline', from === undefined ? { classId } : { classId, from });

/** The audit entries of one request, oldest first (one page: a request has far fewer than a page holds). */
export async function requestAudit(port: SupervisorPort, requestId: string): Promise<AuditEntry[]> {
  const page = await call(port, 'audit.export', { requestId, format: 'jsonl', limit: 1_000 });
  const entries: AuditEntry[] = [];
  for (const line of page.text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = AuditEntry.safeParse(JSON.parse(line));
      if (parsed.success) entries.push(parsed.data);
    } catch {
      // A line that is not JSON is skipped; the rest of the trail is still worth showing.
    }
  }
  return entries;
}
