import type { z } from 'zod';
import type { Claims } from '../../shared/auth/claims';
import { encode } from '../../shared/protocol/codec';
import type { RpcError, RpcRequest, RpcResponse } from '../../shared/protocol/messages';
import { topic } from '../../shared/protocol/topics';
import type { ServiceConnection } from '../mqtt/service-connection';

/**
 * The claims a user currently holds, or undefined for a user the backend does not know. A request's sender is the
 * last segment of its topic (the ACL pins it to the token's subject), so this is all a service needs to check scope.
 */
export type ClaimsLookup = (userId: string) => Claims | undefined;

/** A refusal the requester sees as `{ok: false, error: {code, message}}`. */
export class RpcRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Parses a request's params, refusing with `bad-params` and the first problem. */
export function paramsOf<S extends z.ZodType>(schema: S, params: unknown): z.infer<S> {
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new RpcRefusal('bad-params', issue ? `${issue.path.join('.') || 'params'}: ${issue.message}` : 'invalid params');
}

/** The requester's claims, refusing when the backend does not know them or the class is outside their scope. */
export function requesterIn(lookup: ClaimsLookup, userId: string, classId: string): Claims {
  const claims = lookup(userId);
  if (!claims) throw new RpcRefusal('unknown-user', `${userId} has no session with this backend`);
  if (claims.classes !== '*' && !claims.classes.includes(classId)) {
    throw new RpcRefusal('forbidden', `${classId} is not in ${userId}'s scope`);
  }
  return claims;
}

export type Method = (userId: string, params: unknown) => unknown;
export type AsyncMethod = (userId: string, params: unknown) => Promise<unknown>;

/**
 * Answers one request exactly once on the requester's reply topic. Requests whose deadline has passed are skipped:
 * the requester has already given up, and acting now (delivering a chat message, say) would surprise them.
 */
export function answer(
  connection: ServiceConnection | null,
  root: string,
  service: string,
  userId: string,
  request: RpcRequest,
  methods: Record<string, Method>,
  onError?: (error: unknown) => void,
): void {
  if (request.deadline < Date.now()) return;
  const method = methodFor(request, methods);
  let response: RpcResponse;
  if (!method) response = unknownMethod(request, service);
  else {
    try {
      response = success(request, method(userId, request.params));
    } catch (error) {
      response = refused(request, service, error, onError);
    }
  }
  reply(connection, root, service, userId, request, response, onError);
}

/** answer() for methods that take time (mediasoup calls are asynchronous); the same rules, awaited. */
export async function answerAsync(
  connection: ServiceConnection | null,
  root: string,
  service: string,
  userId: string,
  request: RpcRequest,
  methods: Record<string, AsyncMethod>,
  onError?: (error: unknown) => void,
): Promise<void> {
  if (request.deadline < Date.now()) return;
  const method = methodFor(request, methods);
  let response: RpcResponse;
  if (!method) response = unknownMethod(request, service);
  else {
    try {
      response = success(request, await method(userId, request.params));
    } catch (error) {
      response = refused(request, service, error, onError);
    }
  }
  reply(connection, root, service, userId, request, response, onError);
}

function methodFor<M>(request: RpcRequest, methods: Record<string, M>): M | undefined {
  return Object.hasOwn(methods, request.method) ? methods[request.method] : undefined;
}

function unknownMethod(request: RpcRequest, service: string): RpcResponse {
  return failure(request, { code: 'unknown-method', message: `the ${service} service has no method ${request.method}` });
}

function success(request: RpcRequest, result: unknown): RpcResponse {
  return { v: 1, id: request.id, ok: true, result: result ?? null };
}

/** A refusal as the requester sees it; anything else is reported and answered as `internal`, without its details. */
function refused(request: RpcRequest, service: string, error: unknown, onError?: (error: unknown) => void): RpcResponse {
  if (error instanceof RpcRefusal) return failure(request, { code: error.code, message: error.message });
  onError?.(error);
  return failure(request, { code: 'internal', message: `the ${service} service failed to answer` });
}

function reply(
  connection: ServiceConnection | null,
  root: string,
  service: string,
  userId: string,
  request: RpcRequest,
  response: RpcResponse,
  onError?: (error: unknown) => void,
): void {
  const replyTopic = topic('reply', { userId, sessionId: request.replyTo }, root);
  let message;
  try {
    message = encode('reply', replyTopic, response);
  } catch (error) {
    // A result too large for one reply: the requester gets a refusal, never silence.
    if (!(error instanceof RangeError)) onError?.(error);
    message = encode('reply', replyTopic, failure(request, { code: 'too-large', message: `the ${service} service's answer is too large for one reply` }));
  }
  connection?.publish(message);
}

function failure(request: RpcRequest, error: RpcError): RpcResponse {
  return { v: 1, id: request.id, ok: false, error };
}
