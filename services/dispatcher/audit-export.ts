import type { AuditExportParams, AuditPage } from '../../shared/protocol/rpc/index';
import { toCsv, toJsonl, type AuditEntry, type AuditLog } from './audit-log';

/**
 * One page of the audit log as JSONL or CSV, cut to `maxChars` so it fits where it is going (one RPC reply). A page
 * cut short, or as long as the limit, names the cursor of the next one.
 */
export async function exportAudit(log: AuditLog, params: AuditExportParams, maxChars: number): Promise<AuditPage> {
  const entries = await log.query({ ...params, limit: params.limit + 1 });
  const more = entries.length > params.limit;
  let page: AuditEntry[] = entries.slice(0, params.limit);
  const render = (list: readonly AuditEntry[]) => (params.format === 'csv' ? toCsv(list, params.after === undefined) : toJsonl(list));
  let text = render(page);
  let cut = false;
  while (text.length > maxChars && page.length > 0) {
    page = page.slice(0, Math.max(0, Math.floor(page.length * (maxChars / text.length) * 0.9)));
    text = render(page);
    cut = true;
  }
  const last = page.at(-1);
  return { format: params.format, text, count: page.length, next: (more || cut) && last ? last.seq : null };
}
