import { z } from 'zod';
import { IPC, type IpcChannel, type IpcRequest, type IpcResponse } from '../../shared/ipc/contract';
import type { IpcSender } from './sender';

export type IpcHandlers = { [C in IpcChannel]: (request: IpcRequest<C>) => IpcResponse<C> | Promise<IpcResponse<C>> };

/** The renderer sent something main refuses; the message says why and goes back to the caller. */
export class IpcRefused extends Error {
  override readonly name = 'IpcRefused';
}

export interface IpcDispatcherOptions {
  handlers: IpcHandlers;
  isTrusted(sender: IpcSender): boolean;
  /** Told about every refusal and every handler failure, so they are not only visible to the renderer. */
  report?(problem: string): void;
}

export type IpcDispatch = <C extends IpcChannel>(channel: C, sender: IpcSender, args: readonly unknown[]) => Promise<IpcResponse<C>>;

/**
 * Checks, in order, that the channel exists, the sender is the console, the request matches the channel's schema,
 * and the handler's answer matches the response schema. A handler only ever sees a parsed, valid request.
 */
export function createIpcDispatcher({ handlers, isTrusted, report = () => {} }: IpcDispatcherOptions): IpcDispatch {
  const refuse = (problem: string): never => {
    report(problem);
    throw new IpcRefused(problem);
  };

  return async <C extends IpcChannel>(channel: C, sender: IpcSender, args: readonly unknown[]): Promise<IpcResponse<C>> => {
    if (!Object.hasOwn(IPC, channel)) return refuse(`unknown IPC channel "${String(channel)}"`);
    if (!isTrusted(sender)) {
      return refuse(`${channel}: refused a message from ${sender.frameUrl ?? 'a destroyed frame'} (webContents ${sender.webContentsId}), which is not the console`);
    }
    if (args.length > 1) return refuse(`${channel}: expected at most one argument, got ${args.length}`);

    const schema = IPC[channel];
    const request = schema.request.safeParse(args[0]);
    if (!request.success) return refuse(`${channel}: invalid request: ${z.prettifyError(request.error)}`);

    const handler = handlers[channel] as (request: unknown) => unknown;
    const answer = await handler(request.data);
    const response = schema.response.safeParse(answer);
    if (!response.success) {
      report(`${channel}: handler produced an invalid response: ${z.prettifyError(response.error)}`);
      throw new Error(`${channel}: main could not produce a valid answer`);
    }
    return response.data as IpcResponse<C>;
  };
}
