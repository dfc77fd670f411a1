import type { z } from 'zod';
import { encode, type Outbound } from '../../shared/protocol/codec';
import type { RpcError, RpcRequest, RpcResponse } from '../../shared/protocol/messages';
import type { MethodContract, ServiceContract } from '../../shared/protocol/rpc/contract';
import { topic } from '../../shared/protocol/topics';
import type { ServiceDeclaration } from './declaration';
import { RpcRefusal } from './refusal';

type AnyMethod = (params: unknown, userId: string) => unknown;

export interface AnswerChannel {
  root: string;
  /** Publishes a reply; a reply that cannot be sent (not connected) is lost, and the requester times out. */
  publish(message: Outbound): void;
  onError(error: unknown): void;
}

/** The first problem a schema found, as `path: message`; the path of the whole value reads `what`. */
export function firstIssue(error: z.ZodError, what: string): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || what}: ${issue.message}` : `invalid ${what}`;
}

/**
 * Answers one service's requests on the requesters' reply topics, each exactly once, against the service's contract:
 * a request whose deadline has passed is skipped (the requester has given up, and acting now would surprise them); an
 * unknown method is `unknown-method`; params that fail the method's `params` schema are `bad-params` with the first
 * problem; an RpcRefusal is answered as it says; any other failure is reported and answered `internal` without its
 * details; a result that does not fit in one reply is `too-large`; a result that breaks the method's `result`
 * schema is reported and answered `internal`, so a console never receives a shape it would reject. A synchronous
 * method is answered before the next message is handled, so one requester's replies keep their order.
 */
export class RequestAnswers<C extends ServiceContract> {
  constructor(
    private readonly service: string,
    private readonly rpc: NonNullable<ServiceDeclaration<C>['rpc']>,
    private readonly channel: AnswerChannel,
  ) {}

  answer(userId: string, request: RpcRequest): void {
    if (request.deadline < Date.now()) return;
    const { contract, methods } = this.rpc;
    const name = request.method;
    if (!Object.hasOwn(contract, name) || !Object.hasOwn(methods, name)) {
      return this.fail(userId, request, { code: 'unknown-method', message: `the ${this.service} service has no method ${name}` });
    }
    const method = contract[name] as MethodContract;
    const params = method.params.safeParse(request.params);
    if (!params.success) return this.fail(userId, request, { code: 'bad-params', message: firstIssue(params.error, 'params') });
    let outcome: unknown;
    try {
      outcome = (methods[name as keyof typeof methods] as AnyMethod)(params.data, userId);
    } catch (error) {
      return this.refuse(userId, request, error);
    }
    if (outcome instanceof Promise) {
      outcome.then(
        (result: unknown) => this.succeed(userId, request, method, result),
        (error: unknown) => this.refuse(userId, request, error),
      );
    } else {
      this.succeed(userId, request, method, outcome);
    }
  }

  private succeed(userId: string, request: RpcRequest, method: MethodContract, result: unknown): void {
    let message: Outbound;
    try {
      message = encode('reply', this.replyTopic(userId, request), { v: 1, id: request.id, ok: true, result: result ?? null });
    } catch (error) {
      if (error instanceof RangeError) {
        return this.fail(userId, request, { code: 'too-large', message: `the ${this.service} service's answer is too large for one reply` });
      }
      return this.refuse(userId, request, error);
    }
    // Checked once it is known to fit, so the work is bounded by the reply's size.
    const checked = method.result.safeParse(result);
    if (!checked.success) {
      const broken = new Error(`${this.service}.${request.method} answered outside its contract: ${firstIssue(checked.error, 'result')}`);
      return this.refuse(userId, request, broken);
    }
    this.channel.publish(message);
  }

  private refuse(userId: string, request: RpcRequest, error: unknown): void {
    if (error instanceof RpcRefusal) return this.fail(userId, request, { code: error.code, message: error.message });
    this.channel.onError(error);
    this.fail(userId, request, { code: 'internal', message: `the ${this.service} service failed to answer` });
  }

  private fail(userId: string, request: RpcRequest, error: RpcError): void {
    const response: RpcResponse = { v: 1, id: request.id, ok: false, error: { code: error.code.slice(0, 64), message: error.message.slice(0, 500) } };
    this.channel.publish(encode('reply', this.replyTopic(userId, request), response));
  }

  private replyTopic(userId: string, request: RpcRequest): string {
    return topic('reply', { userId, sessionId: request.replyTo }, this.channel.root);
  }
}
