/** A refusal the HTTP routes answer as `{error: code, message}` with `status`; nothing was changed. */
export class ReleaseError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ReleaseError(404, 'not-found', `${what} does not exist`);
