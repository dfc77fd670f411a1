import type { RpcError } from '../messages';

export const DEFAULT_RPC_TIMEOUT_MS = 5_000;

/** How a request ended when it did not get a successful response. Every request ends exactly once. */
export class RpcFailure extends Error {
  constructor(
    readonly code: 'timeout' | 'disconnected' | 'remote' | 'invalid-response',
    message: string,
    readonly remote?: RpcError,
  ) {
    super(message);
    this.name = 'RpcFailure';
  }
}
