import type { z } from 'zod';
import { encode } from '../../shared/protocol/codec';
import type { RpcError, RpcRequest, RpcResponse } from '../../shared/protocol/messages';
import { topic } from '../../shared/protocol/topics';
import type { ServiceConnection } from '../mqtt/service-connection';
import { RpcRefusal } from '../classroom/rpc';

export type AsyncMethod = (userId: string, params: unknown) => Promise<unknown>;

/** Parses params with a schema, refusing with `bad-params` and the first problem. */
export function parsed<S extends z.ZodType>(schema: S, params: unknown): z.infer<S> {
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new RpcRefusal('bad-params', issue ? `${issue.path.join('.') || 'params'}: ${issue.message}` : 'invalid params');
}

/**
 * Answers one request exactly once on the requester's reply topic, for methods that take time (mediasoup calls are
 * asynchronous). A request whose deadline passed before it was handled is skipped: the requester gave up on it.
 */
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
  const method = Object.hasOwn(methods, request.method) ? methods[request.method] : undefined;
  let response: RpcResponse;
  if (!method) {
    response = failure(request, { code: 'unknown-method', message: `the ${service} service has no method ${request.method}` });
  } else {
    try {
      response = { v: 1, id: request.id, ok: true, result: (await method(userId, request.params)) ?? null };
    } catch (error) {
      if (!(error instanceof RpcRefusal)) onError?.(error);
      response =
        error instanceof RpcRefusal
          ? failure(request, { code: error.code, message: error.message })
          : failure(request, { code: 'internal', message: `the ${service} service failed: ${((error as Error).message || 'unknown error').slice(0, 300)}` });
    }
  }
  const replyTopic = topic('reply', { userId, sessionId: request.replyTo }, root);
  let reply;
  try {
    reply = encode('reply', replyTopic, response);
  } catch {
    reply = encode('reply', replyTopic, failure(request, { code: 'too-large', message: `the ${service} service's answer is too large for one reply` }));
  }
  connection?.publish(reply);
}

function failure(request: RpcRequest, error: RpcError): RpcResponse {
  return { v: 1, id: request.id, ok: false, error };
}
