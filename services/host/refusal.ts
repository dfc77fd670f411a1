/**
 * A method's refusal, answered as `{ok: false, error: {code, message}}`. Anything else a method throws is a failure:
 * the host reports it and answers `internal`, without its details.
 */
export class RpcRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RpcRefusal';
  }
}
