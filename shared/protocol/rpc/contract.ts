import type { z } from 'zod';

/**
 * One RPC method of a backend service: what its params must be and what it answers. The service parses params with
 * `params` before its handler runs, and the console parses the result with `result` before anything uses it, so a
 * service and a console can never silently disagree about a shape.
 */
export interface MethodContract<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  params: P;
  result: R;
  /** One line for docs/protocol.md's methods table. */
  summary: string;
}

export type ServiceContract = Readonly<Record<string, MethodContract>>;

export function method<P extends z.ZodType, R extends z.ZodType>(params: P, result: R, summary: string): MethodContract<P, R> {
  return { params, result, summary };
}

export type MethodOf<C extends ServiceContract> = keyof C & string;
/** What a caller passes (defaults may be left out). */
export type ParamsOf<C extends ServiceContract, M extends MethodOf<C>> = z.input<C[M]['params']>;
/** What a handler receives once the params are parsed. */
export type ParsedParamsOf<C extends ServiceContract, M extends MethodOf<C>> = z.output<C[M]['params']>;
/** What a handler returns and a caller gets once the result is parsed. */
export type ResultOf<C extends ServiceContract, M extends MethodOf<C>> = z.output<C[M]['result']>;
