import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Bearer } from './bearer';
import { ReleaseError } from './errors';
import type { ReleaseService } from './release-service';

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** The path's `{name}` segments, URL-decoded. */
  params: Record<string, string>;
  service: ReleaseService;
  /** Null on the routes installs use, which need no token. */
  bearer: Bearer | null;
}

export interface RouteSpec {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT';
  /** `{name}` stands for one path segment. */
  path: string;
  /** `none`: installs; `read`: admins and supervisors; `admin`: admins only. */
  auth: 'none' | 'read' | 'admin';
  handle(context: RouteContext): Promise<void>;
}

/** A path segment or body field checked against its schema; the refusal names what is wrong. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, code: string, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new ReleaseError(400, code, `${what}: ${where}${issue?.message ?? 'invalid'}`);
}
