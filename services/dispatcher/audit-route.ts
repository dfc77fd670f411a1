import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Verified } from '../auth/tokens';
import { sendJson } from '../http/json';
import type { HttpRoute } from '../http/route';
import { exportAudit } from './audit-export';
import type { AuditLog } from './audit-log';
import { AuditExportParams } from '../../shared/protocol/rpc/index';

export interface AuditRouteDeps {
  log: AuditLog;
  verify(token: string): Promise<Verified>;
  onError?(error: unknown): void;
}

/** Entries per HTTP page at most; the response names the next page's cursor in `x-audit-next`. */
const MAX_HTTP_ENTRIES = 100_000;
const MAX_HTTP_CHARS = 64 * 1024 * 1024;

const whole = z.coerce.number().int().nonnegative();
const HttpParams = AuditExportParams.extend({
  from: whole.optional(),
  to: whole.optional(),
  after: whole.optional(),
  limit: z.coerce.number().int().positive().max(MAX_HTTP_ENTRIES).default(MAX_HTTP_ENTRIES),
});

/** What handleAudit answers; docs/protocol.md ("HTTP API") lists it. */
export const AUDIT_ROUTES: readonly HttpRoute[] = [{ method: 'GET', path: '/api/audit' }];

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { error: code, message });
}

/**
 * `GET /api/audit?from=&to=&after=&limit=&format=jsonl|csv&classId=&requestId=` with a supervisor's bearer token: the
 * audit log as a download. Returns false for other paths.
 */
export async function handleAudit(req: IncomingMessage, res: ServerResponse, deps: AuditRouteDeps): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://backend');
  if (url.pathname !== '/api/audit') return false;
  if (req.method !== 'GET') {
    refuse(res, 405, 'method-not-allowed', 'read the audit log with GET');
    return true;
  }
  const match = /^Bearer ([^\s]+)$/i.exec(req.headers.authorization ?? '');
  if (!match) {
    refuse(res, 401, 'unauthenticated', 'send Authorization: Bearer <token>');
    return true;
  }
  const verified = await deps.verify(match[1]!);
  if (!verified.ok) {
    refuse(res, 401, verified.failure, verified.message);
    return true;
  }
  if (verified.claims.role !== 'supervisor') {
    refuse(res, 403, 'forbidden', 'only supervisors read the audit log');
    return true;
  }
  const parsed = HttpParams.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    refuse(res, 400, 'bad-params', issue ? `${issue.path.join('.') || 'query'}: ${issue.message}` : 'invalid query');
    return true;
  }
  const page = await exportAudit(deps.log, parsed.data, MAX_HTTP_CHARS);
  const csv = page.format === 'csv';
  res.writeHead(200, {
    'content-type': csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    'content-disposition': `attachment; filename="audit.${csv ? 'csv' : 'jsonl'}"`,
    'content-length': Buffer.byteLength(page.text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'x-audit-count': String(page.count),
    ...(page.next !== null ? { 'x-audit-next': String(page.next) } : {}),
  });
  res.end(page.text);
  return true;
}
