import { z } from 'zod';
import { Id } from './ids';
import { PERSON_ROLES } from '../auth/claims';

/** Every payload is a JSON object with `v`, the protocol version it was written for. */
const v1 = z.literal(1);
const timestamp = z.number().int().nonnegative();
const label = z.string().min(1).max(120);

export const ClassState = z.enum(['scheduled', 'live', 'ended']);
export type ClassState = z.infer<typeof ClassState>;

export const ClassSummary = z.object({
  v: v1,
  id: Id,
  title: label,
  teacher: z.object({ id: Id, name: label }),
  state: ClassState,
  region: z.string().max(32),
  startsAt: timestamp,
  presence: z.object({ teachers: z.number().int().nonnegative(), students: z.number().int().nonnegative() }),
  capacity: z.number().int().positive().max(10_000),
  updatedAt: timestamp,
});
export type ClassSummary = z.infer<typeof ClassSummary>;

export const Presence = z.object({
  v: v1,
  userId: Id,
  name: label,
  role: z.enum(PERSON_ROLES),
  online: z.boolean(),
  device: z.string().max(80).optional(),
  appVersion: z.string().max(40).optional(),
  ts: timestamp,
});
export type Presence = z.infer<typeof Presence>;

export const ClassControl = z.object({
  v: v1,
  action: z.enum(['start', 'end']),
  /** Lets the sender recognise its own change when the directory echoes it back. */
  requestId: Id,
  ts: timestamp,
});
export type ClassControl = z.infer<typeof ClassControl>;

export const RpcRequest = z.object({
  v: v1,
  /** Correlation id: the response carries the same id. */
  id: Id,
  method: z.string().regex(/^[a-z][a-zA-Z0-9.]{0,63}$/),
  /** The session id segment of the requester's reply topic. */
  replyTo: Id,
  params: z.unknown(),
  /** The requester stops waiting at this time; a service may skip work that can no longer be answered. */
  deadline: timestamp,
});
export type RpcRequest = z.infer<typeof RpcRequest>;

export const RpcError = z.object({ code: z.string().max(64), message: z.string().max(500) });
export type RpcError = z.infer<typeof RpcError>;

export const RpcResponse = z.discriminatedUnion('ok', [
  z.object({ v: v1, id: Id, ok: z.literal(true), result: z.unknown() }),
  z.object({ v: v1, id: Id, ok: z.literal(false), error: RpcError }),
]);
export type RpcResponse = z.infer<typeof RpcResponse>;

export const Ping = z.object({ v: v1, seq: z.number().int().nonnegative(), sentAt: timestamp });
export type Ping = z.infer<typeof Ping>;
